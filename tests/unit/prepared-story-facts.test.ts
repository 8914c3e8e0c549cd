import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { explainerParts } from '../../src/checks/explainer-parts';
import { readStoryFacts } from '../../src/checks/story-facts/parse';
import { prepareStoryFactsInDev, preparedStoryFacts, storiesPrepared } from '../../src/checks/story-facts/prepare';
import { BAD_CONTENT_FIXTURES } from '../helpers/bad-content';

/*
 * When the dev server starts, a worker thread parses every explainer's story, so that the first request's checks
 * find the facts parsed. The worker is the real one, run by Node on the bad-content fixtures' valid base and on more
 * stories of our own.
 */

let work: string;
/** How many stories the folder holds besides the base's, each of its own words. */
const MORE_STORIES = 60;
const storyOf = (name: string) => explainerParts(readFileSync(join(work, 'articles', name), 'utf8'))!.body;
const names = () => ['story.mdx', ...Array.from({ length: MORE_STORIES }, (_, index) => `story-${index}.mdx`)];

function startServer(folder: string): void {
	const plugin = prepareStoryFactsInDev(folder);
	(plugin.configureServer as (server: ViteDevServer) => void)({} as ViteDevServer);
}

beforeAll(() => {
	work = mkdtempSync(join(tmpdir(), 'prepared-story-facts-'));
	cpSync(join(BAD_CONTENT_FIXTURES, '_base'), work, { recursive: true });
	const story = readFileSync(join(work, 'articles', 'story.mdx'), 'utf8');
	for (let index = 0; index < MORE_STORIES; index++) {
		writeFileSync(join(work, 'articles', `story-${index}.mdx`), story.replaceAll('Northern Front', `Front ${index}`));
	}
});

afterAll(() => {
	delete (globalThis as Record<symbol, unknown>)[Symbol.for('explainer:prepared-story-facts')];
	rmSync(work, { recursive: true, force: true });
});

describe('stories prepared while the dev server starts', () => {
	test('hands each story the facts the checks would parse, once, and nothing for a story saved since', async () => {
		startServer(join(work, 'articles'));
		await storiesPrepared();
		const saved = storyOf('story.mdx');
		expect(preparedStoryFacts({ ...saved, text: `${saved.text}\nA sentence added since.\n` })).toBeUndefined();
		// The same words a line further down are not the story the worker read: its facts would be misplaced.
		expect(preparedStoryFacts({ ...saved, line: saved.line + 1 })).toBeUndefined();
		for (const name of names()) {
			const body = storyOf(name);
			expect(preparedStoryFacts(body), name).toEqual(readStoryFacts(body));
			// Taken once: the checks keep what they took.
			expect(preparedStoryFacts(body)).toBeUndefined();
		}
	});

	test('a restart stops the worker of the server it replaces; the new server’s worker hands the stories over', async () => {
		const preparation = () =>
			(globalThis as Record<symbol, { stories: Map<string, unknown>; done: Promise<void> }>)[
				Symbol.for('explainer:prepared-story-facts')
			]!;
		startServer(join(work, 'articles'));
		const replaced = preparation();
		startServer(join(work, 'articles'));
		await replaced.done;
		// Stopped as it started, it handed nothing over.
		expect(replaced.stories.size).toBe(0);
		await storiesPrepared();
		const body = storyOf('story.mdx');
		expect(preparedStoryFacts(body)).toEqual(readStoryFacts(body));
	});
});
