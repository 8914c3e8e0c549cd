/**
 * The share image of each explainer, `/explainers/<slug>/share.png`, in the dev server: the picture link previews
 * show (the explainer's `og:image`, see src/components/SocialMeta.astro), drawn on request through the cache.
 * integration.ts adds this route to the dev server only: a build writes the images itself.
 */
import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { getArticles } from '../utils/articles';
import { explainerShareCard, shareImageCache } from './cache';

export const getStaticPaths = (async () => {
	const articles = await getArticles();
	return articles.map((article) => ({
		params: { slug: article.id },
		props: { title: article.data.title, dek: article.data.dek },
	}));
}) satisfies GetStaticPaths;

export const GET: APIRoute<InferGetStaticPropsType<typeof getStaticPaths>> = async ({ props }) => {
	const png = await shareImageCache().get(explainerShareCard(props));
	return new Response(new Uint8Array(png), { headers: { 'content-type': 'image/png' } });
};
