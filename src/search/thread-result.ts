/**
 * The one answer of a worker thread that works out a result and posts it (the search index, pagefind-index.ts).
 * The thread does not keep the process alive until someone asks for its answer, so a build that fails first exits
 * without waiting for work nobody will use.
 */
import type { Worker } from 'node:worker_threads';

/** A worker's answer, once asked for. */
export interface ThreadResult<Answer> {
	/** The first message the thread posts; rejects when it failed or ended without one. */
	answer(): Promise<Answer>;
}

/** Waits for `worker`'s first message, `what` naming its work in the error when it ends without one. */
export function threadResult<Answer>(worker: Worker, what: string): ThreadResult<Answer> {
	worker.unref();
	const answer = new Promise<Answer>((resolve, reject) => {
		worker.once('message', (message: Answer) => {
			resolve(message);
			void worker.terminate();
		});
		worker.once('error', reject);
		worker.once('exit', (code) => reject(new Error(`the ${what} thread ended (code ${code}) without an answer`)));
	});
	// Not asked for yet: whoever asks handles a failure.
	answer.catch(() => undefined);
	return {
		answer() {
			worker.ref();
			return answer;
		},
	};
}
