/**
 * An actor's roles and relations as a dated history, for the actor's own page: each fact with when it held and
 * the explainers that show it (those whose date it held on). The relations are those recorded on the actor's own
 * file and those recorded on other actors' files that point at it, read from this actor's side ("Includes the
 * Pentagon" on the page of the country the Pentagon's file says it is part of); a relation both files record, for
 * the same time, is one item.
 */
import { INVERSE_WORDS, KIND_WORDS, statementKey, statementOf } from '../relations/kinds';
import type { AffiliationData, RoleData } from '../schemas/actor';
import type { PartialDate } from '../schemas/partial-date';
import { appendTo } from '../utils/append-to';
import { RELATION_LABELS } from '../utils/labels';
import { capitalize } from '../utils/words';
import { earliestDay, formatPartialDate, latestDay } from '../utils/partial-dates';
import {
	actorAsOf,
	explainerDay,
	knownSince,
	LATEST_DAY,
	type ActorEntry,
	type ActorOverTime,
	type Dated,
	type ReportDays,
} from './as-of';

/** How many explainers a fact of the history links to on the actor's page, newest first; the rest are counted. */
export const SHOWN_IN_LIMIT = 3;

/** An explainer as the history needs it. */
interface Explainer {
	id: string;
	data: { asOf?: PartialDate | undefined; published: Date };
}

/** An actor whose file may record relations to the actor of the page, with the explainers that feature it. */
export interface Recorder<Story extends Explainer> {
	actor: ActorEntry;
	/** The explainers that feature it, newest first. */
	explainers: readonly Story[];
}

/** One fact of the history, with the explainers that show it, newest first. */
export interface HistoryItem<Fact, Story extends Explainer> {
	fact: Fact;
	/** When it held, in words: "Since 2021", "As reported on 30 January 2024", "Dates not reported". */
	period: string;
	explainers: Story[];
}

/** A relation of the actor's, read from its side, with every record of it (its own file's first). */
export interface RelationItem<Story extends Explainer> extends HistoryItem<AffiliationData, Story> {
	/** How it reads from this actor's side, before the other actor's name: "Part of", "Includes", "Led by". */
	words: string;
	/** The other actor's id. */
	other: string;
	/** The records it is read from, one per actor file that has it; `fact` is the one its period comes from. */
	facts: AffiliationData[];
	/** Whether the actor's own file records it; otherwise only the other actor's does. */
	own: boolean;
}

/** The actor's roles and relations, the most recently started first (undated ones last). */
export interface ActorHistory<Story extends Explainer> {
	roles: HistoryItem<RoleData, Story>[];
	affiliations: RelationItem<Story>[];
}

/**
 * The actors whose files record a relation to each actor, by the id of the actor they point at: the other side of
 * every actor's history. Made once for all the actors, so each history reads only its own.
 */
export function recordersByActor<Actor extends ActorEntry>(actors: readonly Actor[]): Map<string, Actor[]> {
	const recorders = new Map<string, Actor[]>();
	for (const actor of actors) {
		for (const target of new Set(actor.data.affiliations.map((fact) => fact.actor.id))) {
			if (target !== actor.id) appendTo(recorders, target, actor);
		}
	}
	return recorders;
}

/**
 * Every actor's history, by id, with the relations other actors' files record to it: `featuring` gives the
 * explainers that feature an actor, newest first.
 */
export function actorHistories<Actor extends ActorEntry, Story extends Explainer>(
	actors: readonly Actor[],
	featuring: (id: string) => readonly Story[],
	reportDays: ReportDays,
): Map<string, ActorHistory<Story>> {
	const recorders = recordersByActor(actors);
	return new Map(
		actors.map((actor) => [
			actor.id,
			actorHistory(
				actor,
				featuring(actor.id),
				reportDays,
				(recorders.get(actor.id) ?? []).map((other) => ({ actor: other, explainers: featuring(other.id) })),
			),
		]),
	);
}

/** One record of a relation: the fact, the file it is on, and the explainers that show it. */
interface RelationRecord<Story extends Explainer> {
	fact: AffiliationData;
	file: string;
	key: string;
	words: string;
	explainers: Story[];
}

/**
 * The actor's history over `explainers` (those that feature the actor, newest first). `recorders` are the other
 * actors whose files record relations to it (see `recordersByActor`), with the explainers that feature each: a
 * relation one of them records is shown on the explainers that feature that actor and whose date it holds on.
 */
export function actorHistory<Story extends Explainer>(
	actor: ActorEntry,
	explainers: readonly Story[],
	reportDays: ReportDays,
	recorders: readonly Recorder<Story>[] = [],
): ActorHistory<Story> {
	const own = shownIn(actor.data, explainers, reportDays);
	const roles = byStart(actor.data.roles, reportDays, (fact) => fact).map((fact) => ({
		fact,
		period: period(fact, reportDays),
		explainers: own(fact),
	}));

	const records: RelationRecord<Story>[] = actor.data.affiliations.map((fact) => ({
		fact,
		file: actor.id,
		key: statementKey(statementOf(actor.id, fact)),
		words: RELATION_LABELS[fact.relation],
		explainers: own(fact),
	}));
	for (const recorder of recorders) {
		const theirs = shownIn(recorder.actor.data, recorder.explainers, reportDays);
		for (const fact of recorder.actor.data.affiliations) {
			if (fact.actor.id !== actor.id) continue;
			const statement = statementOf(recorder.actor.id, fact);
			const words = statement.subject === actor.id ? KIND_WORDS[statement.kind] : INVERSE_WORDS[statement.kind];
			records.push({
				fact,
				file: recorder.actor.id,
				key: statementKey(statement),
				words: capitalize(words),
				explainers: theirs(fact),
			});
		}
	}

	// A record joins an earlier one of the same relation, from another file, whose time overlaps its own.
	const merged: RelationRecord<Story>[][] = [];
	for (const record of records) {
		const same = merged.find(
			(group) =>
				group[0]!.key === record.key &&
				group.every((other) => other.file !== record.file) &&
				group.some((other) => overlap(other.fact, record.fact, reportDays)),
		);
		if (same) same.push(record);
		else merged.push([record]);
	}
	const items = merged.map((group): RelationItem<Story> => {
		const [first] = group as [RelationRecord<Story>, ...RelationRecord<Story>[]];
		// Its period from the first record that dates it, so a record's dates are not lost to an undated one.
		const dated = group.find(({ fact }) => fact.from || fact.to || fact.reportedIn) ?? first;
		return {
			fact: dated.fact,
			facts: group.map(({ fact }) => fact),
			words: first.words,
			other: first.file === actor.id ? first.fact.actor.id : first.file,
			own: first.file === actor.id,
			period: period(dated.fact, reportDays),
			explainers: newestFirst(group.flatMap((record) => record.explainers)),
		};
	});
	return { roles, affiliations: byStart(items, reportDays, (item) => item.fact) };
}

/** For each fact of `actor`, the explainers of `explainers` that show it; those that report it when none does. */
function shownIn<Story extends Explainer>(actor: ActorOverTime, explainers: readonly Story[], reportDays: ReportDays) {
	const shown = new Map<Dated, Story[]>();
	for (const explainer of explainers) {
		const asOf = actorAsOf(actor, explainerDay(explainer.data), reportDays, explainer.id);
		for (const fact of [...asOf.roles.shown.slice(0, 1), ...asOf.affiliations.shown]) {
			appendTo(shown, fact, explainer);
		}
	}
	// A fact dated before every explainer that features the actor is still credited to the one that reports it.
	return (fact: Dated): Story[] =>
		shown.get(fact) ?? explainers.filter((explainer) => explainer.id === fact.reportedIn?.id);
}

/** Items by their facts, the most recently started first, undated ones last, otherwise in their order. */
function byStart<Item>(items: readonly Item[], reportDays: ReportDays, factOf: (item: Item) => Dated): Item[] {
	const since = (item: Item) => knownSince(factOf(item), reportDays) ?? '';
	return items.toSorted((a, b) => since(b).localeCompare(since(a)));
}

/** Whether two facts may have held at the same time: neither ended before the other is known to have started. */
function overlap(a: Dated, b: Dated, reportDays: ReportDays): boolean {
	const start = (fact: Dated) => earliestDay(knownSince(fact, reportDays) ?? '0000');
	const end = (fact: Dated) => (fact.to ? latestDay(fact.to) : LATEST_DAY);
	return start(a) <= end(b) && start(b) <= end(a);
}

/** Explainers once each, newest first, in their order when published together. */
function newestFirst<Story extends Explainer>(explainers: readonly Story[]): Story[] {
	return [...new Map(explainers.map((explainer) => [explainer.id, explainer])).values()].sort(
		(a, b) => b.data.published.getTime() - a.data.published.getTime(),
	);
}

/** When a fact held, in words, only as precise as its dates; on a page as of `asOf`, without an end after that day. */
export function period(fact: Dated, reportDays: ReportDays, asOf?: PartialDate): string {
	// A page as of a day does not know an end after it: a later story reported it.
	const until = fact.to && !(asOf && earliestDay(fact.to) > asOf) ? formatPartialDate(fact.to) : undefined;
	const from = fact.from && formatPartialDate(fact.from);
	if (from) return until ? (from === until ? `In ${from}` : `${from} to ${until}`) : `Since ${from}`;
	const reported = fact.reportedIn && reportDays.get(fact.reportedIn.id);
	if (reported) return `As reported on ${formatPartialDate(reported)}${until ? `, until ${until}` : ''}`;
	return until ? `Until ${until}` : 'Dates not reported';
}
