import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import { SITE } from '../site';
import { getArticles } from '../utils/articles';
import { explainerPath } from '../utils/paths';

/**
 * The feed carries each explainer's headline and dek, not its full text: an explainer's value is the page around
 * the story (glossary, quotes, timeline), which a feed reader cannot show, so readers are sent to the page.
 */
export async function GET(context: APIContext) {
	return rss({
		title: SITE.name,
		description: SITE.description,
		site: context.site ?? SITE.url,
		items: (await getArticles()).map((article) => ({
			title: article.data.title,
			description: article.data.dek,
			pubDate: article.data.published,
			link: explainerPath(article.id),
			categories: article.data.topics,
		})),
		customData: `<language>${SITE.lang}</language>`,
	});
}
