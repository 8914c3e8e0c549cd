import type { AstroIntegrationLogger, RefreshContentOptions } from 'astro';
import { EventEmitter } from 'node:events';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { ViteDevServer } from 'vite';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { devDataStoreFile } from '../../src/build/content-dir-store';
import { writeDataStoreAfterSaves } from '../../src/build/dev-data-store';

/*
 * The dev server asks Astro's content layer to write its data store once an actor's or place's events have settled,
 * instead of leaving the write to the store's own debounce. A watcher of our own stands in for the dev server's,
 * and a refresh of our own writes the store file (or, as Astro's does while it reloads its config, does nothing).
 */

const folder = resolve('/newsroom/content');
let root: string;

function setUp({ writes = true, fails = false } = {}) {
	const watcher = new EventEmitter();
	const storeFile = devDataStoreFile(root);
	let version = 0;
	const refreshContent = vi.fn(async (_options: RefreshContentOptions) => {
		if (fails) throw new Error('EACCES: permission denied, open .astro/data-store.json.tmp');
		if (writes) writeFileSync(storeFile, `{"version":${++version}}`);
	});
	const warn = vi.fn();
	writeDataStoreAfterSaves(
		{ watcher, config: { root } } as unknown as ViteDevServer,
		refreshContent,
		{ warn } as unknown as AstroIntegrationLogger,
		folder,
	);
	return { watcher, refreshContent, warn };
}

beforeEach(() => {
	root = mkdtempSync(join(tmpdir(), 'dev-data-store-'));
	mkdirSync(join(root, '.astro'));
	writeFileSync(devDataStoreFile(root), '{}');
	vi.useFakeTimers();
});

afterEach(() => {
	vi.useRealTimers();
	rmSync(root, { recursive: true, force: true });
});

describe('writeDataStoreAfterSaves', () => {
	test('asks for one write, refreshing no collection, once a burst of saves has settled', async () => {
		const { watcher, refreshContent } = setUp();
		watcher.emit('change', join(folder, 'actors', 'dana-reyes.yaml'));
		await vi.advanceTimersByTimeAsync(40);
		watcher.emit('change', join(folder, 'actors', 'dana-reyes.yaml'));
		await vi.advanceTimersByTimeAsync(40);
		watcher.emit('add', join(folder, 'places', 'valletta.yaml'));
		await vi.advanceTimersByTimeAsync(40);
		// Each event restarts the wait: 120 ms after the first, 40 ms after the last.
		expect(refreshContent).not.toHaveBeenCalled();
		await vi.advanceTimersByTimeAsync(1000);
		expect(refreshContent).toHaveBeenCalledTimes(1);
		const [options] = refreshContent.mock.calls[0]!;
		expect(options.loaders).toHaveLength(1);
		expect(['glob-loader', 'file-loader']).not.toContain(options.loaders![0]);

		watcher.emit('unlink', join(folder, 'places', 'valletta.yaml'));
		await vi.advanceTimersByTimeAsync(1000);
		expect(refreshContent).toHaveBeenCalledTimes(2);
	});

	test('asks again while the store file stays as it was, three times at most, before Astro’s debounce', async () => {
		const { watcher, refreshContent } = setUp({ writes: false });
		watcher.emit('change', join(folder, 'actors', 'dana-reyes.yaml'));
		await vi.advanceTimersByTimeAsync(60);
		expect(refreshContent).toHaveBeenCalledTimes(1);
		await vi.advanceTimersByTimeAsync(420);
		expect(refreshContent).toHaveBeenCalledTimes(3);
		await vi.advanceTimersByTimeAsync(5000);
		expect(refreshContent).toHaveBeenCalledTimes(3);
	});

	test('leaves every other file to Astro: stories, images, editors’ files, subfolders, other folders', async () => {
		const { watcher, refreshContent } = setUp();
		for (const file of [
			join(folder, 'articles', 'ceasefire.mdx'),
			join(folder, 'articles', 'ceasefire-portrait.jpg'),
			join(folder, 'actors', '.dana-reyes.yaml.swp'),
			join(folder, 'actors', 'dana-reyes.yaml~'),
			join(folder, 'articles', 'ceasefire.yaml'),
			join(folder, 'articles', 'drafts', 'ceasefire.mdx'),
			join(folder, 'dana-reyes.yaml'),
			resolve('/newsroom/src/pages/index.astro'),
			resolve('/newsroom/content-drafts/actors/dana-reyes.yaml'),
		]) {
			watcher.emit('change', file);
		}
		await vi.advanceTimersByTimeAsync(1000);
		expect(refreshContent).not.toHaveBeenCalled();
	});

	test('warns once, and leaves the write to Astro’s debounce, when the refresh fails', async () => {
		const { watcher, warn } = setUp({ fails: true });
		watcher.emit('change', join(folder, 'actors', 'dana-reyes.yaml'));
		await vi.advanceTimersByTimeAsync(1000);
		expect(warn).toHaveBeenCalledTimes(1);
		expect(warn.mock.calls[0]![0]).toContain('EACCES');
	});
});
