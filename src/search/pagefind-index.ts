/**
 * The site's search index (Pagefind), built from the content's search records (records.ts) in Pagefind's own
 * process. A build starts it from a background thread (worker.ts) as soon as the content checks pass, so Pagefind
 * indexes and writes on the CPU Astro's compiling and rendering leave idle, and only moving the finished folder into
 * the site is left at the end (docs/performance.md).
 */
import { mkdir } from 'node:fs/promises';
import { Worker } from 'node:worker_threads';
import { createIndex } from 'pagefind';
import { SITE } from '../site.ts';
import type { SearchRecord } from './records.ts';
import { threadResult } from './thread-result.ts';

/** Where Pagefind's files go in the built site; the search page loads `pagefind.js` from there. */
export const SEARCH_INDEX_FOLDER = 'pagefind';

/**
 * Writes the Pagefind index of `records` into `outputPath` and returns how many pages it holds. Throws with every
 * problem Pagefind reported: records it could not index, files it could not write.
 */
export async function writeSearchIndex(records: readonly SearchRecord[], outputPath: string): Promise<number> {
	// Made here, not by Pagefind: its process panics on a folder it cannot make, and then never answers.
	await mkdir(outputPath, { recursive: true });
	const { index, errors } = await createIndex();
	if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ') || 'no reason given'}`);
	try {
		const added = await Promise.all(
			records.map(({ url, title, content }) =>
				index
					.addCustomRecord({ url, content, language: SITE.lang, meta: { title } })
					.then((response) => response.errors.map((error) => `${url}: ${error}`)),
			),
		);
		const problems = added.flat();
		if (problems.length === 0) problems.push(...(await index.writeFiles({ outputPath })).errors);
		if (problems.length > 0) throw new Error(`Pagefind could not build the search index:\n${problems.join('\n')}`);
		return records.length;
	} finally {
		await index.deleteIndex();
	}
}

/** What the search index's thread is given. */
export interface SearchIndexJob {
	records: readonly SearchRecord[];
	outputPath: string;
}

/** What the search index's thread reports: how many pages it indexed, or why it could not. */
export type SearchIndexReport = { pages: number } | { error: string };

/**
 * Like {@link writeSearchIndex}, in a background thread running `workerFile` (worker.ts): `pages()` is how many pages
 * the index holds, once written. Until asked for, the thread does not keep the process alive: a build that fails
 * first exits.
 */
export function writeSearchIndexInThread(
	records: readonly SearchRecord[],
	outputPath: string,
	workerFile: string | URL,
): { pages(): Promise<number> } {
	const thread = threadResult<SearchIndexReport>(
		new Worker(workerFile, { workerData: { records, outputPath } satisfies SearchIndexJob, name: 'search index' }),
		"search index's",
	);
	return {
		async pages() {
			const report = await thread.answer();
			if ('error' in report) throw new Error(report.error);
			return report.pages;
		},
	};
}
