/**
 * The share image of each explainer, `/explainers/<slug>/share.png`: the picture link previews show (the
 * explainer's `og:image`, see src/components/SocialMeta.astro). Drawn at build time, through the cache, so a
 * rebuild draws only the explainers whose headline or dek changed.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { SITE } from '../../../site';
import { getArticles } from '../../../utils/articles';
import { shareImageCache } from '../../../utils/share-image-cache';

export const getStaticPaths = (async () => {
	const articles = await getArticles();
	// Drawn in the background while other pages render: sharp rasterises off the main thread. One at a time, so a
	// large build's memory stays bounded.
	shareImageCache().warm(
		articles.map((article) => ({ title: article.data.title, dek: article.data.dek, siteName: SITE.name })),
		1,
	);
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
	const png = await shareImageCache().get({ title: props.title, dek: props.dek, siteName: SITE.name });
	return new Response(new Uint8Array(png), { headers: { 'content-type': 'image/png' } });
};
