import { z } from 'astro/zod';
import { once } from '../utils/once';

/** ISO 8601 with a time zone, so the moment is the same for every reader. */
const ZONED_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

/** YAML reads an unquoted timestamp as a Date (in UTC); a quoted one stays text and must carry its zone. */
export const ZonedDateTimeSchema = once(() =>
	z
		.preprocess(
			(value) => (value instanceof Date ? value.toISOString() : value),
			z
				.string({ error: 'write a date and time with a time zone, e.g. 2024-01-30T20:00:00Z' })
				.regex(ZONED_DATE_TIME, 'write a date and time with a time zone, e.g. 2024-01-30T20:00:00Z')
				.transform((text) => new Date(text)),
		)
		.meta({ format: 'zoned-date-time' }),
);
