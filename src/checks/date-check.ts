import { PartialDateSchema, type PartialDate } from '../schemas/partial-date';
import { dayOf, earliestDay, latestDay } from '../utils/partial-dates';
import { listAt, problemAt, OWN_FILE, scoped } from './check';
import type { ContentFile } from './content-files';
import type { Problem } from './problem';

const partialDate = PartialDateSchema();
/** A date as the schema reads it (YYYY, YYYY-MM or YYYY-MM-DD), or undefined when it is not one. */
export const asPartialDate = (value: unknown) => {
	const result = partialDate.safeParse(value);
	return result.success ? result.data : undefined;
};

/** The day an explainer's facts hold, and the field that says so: `asOf`, else the day of `published`. */
export function storyDayOf(file: ContentFile): { day: PartialDate; field: 'asOf' | 'published' } | undefined {
	const data = (file.data ?? {}) as { asOf?: unknown; published?: unknown };
	const asOf = asPartialDate(data.asOf);
	// `asOf` is a full day (YYYY-MM-DD): it takes no other precision.
	if (asOf?.length === 10) return { day: asOf, field: 'asOf' };
	const published = typeof data.published === 'string' ? new Date(data.published) : undefined;
	if (!published || Number.isNaN(published.getTime())) return undefined;
	return { day: dayOf(published), field: 'published' };
}

/**
 * How to fix a date after the explainer's day: `published` never changes (docs/editing.md, "Update an explainer"),
 * and `asOf` moves only if every fact of the explainer holds as of the later day.
 */
export const afterStoryDayHint = (check: string, field: 'asOf' | 'published') =>
	field === 'asOf'
		? `${check}, or move \`asOf\` to that day if every fact of the explainer holds as of then`
		: `${check}; what was said after the explainer’s day belongs in a new explainer (never change \`published\`)`;

/** The fields of an actor whose items carry `from` and `to`. */
export const DATED_FIELDS = ['roles', 'affiliations', 'summary'] as const;

/** A date and time as YAML gives it (text) or as a Date, in milliseconds; undefined when it is neither. */
const timeOf = (value: unknown) => {
	const time = value instanceof Date || typeof value === 'string' ? new Date(value).getTime() : Number.NaN;
	return Number.isNaN(time) ? undefined : time;
};

const DAY = 24 * 60 * 60 * 1000;

/** A role, relation or summary as an actor's file holds it: its dates, if any, may be of any kind. */
type DatedFact = { from?: unknown; to?: unknown };

/** Whether a fact's `to` is before its `from`: no day holds it, which the checks report once, here. */
export function endsBeforeItStarts(fact: unknown): boolean {
	const from = asPartialDate((fact as DatedFact | null)?.from);
	const to = asPartialDate((fact as DatedFact | null)?.to);
	return from !== undefined && to !== undefined && latestDay(to) < earliestDay(from);
}

/**
 * Dates that parse but cannot be true together: the timeline or a quote after the day the explainer's facts hold, the
 * timeline out of order, a correction before publication or after the last update, roles ending before they start.
 */
export const dateCheck = scoped(OWN_FILE, ({ articles, actors }) => [
	...articles.flatMap((file): Problem[] => {
		const storyDay = storyDayOf(file);
		const storyDayIs = storyDay?.field === 'asOf' ? 'the explainer’s `asOf` date' : 'the explainer was published';
		// When every quote and event is dated after the story's day, that day is the likely mistake (a year typed
		// wrong): one problem there, not one at each date.
		const datesGiven = ['quotes', 'timeline'].flatMap((list) =>
			listAt<{ date?: unknown } | null>(file, list).flatMap((item) => asPartialDate(item?.date) ?? []),
		);
		// `published: 2024-03-01T08:00:00+09:00` is 29 February in UTC, the day the site dates the page: dates of
		// 1 March are after it, though not after the day the editor wrote. One problem, at `published`.
		const written = (file.data as { published?: unknown } | undefined)?.published;
		const writtenDay = storyDay?.field === 'published' && typeof written === 'string' ? written.slice(0, 10) : '';
		const shiftedByZone = (date: PartialDate) =>
			storyDay !== undefined && earliestDay(date) > storyDay.day && earliestDay(date) <= writtenDay;
		const allAfter =
			storyDay !== undefined &&
			datesGiven.length > 1 &&
			datesGiven.every((date) => earliestDay(date) > storyDay.day && !shiftedByZone(date));
		const storyDayProblems: Problem[] =
			storyDay && allAfter
				? [
						problemAt(file, [storyDay.field], {
							message: `${storyDay.day} is before every date of the quotes and timeline (the earliest: ${datesGiven.toSorted()[0]})`,
							hint: `check the date of \`${storyDay.field}\`, its year first`,
						}),
					]
				: [];
		const shifted = datesGiven.filter(shiftedByZone);
		const zoneProblems: Problem[] =
			storyDay && !allAfter && shifted.length > 0
				? [
						problemAt(file, ['published'], {
							message: `${written} is ${storyDay.day} in UTC, the day the site dates the page, so ${shifted.length === 1 ? `a date of the quotes and timeline (${shifted[0]}) is` : `${shifted.length} dates of the quotes and timeline (${[...new Set(shifted)].join(', ')}) are`} after it`,
							hint: `date them by UTC days (${storyDay.day}), or give \`published\` a time that is ${writtenDay} in UTC too, e.g. ${writtenDay}T12:00:00Z`,
						}),
					]
				: [];
		/** A quote's or an event's date after the story's day: the story cannot report it. */
		const afterStoryDay = (path: (string | number)[], date: PartialDate, check: string): Problem[] =>
			storyDay && !allAfter && !shiftedByZone(date) && earliestDay(date) > storyDay.day
				? [
						problemAt(file, path, {
							message: `${date} is after ${storyDayIs} (${storyDay.day})`,
							hint: afterStoryDayHint(check, storyDay.field),
						}),
					]
				: [];
		const quotes = listAt<{ date?: unknown } | null>(file, 'quotes').flatMap((quote, index): Problem[] => {
			const date = asPartialDate(quote?.date);
			return date
				? afterStoryDay(['quotes', index, 'date'], date, 'a quote is reported by the story: check the date')
				: [];
		});
		const published = timeOf((file.data as { published?: unknown } | undefined)?.published);
		const dated = listAt<{ date?: unknown } | null>(file, 'corrections').flatMap((correction, index) => {
			const time = timeOf(correction?.date);
			return time === undefined ? [] : [{ time, index }];
		});
		const corrections = dated
			.filter(({ time }) => published !== undefined && time < published)
			.map(({ index }) =>
				problemAt(file, ['corrections', index, 'date'], {
					message: 'this correction is dated before `published`: a correction follows what it corrects',
					hint: 'check the date and time, with its time zone',
				}),
			);
		const updatedField = (file.data as { updated?: unknown } | undefined)?.updated;
		const updated = timeOf(updatedField);
		const [latest] = dated.toSorted((a, b) => b.time - a.time);
		// An `updated` that is no date is the schema's problem; only a missing one is this one's.
		if (latest && updatedField === undefined) {
			corrections.push(
				problemAt(file, ['corrections', latest.index, 'date'], {
					message: 'the explainer was corrected but has no `updated` time: the header would not say it changed',
					hint: 'add `updated:` with the date and time of the latest correction (or later), with its time zone',
				}),
			);
		} else if (latest && updated !== undefined && updated < latest.time) {
			corrections.push(
				problemAt(file, ['updated'], {
					message: `\`updated\` is before the correction at corrections[${latest.index}]: the header would show an older change`,
					hint: 'set `updated` to the date and time of the latest correction, or later',
				}),
			);
		}
		let previous: { day: string; index: number } | undefined;
		const timeline = listAt<{ date?: unknown } | null>(file, 'timeline').flatMap((event, index): Problem[] => {
			const date = asPartialDate(event?.date);
			if (!date) return [];
			const problems = afterStoryDay(
				['timeline', index, 'date'],
				date,
				'a timeline tells how we got here: check the year',
			);
			if (previous && latestDay(date) < previous.day) {
				problems.push(
					problemAt(file, ['timeline', index, 'date'], {
						message: `${date} comes before timeline[${previous.index}] (${previous.day}): events must be oldest first`,
						hint: 'move this event up, or check its date',
					}),
				);
			}
			previous = { day: earliestDay(date), index };
			return problems;
		});
		// A day's slack for time zones: `published` tomorrow morning in Auckland is tonight here.
		const future = Object.entries({ published, updated }).flatMap(([field, time]): Problem[] =>
			time !== undefined && time > Date.now() + DAY
				? [
						problemAt(file, [field], {
							message: `${new Date(time).toISOString().slice(0, 10)} is in the future`,
							hint: 'check the date, the year first: the page would show it as the time of publication',
							severity: 'warning',
						}),
					]
				: [],
		);
		return [...storyDayProblems, ...zoneProblems, ...future, ...quotes, ...corrections, ...timeline];
	}),
	...actors.flatMap((file): Problem[] =>
		DATED_FIELDS.flatMap((key) =>
			listAt<DatedFact | null>(file, key).flatMap((fact, index): Problem[] => {
				const from = asPartialDate(fact?.from);
				const to = asPartialDate(fact?.to);
				if (!from || !to || !endsBeforeItStarts(fact)) return [];
				return [
					problemAt(file, [key, index, 'to'], {
						message: `it ends (${to}) before it starts (${from})`,
						hint: 'swap `from` and `to`, or correct the year',
					}),
				];
			}),
		),
	),
]);
