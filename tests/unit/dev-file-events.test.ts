import { EventEmitter } from 'node:events';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { checkContent, checkContentWhenChanged } from '../../src/checks';
import { countFileEvents } from '../../src/checks/dev-file-events';
import { formatProblem } from '../../src/checks/problem';
import { BAD_CONTENT_FIXTURES } from '../helpers/bad-content';

/*
 * In `astro dev` the checks of a page request look at the content files only after the dev server's watcher reported
 * a file event. A watcher of our own stands in for the dev server's; the content is the bad-content fixtures' valid
 * base, saved broken and fixed again.
 */

let work: string;
let story: string;
let valid: string;
const broken = () => valid.replace('speaker: dana-reyes', 'speaker: dana-reyez');
const report = (problems: Parameters<typeof formatProblem>[0][]) => problems.map(formatProblem);

beforeAll(() => {
	work = mkdtempSync(join(tmpdir(), 'dev-file-events-'));
	cpSync(join(BAD_CONTENT_FIXTURES, '_base'), work, { recursive: true });
	story = join(work, 'articles', 'story.mdx');
	valid = readFileSync(story, 'utf8');
});

afterAll(() => {
	delete (globalThis as Record<symbol, unknown>)[Symbol.for('explainer:dev-file-events')];
	rmSync(work, { recursive: true, force: true });
});

describe('checkContentWhenChanged', () => {
	test('outside the dev server, looks at the files on every call', () => {
		expect(checkContentWhenChanged(work)).toEqual([]);
		writeFileSync(story, broken());
		expect(report(checkContentWhenChanged(work))).toEqual(report(checkContent(work)));
		expect(checkContentWhenChanged(work)).not.toEqual([]);
		writeFileSync(story, valid);
		expect(checkContentWhenChanged(work)).toEqual([]);
	});

	test('in the dev server, looks at them again only after the watcher reported a file event', () => {
		const watcher = new EventEmitter();
		const plugin = countFileEvents();
		(plugin.configureServer as (server: ViteDevServer) => void)({ watcher } as unknown as ViteDevServer);

		expect(checkContentWhenChanged(work)).toEqual([]);
		writeFileSync(story, broken());
		// Nothing reported yet: the last problems stand, and no file was read.
		expect(checkContentWhenChanged(work)).toEqual([]);

		watcher.emit('all', 'change', story);
		const found = report(checkContentWhenChanged(work));
		expect(found).toEqual(report(checkContent(work)));
		expect(found.join('\n')).toMatch(/story\.mdx:19:5 quotes\[0\]\.speaker: no actor "dana-reyez"/);

		writeFileSync(story, valid);
		watcher.emit('all', 'change', story);
		expect(checkContentWhenChanged(work)).toEqual([]);
	});

	test('looks again a moment after the last event, for a save whose text came after its event', () => {
		vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
		try {
			const watcher = new EventEmitter();
			(countFileEvents().configureServer as (server: ViteDevServer) => void)({ watcher } as unknown as ViteDevServer);
			// The editor empties the file: the watcher reports it, and a request reads it so.
			writeFileSync(story, '');
			watcher.emit('all', 'change', story);
			expect(checkContentWhenChanged(work)).not.toEqual([]);
			// The text lands with no event of its own.
			writeFileSync(story, valid);
			expect(checkContentWhenChanged(work)).not.toEqual([]);
			vi.advanceTimersByTime(100);
			expect(checkContentWhenChanged(work)).toEqual([]);
		} finally {
			vi.useRealTimers();
		}
	});
});
