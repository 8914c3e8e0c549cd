/**
 * The share image of each explainer, `/explainers/<slug>/share.png`: the picture link previews show (the
 * explainer's `og:image`, see src/components/SocialMeta.astro). Drawn at build time, through the cache, so a
 * rebuild draws only the explainers whose headline or dek changed.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getArticles } from '../../../utils/articles';
import { explainerShareCard, shareImageCache } from '../../../utils/share-image-cache';

// A build draws the missing images in a worker thread from its start (src/integrations/share-images.ts); the
// cache waits for those rather than drawing them again.
export const getStaticPaths = (async () => {
	const articles = await getArticles();
	return articles.map((article) => ({
		params: { slug: article.id },
		props: { title: article.data.title, dek: article.data.dek },
	}));
}) satisfies GetStaticPaths;

interface Props {
	title: string;
	dek: string;
}

export const GET: APIRoute<Props> = async ({ props }) => {
	const png = await shareImageCache().get(explainerShareCard(props));
	return new Response(new Uint8Array(png), { headers: { 'content-type': 'image/png' } });
};
