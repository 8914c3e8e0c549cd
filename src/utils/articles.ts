import { getCollection, getEntries, type CollectionEntry } from 'astro:content';
import { dayOf } from './partial-dates';
import { rolesOn } from './roles';

export type Article = CollectionEntry<'articles'>;
export type Actor = CollectionEntry<'actors'>;

/** Every explainer, newest first. */
export async function getArticles(): Promise<Article[]> {
	const articles = await getCollection('articles');
	return articles.sort((a, b) => b.data.published.getTime() - a.data.published.getTime());
}

/** The actors an article lists, in its order. The content checks have made sure each exists. */
export async function getArticleActors(article: Article): Promise<Actor[]> {
	return (await getEntries(article.data.actors)).filter((actor): actor is Actor => actor !== undefined);
}

/** The title of the role an actor held on the article's day, if the actor holds roles. */
export function roleOnStoryDay(
	actor: Actor,
	article: Article,
	day = dayOf(article.data.published),
): string | undefined {
	return rolesOn(actor.data.roles, day)[0]?.title;
}
