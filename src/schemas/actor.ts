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

/** Each of an actor's `roles`. */
const RoleSchema = () =>
	z
		.strictObject({
			title: ProseSchema().meta({ description: 'The post as readers should see it, e.g. "Pentagon spokesman".' }),
			organization: ReferenceSchema('actors').optional().meta({
				description: 'The actor id of the organization the post belongs to, when it has an entry of its own.',
			}),
			...datedFields(),
		})
		.meta({
			title: 'role',
			description: 'A post an actor held, dated or tied to the explainer that reports it.',
			file: 'src/schemas/actor.ts',
		});

/** Each of an actor's `affiliations`. */
const AffiliationSchema = () =>
	z
		.strictObject({
			relation: z.enum(AFFILIATION_RELATIONS).meta({ description: 'How this actor relates to the other one.' }),
			actor: ReferenceSchema('actors').meta({
				description: "The other actor's id (its file name in `content/actors/`).",
			}),
			...datedFields(),
		})
		.meta({
			title: 'affiliation',
			description: 'A link from one actor to another, dated or tied to the explainer that reports it.',
			file: 'src/schemas/actor.ts',
		});

/** Each of an actor's `summary` items, when it has more than one. */
const DatedSummarySchema = () =>
	z
		.strictObject({
			text: ProseSchema({ max: 400 }).meta({
				description: 'The summary, using only facts the stories of that time report.',
			}),
			...datedFields(),
		})
		.meta({
			title: 'dated summary',
			description: 'Who the actor is as of a period or an explainer: one or two sentences.',
			file: 'src/schemas/actor.ts',
		});

/** An entry of the actors collection. */
export const ActorSchema = () =>
	z
		.strictObject({
			name: z.string().trim().min(1).meta({ description: 'The name readers see first, e.g. "Kataib Hezbollah".' }),
			kind: z.enum(ACTOR_KINDS).meta({ description: 'What the actor is; decides the glossary group.' }),
			aliases: z.array(z.string().trim().min(1)).default([]).meta({
				description: 'Other spellings, short forms and abbreviations that stories use; each is linked in the body.',
			}),
			summary: z
				.union([ProseSchema({ max: 400 }), z.array(DatedSummarySchema()).min(1)])
				.transform((summary) => (typeof summary === 'string' ? [{ text: summary }] : summary))
				.meta({
					description:
						'One or two sentences on who this is, using only facts our stories report: one text when it holds ' +
						'for every explainer, or a list of dated summaries (`text` with `from`/`to` or `reportedIn`) when ' +
						'it changes.',
				}),
			roles: z
				.array(RoleSchema())
				.default([])
				.meta({ description: 'Posts held over time, so each story shows the role as of its own date.' }),
			affiliations: z
				.array(AffiliationSchema())
				.default([])
				.meta({ description: 'Links to other actors: member of, leads, backed by…' }),
		})
		.meta({
			description: 'One entry of `content/actors/<id>.yaml`: someone or something the news is about.',
			file: 'src/schemas/actor.ts',
		});

export type ActorData = z.output<ReturnType<typeof ActorSchema>>;
export type RoleData = ActorData['roles'][number];
export type AffiliationData = ActorData['affiliations'][number];
export type SummaryData = ActorData['summary'][number];
export type ActorKind = (typeof ACTOR_KINDS)[number];
export type AffiliationRelation = (typeof AFFILIATION_RELATIONS)[number];
