/**
 * Locator maps kept on disk between builds (`node_modules/.cache/locator-maps/<key>.svg`), like share images: a
 * map is drawn again only when its places, its title, its size or the drawing code change.
 */
import { resolve } from 'node:path';
import { createDiskCache, digestOfSources, keyOf, type DiskCache } from '../utils/disk-cache';
import { once } from '../utils/once';
import { drawLocatorMap, type MapDrawing } from './locator-map';

/**
 * The drawing code (locator-map.ts and every module of this folder and of src/utils/ it imports, which a test
 * checks), the atlas and the projection's library, from the project's folder: a change to any of them redraws every
 * map.
 */
export const DRAWING_SOURCES = [
	'src/locator-map/locator-map.ts',
	'src/locator-map/labels.ts',
	'src/locator-map/atlas.ts',
	'src/locator-map/projected-atlas.ts',
	'src/locator-map/clip.ts',
	'src/utils/svg.ts',
	'src/utils/append-to.ts',
	'src/utils/once.ts',
	'node_modules/world-atlas/package.json',
	'node_modules/d3-geo/package.json',
];

/** A digest of the drawing code; when a source cannot be read, one that matches no earlier build. */
export function drawingDigest(root = process.cwd()): string {
	return digestOfSources(DRAWING_SOURCES, root);
}

/** The cache key of one map: a SHA-256 of the drawing code's digest and everything the map is drawn from. */
export function locatorMapKey(drawing: MapDrawing, code: string): string {
	return keyOf([code, drawing.variant, drawing.title, drawing.plan]);
}

/** The folder of the build's map cache: `node_modules/.cache/locator-maps`, or `LOCATOR_MAP_CACHE` when set. */
export function locatorMapCacheDir(): string {
	return resolve(process.env['LOCATOR_MAP_CACHE'] ?? 'node_modules/.cache/locator-maps');
}

/** The build's map cache, in {@link locatorMapCacheDir}. */
export const locatorMapCache = once((): DiskCache<MapDrawing> => {
	const code = drawingDigest();
	return createDiskCache({
		dir: locatorMapCacheDir(),
		extension: 'svg',
		key: (drawing) => locatorMapKey(drawing, code),
		render: async (drawing) => Buffer.from(drawLocatorMap(drawing)),
	});
});
