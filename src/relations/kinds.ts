/**
 * The kinds of relation between actors, read one way whichever actor's file records them: "leads" on one file
 * and "led-by" on the other are one relation, "<leader> leads <group>", so the two records merge into one.
 */
import type { AffiliationData, AffiliationRelation } from '../schemas/actor';

/** The kinds of relation the graphic draws, each read as "<subject> <kind> <object>". */
export const RELATION_KINDS = [
	'part-of',
	'member-of',
	'works-for',
	'leads',
	'backs',
	'allied-with',
	'opposed-to',
] as const;

export type RelationKind = (typeof RELATION_KINDS)[number];

/** Kinds that read the same both ways: drawn without arrowheads, and recorded once per pair. */
export const SYMMETRIC_KINDS: ReadonlySet<RelationKind> = new Set(['allied-with', 'opposed-to']);

/** How each recorded relation reads as a kind of the graphic; `reversed` swaps subject and object. */
const READING: Record<AffiliationRelation, { kind: RelationKind; reversed: boolean }> = {
	'member-of': { kind: 'member-of', reversed: false },
	leads: { kind: 'leads', reversed: false },
	'led-by': { kind: 'leads', reversed: true },
	'part-of': { kind: 'part-of', reversed: false },
	'backed-by': { kind: 'backs', reversed: true },
	backs: { kind: 'backs', reversed: false },
	'works-for': { kind: 'works-for', reversed: false },
	'allied-with': { kind: 'allied-with', reversed: false },
	'opposed-to': { kind: 'opposed-to', reversed: false },
};

/** The words of each kind from subject to object, as the graphic and the table write them: its id, spaced. */
export const KIND_WORDS = Object.fromEntries(RELATION_KINDS.map((kind) => [kind, kind.replaceAll('-', ' ')])) as Record<
	RelationKind,
	string
>;

/** The words of each kind read from the object's side, for the object's own page. */
export const INVERSE_WORDS: Record<RelationKind, string> = {
	'part-of': 'includes',
	'member-of': 'has among its members',
	'works-for': 'employs',
	leads: 'led by',
	backs: 'backed by',
	'allied-with': 'allied with',
	'opposed-to': 'opposed to',
};

/** One recorded relation read as a kind: "<subject> <kind> <object>". */
export interface Statement {
	subject: string;
	kind: RelationKind;
	object: string;
	fact: AffiliationData;
}

/** A relation recorded in the file of actor `actorId`, read as a kind of the graphic. */
export function statementOf(actorId: string, fact: AffiliationData): Statement {
	const { kind, reversed } = READING[fact.relation];
	const [subject, object] = reversed ? [fact.actor.id, actorId] : [actorId, fact.actor.id];
	return { subject, kind, object, fact };
}

/** The same pair of actors whichever way round. */
export const pairKey = (a: string, b: string) => (a < b ? `${a} ${b}` : `${b} ${a}`);

/** What makes two records one relation: the kind and its ends, in either order for a symmetric kind. */
export const statementKey = ({ subject, kind, object }: Omit<Statement, 'fact'>) =>
	SYMMETRIC_KINDS.has(kind) ? `${kind} ${pairKey(subject, object)}` : `${kind} ${subject} ${object}`;
