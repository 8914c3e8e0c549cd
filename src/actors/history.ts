/**
 * An actor's roles and relations as a dated history, for the actor's own page: each fact with when it held and
 * the explainers that show it (those whose date it held on).
 */
import type { AffiliationData, RoleData } from '../schemas/actor';
import type { PartialDate } from '../schemas/partial-date';
import { formatPartialDate } from '../utils/partial-dates';
import { actorAsOf, explainerDay, knownSince, type ActorOverTime, type Dated, type ReportDays } from './as-of';

/** An explainer as the history needs it. */
interface Explainer {
	id: string;
	data: { asOf?: PartialDate | undefined; published: Date };
}

/** One fact of the history, with the explainers that show it, newest first. */
export interface HistoryItem<Fact, Story extends Explainer> {
	fact: Fact;
	/** When it held, in words: "Since 2021", "As reported on 30 January 2024", "Dates not reported". */
	period: string;
	explainers: Story[];
}

/** The actor's roles and relations, the most recently started first (undated ones last). */
export interface ActorHistory<Story extends Explainer> {
	roles: HistoryItem<RoleData, Story>[];
	affiliations: HistoryItem<AffiliationData, Story>[];
}

/** The actor's history over `explainers` (those that feature the actor, newest first). */
export function actorHistory<Story extends Explainer>(
	actor: ActorOverTime,
	explainers: readonly Story[],
	reportDays: ReportDays,
): ActorHistory<Story> {
	const shownIn = new Map<Dated, Story[]>();
	for (const explainer of explainers) {
		const asOf = actorAsOf(actor, explainerDay(explainer.data), reportDays);
		for (const fact of [...asOf.roles.shown.slice(0, 1), ...asOf.affiliations.shown]) {
			shownIn.set(fact, [...(shownIn.get(fact) ?? []), explainer]);
		}
	}
	// A fact dated before every explainer that features the actor is still credited to the one that reports it.
	const reporting = (fact: Dated) => explainers.filter((explainer) => explainer.id === fact.reportedIn?.id);
	const items = <Fact extends Dated>(facts: readonly Fact[]) =>
		facts
			.map((fact, index) => ({ fact, index, since: knownSince(fact, reportDays) ?? '' }))
			.sort((a, b) => b.since.localeCompare(a.since) || a.index - b.index)
			.map(({ fact }) => ({
				fact,
				period: period(fact, reportDays),
				explainers: shownIn.get(fact) ?? reporting(fact),
			}));
	return { roles: items(actor.roles), affiliations: items(actor.affiliations) };
}

/** When a fact held, in words, only as precise as its dates. */
export function period(fact: Dated, reportDays: ReportDays): string {
	const until = fact.to ? formatPartialDate(fact.to) : undefined;
	const from = fact.from && formatPartialDate(fact.from);
	if (from) return until ? (from === until ? `In ${from}` : `${from} to ${until}`) : `Since ${from}`;
	const reported = fact.reportedIn && reportDays.get(fact.reportedIn.id);
	if (reported) return `As reported on ${formatPartialDate(reported)}${until ? `, until ${until}` : ''}`;
	return until ? `Until ${until}` : 'Dates not reported';
}
