import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import {
	createShareImageCache,
	shareImageKey,
	type ShareImageCacheOptions,
	type ShareImageVersion,
} from '../../src/utils/share-image-cache';
import type { ShareImageInput } from '../../src/utils/share-image';

const CARD: ShareImageInput = {
	title: 'Kataib Hezbollah says it is suspending attacks on US forces',
	dek: 'Who is who, who said what, and how we got here.',
	siteName: 'The Explainer Desk',
};
const VERSION: ShareImageVersion = { template: 1, font: 'font-digest' };

let dir: string;

beforeEach(() => {
	dir = mkdtempSync(join(tmpdir(), 'share-images-'));
});

afterEach(() => {
	rmSync(dir, { recursive: true, force: true });
});

/** A cache over the test's folder whose renderer (satori and sharp in the build) only counts its calls. */
function cacheWithSpy(version = VERSION) {
	const render = vi.fn<ShareImageCacheOptions['render']>(async (input) => Buffer.from(`PNG of ${input.title}`));
	return { render, cache: createShareImageCache({ dir, render, version }) };
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

	test('draws cards in the background when warmed, so the pages that ask later draw nothing more', async () => {
		const { render, cache } = cacheWithSpy();
		const cards = ['One', 'Two', 'Three'].map((title) => ({ ...CARD, title }));
		cache.warm(cards);
		const pngs = await Promise.all(cards.map((card) => cache.get(card)));
		expect(pngs.map(String)).toEqual(['PNG of One', 'PNG of Two', 'PNG of Three']);
		expect(render).toHaveBeenCalledTimes(3);
		expect(readdirSync(dir)).toHaveLength(3);
	});

	test('leaves a card that fails to draw in the background for the page that asks for it to report', async () => {
		const render = vi.fn<ShareImageCacheOptions['render']>(async () => {
			throw new Error('the font is missing');
		});
		const cache = createShareImageCache({ dir, render, version: VERSION });
		cache.warm([CARD]);
		await expect(cache.get(CARD)).rejects.toThrow('the font is missing');
	});

	test('keeps its images across builds: a new cache over the same folder (the next build) draws nothing again', async () => {
		const before = cacheWithSpy();
		const drawn = await before.cache.get(CARD);
		const rebuild = cacheWithSpy();
		const reused = await rebuild.cache.get(CARD);
		expect(rebuild.render).not.toHaveBeenCalled();
		expect(reused.equals(drawn)).toBe(true);
		expect(readdirSync(dir)).toEqual([`${shareImageKey(CARD, VERSION)}.png`]);
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

	test('draws again after a new template version or font, even for the same text', async () => {
		await cacheWithSpy().cache.get(CARD);
		const newTemplate = cacheWithSpy({ ...VERSION, template: VERSION.template + 1 });
		await newTemplate.cache.get(CARD);
		const newFont = cacheWithSpy({ ...VERSION, font: 'another-font-digest' });
		await newFont.cache.get(CARD);
		expect(newTemplate.render).toHaveBeenCalledTimes(1);
		expect(newFont.render).toHaveBeenCalledTimes(1);
	});

	test('draws again over an empty file (a write cut short) and leaves no partial file behind', async () => {
		const { render, cache } = cacheWithSpy();
		writeFileSync(cache.fileFor(CARD), '');
		expect((await cache.get(CARD)).length).toBeGreaterThan(0);
		expect(render).toHaveBeenCalledTimes(1);
		expect(readdirSync(dir)).toEqual([`${shareImageKey(CARD, VERSION)}.png`]);
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
		expect(shareImageKey(CARD, VERSION)).toMatch(/^[0-9a-f]{64}$/);
		expect(shareImageKey({ ...CARD }, { ...VERSION })).toBe(shareImageKey(CARD, VERSION));
	});

	test('changes with the headline, the dek, the site name, the template version and the font', () => {
		const key = shareImageKey(CARD, VERSION);
		const others = [
			shareImageKey({ ...CARD, title: `${CARD.title}!` }, VERSION),
			shareImageKey({ ...CARD, dek: `${CARD.dek} More.` }, VERSION),
			shareImageKey({ ...CARD, siteName: 'Another Desk' }, VERSION),
			shareImageKey(CARD, { ...VERSION, template: VERSION.template + 1 }),
			shareImageKey(CARD, { ...VERSION, font: 'another-font-digest' }),
		];
		expect(new Set([key, ...others]).size).toBe(others.length + 1);
	});

	test('keeps the fields apart: words moved from the headline to the dek make another key', () => {
		expect(shareImageKey({ ...CARD, title: 'A B', dek: 'C' }, VERSION)).not.toBe(
			shareImageKey({ ...CARD, title: 'A', dek: 'B C' }, VERSION),
		);
	});
});
