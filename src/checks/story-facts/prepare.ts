import { Worker } from 'node:worker_threads';
import type { Plugin } from 'vite';
import type { StoryFacts } from './facts';
import type { PreparedStory } from './prepare-worker.ts';

/**
 * The prepared stories live on the process's globals: the plugin runs in the dev server's own instance of this
 * module, the checks in the instance Vite's module runner evaluates for the pages.
 */
const PREPARED = Symbol.for('explainer:prepared-story-facts');
const shared = globalThis as { [PREPARED]?: { done: Promise<void>; stories: Map<string, PreparedStory> } };

/**
 * For `astro dev`: the first request runs the content checks over every story, and parsing a newsroom's stories
 * takes seconds of the main thread, on top of Astro's own start. So when the dev server starts, a worker thread
 * parses them at the lowest priority on another core while Astro starts (prepare-worker.ts); the first request
 * waits for it ({@link storiesPrepared}), and the checks take each story's facts from it when they read that very
 * story ({@link preparedStoryFacts}). Should the worker fail, the checks parse every story, as they would anyway.
 */
export function prepareStoryFactsInDev(articles: string): Plugin {
	return {
		name: 'explainer:prepare-story-facts',
		apply: 'serve',
		configureServer() {
			const stories = new Map<string, PreparedStory>();
			const worker = new Worker(new URL('./prepare-worker.ts', import.meta.url), { workerData: { folder: articles } });
			const done = new Promise<void>((resolve) => {
				worker.once('message', (prepared: PreparedStory[]) => {
					for (const story of prepared) stories.set(story.body.text, story);
					resolve();
				});
				// A worker that failed, or ended without a word, leaves every story to the checks.
				worker.once('error', () => resolve()).once('exit', () => resolve());
			});
			shared[PREPARED] = { done, stories };
		},
	};
}

/** Settles once the worker has handed its stories over (or failed); at once when none was started. */
export const storiesPrepared = (): Promise<void> | undefined => shared[PREPARED]?.done;

/** The facts the worker read from `body`, once: a later save of the story is a new text. */
export function preparedStoryFacts(body: { text: string; line: number }): StoryFacts | undefined {
	const stories = shared[PREPARED]?.stories;
	const story = stories?.get(body.text);
	if (!story || story.body.line !== body.line) return undefined;
	stories?.delete(body.text);
	return story.facts;
}
