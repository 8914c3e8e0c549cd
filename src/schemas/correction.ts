import { z } from 'astro/zod';
import { ProseSchema } from './prose';
import { ZonedDateTimeSchema } from './zoned-date-time';
import { once } from '../utils/once';

/** A correction notice; corrections are never deleted. */
export const CorrectionSchema = once(() =>
	z.strictObject({
		/** When the correction was made, ISO 8601 with time zone, e.g. 2024-01-31T09:00:00Z. */
		date: ZonedDateTimeSchema(),
		/** What was wrong and what is right now. */
		text: ProseSchema(),
	}),
);
