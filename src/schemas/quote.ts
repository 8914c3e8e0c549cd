import { z } from 'astro/zod';
import { PartialDateSchema } from './partial-date';
import { ProseSchema } from './prose';
import { ID_PATTERN, ReferenceSchema } from './reference';
import { once } from '../utils/once';

/** Where the words were said or written. */
export const QUOTE_SETTINGS = [
	'statement',
	'press-conference',
	'briefing',
	'interview',
	'remarks',
	'social-media',
] as const;

/** Each of an article's `quotes`. */
export const QuoteSchema = once(() =>
	z
		.strictObject({
			id: z
				.string()
				.regex(ID_PATTERN, 'use lower-case words joined by hyphens, e.g. ryder-response')
				.meta({ description: "A short id, unique in the article; the quote's anchor is `#quote-<id>`." }),
			speaker: ReferenceSchema('actors').meta({ description: 'Who said it: an actor id from `content/actors/`.' }),
			text: ProseSchema().meta({ description: 'The exact words, without the surrounding quotation marks.' }),
			context: ProseSchema({ max: 160 })
				.optional()
				.meta({
					description:
						'What the words are about when they do not say it themselves, read after the speaker, e.g. ' +
						'"on Joe Biden’s call with the families of the soldiers".',
				}),
			setting: z.enum(QUOTE_SETTINGS).meta({ description: 'Where the words were said or written.' }),
			date: PartialDateSchema().optional().meta({
				description: 'When the words were said, if the source says (YYYY, YYYY-MM or YYYY-MM-DD).',
			}),
			translated: z.boolean().default(false).meta({
				description: 'True when the words are our translation or a translation the source made.',
			}),
			pull: z.boolean().default(false).meta({
				description:
					'True to show the quote as a large figure in the pull-quote section; short phrases stay in the list.',
			}),
		})
		.meta({
			title: 'quote',
			description: 'Words a story quotes, word for word as they appear in the body.',
			file: 'src/schemas/quote.ts',
		}),
);

export type QuoteData = z.output<ReturnType<typeof QuoteSchema>>;
export type QuoteSetting = (typeof QUOTE_SETTINGS)[number];
