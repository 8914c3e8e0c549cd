/**
 * A cache of share images on disk, so a rebuild draws only the images whose input changed. The key is a hash of
 * everything the picture depends on: the headline, the dek, the site's name, the template's version and the
 * fonts' bytes. Images live in `node_modules/.cache/share-images/<key>.png` (the usual home of build caches,
 * ignored by git with node_modules), outside the build's output folder, so they outlive each build.
 */
import { createHash } from 'node:crypto';
import { join, resolve } from 'node:path';
import { SITE } from '../site';
import { createDiskCache, type DiskCache } from './disk-cache';
import { shareImageDrawnElsewhere } from './share-image-drawer';
import {
	SHARE_IMAGE_TEMPLATE_VERSION,
	fontDigest,
	loadShareImageFonts,
	renderShareImage,
	type ShareImageInput,
} from './share-image';

/** Where builds keep the share images they drew, from the project's folder. */
export const SHARE_IMAGE_CACHE_DIR = join('node_modules', '.cache', 'share-images');

/** What, besides the card's text, decides the picture. */
export interface ShareImageVersion {
	/** {@link SHARE_IMAGE_TEMPLATE_VERSION}: bumped when the design changes. */
	template: number;
	/** A digest of the fonts' bytes ({@link fontDigest}). */
	font: string;
}

/** The cache key of a card: a SHA-256 of every input of the picture, as hex. */
export function shareImageKey(input: ShareImageInput, version: ShareImageVersion): string {
	// JSON keeps the fields apart: no title and dek can combine into another pair's text.
	const fields = [input.title, input.dek, input.siteName, version.template, version.font];
	return createHash('sha256').update(JSON.stringify(fields)).digest('hex');
}

/** The card of an explainer: its headline and dek, trimmed as the article schema trims them, and the site's name. */
export function explainerShareCard({ title, dek }: { title: string; dek: string }): ShareImageInput {
	return { title: title.trim(), dek: dek.trim(), siteName: SITE.name };
}

export interface ShareImageCacheOptions {
	/** The folder of the cached PNGs; created when missing. */
	dir: string;
	/** Draws one card; called only when the cache has no image for its key. */
	render: (input: ShareImageInput) => Promise<Buffer>;
	version: ShareImageVersion;
	/** A drawing of the file under way in another thread, waited for before the cache reads it. */
	drawnElsewhere?: (file: string) => Promise<unknown> | undefined;
}

export type ShareImageCache = DiskCache<ShareImageInput>;

/** A cache of share images in `dir`, drawing missing ones with `render`. */
export function createShareImageCache({
	dir,
	render,
	version,
	drawnElsewhere,
}: ShareImageCacheOptions): ShareImageCache {
	return createDiskCache({
		dir,
		extension: 'png',
		key: (input) => shareImageKey(input, version),
		render,
		...(drawnElsewhere ? { drawnElsewhere } : {}),
	});
}

let defaultCache: ShareImageCache | undefined;

/** The folder of the build's cache: {@link SHARE_IMAGE_CACHE_DIR}, or `SHARE_IMAGE_CACHE` when set. */
export function shareImageCacheDir(): string {
	return resolve(process.env['SHARE_IMAGE_CACHE'] ?? SHARE_IMAGE_CACHE_DIR);
}

/**
 * The build's cache: the real renderer and fonts, in {@link SHARE_IMAGE_CACHE_DIR} under the working folder, or in
 * `SHARE_IMAGE_CACHE` when set (the build-scale benchmark measures builds that start with no image drawn). It waits
 * for the images the build's worker is drawing (share-image-drawer.ts) rather than drawing them twice.
 */
export function shareImageCache(): ShareImageCache {
	if (!defaultCache) {
		const fonts = loadShareImageFonts();
		defaultCache = createShareImageCache({
			dir: shareImageCacheDir(),
			render: (input) => renderShareImage(input, fonts),
			version: { template: SHARE_IMAGE_TEMPLATE_VERSION, font: fontDigest(fonts) },
			drawnElsewhere: shareImageDrawnElsewhere,
		});
	}
	return defaultCache;
}
