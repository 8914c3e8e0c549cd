/**
 * Each explainer's locator map in the dev server, `/explainers/<slug>/map-<narrow|wide>.svg`, drawn on request
 * through the cache. integration.ts adds this route to the dev server only: a build writes the maps itself.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getArticles, getPlacesById, type Article } from '../utils/articles';
import { mapPlanOf, mapTitle } from './article-map';
import { locatorMapCache } from './cache';
import { MAP_VARIANTS, type MapVariantName } from './locator-map';

/** Both layouts of every explainer that lists places; each is planned only when asked for. */
export const getStaticPaths = (async () =>
	(await getArticles())
		.filter((article) => article.data.places.length > 0)
		.flatMap((article) =>
			(Object.keys(MAP_VARIANTS) as MapVariantName[]).map((variant) => ({
				params: { slug: article.id, variant },
				props: { article, variant },
			})),
		)) satisfies GetStaticPaths;

interface Props {
	article: Article;
	variant: MapVariantName;
}

export const GET: APIRoute<Props> = async ({ props: { article, variant } }) => {
	const plan = mapPlanOf(article.data.places, await getPlacesById());
	if (!plan) return new Response(null, { status: 404 });
	const svg = await locatorMapCache().get({ plan, variant, title: mapTitle(article) });
	return new Response(new Uint8Array(svg), { headers: { 'content-type': 'image/svg+xml; charset=utf-8' } });
};
