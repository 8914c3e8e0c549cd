import { appendFileSync, cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { createShareImageCache, shareImageKey, type ShareImageCacheOptions } from '../../src/share-image/cache';
import { drawingDigest, type ShareImageInput } from '../../src/share-image/card';

const CARD: ShareImageInput = {
	title: 'Kataib Hezbollah says it is suspending attacks on US forces',
	dek: 'Who is who, who said what, and how we got here.',
	siteName: 'The Explainer Desk',
};
const CODE = 'drawing-code-digest';

let dir: string;

beforeEach(() => {
	dir = mkdtempSync(join(tmpdir(), 'share-images-'));
});

afterEach(() => {
	rmSync(dir, { recursive: true, force: true });
});

/** A cache over the test's folder whose renderer (takumi in the build) only counts its calls. */
function cacheWithSpy(code = CODE) {
	const render = vi.fn<ShareImageCacheOptions['render']>(async (input) => Buffer.from(`PNG of ${input.title}`));
	return { render, cache: createShareImageCache({ dir, render, code }) };
}

describe('the share image cache', () => {
	test('draws a card once: a second request for the same input is read from disk, without calling the renderer', async () => {
		const { render, cache } = cacheWithSpy();
		const first = await cache.get(CARD);
		const second = await cache.get({ ...CARD });
		expect(render).toHaveBeenCalledTimes(1);
		expect(second.equals(first)).toBe(true);
		expect(cache.stats).toEqual({ hits: 1, misses: 1 });
	});

	test('keeps its images across builds: a new cache over the same folder (the next build) draws nothing again', async () => {
		const before = cacheWithSpy();
		const drawn = await before.cache.get(CARD);
		const rebuild = cacheWithSpy();
		const reused = await rebuild.cache.get(CARD);
		expect(rebuild.render).not.toHaveBeenCalled();
		expect(reused.equals(drawn)).toBe(true);
		expect(readdirSync(dir)).toEqual([`${shareImageKey(CARD, CODE)}.png`]);
	});

	test('draws again when the headline changes, and keeps the image of the old headline', async () => {
		const { render, cache } = cacheWithSpy();
		await cache.get(CARD);
		const retitled = { ...CARD, title: `${CARD.title}. Washington is not convinced` };
		expect((await cache.get(retitled)).toString()).toBe(`PNG of ${retitled.title}`);
		expect(render).toHaveBeenCalledTimes(2);
		expect(render).toHaveBeenLastCalledWith(retitled);
		expect(readdirSync(dir)).toHaveLength(2);
	});

	test('draws again when the code that draws the cards changes, even for the same text', async () => {
		await cacheWithSpy().cache.get(CARD);
		const newCode = cacheWithSpy('another-drawing-code-digest');
		await newCode.cache.get(CARD);
		expect(newCode.render).toHaveBeenCalledTimes(1);
	});

	test('draws again over an empty file (a write cut short) and leaves no partial file behind', async () => {
		const { render, cache } = cacheWithSpy();
		writeFileSync(cache.fileFor(CARD), '');
		expect((await cache.get(CARD)).length).toBeGreaterThan(0);
		expect(render).toHaveBeenCalledTimes(1);
		expect(readdirSync(dir)).toEqual([`${shareImageKey(CARD, CODE)}.png`]);
	});

	test('draws a card once when two pages ask for it at the same time', async () => {
		const { render, cache } = cacheWithSpy();
		const [a, b] = await Promise.all([cache.get(CARD), cache.get({ ...CARD })]);
		expect(render).toHaveBeenCalledTimes(1);
		expect(a.equals(b)).toBe(true);
	});
});

describe('the cache key', () => {
	test('is a SHA-256 in hex, the same for the same input', () => {
		expect(shareImageKey(CARD, CODE)).toMatch(/^[0-9a-f]{64}$/);
		expect(shareImageKey({ ...CARD }, CODE)).toBe(shareImageKey(CARD, CODE));
	});

	test('changes with the headline, the dek, the site name and the drawing code', () => {
		const key = shareImageKey(CARD, CODE);
		const others = [
			shareImageKey({ ...CARD, title: `${CARD.title}!` }, CODE),
			shareImageKey({ ...CARD, dek: `${CARD.dek} More.` }, CODE),
			shareImageKey({ ...CARD, siteName: 'Another Desk' }, CODE),
			shareImageKey(CARD, `${CODE}2`),
		];
		expect(new Set([key, ...others]).size).toBe(others.length + 1);
	});

	test('keeps the fields apart: words moved from the headline to the dek make another key', () => {
		expect(shareImageKey({ ...CARD, title: 'A B', dek: 'C' }, CODE)).not.toBe(
			shareImageKey({ ...CARD, title: 'A', dek: 'B C' }, CODE),
		);
	});
});

/** A project folder with the card's fonts only, in a temporary folder. */
function projectCopy(): string {
	const root = mkdtempSync(join(tmpdir(), 'share-image-code-'));
	const fonts = 'node_modules/@fontsource/noto-sans';
	for (const file of ['package.json', `${fonts}/package.json`]) cpSync(file, join(root, file));
	for (const name of readdirSync(`${fonts}/files`).filter((name) =>
		/^noto-sans-latin(-ext)?-[47]00-normal\.woff$/.test(name),
	))
		cpSync(`${fonts}/files/${name}`, join(root, fonts, 'files', name));
	return root;
}

describe('the drawing code digest', () => {
	test('is the same from run to run, and changes with the card’s code, the mark, takumi’s version and the fonts', () => {
		const root = projectCopy();
		try {
			const sources = ['src/share-image/card.ts', 'public/favicon.svg', 'node_modules/@takumi-rs/core/package.json'];
			for (const source of sources) cpSync(source, join(root, source));
			const digest = drawingDigest(root);
			expect(digest).toMatch(/^[0-9a-f]{64}$/);
			expect(drawingDigest(root)).toBe(digest);
			const changed = [...sources, 'node_modules/@fontsource/noto-sans/files/noto-sans-latin-700-normal.woff'].map(
				(source) => {
					const file = join(root, source);
					const before = readFileSync(file);
					appendFileSync(file, ' ');
					const after = drawingDigest(root);
					writeFileSync(file, before);
					return after;
				},
			);
			expect(drawingDigest(root)).toBe(digest);
			expect(new Set([digest, ...changed]).size).toBe(changed.length + 1);
		} finally {
			rmSync(root, { recursive: true, force: true });
		}
	});

	test('matches no earlier build when a source cannot be read', () => {
		const root = projectCopy();
		try {
			expect(drawingDigest(root)).not.toBe(drawingDigest(root));
		} finally {
			rmSync(root, { recursive: true, force: true });
		}
	});
});
