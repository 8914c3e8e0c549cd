import { z } from 'astro/zod';
import { once } from '../utils/once';
import { dayPastMonthEnd } from './partial-date';

/** ISO 8601 with a time zone, so the moment is the same for every reader. */
const ZONED_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

const WRITE_ONE = 'write a date and time with a time zone, e.g. 2024-01-30T20:00:00Z';

/** YAML reads an unquoted timestamp as a Date (in UTC); a quoted one stays text and must carry its zone. */
export const ZonedDateTimeSchema = once(() =>
	z
		.preprocess(
			(value) => (value instanceof Date ? value.toISOString() : value),
			z
				.string({ error: WRITE_ONE })
				// Text of another shape has one mistake: the rule below, on the hours and days, would add a second.
				.regex(ZONED_DATE_TIME, {
					// `2024-01-30 20:00:00Z`, as it is often written: only the `T` is missing.
					error: ({ input }) => {
						const withT = typeof input === 'string' ? input.replace(/^(\S+)[ \t]+/, '$1T') : '';
						return withT !== input && ZONED_DATE_TIME.test(withT)
							? `write a T between the date and the time, not a space: ${withT}`
							: WRITE_ONE;
					},
					abort: true,
				})
				.superRefine((text, ctx) => {
					// JavaScript reads 30 February as 2 March, and hour 25 as no date at all.
					const message =
						dayPastMonthEnd(text) ??
						(Number.isNaN(new Date(text).getTime()) || Number(text.slice(11, 13)) > 23
							? `"${text}" is not a time: hours run from 00 to 23, minutes and seconds from 00 to 59`
							: undefined);
					if (message) ctx.addIssue({ code: 'custom', message });
				})
				.transform((text) => new Date(text)),
		)
		.meta({ format: 'zoned-date-time' }),
);
