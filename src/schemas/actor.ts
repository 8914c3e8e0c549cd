import { z } from 'astro/zod';
import { datedFields } from './dated';
import { ProseSchema } from './prose';
import { ReferenceSchema } from './reference';

/** What an actor is; the glossary groups actors by kind, in this order. */
export const ACTOR_KINDS = [
	'person',
	'armed-group',
	'coalition',
	'government',
	'government-agency',
	'military',
	'organization',
	'country',
] as const;

/** How one actor relates to another, read as "<this actor> <relation> <other actor>". */
export const AFFILIATION_RELATIONS = [
	'member-of',
	'leads',
	'led-by',
	'part-of',
	'backed-by',
	'backs',
	'works-for',
	'allied-with',
	'opposed-to',
] as const;

/** A post an actor held, dated or tied to the explainer that reports it. */
export const RoleSchema = () =>
	z.strictObject({
		/** The post as readers should see it, e.g. "Pentagon spokesman". */
		title: ProseSchema(),
		/** The actor id of the organization the post belongs to, when it has an entry of its own. */
		organization: ReferenceSchema('actors').optional(),
		...datedFields(),
	});

/** A link from one actor to another, dated or tied to the explainer that reports it. */
export const AffiliationSchema = () =>
	z.strictObject({
		/** How this actor relates to the other one. */
		relation: z.enum(AFFILIATION_RELATIONS),
		/** The other actor's id (its file name in `content/actors/`). */
		actor: ReferenceSchema('actors'),
		...datedFields(),
	});

/** Who the actor is as of a period or an explainer: one or two sentences. */
export const DatedSummarySchema = () =>
	z.strictObject({
		/** The summary, using only facts the stories of that time report. */
		text: ProseSchema({ max: 400 }),
		...datedFields(),
	});

/** One entry of `content/actors/<id>.yaml`: someone or something the news is about. */
export const ActorSchema = () =>
	z.strictObject({
		/** The name readers see first, e.g. "Kataib Hezbollah". */
		name: z.string().trim().min(1),
		/** What the actor is; decides the glossary group. */
		kind: z.enum(ACTOR_KINDS),
		/** Other spellings, short forms and abbreviations that stories use; each is linked in the body. */
		aliases: z.array(z.string().trim().min(1)).default([]),
		/**
		 * One or two sentences on who this is, using only facts our stories report: one text when it holds for every
		 * explainer, or a list of dated summaries (`text` with `from`/`to` or `reportedIn`) when it changes.
		 */
		summary: z
			.union([ProseSchema({ max: 400 }), z.array(DatedSummarySchema()).min(1)])
			.transform((summary) => (typeof summary === 'string' ? [{ text: summary }] : summary)),
		/** Posts held over time, so each story shows the role as of its own date. */
		roles: z.array(RoleSchema()).default([]),
		/** Links to other actors: member of, leads, backed by… */
		affiliations: z.array(AffiliationSchema()).default([]),
	});

export type ActorData = z.output<ReturnType<typeof ActorSchema>>;
export type RoleData = ActorData['roles'][number];
export type AffiliationData = ActorData['affiliations'][number];
export type SummaryData = ActorData['summary'][number];
export type ActorKind = (typeof ACTOR_KINDS)[number];
export type AffiliationRelation = (typeof AFFILIATION_RELATIONS)[number];
