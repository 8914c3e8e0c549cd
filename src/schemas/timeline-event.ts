import { z } from 'astro/zod';
import { PartialDateSchema } from './partial-date';
import { ProseSchema } from './prose';
import { once } from '../utils/once';

/** Each of an article's `timeline` events. */
export const TimelineEventSchema = once(() =>
	z
		.strictObject({
			date: PartialDateSchema().meta({
				description: 'When it happened, as precisely as the source says: YYYY, YYYY-MM or YYYY-MM-DD.',
			}),
			qualifier: z
				.enum(['on', 'before', 'after', 'about'])
				.default('on')
				.meta({ description: 'How `date` should be read: `on` (default), `before`, `after` or `about`.' }),
			label: ProseSchema().optional().meta({
				description: 'Replaces the formatted date when the source is vaguer, e.g. "More than a decade ago".',
			}),
			text: ProseSchema().meta({ description: 'What happened, in one sentence.' }),
		})
		.meta({
			title: 'timeline event',
			description: 'One dated step in how we got here.',
			file: 'src/schemas/timeline-event.ts',
		}),
);

export type TimelineEventData = z.output<ReturnType<typeof TimelineEventSchema>>;
