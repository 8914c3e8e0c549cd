import { z } from 'astro/zod';
import { ProseSchema } from './prose';
import { ZonedDateTimeSchema } from './zoned-date-time';
import { once } from '../utils/once';

/** Each of an article's `corrections`. */
export const CorrectionSchema = once(() =>
	z
		.strictObject({
			date: ZonedDateTimeSchema().meta({
				description: 'When the correction was made, ISO 8601 with time zone, e.g. 2024-01-31T09:00:00Z.',
			}),
			text: ProseSchema().meta({ description: 'What was wrong and what is right now.' }),
		})
		.meta({
			title: 'correction',
			description: 'A correction notice; corrections are never deleted.',
			file: 'src/schemas/correction.ts',
		}),
);
