import type { AstroIntegration } from 'astro';
import { AstroError } from 'astro/errors';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CheckedContent } from '../checks';
import { checkedEntries } from '../checks/schema-check';
import { checkedFields, contentToBuildFrom } from '../checks/integration';
import { SHARE_IMAGE_FILE } from '../utils/paths';
import { explainerShareCard, shareImageCache } from './cache';
import type { ShareImageInput } from './card';
import { startShareImageDrawer, stopShareImageDrawer } from './drawer';

/**
 * The explainers' share images (`/explainers/<slug>/share.png`). When Astro starts building, the build lists them from
 * the articles whose fields the content checks passed, and starts drawing the missing ones in a child process at the
 * lowest priority (drawer.ts), so that a cold build draws them on the CPU Astro's compiling and rendering leave idle
 * (each costs about 6 ms; a thousand would otherwise add 6 s to the main thread). Once the pages are built it stops
 * the child and writes every image beside its page from the cache, drawing those the child had not reached. The
 * images do not go through Astro's pages: 1000 files passing through the page pipeline cost over a second of
 * rendering. The dev server draws each on request (route.ts).
 */
export default function shareImages(): AstroIntegration {
	let cards: { slug: string; input: ShareImageInput }[] = [];
	let workerFile: URL | undefined;
	let writing: Promise<void> | undefined;
	let content: Promise<CheckedContent['files']> | undefined;
	return {
		name: 'explainer:share-images',
		hooks: {
			'astro:config:setup': ({ config, command, injectRoute }) => {
				if (command === 'dev') {
					injectRoute({ pattern: `/explainers/[slug]/${SHARE_IMAGE_FILE}`, entrypoint: './src/share-image/route.ts' });
				}
				if (command === 'build') workerFile = new URL('src/share-image/worker.ts', config.root);
			},
			'astro:config:done': () => {
				content = checkedFields();
			},
			// The fields' checks have passed by now (at config setup), so the cards are their articles'.
			'astro:build:start': async ({ logger }) => {
				if (!workerFile) return;
				const files = await contentToBuildFrom(content, 'share images');
				content = undefined;
				cards = checkedEntries(files, 'articles').map(({ id, data }) => ({
					slug: id,
					input: explainerShareCard(data),
				}));
				const cache = shareImageCache();
				const jobs = cards.map(({ input }) => ({ file: cache.fileFor(input), input }));
				const drawing = startShareImageDrawer(jobs, workerFile);
				if (drawing > 0) logger.info(`drawing ${drawing} share image${drawing === 1 ? '' : 's'} in the background`);
			},
			// Written while the other integrations finish (the search index is written in Pagefind's process meanwhile).
			// The cards the child has not drawn yet are drawn here, at full speed: the build has nothing else to wait for.
			'astro:build:generated': ({ dir }) => {
				stopShareImageDrawer();
				writing = writeShareImages(cards, fileURLToPath(dir));
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
					stopShareImageDrawer();
				}
			},
		},
	};
}

/** How many images are read (or drawn, on libuv's thread pool) and written at once. */
const WRITES_AT_ONCE = 16;

/**
 * Writes each card's image beside its explainer's page in the built site `outDir`: from the cache, where the child
 * process drew it, or drawn here when it did not. Throws when an explainer has no page to sit beside.
 */
async function writeShareImages(cards: readonly { slug: string; input: ShareImageInput }[], outDir: string) {
	const cache = shareImageCache();
	for (let start = 0; start < cards.length; start += WRITES_AT_ONCE) {
		await Promise.all(
			cards.slice(start, start + WRITES_AT_ONCE).map(async ({ slug, input }) => {
				// The built folder holds the site from its base path down: /<base>/explainers/x/ is explainers/x/ here.
				const file = join(outDir, 'explainers', slug, SHARE_IMAGE_FILE);
				await writeFile(file, await cache.get(input)).catch((error: unknown) => {
					throw new AstroError(
						`The share image of the explainer “${slug}” could not be written to ${file}: ${String(error)}`,
						'Every explainer gets a page at /explainers/<slug>/; check that src/pages still builds it.',
					);
				});
			}),
		);
	}
}
