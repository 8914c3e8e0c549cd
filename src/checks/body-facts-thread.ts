/**
 * Reads stories' facts in a worker thread (body-facts-worker.ts). Parsing every story is the largest part of the
 * content checks of a cold build (5 s at 1000 explainers); in a thread it runs on the second core while the main
 * thread checks the other files and Astro syncs the content. When the main thread asks for the facts before the
 * thread is done, it parses stories too, from the other end of the list, instead of waiting idle.
 */
import { Worker } from 'node:worker_threads';
import { threadResult } from '../utils/thread-result';
import { readBodyFacts } from './body-facts';
import { CLAIMED_BY_CALLER, type BodyFactsJob, type BodyFactsReport, type BodyFactsWork } from './body-facts-worker';

/** Stories being parsed in a thread. */
export interface StoryParsing {
	/**
	 * The stories' facts, in the order of the jobs: the thread's, and those this thread parses while it waits. When
	 * the thread failed or ended without its facts, only this thread's: the caller parses the rest itself. Until asked
	 * for, the thread does not keep the process alive: a build that fails first exits.
	 */
	facts(): Promise<BodyFactsReport>;
}

/** Starts parsing `jobs` in a thread running `workerFile`. */
export function parseBodiesInThread(jobs: readonly BodyFactsJob[], workerFile: string | URL): StoryParsing {
	if (jobs.length === 0) return { facts: () => Promise.resolve([]) };
	const claims = new Int32Array(new SharedArrayBuffer(jobs.length * Int32Array.BYTES_PER_ELEMENT));
	const thread = threadResult<BodyFactsReport>(
		new Worker(workerFile, { workerData: { jobs, claims } satisfies BodyFactsWork, name: 'story facts' }),
		"story parser's",
	);
	return {
		async facts() {
			const parsedHere: BodyFactsReport = [];
			for (let index = jobs.length - 1; index >= 0; index--) {
				if (Atomics.compareExchange(claims, index, 0, CLAIMED_BY_CALLER) !== 0) break;
				const { key, body } = jobs[index]!;
				parsedHere.push([key, readBodyFacts(body)]);
			}
			return [...(await thread.answer().catch(() => [])), ...parsedHere.reverse()];
		},
	};
}
