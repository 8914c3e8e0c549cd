import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { readContentFiles } from '../checks/content-files';
import { contentDir } from '../utils/content-dir';
import { startShareImageDrawer, stopShareImageDrawer } from '../utils/share-image-drawer';
import { explainerShareCard, shareImageCache } from '../utils/share-image-cache';

/**
 * Starts drawing the explainers' missing share images in a worker thread as a build begins, so that a cold build
 * draws them on a second core while Astro compiles and renders (each costs about 27 ms; a thousand would
 * otherwise add 27 s to the main thread). The share image route waits for the worker's images.
 */
export default function shareImages(): AstroIntegration {
	return {
		name: 'explainer:share-images',
		hooks: {
			'astro:config:setup': ({ config, command, logger }) => {
				if (command !== 'build') return;
				const cache = shareImageCache();
				const jobs = readContentFiles(contentDir(), fileURLToPath(config.root), ['articles']).flatMap(({ data }) => {
					// The content checks run after this: an article without a headline or dek gets no image (and the
					// checks stop the build).
					const { title, dek } = (data ?? {}) as { title?: unknown; dek?: unknown };
					if (typeof title !== 'string' || typeof dek !== 'string') return [];
					const input = explainerShareCard({ title, dek });
					return [{ file: cache.fileFor(input), input }];
				});
				const drawing = startShareImageDrawer(jobs, new URL('src/utils/share-image-worker.ts', config.root));
				if (drawing > 0) logger.info(`drawing ${drawing} share image${drawing === 1 ? '' : 's'} in the background`);
			},
			'astro:build:done': () => stopShareImageDrawer(),
		},
	};
}
