import { z } from 'astro/zod';
import { CorrectionSchema } from './correction';
import { FigureSchema } from './figure';
import { PartialDateSchema } from './partial-date';
import { QuoteSchema } from './quote';
import { ProseSchema } from './prose';
import { ReferenceSchema } from './reference';
import { SourceSchema } from './source';
import { TimelineEventSchema } from './timeline-event';
import { ZonedDateTimeSchema } from './zoned-date-time';
import { once } from '../utils/once';
import { dayOf } from '../utils/partial-dates';

/** A calendar day, YYYY-MM-DD. */
const DaySchema = once(() =>
	PartialDateSchema().refine((date) => date.length === 10, 'write the full day as YYYY-MM-DD, e.g. 2023-12-25'),
);

/** The frontmatter of `content/articles/<slug>.mdx`: one explainer. */
export const ArticleSchema = <Image extends z.ZodType>(image: Image) =>
	z
		.strictObject({
			/** The headline. */
			title: ProseSchema({ max: 140 }),
			/** The standfirst under the headline: one or two sentences. */
			dek: ProseSchema({ max: 300 }),
			/** When the explainer was first published: ISO 8601 with time zone. */
			published: ZonedDateTimeSchema(),
			/**
			 * The day the explainer's facts hold (YYYY-MM-DD): actors' roles, relations and summaries are shown as they
			 * were then. Defaults to the day of `published`; set it when the story is about earlier events.
			 */
			asOf: DaySchema().optional(),
			/** When it last changed in substance: ISO 8601 with time zone; leave out until then. */
			updated: ZonedDateTimeSchema().optional(),
			/** Where the story was reported from, e.g. "Baghdad"; leave out when the source gives none. */
			dateline: z.string().trim().min(1).optional(),
			/** Wire services and outlets the story draws on, credited as "With AP, EFE and Reuters". */
			sources: z.array(SourceSchema()).min(1),
			/** Subjects for topic pages, e.g. "Iraq". */
			topics: z.array(z.string().trim().min(1)).min(1),
			/** Actor ids the story is about, in the order the glossary lists them. */
			actors: z.array(ReferenceSchema('actors')).min(1),
			/** Quotations in the story, each with its speaker. */
			quotes: z.array(QuoteSchema()).default([]),
			/** Three to five facts a hurried reader needs, one sentence each. */
			keyFacts: z.array(ProseSchema()).min(3).max(5),
			/** How we got here, oldest first. */
			timeline: z.array(TimelineEventSchema()).default([]),
			/** Corrections, oldest first; never remove one. */
			corrections: z.array(CorrectionSchema()).default([]),
			/**
			 * The places of the locator map ("Where it happened"), most important first: marked places
			 * are labelled in this order. Leave empty for no map.
			 */
			places: z.array(ReferenceSchema('places')).default([]),
			/** Photos and graphics, with alt text, caption and credit. */
			figures: z.array(FigureSchema(image)).default([]),
		})
		.refine((article) => !article.updated || article.updated >= article.published, {
			message: '`updated` is before `published`: an update cannot come before the first publication',
			path: ['updated'],
		})
		.refine((article) => !article.asOf || article.asOf <= dayOf(article.published), {
			message: '`asOf` is after `published`: an explainer cannot tell facts that hold after it went out',
			path: ['asOf'],
		});

export type ArticleData = z.output<ReturnType<typeof ArticleSchema<z.ZodString>>>;
