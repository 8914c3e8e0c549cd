import type { AstroIntegrationLogger, RefreshContentOptions } from 'astro';
import { EventEmitter } from 'node:events';
import { join, resolve } from 'node:path';
import type { ViteDevServer } from 'vite';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { writeDataStoreAfterSaves } from '../../src/build/dev-data-store';

/*
 * The dev server asks Astro's content layer to write its data store once a content file's events have settled,
 * instead of leaving the write to the store's own debounce. A watcher of our own stands in for the dev server's.
 */

const folder = resolve('/newsroom/content');

function setUp(refresh: (options: RefreshContentOptions) => Promise<void> = async () => {}) {
	const watcher = new EventEmitter();
	const refreshContent = vi.fn(refresh);
	const warn = vi.fn();
	writeDataStoreAfterSaves(
		{ watcher } as unknown as ViteDevServer,
		refreshContent,
		{ warn } as unknown as AstroIntegrationLogger,
		folder,
	);
	return { watcher, refreshContent, warn };
}

beforeEach(() => {
	vi.useFakeTimers();
});

afterEach(() => {
	vi.useRealTimers();
});

describe('writeDataStoreAfterSaves', () => {
	test('asks for one write, refreshing no collection, once a burst of saves has settled', async () => {
		const { watcher, refreshContent } = setUp();
		watcher.emit('change', join(folder, 'actors', 'dana-reyes.yaml'));
		watcher.emit('change', join(folder, 'actors', 'dana-reyes.yaml'));
		watcher.emit('add', join(folder, 'places', 'valletta.yaml'));
		await vi.advanceTimersByTimeAsync(10);
		expect(refreshContent).not.toHaveBeenCalled();
		await vi.advanceTimersByTimeAsync(100);
		expect(refreshContent).toHaveBeenCalledTimes(1);
		const [options] = refreshContent.mock.calls[0]!;
		expect(options.loaders).toHaveLength(1);
		expect(['glob-loader', 'file-loader']).not.toContain(options.loaders![0]);

		watcher.emit('unlink', join(folder, 'articles', 'ceasefire.mdx'));
		await vi.advanceTimersByTimeAsync(100);
		expect(refreshContent).toHaveBeenCalledTimes(2);
	});

	test('leaves saves outside the content folder to Astro, a folder whose name starts the same included', async () => {
		const { watcher, refreshContent } = setUp();
		watcher.emit('change', resolve('/newsroom/src/pages/index.astro'));
		watcher.emit('change', resolve('/newsroom/content-drafts/actors/dana-reyes.yaml'));
		await vi.advanceTimersByTimeAsync(1000);
		expect(refreshContent).not.toHaveBeenCalled();
	});

	test('warns, and leaves the write to Astro’s debounce, when the refresh fails', async () => {
		const { watcher, warn } = setUp(async () => {
			throw new Error('content config failed to load');
		});
		watcher.emit('change', join(folder, 'actors', 'dana-reyes.yaml'));
		await vi.advanceTimersByTimeAsync(100);
		expect(warn).toHaveBeenCalledTimes(1);
		expect(warn.mock.calls[0]![0]).toContain('content config failed to load');
	});
});
