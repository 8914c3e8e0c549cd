/**
 * The locator map of each explainer that lists places, `/explainers/<slug>/map-<narrow|wide>.svg`: one layout for
 * phones and one for wider screens (src/components/LocatorMap.astro picks between them). Drawn at build time from
 * Natural Earth outlines, through a cache on disk (src/utils/locator-map-cache.ts); no script, tile or request at
 * reading time.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { AstroError } from 'astro/errors';
import { articleMapPlan, mapTitle } from '../../../utils/article-map';
import { getArticles } from '../../../utils/articles';
import { MAP_VARIANTS, MapLabelError, type MapPlan, type MapVariantName } from '../../../utils/locator-map';
import { locatorMapCache } from '../../../utils/locator-map-cache';

export const getStaticPaths = (async () => {
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

interface Props {
	plan: MapPlan;
	variant: MapVariantName;
	title: string;
}

export const GET: APIRoute<Props> = async ({ props, params }) => {
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
