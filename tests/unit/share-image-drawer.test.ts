import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import {
	shareImageDrawnElsewhere,
	startShareImageDrawer,
	stopShareImageDrawer,
} from '../../src/utils/share-image-drawer';
import type { ShareImageJob } from '../../src/utils/share-image-worker';

const WORKER = resolve('src/utils/share-image-worker.ts');
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

let dir: string;

beforeEach(() => {
	dir = mkdtempSync(join(tmpdir(), 'share-image-drawer-'));
});

afterEach(() => {
	stopShareImageDrawer();
	rmSync(dir, { recursive: true, force: true });
});

const job = (name: string): ShareImageJob => ({
	file: join(dir, `${name}.png`),
	input: { title: `The ${name} explainer`, dek: 'Who is who, and how we got here.', siteName: 'The Explainer Desk' },
});

describe('the share image drawer', () => {
	test('draws every missing card in a worker thread, each into its cache file as a PNG', async () => {
		const jobs = ['first', 'second', 'third'].map(job);
		expect(startShareImageDrawer(jobs, WORKER)).toBe(3);
		await Promise.all(jobs.map((each) => shareImageDrawnElsewhere(each.file)));
		for (const { file } of jobs) expect(readFileSync(file).subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
	});

	test('leaves out the cards whose file the cache has, and has nothing to wait for then', () => {
		const drawn = job('drawn');
		writeFileSync(drawn.file, 'an earlier build’s image');
		expect(startShareImageDrawer([drawn, job('missing')], WORKER)).toBe(1);
		expect(shareImageDrawnElsewhere(drawn.file)).toBeUndefined();
		expect(readFileSync(drawn.file, 'utf8')).toBe('an earlier build’s image');
	});

	test('draws the card a page waits for before the rest of its list', async () => {
		const jobs = Array.from({ length: 8 }, (_, index) => job(`card-${index}`));
		startShareImageDrawer(jobs, WORKER);
		const last = jobs.at(-1)!;
		await shareImageDrawnElsewhere(last.file);
		const drawnBefore = jobs.slice(0, -1).filter(({ file }) => existsSync(file)).length;
		expect(drawnBefore).toBeLessThan(jobs.length - 1);
	});

	test('has nothing to wait for when no build started it, or for a card it was not given', () => {
		expect(shareImageDrawnElsewhere(job('anything').file)).toBeUndefined();
		startShareImageDrawer([job('one')], WORKER);
		expect(shareImageDrawnElsewhere(job('another').file)).toBeUndefined();
	});

	test('fails the waiting pages when the worker cannot run, so they draw their cards themselves', async () => {
		const broken = join(dir, 'broken-worker.mjs');
		writeFileSync(broken, 'throw new Error("the renderer would not load");');
		const card = job('card');
		startShareImageDrawer([card], broken);
		await expect(shareImageDrawnElsewhere(card.file)).rejects.toThrow('the renderer would not load');
	});

	test('fails the waiting pages when the build stops it', async () => {
		const card = job('card');
		startShareImageDrawer([card, job('other')], WORKER);
		const waiting = shareImageDrawnElsewhere(card.file);
		stopShareImageDrawer();
		await expect(waiting).rejects.toThrow(/stopped/);
	});
});
