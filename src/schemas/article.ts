import { z } from 'astro/zod';
import { ClaimSchema } from './claim';
import { CorrectionSchema } from './correction';
import { FigureSchema } from './figure';
import { DateTextSchema } from './partial-date';
import { QuoteSchema } from './quote';
import { ProseSchema } from './prose';
import { ReferenceSchema } from './reference';
import { SourceSchema } from './source';
import { TimelineEventSchema } from './timeline-event';
import { ZonedDateTimeSchema } from './zoned-date-time';
import { once } from '../utils/once';
import { dayOf } from '../utils/partial-dates';

const WRITE_A_DAY = 'write the full day as YYYY-MM-DD, e.g. 2023-12-25';

/** A calendar day, YYYY-MM-DD: text that is no date at all is told so from the start, not to write a month. */
const DaySchema = once(() =>
	DateTextSchema(WRITE_A_DAY)
		.refine((date) => date.length === 10, WRITE_A_DAY)
		.meta({ format: 'day' }),
);

/** An explainer's fields but its figures (which need the file's `image()`), built once for every article. */
const SharedFields = once(() => ({
	title: ProseSchema({ max: 140 }).meta({ description: 'The headline.' }),
	dek: ProseSchema({ max: 300 }).meta({
		description: 'The standfirst under the headline: one or two sentences.',
	}),
	published: ZonedDateTimeSchema().meta({
		description: 'When the explainer was first published: ISO 8601 with time zone.',
	}),
	asOf: DaySchema()
		.optional()
		.meta({
			description:
				"The day the explainer's facts hold (YYYY-MM-DD): actors' roles, relations and summaries are shown " +
				'as they were then. Defaults to the day of `published`; set it when the story is about earlier events.',
		}),
	updated: ZonedDateTimeSchema().optional().meta({
		description: 'When it last changed in substance: ISO 8601 with time zone; leave out until then.',
	}),
	dateline: z.string().trim().min(1).optional().meta({
		description: 'Where the story was reported from, e.g. "Baghdad"; leave out when the source gives none.',
	}),
	sources: z.array(SourceSchema()).min(1).meta({
		description: 'Wire services and outlets the story draws on, credited as "Sources: AP, EFE and Reuters".',
	}),
	topics: z
		.array(z.string().trim().min(1))
		.min(1)
		.meta({
			description:
				'Subjects for topic pages, e.g. "Iraq", in Latin letters: the page\'s address is made of them (/topics/iraq/), ' +
				'so write one topic the same way in every explainer.',
		}),
	actors: z
		.array(ReferenceSchema('actors'))
		.min(1)
		.meta({ description: 'Actor ids the story is about; the glossary groups them by kind, in this order.' }),
	quotes: z.array(QuoteSchema()).default([]).meta({ description: 'Quotations in the story, each with its speaker.' }),
	claims: z.array(ClaimSchema()).default([]).meta({
		description: 'Who claims what: the claims and attributions the story reports, each with where it stands.',
	}),
	keyFacts: z
		.array(ProseSchema())
		.min(3)
		.max(5)
		.meta({ description: 'Three to five facts a hurried reader needs, one sentence each.' }),
	timeline: z.array(TimelineEventSchema()).default([]).meta({ description: 'How we got here, oldest first.' }),
	corrections: z
		.array(CorrectionSchema())
		.default([])
		.meta({ description: 'Corrections, oldest first; never remove one.' }),
	places: z
		.array(ReferenceSchema('places'))
		.default([])
		.meta({
			description:
				'The places of the locator map ("Where it happened"), most important first: marked places are ' +
				'labelled in this order. Leave it out for no map.',
		}),
}));

/** An entry of the articles collection; `image` is Astro's `image()` of the entry's file. */
export const ArticleSchema = <Image extends z.ZodType>(image: Image) =>
	z
		.strictObject({
			...SharedFields(),
			figures: z
				.array(FigureSchema(image))
				.default([])
				.meta({ description: 'Photos and graphics, with alt text, caption and credit.' }),
		})
		.refine((article) => !article.updated || article.updated >= article.published, {
			message: '`updated` is before `published`: an update cannot come before the first publication',
			path: ['updated'],
		})
		.refine(
			// The rule runs even when `published` itself failed; that problem is reported at `published`.
			(article) => !article.asOf || !(article.published instanceof Date) || article.asOf <= dayOf(article.published),
			{
				message: '`asOf` is after `published`: an explainer cannot tell facts that hold after it went out',
				path: ['asOf'],
			},
		)
		.meta({
			description: 'The frontmatter of `content/articles/<slug>.mdx`: one explainer.',
			file: 'src/schemas/article.ts',
		});

export type ArticleData = z.output<ReturnType<typeof ArticleSchema<z.ZodString>>>;
