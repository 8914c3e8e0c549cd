import { getCollection, type CollectionEntry } from 'astro:content';

export type Article = CollectionEntry<'articles'>;
export type Actor = CollectionEntry<'actors'>;

/**
 * A value computed once per build and shared by every page: a build renders each of thousands of pages with the
 * same content, so sorting or indexing it again for each page would make the build quadratic. The dev server
 * recomputes on every call, so an edited file shows on the next reload.
 */
function oncePerBuild<T>(compute: () => Promise<T>): () => Promise<T> {
	let value: Promise<T> | undefined;
	return () => (import.meta.env.PROD ? (value ??= compute()) : compute());
}

/** Every explainer, newest first. Callers must not reorder the array: it is shared. */
export const getArticles: () => Promise<Article[]> = oncePerBuild(async () => {
	const articles = await getCollection('articles');
	return articles.sort((a, b) => b.data.published.getTime() - a.data.published.getTime());
});

/** Every actor, by id. */
export const getActorsById: () => Promise<Map<string, Actor>> = oncePerBuild(
	async () => new Map((await getCollection('actors')).map((actor) => [actor.id, actor])),
);

/** A quote with the explainer that carries it. */
export interface QuoteInArticle {
	article: Article;
	quote: Article['data']['quotes'][number];
}

/** What the site knows of each actor across explainers, computed once per build. */
export interface ActorIndex {
	/** Explainers that list the actor, newest first. */
	articles: Map<string, Article[]>;
	/** Quotes by the actor, newest explainer first. */
	quotes: Map<string, QuoteInArticle[]>;
}

/** Which explainers feature each actor and what each actor said; built once and shared by every page. */
export const getActorIndex: () => Promise<ActorIndex> = oncePerBuild(async () => {
	const index: ActorIndex = { articles: new Map(), quotes: new Map() };
	const push = <T>(map: Map<string, T[]>, key: string, item: T) => {
		const list = map.get(key);
		if (list) list.push(item);
		else map.set(key, [item]);
	};
	for (const article of await getArticles()) {
		for (const { id } of article.data.actors) push(index.articles, id, article);
		for (const quote of article.data.quotes) push(index.quotes, quote.speaker.id, { article, quote });
	}
	return index;
});

/** Other explainers that share actors or topics with this one, most shared first, then newest. */
export function relatedArticles(article: Article, articles: readonly Article[], limit = 3): Article[] {
	const actors = new Set(article.data.actors.map((ref) => ref.id));
	const topics = new Set(article.data.topics);
	return articles
		.filter((other) => other.id !== article.id)
		.map((other) => ({
			other,
			shared:
				other.data.actors.filter((ref) => actors.has(ref.id)).length +
				other.data.topics.filter((topic) => topics.has(topic)).length,
		}))
		.filter(({ shared }) => shared > 0)
		.sort((a, b) => b.shared - a.shared || b.other.data.published.getTime() - a.other.data.published.getTime())
		.slice(0, limit)
		.map(({ other }) => other);
}
