/**
 * The search index's thread: writes the Pagefind index of the records it is given (see pagefind-index.ts, which
 * starts it) at the lowest priority. Pagefind's process, started from this thread, inherits that priority, so it
 * indexes on the CPU the build's main thread leaves idle; and the records go to it through this thread's event loop,
 * which, unlike the compiling main thread's, is free to pass them on at once. Node runs this file itself (its type
 * stripping), not Vite, hence the `.ts` in the imports.
 */
import { close } from 'pagefind';
import { parentPort, workerData } from 'node:worker_threads';
import { runInBackground } from '../utils/background-priority.ts';
import { writeSearchIndex, type SearchIndexJob, type SearchIndexReport } from './pagefind-index.ts';

if (parentPort) {
	runInBackground();
	const { records, outputPath } = workerData as SearchIndexJob;
	let report: SearchIndexReport;
	try {
		report = { pages: await writeSearchIndex(records, outputPath) };
	} catch (error) {
		report = { error: error instanceof Error ? error.message : String(error) };
	}
	await close();
	parentPort.postMessage(report);
}
