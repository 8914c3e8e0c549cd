/**
 * The locator map of each explainer that lists places, `/explainers/<slug>/map-<narrow|wide>.svg`: one layout for
 * phones and one for wider screens (LocatorMap.astro picks between them). Drawn at build time from Natural Earth
 * outlines, through a cache on disk (cache.ts); no script, tile or request at reading time. The route file in
 * src/pages/ only hands these to Astro.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { AstroError } from 'astro/errors';
import { getArticles } from '../utils/articles';
import { articleMapPlan, mapTitle } from './article-map';
import { locatorMapCache } from './cache';
import { MAP_VARIANTS, MapLabelError, type MapPlan, type MapVariantName } from './locator-map';

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

/** One map as an SVG response; a label with no room stops the build with the explainer's file and a fix. */
export const mapResponse: APIRoute<MapRouteProps> = async ({ props, params }) => {
	try {
		const svg = await locatorMapCache().get(props);
		return new Response(new Uint8Array(svg), { headers: { 'content-type': 'image/svg+xml; charset=utf-8' } });
	} catch (error) {
		if (!(error instanceof MapLabelError)) throw error;
		throw new AstroError(
			`content/articles/${String(params.slug)}.mdx places: ${error.message}`,
			'Give the place a shorter `label` in its file in content/places/, or list fewer places close together.',
		);
	}
};
