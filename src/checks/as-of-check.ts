import { actorAsOf, quoteDay, type ActorAsOf, type AsOf, type ReportDays } from '../actors/as-of';
import { ActorSchema, type ActorData } from '../schemas/actor';
import type { PartialDate } from '../schemas/partial-date';
import { appendTo } from '../utils/append-to';
import { formatPartialDate, latestDay } from '../utils/partial-dates';
import { listAt, problemAt, savedFiles, scoped, stringsIn, textItems, type Scope } from './check';
import type { ContentFile } from './content-files';
import { asPartialDate, DATED_FIELDS, endsBeforeItStarts, storyDayOf } from './date-check';
import type { Problem } from './problem';

/** An explainer as this check reads it: its day and who it describes as of which day. */
interface ExplainerDays {
	file: ContentFile;
	day: PartialDate;
	/** The actors the glossary lists, described as of `day`. */
	listed: string[];
	/** Quote speakers, each described as of the quote's day. */
	speakers: { id: string; day: PartialDate }[];
}

function explainerDays(file: ContentFile): ExplainerDays | undefined {
	const day = storyDayOf(file)?.day;
	if (!day) return undefined;
	return {
		file,
		day,
		listed: textItems(listAt(file, 'actors')),
		speakers: listAt<Record<string, unknown> | null>(file, 'quotes').flatMap((quote) =>
			typeof quote?.['speaker'] === 'string'
				? [{ id: quote['speaker'], day: quoteDay(asPartialDate(quote['date']), day) }]
				: [],
		),
	};
}

/** Where an actor is described, on which day, and why. */
interface Use {
	explainer: ExplainerDays;
	day: PartialDate;
	listed: boolean;
}

type Field = (typeof DATED_FIELDS)[number];

const LABEL: Record<Field, (actor: ActorData, index: number) => string> = {
	roles: (actor, index) => `roles[${index}] “${actor.roles[index]?.title}”`,
	affiliations: (actor, index) =>
		`affiliations[${index}] (${actor.affiliations[index]?.relation} ${actor.affiliations[index]?.actor.id})`,
	summary: (_, index) => `summary[${index}]`,
};

const FIX: Record<Field, string> = {
	roles: 'give the earlier role a `to` date, or tie each role to the explainer that first reports it',
	affiliations: 'give the earlier relation a `to` date, or tie each relation to the explainer that first reports it',
	summary: 'tie each summary to the explainer it was written for',
};

type Dated = { from?: unknown; reportedIn?: { id: string } | undefined } | undefined;

/** The explainer both facts are tied to, or `other` when each is tied to an explainer of its own. */
const reportedBoth = (a: Dated, b: Dated) =>
	a?.reportedIn && b?.reportedIn ? (a.reportedIn.id === b.reportedIn.id ? a.reportedIn.id : 'other') : undefined;

/** Whether two dated facts both have a `from` date. */
const bothHaveFrom = (a: { from?: unknown } | undefined, b: { from?: unknown } | undefined) =>
	a?.from !== undefined && b?.from !== undefined;

/** "content/articles/a.mdx (30 January 2024), content/articles/b.mdx (…)": the explainers a problem touches. */
const explainersIn = (uses: readonly Use[]) =>
	[...new Map(uses.map((use) => [use.explainer.file.path, use])).values()]
		.map((use) => `${use.explainer.file.path} (${formatPartialDate(use.day)})`)
		.join(', ');

/**
 * The problems of one actor file: facts the explainers' dates cannot choose between, each reported once, at the
 * first fact's line, with every explainer it affects; and the explainers that list the actor on a day no summary
 * covers, where the glossary would have nothing to say.
 */
function actorProblems(file: ContentFile, actor: ActorData, uses: readonly Use[], days: ReportDays): Problem[] {
	const found = new Map<string, { field: Field; indexes: [number, number]; uses: Use[] }>();
	const uncovered: Use[] = [];
	const collect = <Fact>(field: Field, facts: readonly Fact[], asOf: AsOf<Fact>, use: Use) => {
		for (const conflict of asOf.conflicts) {
			const indexes = conflict.facts.map((fact) => facts.indexOf(fact)).sort((a, b) => a - b) as [number, number];
			const key = `${field}:${indexes.join(',')}`;
			const entry = found.get(key) ?? { field, indexes, uses: [] };
			entry.uses.push(use);
			found.set(key, entry);
		}
	};
	const asOfByUse = new Map<string, ActorAsOf>();
	for (const use of uses) {
		const key = `${use.day} ${use.explainer.file.id}`;
		const asOf = asOfByUse.get(key) ?? actorAsOf(actor, use.day, days, use.explainer.file.id);
		asOfByUse.set(key, asOf);
		collect('roles', actor.roles, asOf.roles, use);
		collect('affiliations', actor.affiliations, asOf.affiliations, use);
		if (use.listed) collect('summary', actor.summary, asOf.summary, use);
		if (use.listed && asOf.summary.shown.length === 0) uncovered.push(use);
	}
	const problems = [...found.values()].map(({ field, indexes: [first, second], uses: affected }) =>
		problemAt(file, [field, first], {
			message:
				`${LABEL[field](actor, first)} and ${LABEL[field](actor, second)} both hold on the date of ` +
				`${explainersIn(affected)}, and their dates cannot say which is current`,
			hint: conflictHint(field, actor[field][first], actor[field][second]),
		}),
	);
	const [firstUncovered] = uncovered;
	if (firstUncovered) {
		problems.push(
			problemAt(file, ['summary'], {
				message: `no summary holds on the date of ${explainersIn(uncovered)}`,
				hint: `add a summary for it, written from that story: \`- text: …\` with \`reportedIn: ${firstUncovered.explainer.file.id}\``,
			}),
		);
	}
	return problems;
}

/** How to let the dates decide between two facts that hold on one day, from how each is dated. */
function conflictHint(field: Field, a: Dated, b: Dated): string {
	if (bothHaveFrom(a, b)) {
		return 'both have a `from` date, and neither says which came later: give the one that ended a `to` date';
	}
	const reported = reportedBoth(a, b);
	if (reported === 'other') {
		return 'each is tied to an explainer of its own, both of one day: give the older one an earlier `from` date, so the dates say which is current';
	}
	if (reported) {
		return `both are tied to ${reported}: tie the newer one to the explainer that first reports it instead, or give the older one a \`to\` date`;
	}
	return `${FIX[field]} (\`reportedIn: <slug>\`), or give both a \`from\` date`;
}

/**
 * An actor is checked against the explainers that list or quote it, on their days, and the explainers its dated items
 * cite (`reportedIn`): after a save, the actors a saved explainer names, before or after, and those citing it.
 */
const asOfScope: Scope = {
	restricts: ['actors'],
	affected: (save) => {
		const affected = savedFiles(save);
		const articles = save.changed.filter(({ after }) => after.collection === 'articles');
		if (articles.length === 0) return affected;
		const named = new Set(articles.flatMap(({ before, after }) => [...stringsIn(before), ...stringsIn(after)]));
		const saved = new Set(articles.map(({ after }) => after.id));
		for (const file of save.files) {
			if (file.collection !== 'actors') continue;
			if (named.has(file.id) || [...stringsIn(file)].some((text) => saved.has(text))) affected.add(file);
		}
		return affected;
	},
};

/**
 * Every explainer describes its actors as of its own date: a role, relation or summary that starts later is not
 * shown, and where two could be current the dates must decide. This check finds where they cannot.
 */
export const asOfCheck = scoped(asOfScope, ({ articles, actors }) => {
	const explainers = articles.flatMap((file) => explainerDays(file) ?? []);
	const days: ReportDays = new Map(explainers.map((explainer) => [explainer.file.id, explainer.day]));
	const usesOf = new Map<string, Use[]>();
	for (const explainer of explainers) {
		for (const id of explainer.listed) appendTo(usesOf, id, { explainer, day: explainer.day, listed: true });
		for (const { id, day } of explainer.speakers) appendTo(usesOf, id, { explainer, day, listed: false });
	}
	const schema = ActorSchema();
	return actors.flatMap((file): Problem[] => {
		const parsed = schema.safeParse(file.data);
		const uses = usesOf.get(file.id) ?? [];
		// A fact that ends before it starts holds on no day: the date check's problem is the one to fix first.
		const misdated = DATED_FIELDS.some((key) => listAt(file, key).some(endsBeforeItStarts));
		// A fact reported in no explainer there is (one renamed or misspelt) holds on a day no one can tell: the
		// reference check's problem at its `reportedIn` is the one to fix.
		const unknownReport = DATED_FIELDS.some((key) =>
			listAt<{ reportedIn?: unknown } | null>(file, key).some(
				(fact) => typeof fact?.reportedIn === 'string' && !days.has(fact.reportedIn),
			),
		);
		return [
			...(parsed.success && uses.length > 0 && !misdated && !unknownReport
				? actorProblems(file, parsed.data, uses, days)
				: []),
			...endedBeforeReported(file, days),
		];
	});
});

/**
 * Facts whose `to` is before the day of the explainer that reports them: they hold on no explainer's day, so no
 * page shows them as current, only the actor's history. A warning: a story may report what had already ended.
 */
function endedBeforeReported(file: ContentFile, days: ReportDays): Problem[] {
	return DATED_FIELDS.flatMap((field) =>
		listAt<{ to?: unknown; reportedIn?: unknown } | null>(file, field).flatMap((fact, index): Problem[] => {
			const to = asPartialDate(fact?.to);
			const reported = typeof fact?.reportedIn === 'string' ? days.get(fact.reportedIn) : undefined;
			if (!to || !reported || latestDay(to) >= reported) return [];
			return [
				problemAt(file, [field, index, 'to'], {
					message: `it ends (${formatPartialDate(to)}) before the explainer that reports it (${fact?.reportedIn}, ${formatPartialDate(reported)}), so no explainer shows it as current`,
					hint: 'check the `to` date; if the story reports something that had already ended, keep it: the actor’s page lists it',
					severity: 'warning',
				}),
			];
		}),
	);
}
