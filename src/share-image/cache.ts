/**
 * Share images kept on disk between builds (`node_modules/.cache/share-images/<key>.png`, or `SHARE_IMAGE_CACHE`),
 * so a rebuild draws only the cards whose input changed. The key hashes the card's text and the digest of what draws
 * it (card.ts, takumi's version, the mark, the fonts): a change to the design is a new key, with no version to bump.
 */
import { resolve } from 'node:path';
import { SITE } from '../site';
import { createDiskCache, keyOf, type DiskCache } from '../utils/disk-cache';
import { once } from '../utils/once';
import { drawingDigest, renderShareImage, type ShareImageInput } from './card';

/** The cache key of a card: a SHA-256 of its text and of the drawing code's digest, as hex. */
export function shareImageKey(input: ShareImageInput, code: string): string {
	return keyOf([input.title, input.dek, input.siteName, code]);
}

/** The card of an explainer: its headline and dek, as the article schema gives them, and the site's name. */
export function explainerShareCard({ title, dek }: { title: string; dek: string }): ShareImageInput {
	return { title, dek, siteName: SITE.name };
}

export interface ShareImageCacheOptions {
	/** The folder of the cached PNGs; created when missing. */
	dir: string;
	/** Draws one card; called only when the cache has no image for its key. */
	render: (input: ShareImageInput) => Promise<Buffer>;
	/** The digest of the drawing code ({@link drawingDigest}). */
	code: string;
}

/** A cache of share images in `dir`, drawing missing ones with `render`. */
export function createShareImageCache({ dir, render, code }: ShareImageCacheOptions): DiskCache<ShareImageInput> {
	return createDiskCache({ dir, extension: 'png', key: (input) => shareImageKey(input, code), render });
}

/** The folder of the build's cache: `node_modules/.cache/share-images`, or `SHARE_IMAGE_CACHE` when set. */
export function shareImageCacheDir(): string {
	return resolve(process.env['SHARE_IMAGE_CACHE'] ?? 'node_modules/.cache/share-images');
}

/** The build's cache, in {@link shareImageCacheDir} (the build-scale benchmark gives each build its own, empty). */
export const shareImageCache = once((): DiskCache<ShareImageInput> =>
	createShareImageCache({ dir: shareImageCacheDir(), render: renderShareImage, code: drawingDigest() }),
);
