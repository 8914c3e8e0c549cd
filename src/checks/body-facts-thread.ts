/**
 * Reads stories' facts in a worker thread (body-facts-worker.ts). Parsing every story is the largest part of the
 * content checks of a cold build (5 s at 1000 explainers); in a thread it runs on the second core while the main
 * thread checks the other files and Astro syncs the content.
 */
import { Worker } from 'node:worker_threads';
import type { BodyFactsJob, BodyFactsReport } from './body-facts-worker';

/** Stories being parsed in a thread. */
export interface StoryParsing {
	/**
	 * The facts, once the thread has them; rejects when it failed or ended without them (the caller then parses the
	 * stories itself). Until asked for, the thread does not keep the process alive: a build that fails first exits.
	 */
	facts(): Promise<BodyFactsReport>;
}

/** Starts parsing `jobs` in a thread running `workerFile`. */
export function parseBodiesInThread(jobs: readonly BodyFactsJob[], workerFile: string | URL): StoryParsing {
	if (jobs.length === 0) return { facts: () => Promise.resolve([]) };
	const worker = new Worker(workerFile, { workerData: jobs, name: 'story facts' });
	worker.unref();
	const facts = new Promise<BodyFactsReport>((resolve, reject) => {
		worker.once('message', (report: BodyFactsReport) => {
			resolve(report);
			void worker.terminate();
		});
		worker.once('error', reject);
		worker.once('exit', (code) => reject(new Error(`the story parser's thread ended (code ${code}) without facts`)));
	});
	// Not asked for yet: a failure is handled when it is.
	facts.catch(() => undefined);
	return {
		facts() {
			worker.ref();
			return facts;
		},
	};
}
