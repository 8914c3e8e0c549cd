import { getCollection, type CollectionEntry } from 'astro:content';

export type Article = CollectionEntry<'articles'>;
export type Actor = CollectionEntry<'actors'>;

/** Every explainer, newest first. */
export async function getArticles(): Promise<Article[]> {
	const articles = await getCollection('articles');
	return articles.sort((a, b) => b.data.published.getTime() - a.data.published.getTime());
}

/** Every actor, by id. */
export async function getActorsById(): Promise<Map<string, Actor>> {
	return new Map((await getCollection('actors')).map((actor) => [actor.id, actor]));
}

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

let actorIndex: Promise<ActorIndex> | undefined;

/** Which explainers feature each actor and what each actor said; built once and shared by every page. */
export function getActorIndex(): Promise<ActorIndex> {
	actorIndex ??= getArticles().then((articles) => {
		const index: ActorIndex = { articles: new Map(), quotes: new Map() };
		for (const article of articles) {
			for (const { id } of article.data.actors) index.articles.set(id, [...(index.articles.get(id) ?? []), article]);
			for (const quote of article.data.quotes) {
				const speaker = quote.speaker.id;
				index.quotes.set(speaker, [...(index.quotes.get(speaker) ?? []), { article, quote }]);
			}
		}
		return index;
	});
	return actorIndex;
}

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
