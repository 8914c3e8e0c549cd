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

/** A cache over the test's folder whose renderer (our text layout and sharp in the build) only counts its calls. */
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

	test('waits for a drawing under way in another thread and reads its file, without drawing it again', async () => {
		let finish = () => {};
		const elsewhere = new Promise<void>((resolve) => (finish = resolve));
		const render = vi.fn<ShareImageCacheOptions['render']>(async () => Buffer.from('drawn here'));
		const cache = createShareImageCache({
			dir,
			render,
			version: VERSION,
			drawnElsewhere: (file) => (file === cache.fileFor(CARD) ? elsewhere : undefined),
		});
		const asked = cache.get(CARD);
		writeFileSync(cache.fileFor(CARD), 'drawn by the worker');
		finish();
		expect(String(await asked)).toBe('drawn by the worker');
		expect(render).not.toHaveBeenCalled();
	});

	test('draws the card itself when the drawing it waited for failed', async () => {
		const render = vi.fn<ShareImageCacheOptions['render']>(async () => Buffer.from('drawn here'));
		const cache = createShareImageCache({
			dir,
			render,
			version: VERSION,
			drawnElsewhere: () => Promise.reject(new Error('the worker stopped')),
		});
		expect(String(await cache.get(CARD))).toBe('drawn here');
		expect(render).toHaveBeenCalledTimes(1);
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
