import { getCollection, type CollectionEntry } from 'astro:content';
import { explainerDay, type ReportDays } from '../actors/as-of';
import { appendTo } from './append-to';
import { once } from './once';

export type Article = CollectionEntry<'articles'>;
export type Actor = CollectionEntry<'actors'>;
export type Place = CollectionEntry<'places'>;

/**
 * A value computed once per build and shared by every page: a build renders each of thousands of pages with the
 * same content, so sorting or indexing it again for each page would make the build quadratic. The dev server
 * recomputes on every call, so an edited file shows on the next reload.
 */
function oncePerBuild<T>(compute: () => Promise<T>): () => Promise<T> {
	return import.meta.env.PROD ? once(compute) : compute;
}

/** Every explainer, newest first. Callers must not reorder the array: it is shared. */
export const getArticles: () => Promise<Article[]> = oncePerBuild(async () => {
	const articles = await getCollection('articles');
	return articles.sort((a, b) => b.data.published.getTime() - a.data.published.getTime());
});

/** The day each explainer's facts hold, by slug: when facts tied to an explainer (`reportedIn`) start to hold. */
export const getReportDays: () => Promise<ReportDays> = oncePerBuild(
	async () => new Map((await getArticles()).map((article) => [article.id, explainerDay(article.data)])),
);

export const getActorsById: () => Promise<Map<string, Actor>> = oncePerBuild(
	async () => new Map((await getCollection('actors')).map((actor) => [actor.id, actor])),
);

export const getPlacesById: () => Promise<Map<string, Place>> = oncePerBuild(
	async () => new Map((await getCollection('places')).map((place) => [place.id, place])),
);

/** A quote with the explainer that carries it. */
export interface QuoteInArticle {
	article: Article;
	quote: Article['data']['quotes'][number];
}

/**
 * Which explainers list each actor and what each actor said, by actor id, newest explainer first; built once and
 * shared by every page.
 */
export const getActorIndex = oncePerBuild(async () => {
	const index = { articles: new Map<string, Article[]>(), quotes: new Map<string, QuoteInArticle[]>() };
	for (const article of await getArticles()) {
		for (const { id } of article.data.actors) appendTo(index.articles, id, article);
		for (const quote of article.data.quotes) appendTo(index.quotes, quote.speaker.id, { article, quote });
	}
	return index;
});

/** What relates explainers: the actors (`actor:<id>`) and topics (`topic:<name>`) each lists. */
const listingKeys = (article: Article): string[] => [
	...article.data.actors.map((ref) => `actor:${ref.id}`),
	...article.data.topics.map((topic) => `topic:${topic}`),
];

/** For each listing key, the positions of the explainers that list it; made once per list of explainers. */
const listings = new WeakMap<readonly Article[], Map<string, number[]>>();

function listingsOf(articles: readonly Article[]): Map<string, number[]> {
	let index = listings.get(articles);
	if (!index) {
		index = new Map();
		for (const [position, article] of articles.entries()) {
			for (const key of listingKeys(article)) appendTo(index, key, position);
		}
		listings.set(articles, index);
	}
	return index;
}

/** Other explainers that share actors or topics with this one, most shared first, then newest, then in list order. */
export function relatedArticles(article: Article, articles: readonly Article[], limit = 3): Article[] {
	if (limit <= 0) return [];
	const index = listingsOf(articles);
	const shared = new Map<number, number>();
	for (const key of new Set(listingKeys(article))) {
		for (const position of index.get(key) ?? []) {
			if (articles[position]?.id !== article.id) shared.set(position, (shared.get(position) ?? 0) + 1);
		}
	}
	const published = (position: number) => articles[position]?.data.published.getTime() ?? 0;
	const before = ([a, sharedA]: [number, number], [b, sharedB]: [number, number]) =>
		sharedA - sharedB || published(a) - published(b) || b - a;
	// A page shows a few of the many explainers sharing a topic with its own: keep the best few, not all sorted.
	const best: [number, number][] = [];
	for (const candidate of shared) {
		if (best.length >= limit && !(before(candidate, best[best.length - 1]!) > 0)) continue;
		let at = best.length;
		while (at > 0 && before(candidate, best[at - 1]!) > 0) at--;
		best.splice(at, 0, candidate);
		best.length = Math.min(best.length, limit);
	}
	return best.flatMap(([position]) => articles[position] ?? []);
}
