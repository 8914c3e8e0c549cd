/**
 * A cache of share images on disk, so a rebuild draws only the images whose input changed. The key is a hash of
 * everything the picture depends on: the headline, the dek, the site's name, the template's version and the
 * fonts' bytes. Images live in `node_modules/.cache/share-images/<key>.png` (the usual home of build caches,
 * ignored by git with node_modules), outside the build's output folder, so they outlive each build.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
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

export interface ShareImageCacheOptions {
	/** The folder of the cached PNGs; created when missing. */
	dir: string;
	/** Draws one card; called only when the cache has no image for its key. */
	render: (input: ShareImageInput) => Promise<Buffer>;
	version: ShareImageVersion;
}

export interface ShareImageCache {
	/** The PNG of a card: from the cache when it has one for the card's key, else drawn and stored. */
	get(input: ShareImageInput): Promise<Buffer>;
	/** The file a card's PNG is (or will be) stored in. */
	fileFor(input: ShareImageInput): string;
	/** How many `get` calls were answered from disk and how many drew the card, since the cache was made. */
	readonly stats: { hits: number; misses: number };
}

/** A cache of share images in `dir`, drawing missing ones with `render`. */
export function createShareImageCache({ dir, render, version }: ShareImageCacheOptions): ShareImageCache {
	const stats = { hits: 0, misses: 0 };
	const fileFor = (input: ShareImageInput) => join(dir, `${shareImageKey(input, version)}.png`);
	/** Cards being read or drawn, by file: two pages asking for one card at once share the work. */
	const pending = new Map<string, Promise<Buffer>>();

	async function load(file: string, input: ShareImageInput): Promise<Buffer> {
		const cached = await readFile(file).catch(() => undefined);
		if (cached && cached.length > 0) {
			stats.hits++;
			return cached;
		}
		stats.misses++;
		const png = await render(input);
		await mkdir(dir, { recursive: true });
		// Written beside and renamed into place, so a build stopped halfway, or another build running at the same
		// time, never leaves or reads half a file.
		const partial = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.partial`;
		await writeFile(partial, png);
		await rename(partial, file);
		return png;
	}

	return {
		stats,
		fileFor,
		get(input) {
			const file = fileFor(input);
			let result = pending.get(file);
			if (!result) {
				result = load(file, input).finally(() => pending.delete(file));
				pending.set(file, result);
			}
			return result;
		},
	};
}

let defaultCache: ShareImageCache | undefined;

/**
 * The build's cache: the real renderer and fonts, in {@link SHARE_IMAGE_CACHE_DIR} under the working folder, or in
 * `SHARE_IMAGE_CACHE` when set (the build-scale benchmark measures builds that start with no image drawn).
 */
export function shareImageCache(): ShareImageCache {
	if (!defaultCache) {
		const fonts = loadShareImageFonts();
		defaultCache = createShareImageCache({
			dir: resolve(process.env['SHARE_IMAGE_CACHE'] ?? SHARE_IMAGE_CACHE_DIR),
			render: (input) => renderShareImage(input, fonts),
			version: { template: SHARE_IMAGE_TEMPLATE_VERSION, font: fontDigest(fonts) },
		});
	}
	return defaultCache;
}
