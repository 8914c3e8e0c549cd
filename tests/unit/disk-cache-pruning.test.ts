import { existsSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { createDiskCache, pruneUnusedFiles, UNUSED_FILE_DAYS } from '../../src/utils/disk-cache';

const DAY = 24 * 60 * 60 * 1000;

let dir: string;

beforeEach(() => {
	dir = mkdtempSync(join(tmpdir(), 'disk-cache-pruning-'));
});

afterEach(() => {
	rmSync(dir, { recursive: true, force: true });
});

/** A cached file last used `daysAgo` days ago. */
function cachedFile(name: string, daysAgo: number): string {
	const file = join(dir, name);
	writeFileSync(file, `bytes of ${name}`);
	const when = new Date(Date.now() - daysAgo * DAY);
	utimesSync(file, when, when);
	return file;
}

describe('pruning a cache folder', () => {
	test(`removes the files no build has used for ${UNUSED_FILE_DAYS} days and keeps the others`, async () => {
		cachedFile('old-headline.png', UNUSED_FILE_DAYS + 1);
		cachedFile('old-design.png', 400);
		cachedFile('this-week.png', 3);
		cachedFile('today.png', 0);
		expect(await pruneUnusedFiles(dir)).toBe(2);
		expect(readdirSync(dir).sort()).toEqual(['this-week.png', 'today.png']);
	});

	test('keeps an old file that a build reads again: reading it from the cache marks it used', async () => {
		const cache = createDiskCache({
			dir,
			extension: 'png',
			key: (input: string) => input,
			render: async () => Buffer.from('drawn again'),
		});
		const reused = cachedFile('still-published.png', UNUSED_FILE_DAYS + 10);
		const dropped = cachedFile('edited-away.png', UNUSED_FILE_DAYS + 10);
		expect(String(await cache.get('still-published'))).toBe('bytes of still-published.png');
		expect(await pruneUnusedFiles(dir)).toBe(1);
		expect(existsSync(reused)).toBe(true);
		expect(existsSync(dropped)).toBe(false);
	});

	test('finds nothing to remove in a folder that does not exist', async () => {
		expect(await pruneUnusedFiles(join(dir, 'never-made'))).toBe(0);
	});
});
