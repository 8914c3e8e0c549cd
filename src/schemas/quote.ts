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

/** Words a story quotes, word for word as they appear in the body. */
export const QuoteSchema = once(() =>
	z.strictObject({
		/** A short id, unique in the article; the quote's anchor is `#quote-<id>`. */
		id: z.string().regex(ID_PATTERN, 'use lower-case words joined by hyphens, e.g. ryder-response'),
		/** Who said it: an actor id from `content/actors/`. */
		speaker: ReferenceSchema('actors'),
		/** The exact words, without the surrounding quotation marks. */
		text: ProseSchema(),
		/** Where the words were said or written. */
		setting: z.enum(QUOTE_SETTINGS),
		/** When the words were said, if the source says (YYYY, YYYY-MM or YYYY-MM-DD). */
		date: PartialDateSchema().optional(),
		/** True when the words are our translation or a translation the source made. */
		translated: z.boolean().default(false),
		/** True to show the quote as a large figure in the pull-quote section; short phrases stay in the list. */
		pull: z.boolean().default(false),
	}),
);

export type QuoteData = z.output<ReturnType<typeof QuoteSchema>>;
export type QuoteSetting = (typeof QUOTE_SETTINGS)[number];
