/**
 * The relations between an explainer's actors as of its date, read from the `affiliations` of the actors' files.
 * Each relation may be recorded on either actor's file, or on both ("leads" on one, "led-by" on the other), so
 * records are read in one direction per kind and merged; a pair whose relation changed keeps its earlier kinds,
 * oldest first, so the page can say "allied (2017) → opposed".
 */
import { actorOnDay, knownSince, type ActorEntry, type ReportDays } from '../actors/as-of';
import { period } from '../actors/history';
import type { AffiliationData } from '../schemas/actor';
import type { PartialDate } from '../schemas/partial-date';
import { formatPartialDate } from '../utils/partial-dates';
import { KIND_WORDS, pairKey, statementKey, statementOf, type RelationKind, type Statement } from './kinds';

/** The short words of a kind in a change, "allied (2017) → opposed". */
const CHANGE_WORDS: Record<RelationKind, string> = { ...KIND_WORDS, 'allied-with': 'allied', 'opposed-to': 'opposed' };

/** A relation that held between the pair before the current one, with its dates as short as they are known. */
export interface EarlierRelation {
	kind: RelationKind;
	/** "2017", "2015–2017", "until 2017", "from 2015"; empty when no date was recorded. */
	dates: string;
	/** The explainers that report it, by id. */
	reportedIn: string[];
}

/** A relation between two of the explainer's actors as of its date. */
export interface Connection {
	subject: string;
	kind: RelationKind;
	object: string;
	/** The records it is read from, one per actor file that has it. */
	facts: AffiliationData[];
	/** When it holds, in words: "Since 2021", "As reported on 30 January 2024", "Dates not reported". */
	period: string;
	/** The explainers that report it, by id. */
	reportedIn: string[];
	/** Earlier relations of the same pair, oldest first; empty when it has not changed. */
	earlier: EarlierRelation[];
}

const distinct = (ids: readonly (string | undefined)[]) => [...new Set(ids.filter((id) => id !== undefined))];
const reportersOf = (facts: readonly AffiliationData[]) => distinct(facts.map((fact) => fact.reportedIn?.id));

/** A fact's dates in a change, as short as they are known. */
export function shortDates(fact: AffiliationData): string {
	const from = fact.from && formatPartialDate(fact.from);
	const to = fact.to && formatPartialDate(fact.to);
	if (from && to) return from === to ? from : `${from}–${to}`;
	if (to) return `until ${to}`;
	return from ? `from ${from}` : '';
}

/**
 * The records of the pair that an explainer of `day` may show as earlier relations: known by then (reported by an
 * explainer of that day or before, and started by then), and not shown as current.
 */
function earlierRelations(
	records: readonly Statement[],
	current: ReadonlySet<AffiliationData>,
	currentKind: RelationKind,
	day: PartialDate,
	reportDays: ReportDays,
): EarlierRelation[] {
	const known = records.filter(({ fact }) => {
		if (current.has(fact)) return false;
		const reported = fact.reportedIn ? reportDays.get(fact.reportedIn.id) : '';
		const since = knownSince(fact, reportDays);
		return reported !== undefined && reported <= day && (since === undefined || since <= day);
	});
	const since = ({ fact }: Statement) => knownSince(fact, reportDays) ?? '';
	const steps: EarlierRelation[] = [];
	for (const record of known.sort((a, b) => since(a).localeCompare(since(b)))) {
		const dates = shortDates(record.fact);
		const last = steps.at(-1);
		if (last && last.kind === record.kind && last.dates === dates) {
			last.reportedIn = distinct([...last.reportedIn, record.fact.reportedIn?.id]);
		} else {
			steps.push({ kind: record.kind, dates, reportedIn: reportersOf([record.fact]) });
		}
	}
	// A pair that was allied before and is allied again has not changed in the sense the page means.
	while (steps.at(-1)?.kind === currentKind) steps.pop();
	return steps;
}

/**
 * The relations between `actors` (an explainer's, in its order) that hold on `day`, each once, in the order of
 * their subjects in the list. A relation to an actor outside the list is left out: the graphic shows the
 * explainer's actors only.
 */
export function connectionsOn(actors: readonly ActorEntry[], day: PartialDate, reportDays: ReportDays): Connection[] {
	const listed = new Map(actors.map((actor, index) => [actor.id, index]));
	const records = actors.flatMap((actor) =>
		actor.data.affiliations
			.filter((fact) => fact.actor.id !== actor.id && listed.has(fact.actor.id))
			.map((fact) => statementOf(actor.id, fact)),
	);
	const shownFacts = new Set(actors.flatMap((actor) => actorOnDay(actor.data, day, reportDays).affiliations));
	const byKey = Map.groupBy(
		records.filter((record) => shownFacts.has(record.fact)),
		statementKey,
	);
	const connections = [...byKey.values()].map((merged): Connection => {
		const [first] = merged as [Statement, ...Statement[]];
		const facts = merged.map(({ fact }) => fact);
		const pair = records.filter(
			(record) => pairKey(record.subject, record.object) === pairKey(first.subject, first.object),
		);
		return {
			subject: first.subject,
			kind: first.kind,
			object: first.object,
			facts,
			period: period(first.fact, reportDays, day),
			reportedIn: reportersOf(facts),
			earlier: earlierRelations(pair, shownFacts, first.kind, day, reportDays),
		};
	});
	const rank = (id: string) => listed.get(id) ?? 0;
	return connections.sort((a, b) => rank(a.subject) - rank(b.subject) || rank(a.object) - rank(b.object));
}

/** Each relation the pair has had, oldest first, in short words with the explainers that report it. */
export function changeSteps(connection: Pick<Connection, 'kind' | 'earlier' | 'reportedIn'>) {
	if (connection.earlier.length === 0) return [{ words: '', reportedIn: connection.reportedIn }];
	return [
		...connection.earlier.map(({ kind, dates, reportedIn }) => ({
			words: `${CHANGE_WORDS[kind]}${dates ? ` (${dates})` : ''}`,
			reportedIn,
		})),
		{ words: CHANGE_WORDS[connection.kind], reportedIn: connection.reportedIn },
	];
}

/** How a connection reads in the graphic and the table: "part of", or "allied (2017) → opposed" when it changed. */
export function connectionWords(connection: Pick<Connection, 'kind' | 'earlier' | 'reportedIn'>): string {
	if (connection.earlier.length === 0) return KIND_WORDS[connection.kind];
	return changeSteps(connection)
		.map(({ words }) => words)
		.join(' → ');
}
