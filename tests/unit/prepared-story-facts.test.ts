import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { explainerParts, readStoryFacts } from '../../src/checks/story-facts/parse';
import { prepareStoryFactsInDev, preparedStoryFacts, storiesPrepared } from '../../src/checks/story-facts/prepare';
import { BAD_CONTENT_FIXTURES } from '../helpers/bad-content';

/*
 * When the dev server starts, a worker thread parses every explainer's story, so that the first request's checks
 * find the facts parsed. The worker is the real one, run by Node on the bad-content fixtures' valid base and on a
 * second story of our own.
 */

let work: string;
const storyOf = (name: string) => explainerParts(readFileSync(join(work, 'articles', name), 'utf8'))!.body;

function startServer(folder: string): void {
	const plugin = prepareStoryFactsInDev(folder);
	(plugin.configureServer as (server: ViteDevServer) => void)({} as ViteDevServer);
}

beforeAll(() => {
	work = mkdtempSync(join(tmpdir(), 'prepared-story-facts-'));
	cpSync(join(BAD_CONTENT_FIXTURES, '_base'), work, { recursive: true });
	const story = readFileSync(join(work, 'articles', 'story.mdx'), 'utf8');
	writeFileSync(join(work, 'articles', 'second.mdx'), story.replaceAll('Northern Front', 'Southern Front'));
});

afterAll(() => {
	delete (globalThis as Record<symbol, unknown>)[Symbol.for('explainer:prepared-story-facts')];
	rmSync(work, { recursive: true, force: true });
});

describe('stories prepared while the dev server starts', () => {
	test('hands each story the facts the checks would parse, once, and nothing for a story saved since', async () => {
		startServer(join(work, 'articles'));
		await storiesPrepared();
		for (const name of ['story.mdx', 'second.mdx']) {
			const body = storyOf(name);
			expect(preparedStoryFacts(body)).toEqual(readStoryFacts(body));
			// Taken once: the checks keep what they took.
			expect(preparedStoryFacts(body)).toBeUndefined();
		}
		const saved = storyOf('story.mdx');
		expect(preparedStoryFacts({ ...saved, text: `${saved.text}\nA sentence added since.\n` })).toBeUndefined();
	});

	test('settles without facts when the folder cannot be read, so the checks parse the stories themselves', async () => {
		startServer(join(work, 'no-such-folder'));
		await expect(storiesPrepared()).resolves.toBeUndefined();
		expect(preparedStoryFacts(storyOf('story.mdx'))).toBeUndefined();
	});
});
