import type { AstroIntegration } from 'astro';
import { pruneUnusedFiles, UNUSED_FILE_DAYS } from '../utils/disk-cache';
import { locatorMapCacheDir } from '../locator-map/cache';
import { shareImageCacheDir } from '../share-image/cache';

/**
 * After a build, removes the share images and locator maps no build has used for {@link UNUSED_FILE_DAYS} days, so
 * the caches CI keeps between runs hold what the site draws now rather than every headline it ever had.
 */
export default function cachePruning(): AstroIntegration {
	return {
		name: 'explainer:cache-pruning',
		hooks: {
			'astro:build:done': async ({ logger }) => {
				const removed = (await pruneUnusedFiles(shareImageCacheDir())) + (await pruneUnusedFiles(locatorMapCacheDir()));
				if (removed > 0) {
					logger.info(`removed ${removed} cached image${removed === 1 ? '' : 's'} unused for ${UNUSED_FILE_DAYS} days`);
				}
			},
		},
	};
}
