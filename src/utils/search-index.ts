/**
 * The site's search index (Pagefind), filled as pages render rather than from the built folder afterwards. Pagefind
 * parses and indexes in its own process, so while the build renders the next pages on one core, the index of the
 * last ones is built on the other; at the end only writing the index is left (docs/performance.md).
 *
 * The integration that starts the index (src/integrations/search-index.ts) and the middleware that hands it each
 * rendered page (src/middleware.ts) are bundled apart, so they meet through `globalThis`, not through this module.
 */
import type { PagefindIndex } from 'pagefind';

/** Where Pagefind's files go in the built site; the search page loads `pagefind.js` from there. */
export const SEARCH_INDEX_FOLDER = 'pagefind';

/** Only pages that mark their indexable part are searched (explainers and actor pages); listings are not. */
const INDEXABLE = 'data-pagefind-body';

interface SearchIndexing {
	index: PagefindIndex;
	/** The site's base path, which the index's addresses leave out (the search page adds it back). */
	base: string;
	/** One per page handed over: the page's address and Pagefind's errors for it, or nothing if it has no part to index. */
	added: Promise<{ url: string; errors: string[] } | undefined>[];
}

const SEARCH_INDEX = Symbol.for('news-explainers.search-index');
const registry = globalThis as { [SEARCH_INDEX]?: SearchIndexing };

/** Makes `index` the one this build's pages go to, for a site served under `base`; ends one a previous build left. */
export async function useSearchIndex(index: PagefindIndex, base: string): Promise<void> {
	await stopSearchIndex();
	registry[SEARCH_INDEX] = { index, base: base.endsWith('/') ? base : `${base}/`, added: [] };
}

/** Whether a build is filling a search index: the pages being rendered are a build's, not the dev server's. */
export function isBuildingSearchIndex(): boolean {
	return registry[SEARCH_INDEX] !== undefined;
}

/**
 * Hands a rendered page to the index, when a build started one and the page is HTML with an indexable part; the
 * page is read from a copy of the response, so the build writes it meanwhile. `pathname` is the page's address
 * under the site's base, as the page was requested.
 */
export function indexRenderedPage(pathname: string, response: Response): void {
	const indexing = registry[SEARCH_INDEX];
	if (!indexing || !response.headers.get('content-type')?.startsWith('text/html')) return;
	const url = pathname.startsWith(indexing.base) ? `/${pathname.slice(indexing.base.length)}` : pathname;
	indexing.added.push(
		response
			.clone()
			.text()
			.then(async (content) => {
				if (!content.includes(INDEXABLE)) return undefined;
				const { errors } = await indexing.index.addHTMLFile({ url, content });
				return { url, errors };
			})
			// Kept as a problem for writeSearchIndex to report with the others, not as an unhandled rejection.
			.catch((error: unknown) => ({ url, errors: [String(error)] })),
	);
}

/**
 * Waits for every page handed over, then writes the index into `outputPath`; returns how many pages it holds.
 * Throws with every problem Pagefind reported (pages it could not read, files it could not write).
 */
export async function writeSearchIndex(outputPath: string): Promise<number> {
	const indexing = registry[SEARCH_INDEX];
	if (!indexing) throw new Error('No search index was started for this build.');
	// Every build renders pages (the home page at least): none here means the middleware never handed one over.
	if (indexing.added.length === 0) {
		await stopSearchIndex();
		throw new Error('No rendered page reached the search index: src/middleware.ts must hand each page to it.');
	}
	const pages = (await Promise.all(indexing.added)).filter((page) => page !== undefined);
	const problems = pages.flatMap(({ url, errors }) => errors.map((error) => `${url}: ${error}`));
	if (problems.length === 0) {
		const { errors } = await indexing.index.writeFiles({ outputPath });
		problems.push(...errors);
	}
	await stopSearchIndex();
	if (problems.length > 0) throw new Error(`Pagefind could not build the search index:\n${problems.join('\n')}`);
	return pages.length;
}

/** Ends the indexing service, if one runs. */
export async function stopSearchIndex(): Promise<void> {
	const indexing = registry[SEARCH_INDEX];
	delete registry[SEARCH_INDEX];
	await indexing?.index.deleteIndex();
}
