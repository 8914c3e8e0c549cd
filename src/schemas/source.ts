import { z } from 'astro/zod';
import { ProseSchema } from './prose';
import { once } from '../utils/once';

/** A wire service, outlet or document the story draws on. */
export const SourceSchema = once(() =>
	z.strictObject({
		/** The name as credited, e.g. "Reuters". */
		name: z.string().trim().min(1),
		/** Where readers can find it: an absolute `https://` or `http://` address; the name links to it. */
		url: z
			.url({
				protocol: /^https?$/,
				error: 'write the full web address, starting with https:// or http://, e.g. https://www.reuters.com/',
			})
			.optional(),
		/** How the story uses it, shown after the name, e.g. "Statement reproduced in full; public domain". */
		note: ProseSchema({ max: 200 }).optional(),
	}),
);

/** A source as the schema outputs it: what SourcesAndCredits.astro lists. */
export type SourceData = z.output<ReturnType<typeof SourceSchema>>;
