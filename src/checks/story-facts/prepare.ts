import { Worker } from 'node:worker_threads';
import type { Plugin } from 'vite';
import type { StoryFacts } from './facts';
import type { PreparedStory } from './prepare-worker.ts';

/** What the worker read, once it is done, and how to stop it. */
interface Preparation {
	stories: Map<string, PreparedStory>;
	/** Settles when the worker has handed its stories over, failed or was stopped. */
	done: Promise<void>;
	stop(): void;
}

/** The stories the worker read live on the process's globals, for the reason dev-file-events.ts gives. */
const PREPARED = Symbol.for('explainer:prepared-story-facts');
const shared = globalThis as { [PREPARED]?: Preparation };

/**
 * For `astro dev`: the first request runs the content checks over every story, and parsing a newsroom's stories on
 * the main thread came on top of Astro's own start. So when the dev server starts, a worker thread parses them on
 * another core while Astro starts (prepare-worker.ts); the first request waits for it ({@link storiesPrepared}) and
 * the checks take each story's facts from it ({@link preparedStoryFacts}), parsing only a story saved since. The
 * worker runs at the main thread's priority: a lower one would leave that request waiting on a busy machine.
 */
export function prepareStoryFactsInDev(articles: string): Plugin {
	return {
		name: 'explainer:prepare-story-facts',
		apply: 'serve',
		configureServer() {
			// Vite starts a new server on a restart: the checks start afresh with it, and so does the worker.
			shared[PREPARED]?.stop();
			const stories = new Map<string, PreparedStory>();
			const worker = new Worker(new URL('./prepare-worker.ts', import.meta.url), { workerData: { folder: articles } });
			const done = new Promise<void>((resolve) => {
				worker.once('message', (prepared: PreparedStory[]) => {
					for (const story of prepared) stories.set(story.body.text, story);
					resolve();
				});
				// A worker that failed, or was stopped, leaves every story to the checks.
				worker.once('error', () => resolve()).once('exit', () => resolve());
			});
			// A server closed before the worker is done does not wait for it.
			worker.unref();
			shared[PREPARED] = { stories, done, stop: () => void worker.terminate() };
		},
	};
}

/** Settles once the worker has handed its stories over (or failed); undefined when none was started. */
export const storiesPrepared = (): Promise<void> | undefined => shared[PREPARED]?.done;

/** The facts the worker read from `body`, once: a later save of the story is a new text. */
export function preparedStoryFacts(body: { text: string; line: number }): StoryFacts | undefined {
	const stories = shared[PREPARED]?.stories;
	const story = stories?.get(body.text);
	if (!story || story.body.line !== body.line) return undefined;
	stories?.delete(body.text);
	return story.facts;
}
