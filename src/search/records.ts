import type { ActorData } from '../schemas/actor';
import type { ArticleData } from '../schemas/article';
import { countryNotNamed } from '../locator-map/article-map';
import type { PlaceData } from '../schemas/place';
import { appendTo } from '../utils/append-to';
import { ACTOR_KIND_LABELS } from '../utils/labels';
import { formatPartialDate } from '../utils/partial-dates';
import { actorOnDay, explainerDay, latestSummary } from '../actors/as-of';
import { actorHistories, SHOWN_IN_LIMIT } from '../actors/history';

/** One page of the search index: where it is, its headline, and the words it is found by. */
export interface SearchRecord {
	/** The page's address from the site's root, without the base path (the search page adds it). */
	url: string;
	/** The headline or name the search results show. */
	title: string;
	/** The page's text, a line per paragraph, item or entry; results quote their excerpts from it. */
	content: string;
}

/** The checked content a build indexes. */
export interface SearchableContent {
	/** Every explainer, with its story's readable text (src/checks/story-facts/facts.ts). */
	articles: readonly { id: string; data: ArticleData; story: string }[];
	actors: readonly { id: string; data: ActorData }[];
	places: readonly { id: string; data: PlaceData }[];
}

/**
 * The search index's records, made from the content rather than scraped from the built pages, so the index can be
 * built while Astro compiles (docs/performance.md). Each record holds the words its page shows readers and none of
 * its furniture (navigation, section titles, links back); tests/build/search.test.ts checks every built page's words
 * against its record. Records are sorted by id, explainers first, so the same content writes the same index.
 */
export function searchRecords({ articles, actors, places }: SearchableContent): SearchRecord[] {
	const actorsById = new Map(actors.map((actor) => [actor.id, actor.data]));
	const placesById = new Map(places.map((place) => [place.id, place.data]));
	const byId = <T extends { id: string }>(items: readonly T[]) => [...items].sort((a, b) => compare(a.id, b.id));
	const reportDays = new Map(articles.map((article) => [article.id, explainerDay(article.data)]));

	const explainers = byId(articles).map(({ id, data, story }) => {
		const storyDay = explainerDay(data);
		const cast = data.actors.flatMap((ref) => {
			const actor = actorsById.get(ref.id);
			if (!actor) return [];
			// As the who's who shows it: the role held that day, else what the actor is.
			const asOf = actorOnDay(actor, storyDay, reportDays, id);
			const role = asOf.role?.title ?? ACTOR_KIND_LABELS[actor.kind].one;
			return [[actor.name, role, actor.aliases.join(', '), asOf.summary]];
		});
		return record(`/explainers/${id}/`, data.title, [
			data.dek,
			...data.keyFacts,
			story,
			...data.places.flatMap((ref) => {
				const place = placesById.get(ref.id);
				return place ? [place.name, countryNotNamed(place), place.approximate] : [];
			}),
			...data.timeline.map((event) => `${event.label ?? formatPartialDate(event.date)}: ${event.text}`),
			...cast.flat(),
			data.sources.map((source) => source.name).join(', '),
			...data.figures.map((figure) => `${figure.caption} ${figure.credit}`),
			...data.corrections.map((correction) => correction.text),
		]);
	});

	const newestFirst = [...articles].sort(
		(a, b) => b.data.published.getTime() - a.data.published.getTime() || compare(a.id, b.id),
	);
	const featuring = new Map<string, (typeof articles)[number][]>();
	for (const article of newestFirst) {
		for (const id of new Set(article.data.actors.map((ref) => ref.id))) appendTo(featuring, id, article);
	}
	// The connections as the actor's page lists them: its own file's and those other actors' files record to it.
	const histories = actorHistories(actors, (id) => featuring.get(id) ?? [], reportDays);
	const people = byId(actors).map(({ id, data }) => {
		const featured = featuring.get(id) ?? [];
		const quoted = newestFirst.flatMap((article) => article.data.quotes.filter((quote) => quote.speaker.id === id));
		const history = histories.get(id)!;
		const summary = latestSummary(data.summary, reportDays);
		return record(`/actors/${id}/`, data.name, [
			ACTOR_KIND_LABELS[data.kind].one,
			data.aliases.join(', '),
			// As the actor's page reads it: the text, and the day it is known from when it is dated.
			summary?.since ? `${summary.text} (as of ${formatPartialDate(summary.since)})` : summary?.text,
			...data.roles.map((role) => role.title),
			...history.affiliations.map(({ words, other }) => `${words} ${actorsById.get(other)?.name ?? other}`),
			...featured.map((article) => article.data.title),
			// A relation another actor's file records is shown in explainers that feature that actor, linked there too.
			...new Set(
				history.affiliations
					.flatMap(({ explainers }) => explainers.slice(0, SHOWN_IN_LIMIT))
					.filter((article) => !featured.includes(article))
					.map((article) => article.data.title),
			),
			...quoted.map((quote) => quote.text),
		]);
	});

	return [...explainers, ...people];
}

/**
 * A record whose content is its title and its non-empty lines, each ended as a sentence: Pagefind's excerpts show
 * line breaks as spaces, and "Iran Country Tehran Supports…" reads as one sentence.
 */
function record(url: string, title: string, lines: readonly (string | undefined)[]): SearchRecord {
	const content = [title, ...lines]
		.flatMap((line) => line?.split('\n') ?? [])
		.map((line) => line.trim())
		.filter(Boolean)
		.map((line) => (/[.!?…:;"”’)]$/.test(line) ? line : `${line}.`))
		.join('\n');
	return { url, title, content };
}

/** Ids in code-point order, the same on every machine (not the locale's). */
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
