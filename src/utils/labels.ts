import { AFFILIATION_RELATIONS, type ActorKind, type AffiliationRelation } from '../schemas/actor';
import type { QuoteSetting } from '../schemas/quote';
import { capitalize } from './words';

/** Glossary group headings, in glossary order. */
export const ACTOR_KIND_LABELS: Record<ActorKind, { one: string; many: string }> = {
	person: { one: 'Person', many: 'People' },
	'armed-group': { one: 'Armed group', many: 'Armed groups' },
	coalition: { one: 'Coalition', many: 'Coalitions' },
	government: { one: 'Government', many: 'Governments' },
	'government-agency': { one: 'Government agency', many: 'Government agencies' },
	military: { one: 'Military', many: 'Militaries' },
	organization: { one: 'Organization', many: 'Organizations' },
	country: { one: 'Country', many: 'Countries' },
};

/** Affiliations read as "<actor> <label> <other actor>": the relation's id, spaced and capitalised. */
export const RELATION_LABELS = Object.fromEntries(
	AFFILIATION_RELATIONS.map((relation) => [relation, capitalize(relation.replaceAll('-', ' '))]),
) as Record<AffiliationRelation, string>;

export const QUOTE_SETTING_LABELS: Record<QuoteSetting, string> = {
	statement: 'Statement',
	'press-conference': 'Press conference',
	briefing: 'Briefing',
	interview: 'Interview',
	remarks: 'Remarks',
	'social-media': 'Social media post',
};
