import type { PartialDate } from '../schemas/partial-date';

/** The months' names in English, January first. */
export const MONTHS = Array.from({ length: 12 }, (_, month) =>
	new Date(Date.UTC(2000, month)).toLocaleString('en', { month: 'long', timeZone: 'UTC' }),
);

/** The first day a partial date can mean: `2023-11` → `2023-11-01`. */
export function earliestDay(date: PartialDate): string {
	return date.length === 4 ? `${date}-01-01` : date.length === 7 ? `${date}-01` : date;
}

/** The last day a partial date can mean: `2023-11` → `2023-11-31` (compared as text, so 31 is safe). */
export function latestDay(date: PartialDate): string {
	return date.length === 4 ? `${date}-12-31` : date.length === 7 ? `${date}-31` : date;
}

/** How many days the month of a `YYYY-MM-DD…` text has (day 0 of the next month is its last day). */
export function daysInMonth(day: string): number {
	return new Date(Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)), 0)).getUTCDate();
}

/** A partial date in words, only as precise as it is: `2017`, `November 2023`, `28 January 2024`. */
export function formatPartialDate(date: PartialDate): string {
	const [year, month, day] = date.split('-');
	const monthName = month ? MONTHS[Number(month) - 1] : undefined;
	if (day) return `${Number(day)} ${monthName} ${year}`;
	if (monthName) return `${monthName} ${year}`;
	return year ?? date;
}

/** The calendar day of a moment in UTC, as a partial date. */
export function dayOf(moment: Date): PartialDate {
	return moment.toISOString().slice(0, 10);
}

// Made once: listings format thousands of dates, and a formatter costs far more to create than to use.
const MOMENT_DATE = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'UTC' });
const MOMENT_DATE_AND_TIME = new Intl.DateTimeFormat('en-GB', {
	dateStyle: 'long',
	timeStyle: 'short',
	timeZone: 'UTC',
});

/** A moment as readers see it, in UTC: "30 January 2024", or with the time "30 January 2024 at 20:00". */
export function formatMoment(moment: Date, withTime = false): string {
	return (withTime ? MOMENT_DATE_AND_TIME : MOMENT_DATE).format(moment);
}
