/**
 * The one answer of a worker thread that works out a result and posts it (the search index, pagefind-index.ts).
 * The thread does not keep the process alive until someone asks for its answer, so a build that fails first exits
 * without waiting for work nobody will use.
 */
import type { Worker } from 'node:worker_threads';

/**
 * Waits for `worker`'s first message: `answer()` is that message, and rejects when the thread failed or ended
 * without one, `what` naming its work in the error.
 */
export function threadResult<Answer>(worker: Worker, what: string): { answer(): Promise<Answer> } {
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
