/**
 * The site's search index (Pagefind), built from the content's search records (records.ts) in Pagefind's own
 * process. A build starts it as soon as the content checks pass, at the end of Astro's bundle, so Pagefind indexes
 * and writes on the second core while Astro renders the pages, and only moving the finished folder into the site is
 * left at the end (docs/performance.md).
 */
import { mkdir } from 'node:fs/promises';
import { close, createIndex } from 'pagefind';
import { SITE } from '../site.ts';
import type { SearchRecord } from './records.ts';

/** Where Pagefind's files go in the built site; the search page loads `pagefind.js` from there. */
export const SEARCH_INDEX_FOLDER = 'pagefind';

/**
 * Writes the Pagefind index of `records` into `outputPath` and returns how many pages it holds, then stops Pagefind's
 * process. Throws with every problem Pagefind reported (records it could not index, files it could not write), and
 * when its process ended without answering.
 */
export async function writeSearchIndex(records: readonly SearchRecord[], outputPath: string): Promise<number> {
	// Made here, not by Pagefind: its process panics on a folder it cannot make, and then never answers.
	await mkdir(outputPath, { recursive: true });
	try {
		return await answeredBeforeExit(indexAndWrite(records, outputPath));
	} finally {
		await close();
	}
}

async function indexAndWrite(records: readonly SearchRecord[], outputPath: string): Promise<number> {
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

/**
 * `answer`, or a failure once nothing is left that could settle it: Pagefind's package never settles a call whose
 * process died (killed, out of memory), and a build waiting for it would end as if it had passed.
 */
function answeredBeforeExit<T>(answer: Promise<T>): Promise<T> {
	const ended = Promise.withResolvers<never>();
	const exiting = () =>
		ended.reject(new Error("Pagefind's process ended without answering: the search index was not written"));
	process.once('beforeExit', exiting);
	return Promise.race([answer, ended.promise]).finally(() => process.off('beforeExit', exiting));
}
