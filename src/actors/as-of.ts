/**
 * Actors over time: what is true of an actor on an explainer's date. Roles, relations and summaries each hold from
 * their `from` date, or from the date of the explainer that reports them (`reportedIn`), until their `to` date. On
 * a given day the most recently started of the facts that compete (an actor's roles; its summaries; its relations
 * to one other actor, or of one exclusive kind) is the one shown. When dates cannot tell which summary is most
 * recent, an explainer shows the one it reports itself, as two explainers of one day may each describe the actor
 * their own way; otherwise, and for roles and relations, which hold or not whoever reports them, the choice is the
 * editor's: the content checks report it (src/checks/as-of-check.ts), and nothing is picked silently.
 */
import type { AffiliationData, AffiliationRelation, RoleData, SummaryData } from '../schemas/actor';
import type { PartialDate } from '../schemas/partial-date';
import { dayOf, earliestDay, latestDay } from '../utils/partial-dates';

/** The dating fields every fact about an actor may carry. */
export interface Dated {
	from?: PartialDate | undefined;
	to?: PartialDate | undefined;
	reportedIn?: { id: string } | undefined;
}

/** The day each explainer's facts hold (`asOf`, or its publication day), by slug. */
export type ReportDays = ReadonlyMap<string, PartialDate>;

/** What a fact's holding on a day depends on, besides the fact. */
interface Timeline {
	day: PartialDate;
	reportDays: ReportDays;
	/** The explainer whose page asks, whose own summary wins where the dates cannot decide; none for actor pages. */
	explainer?: string | undefined;
}

/** The first day a fact is known to hold, or undefined when it has always held as far as we know. */
export function knownSince(fact: Dated, reportDays: ReportDays): PartialDate | undefined {
	if (fact.from) return earliestDay(fact.from);
	return fact.reportedIn ? reportDays.get(fact.reportedIn.id) : undefined;
}

/**
 * Whether a fact holds on `day`: it started on or before it (or is undated), had not ended, and the explainer that
 * reports it, if one does, is not of a later day: a later story dating a fact back ("allied since June 2023") does
 * not rewrite what earlier explainers said.
 */
export function holdsOn(fact: Dated, { day, reportDays }: Timeline): boolean {
	const reported = fact.reportedIn ? reportDays.get(fact.reportedIn.id) : undefined;
	if (fact.reportedIn && (reported === undefined || reported > day)) return false;
	const since = knownSince(fact, reportDays);
	return (since === undefined || since <= day) && (!fact.to || latestDay(fact.to) >= day);
}

/** The facts shown on a day and the conflicts that kept the dates from deciding. */
export interface AsOf<Fact> {
	shown: Fact[];
	/** Two facts that hold on the same day and whose dates cannot say which is the more recent. */
	conflicts: { facts: [Fact, Fact] }[];
}

/**
 * The facts that hold on `day` and are not outdone by a more recently started competitor. Two competing facts that
 * both hold conflict unless both have a start and one starts later; in a conflict both stay shown, so a page never
 * loses a fact, and the checks stop the build.
 */
export function factsAsOf<Fact extends Dated>(
	facts: readonly Fact[],
	timeline: Timeline,
	competes: (a: Fact, b: Fact) => boolean,
): AsOf<Fact> {
	const holding = facts.filter((fact) => holdsOn(fact, timeline));
	const since = (fact: Fact) => knownSince(fact, timeline.reportDays);
	const own = (fact: Fact) => timeline.explainer !== undefined && fact.reportedIn?.id === timeline.explainer;
	const conflicts: AsOf<Fact>['conflicts'] = [];
	const shown = holding.filter((fact, index) =>
		holding.every((other, otherIndex) => {
			if (other === fact || !competes(fact, other)) return true;
			const [mine, theirs] = [since(fact), since(other)];
			if (mine === undefined || theirs === undefined || mine === theirs) {
				if (own(fact) !== own(other)) return own(fact);
				if (otherIndex > index) conflicts.push({ facts: [fact, other] });
				return true;
			}
			return mine > theirs;
		}),
	);
	return { shown, conflicts };
}

/**
 * Relations an actor can have only one of at a time: a second one of these (or any second relation to the same
 * actor) replaces the first from the day it starts.
 */
export const EXCLUSIVE_RELATIONS: ReadonlySet<AffiliationRelation> = new Set(['works-for', 'led-by', 'part-of']);

/** Whether two relations of one actor are alternatives: to the same actor, or both of one exclusive kind. */
export const relationsCompete = (a: AffiliationData, b: AffiliationData) =>
	a.actor.id === b.actor.id || (a.relation === b.relation && EXCLUSIVE_RELATIONS.has(a.relation));

const always = () => true;

/** The fields of an actor that change over time. */
export interface ActorOverTime {
	roles: readonly RoleData[];
	affiliations: readonly AffiliationData[];
	summary: readonly SummaryData[];
}

/** An actor as the relations and its history need it: its id and the fields that change over time. */
export interface ActorEntry {
	id: string;
	data: ActorOverTime;
}

/** Everything that changes about an actor, as of `day`, with the conflicts the dates could not decide. */
export interface ActorAsOf {
	roles: AsOf<RoleData>;
	affiliations: AsOf<AffiliationData>;
	summary: AsOf<SummaryData>;
}

/** The actor's roles, relations and summary as they were on `day`, as the page of `explainer` shows them. */
export function actorAsOf(
	actor: ActorOverTime,
	day: PartialDate,
	reportDays: ReportDays,
	explainer?: string,
): ActorAsOf {
	const timeline = { day, reportDays };
	return {
		roles: factsAsOf(actor.roles, timeline, always),
		affiliations: factsAsOf(actor.affiliations, timeline, relationsCompete),
		summary: factsAsOf(actor.summary, { ...timeline, explainer }, always),
	};
}

/** A day after every story: what is true of an actor now, as far as our stories tell. */
export const LATEST_DAY: PartialDate = '9999-12-31';

/** The day an explainer's facts hold: its `asOf`, or the day it was published. */
export const explainerDay = (data: { asOf?: PartialDate | undefined; published: Date }): PartialDate =>
	data.asOf ?? dayOf(data.published);

/** The day a quote's speaker is described as of: the quote's own date when it has one, never after the explainer's. */
export function quoteDay(quoteDate: PartialDate | undefined, storyDay: PartialDate): PartialDate {
	const day = quoteDate ? latestDay(quoteDate) : storyDay;
	return day < storyDay ? day : storyDay;
}

/**
 * The actor as a page dated `day` describes it (the page of `explainer`, if one): the current role and summary, and
 * the relations that hold.
 */
export function actorOnDay(actor: ActorOverTime, day: PartialDate, reportDays: ReportDays, explainer?: string) {
	const asOf = actorAsOf(actor, day, reportDays, explainer);
	return { role: asOf.roles.shown[0], summary: asOf.summary.shown[0]?.text, affiliations: asOf.affiliations.shown };
}

/**
 * The most recent summary, for pages about the actor itself rather than one story: the one that starts last, an
 * undated one counting as the oldest; with the day it is known from, when it has one.
 */
export function latestSummary(summary: readonly SummaryData[], reportDays: ReportDays) {
	const dated = summary.map((item) => ({ text: item.text, since: knownSince(item, reportDays) }));
	return dated.reduce<(typeof dated)[number] | undefined>(
		(latest, item) => (!latest || (item.since ?? '') > (latest.since ?? '') ? item : latest),
		undefined,
	);
}
