import type { AstroIntegration } from 'astro';
import { AstroError } from 'astro/errors';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CheckedContent } from '../checks';
import { checkedEntries } from '../checks/schema-check';
import { startShareImageDrawer, stopShareImageDrawer } from '../utils/share-image-drawer';
import { explainerShareCard, shareImageCache } from '../utils/share-image-cache';
import { SHARE_IMAGE_FILE } from '../utils/paths';
import type { ShareImageInput } from '../utils/share-image';
import { checkedFields, contentToBuildFrom } from './content-checks';

/**
 * The explainers' share images (`/explainers/<slug>/share.png`). When Astro starts building, the build lists them from
 * the articles whose fields the content checks passed, and starts drawing the missing ones in a worker thread at the
 * lowest priority, so that a cold build draws them on the CPU Astro's compiling and rendering leave idle (each costs
 * about 3 ms; a thousand would otherwise add 3 s to the main thread), and writes every image beside its page at the
 * end, from the cache. The images do not go through Astro's pages: 1000 files of 35 kB passing through the page
 * pipeline cost over a second of rendering. The dev server draws each on request (src/routes/share-image.ts).
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
					injectRoute({ pattern: `/explainers/[slug]/${SHARE_IMAGE_FILE}`, entrypoint: './src/routes/share-image.ts' });
				}
				if (command === 'build') workerFile = new URL('src/utils/share-image-worker.ts', config.root);
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
			'astro:build:generated': ({ dir }) => {
				writing = writeShareImages(cards, fileURLToPath(dir));
				// Awaited in astro:build:done, which reports its failure; until then it is not an unhandled rejection.
				writing.catch(() => undefined);
			},
			'astro:build:done': async ({ logger }) => {
				try {
					if (!writing) throw new Error('The share images were never written: Astro did not report the pages built.');
					await writing;
					logger.info(`wrote ${cards.length} share image${cards.length === 1 ? '' : 's'}`);
				} finally {
					stopShareImageDrawer();
				}
			},
		},
	};
}

/** How many images are read and written at once. */
const WRITES_AT_ONCE = 16;

/**
 * Writes each card's image beside its explainer's page in the built site `outDir`: from the cache, after the worker
 * has drawn it (or drawn here, when the worker could not). Throws when an explainer has no page to sit beside.
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
