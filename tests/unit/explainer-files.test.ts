import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { createDiskCache } from '../../src/utils/disk-cache';
import { writeBesideExplainers } from '../../src/build/explainer-files';

let dir: string;
let cacheDir: string;
let outDir: string;

beforeEach(() => {
	dir = mkdtempSync(join(tmpdir(), 'explainer-files-'));
	cacheDir = join(dir, 'cache');
	outDir = join(dir, 'dist');
	for (const slug of ['first-story', 'second-story']) mkdirSync(join(outDir, 'explainers', slug), { recursive: true });
});

afterEach(() => {
	rmSync(dir, { recursive: true, force: true });
});

/** A cache that draws a file naming its input, counting the drawings. */
function drawingCache() {
	return createDiskCache({
		dir: cacheDir,
		extension: 'svg',
		key: (input: string) => input,
		render: async (input) => Buffer.from(`<svg>${input}</svg>`),
	});
}

describe('files beside explainers', () => {
	test('are the cached drawings themselves, linked rather than written again', async () => {
		const cache = drawingCache();
		await cache.stored('map-a');
		await writeBesideExplainers(
			[
				{ slug: 'first-story', name: 'map.svg', source: () => cache.stored('map-a') },
				{ slug: 'second-story', name: 'map.svg', source: () => cache.stored('map-b') },
			],
			outDir,
		);
		expect(cache.stats).toEqual({ hits: 1, misses: 2 });
		for (const [slug, input] of [
			['first-story', 'map-a'],
			['second-story', 'map-b'],
		] as const) {
			const built = join(outDir, 'explainers', slug, 'map.svg');
			expect(readFileSync(built, 'utf8')).toBe(`<svg>${input}</svg>`);
			expect(statSync(built).ino).toBe(statSync(cache.fileFor(input)).ino);
		}
	});

	test('replace a file already there, never writing through it to the cached file it may be a link to', async () => {
		const cache = drawingCache();
		const map = (input: string) => [{ slug: 'first-story', name: 'map.svg', source: () => cache.stored(input) }];
		await writeBesideExplainers(map('old-headline'), outDir);
		await writeBesideExplainers(map('new-headline'), outDir);
		expect(readFileSync(join(outDir, 'explainers', 'first-story', 'map.svg'), 'utf8')).toBe('<svg>new-headline</svg>');
		expect(readFileSync(cache.fileFor('old-headline'), 'utf8')).toBe('<svg>old-headline</svg>');
	});

	test('name the explainer that has no page to sit beside', async () => {
		const cache = drawingCache();
		await expect(
			writeBesideExplainers([{ slug: 'unbuilt-story', name: 'map.svg', source: () => cache.stored('map') }], outDir),
		).rejects.toThrow(/“unbuilt-story” could not be written/);
	});
});
