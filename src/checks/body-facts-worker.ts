/**
 * The story parser's thread: reads the facts of the stories it is given (see body-facts-thread.ts, which starts it)
 * and posts them back, so a build's main thread can check the other files and sync the content meanwhile. It takes
 * the stories from the first on; the main thread, once it has nothing else to do, takes them from the last (each
 * story's claim flag says who has it), so the two stop where they meet. Node runs this file itself (its type
 * stripping), not Vite, hence the `.ts` in the imports down to the mention plugin.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { runInBackground } from '../utils/background-priority.ts';
import { readBodyFacts, type BodyFacts } from './body-facts.ts';

/** A story to read, under the key its facts are stored by. */
export interface BodyFactsJob {
	key: string;
	body: { text: string; line: number };
}

/** What the thread is given: the stories, and a flag per story (0 while nobody has claimed it). */
export interface BodyFactsWork {
	jobs: readonly BodyFactsJob[];
	claims: Int32Array;
}

/** What the thread posts back: the facts of the stories it claimed, by key. */
export type BodyFactsReport = [key: string, facts: BodyFacts][];

/** Claim flags: who parses a story. */
export const CLAIMED_BY_THREAD = 1;
export const CLAIMED_BY_CALLER = 2;

if (parentPort) {
	// A build compiles meanwhile: the stories take the CPU its main thread leaves idle, until it asks for their facts.
	runInBackground();
	const { jobs, claims } = workerData as BodyFactsWork;
	const report: BodyFactsReport = [];
	for (const [index, { key, body }] of jobs.entries()) {
		if (Atomics.compareExchange(claims, index, 0, CLAIMED_BY_THREAD) !== 0) break;
		report.push([key, readBodyFacts(body)]);
	}
	parentPort.postMessage(report);
}
