/**
 * The locator map of each explainer that lists places, `/explainers/<slug>/map-<narrow|wide>.svg`: one layout for
 * phones and one for wider screens (LocatorMap.astro picks between them). Drawn at build time from Natural Earth
 * outlines, through a cache on disk (cache.ts); no script, tile or request at reading time. The route file in
 * src/pages/ only hands these to Astro.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getArticles } from '../utils/articles';
import { articleMapPlan, mapTitle } from './article-map';
import { locatorMapCache } from './cache';
import { MAP_VARIANTS, type MapPlan, type MapVariantName } from './locator-map';

/** Both layouts of every explainer that has a map. */
export const mapPaths = (async () => {
	const paths = [];
	for (const article of await getArticles()) {
		const plan = await articleMapPlan(article);
		if (!plan) continue;
		for (const variant of Object.keys(MAP_VARIANTS) as MapVariantName[]) {
			paths.push({ params: { slug: article.id, variant }, props: { plan, variant, title: mapTitle(article) } });
		}
	}
	return paths;
}) satisfies GetStaticPaths;

export interface MapRouteProps {
	plan: MapPlan;
	variant: MapVariantName;
	title: string;
}

/** One map as an SVG response; a label with no room was reported by the content checks (map-check.ts) before. */
export const mapResponse: APIRoute<MapRouteProps> = async ({ props }) => {
	const svg = await locatorMapCache().get(props);
	return new Response(new Uint8Array(svg), { headers: { 'content-type': 'image/svg+xml; charset=utf-8' } });
};
