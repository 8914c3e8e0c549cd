import { z } from 'astro/zod';
import { PartialDateSchema } from './partial-date';
import { ProseSchema } from './prose';
import { once } from '../utils/once';

/** One dated step in how we got here. */
export const TimelineEventSchema = once(() =>
	z.strictObject({
		/** When it happened, as precisely as the source says: YYYY, YYYY-MM or YYYY-MM-DD. */
		date: PartialDateSchema(),
		/** How `date` should be read: `on` (default), `before`, `after` or `about`. */
		qualifier: z.enum(['on', 'before', 'after', 'about']).default('on'),
		/** Replaces the formatted date when the source is vaguer, e.g. "More than a decade ago". */
		label: ProseSchema().optional(),
		/** What happened, in one sentence. */
		text: ProseSchema(),
	}),
);

export type TimelineEventData = z.output<ReturnType<typeof TimelineEventSchema>>;
