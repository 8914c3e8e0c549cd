import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import type { CheckedContent } from '../checks';
import { checkedEntries } from '../checks/schema-check';
import { checkedFields, contentToBuildFrom } from '../checks/integration';
import { writeBesideExplainers } from '../utils/explainer-files';
import { SHARE_IMAGE_FILE } from '../utils/paths';
import { explainerShareCard, shareImageCache } from './cache';
import type { ShareImageInput } from './card';
import { drawInBackground, stopDrawing, type Drawer } from '../build/background-drawing';

/** What draws the cards in the background: card.ts, which Node runs as it is. */
const DRAWER: Drawer = { module: new URL('./card.ts', import.meta.url), name: 'renderShareImage' };

/**
 * The explainers' share images (`/explainers/<slug>/share.png`). When Astro starts building, the build lists them from
 * the articles whose fields the content checks passed, and starts drawing the missing ones in a child process at the
 * lowest priority (src/build/background-drawing.ts), so that a cold build draws them on the CPU Astro's compiling and rendering leave idle.
 * Once the pages are built it stops the child and writes every image beside its page from the cache, drawing those
 * the child had not reached. The images skip Astro's pages, whose pipeline costs far more per file than writing it.
 * The dev server draws each on request (route.ts).
 */
export default function shareImages(): AstroIntegration {
	let cards: { slug: string; input: ShareImageInput }[] = [];
	let writing: Promise<void> | undefined;
	let content: Promise<CheckedContent['files']> | undefined;
	return {
		name: 'explainer:share-images',
		hooks: {
			'astro:config:setup': ({ command, injectRoute }) => {
				if (command === 'dev') {
					injectRoute({ pattern: `/explainers/[slug]/${SHARE_IMAGE_FILE}`, entrypoint: './src/share-image/route.ts' });
				}
			},
			'astro:config:done': () => {
				content = checkedFields();
			},
			// The fields' checks have passed by now (at config setup), so the cards are their articles'.
			'astro:build:start': async ({ logger }) => {
				const files = await contentToBuildFrom(content, 'share images');
				content = undefined;
				cards = checkedEntries(files, 'articles').map(({ id, data }) => ({
					slug: id,
					input: explainerShareCard(data),
				}));
				const cache = shareImageCache();
				const jobs = cards.map(({ input }) => ({ file: cache.fileFor(input), input }));
				const drawing = drawInBackground(jobs, DRAWER);
				if (drawing > 0) logger.info(`drawing ${drawing} share image${drawing === 1 ? '' : 's'} in the background`);
			},
			// Written while the other integrations finish (the search index is written in Pagefind's process meanwhile).
			// The cards the child has not drawn yet are drawn here, at full speed: the build has nothing else to wait for.
			'astro:build:generated': ({ dir }) => {
				stopDrawing(DRAWER);
				const cache = shareImageCache();
				writing = writeBesideExplainers(
					cards.map(({ slug, input }) => ({ slug, name: SHARE_IMAGE_FILE, bytes: () => cache.get(input) })),
					fileURLToPath(dir),
				);
				// Awaited in astro:build:done, which reports its failure; until then it is not an unhandled rejection.
				writing.catch(() => undefined);
			},
			'astro:build:done': async ({ logger }) => {
				try {
					if (!writing) throw new Error('The share images were never written: Astro did not report the pages built.');
					await writing;
					const { misses } = shareImageCache().stats;
					const after = misses > 0 ? ` (${misses} drawn after the pages)` : '';
					logger.info(`wrote ${cards.length} share image${cards.length === 1 ? '' : 's'}${after}`);
				} finally {
					stopDrawing(DRAWER);
				}
			},
		},
	};
}
