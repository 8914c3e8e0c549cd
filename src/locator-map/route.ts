/**
 * Each explainer's locator map in the dev server, `/explainers/<slug>/map-<narrow|wide>.svg`, drawn on request
 * through the cache. integration.ts adds this route to the dev server only: a build writes the maps itself.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getArticles, getPlacesById } from '../utils/articles';
import { mapPlanOf, mapTitle } from './article-map';
import { locatorMapCache, type MapDrawing } from './cache';
import { MAP_VARIANTS, type MapVariantName } from './locator-map';

/** Both layouts of every explainer that has a map. */
export const getStaticPaths = (async () => {
	const [articles, places] = await Promise.all([getArticles(), getPlacesById()]);
	const paths = [];
	for (const article of articles) {
		const plan = mapPlanOf(article.data.places, places);
		if (!plan) continue;
		for (const variant of Object.keys(MAP_VARIANTS) as MapVariantName[]) {
			paths.push({ params: { slug: article.id, variant }, props: { plan, variant, title: mapTitle(article) } });
		}
	}
	return paths;
}) satisfies GetStaticPaths;

export const GET: APIRoute<MapDrawing> = async ({ props }) => {
	const svg = await locatorMapCache().get(props);
	return new Response(new Uint8Array(svg), { headers: { 'content-type': 'image/svg+xml; charset=utf-8' } });
};
