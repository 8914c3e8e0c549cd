import { z } from 'astro/zod';
import { ProseSchema } from './prose';
import { once } from '../utils/once';

/** Each of an article's `sources`. */
export const SourceSchema = once(() =>
	z
		.strictObject({
			name: z.string().trim().min(1).meta({ description: 'The name as credited, e.g. "Reuters".' }),
			url: z
				.url({
					protocol: /^https?$/,
					error: 'write the full web address, starting with https:// or http://, e.g. https://www.reuters.com/',
				})
				// A browser reads `https://wire.example/a story` as an address, but no one copied it so.
				.refine((url) => !/\s/.test(url), 'an address has no spaces: check that it was copied whole')
				.optional()
				.meta({
					description: 'Where readers can find it: an absolute `https://` or `http://` address; the name links to it.',
				}),
			note: ProseSchema({ max: 200 }).optional().meta({
				description: 'How the story uses it, shown after the name, e.g. "Statement reproduced in full; public domain".',
			}),
		})
		.meta({
			title: 'source',
			description: 'A wire service, outlet or document the story draws on.',
			file: 'src/schemas/source.ts',
		}),
);

/** A source as the schema outputs it: what SourcesAndCredits.astro lists. */
export type SourceData = z.output<ReturnType<typeof SourceSchema>>;
