import { z } from 'astro/zod';
import { once } from '../utils/once';
import { daysInMonth, formatPartialDate } from '../utils/partial-dates';

/** A calendar date known to the year, the month or the day: `2017`, `2023-11`, `2024-01-28`. */
export type PartialDate = string;

const PARTIAL_DATE = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;

/**
 * What is wrong with a date (`YYYY-MM-DD`, or one that begins a date and time) whose day its month does not have;
 * undefined when the day exists or none is given. JavaScript would read it as a day of the next month, and the page
 * would show that day.
 */
export function dayPastMonthEnd(text: string): string | undefined {
	if (!/^\d{4}-\d{2}-\d{2}/.test(text)) return undefined;
	const days = daysInMonth(text);
	if (Number(text.slice(8, 10)) <= days) return undefined;
	return `"${text}" is not a date: ${formatPartialDate(text.slice(0, 7))} has ${days} days`;
}

/**
 * A date as the text the editor wrote: YAML turns `2024-01-28` into a Date and `2017` into a number, so both are
 * accepted and normalised back to that text. Text that is no date at all is told `write`: how to write one.
 */
export const DateTextSchema = (write: string) =>
	z
		.union([z.string(), z.number().int(), z.date()], {
			// `date: true`, `date: 2023.11`: not one of the forms a date is written in.
			error: (issue) =>
				issue.input === null || issue.input === undefined
					? `is empty: ${write}`
					: `${String(issue.input)} is not a date: ${write}`,
		})
		.transform((value, ctx): PartialDate => {
			const text = value instanceof Date ? value.toISOString().slice(0, 10) : String(value).trim();
			const message = PARTIAL_DATE.test(text) ? dayPastMonthEnd(text) : `"${text}" is not a date: ${write}`;
			if (message) {
				ctx.addIssue({ code: 'custom', message });
				return z.NEVER;
			}
			return text;
		});

/** A date that is only as precise as the source allows. */
export const PartialDateSchema = once(() =>
	DateTextSchema('write YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2024-01-28').meta({ format: 'partial-date' }),
);
