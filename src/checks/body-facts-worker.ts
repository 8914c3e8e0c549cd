/**
 * The story parser's thread: reads the facts of the stories it is given (see body-facts-thread.ts, which starts it)
 * and posts them back, so a build's main thread can check the other files and sync the content meanwhile. Node runs
 * this file itself (its type stripping), not Vite, hence the `.ts` in the imports down to the mention plugin.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { readBodyFacts, type BodyFacts } from './body-facts.ts';

/** A story to read, under the key its facts are stored by. */
export interface BodyFactsJob {
	key: string;
	body: { text: string; line: number };
}

/** What the thread posts back: each job's facts, by key. */
export type BodyFactsReport = [key: string, facts: BodyFacts][];

if (parentPort) {
	const jobs = workerData as BodyFactsJob[];
	parentPort.postMessage(jobs.map(({ key, body }) => [key, readBodyFacts(body)]) satisfies BodyFactsReport);
}
