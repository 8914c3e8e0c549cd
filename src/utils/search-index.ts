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

/** A page handed over, read and ready to send, or a request with nothing to index. */
type Handed = { url: string; content: string } | undefined;

interface SearchIndexing {
	index: PagefindIndex;
	/** The site's base path, which the index's addresses leave out (the search page adds it back). */
	base: string;
	/** The number the next request gets: pages go to Pagefind in the order they were requested. */
	nextTicket: number;
	/** The number of the next page to send to Pagefind. */
	nextToSend: number;
	/** Pages finished before an earlier one, waiting for it, by number. */
	waiting: Map<number, Handed>;
	/** Pages being read from their responses. */
	reading: Promise<void>[];
	/** One per page sent: the page's address and Pagefind's errors for it. */
	sent: Promise<{ url: string; errors: string[] }>[];
	/** Pages that could not be read, with why. */
	unread: string[];
}

const SEARCH_INDEX = Symbol.for('news-explainers.search-index');
const registry = globalThis as { [SEARCH_INDEX]?: SearchIndexing };

/** Makes `index` the one this build's pages go to, for a site served under `base`; ends one a previous build left. */
export async function useSearchIndex(index: PagefindIndex, base: string): Promise<void> {
	await stopSearchIndex();
	registry[SEARCH_INDEX] = {
		index,
		base: base.endsWith('/') ? base : `${base}/`,
		nextTicket: 0,
		nextToSend: 0,
		waiting: new Map(),
		reading: [],
		sent: [],
		unread: [],
	};
}

/**
 * A number for a page about to be rendered, taken before rendering it: Pagefind numbers pages in the order they
 * reach it, and pages rendered side by side finish in any order, so they are sent in the order of their numbers
 * and two builds of the same site write the same index. Undefined when no build started an index.
 */
export function searchIndexTicket(): number | undefined {
	const indexing = registry[SEARCH_INDEX];
	return indexing ? indexing.nextTicket++ : undefined;
}

/**
 * Hands the rendered page of `ticket` to the index, when it is HTML with an indexable part; the page is read from
 * a copy of the response, so the build writes it meanwhile. `pathname` is the page's address under the site's
 * base, as the page was requested.
 */
export function indexRenderedPage(ticket: number | undefined, pathname: string, response: Response): void {
	const indexing = registry[SEARCH_INDEX];
	if (!indexing || ticket === undefined) return;
	if (!response.headers.get('content-type')?.startsWith('text/html')) return hand(indexing, ticket, undefined);
	const url = pathname.startsWith(indexing.base) ? `/${pathname.slice(indexing.base.length)}` : pathname;
	indexing.reading.push(
		response
			.clone()
			.text()
			.then((content) => hand(indexing, ticket, content.includes(INDEXABLE) ? { url, content } : undefined))
			// Kept as a problem for writeSearchIndex to report with the others, not as an unhandled rejection.
			.catch((error: unknown) => {
				indexing.unread.push(`${url}: ${String(error)}`);
				hand(indexing, ticket, undefined);
			}),
	);
}

/** Records the page of `ticket` and sends every page whose turn has come. */
function hand(indexing: SearchIndexing, ticket: number, page: Handed): void {
	indexing.waiting.set(ticket, page);
	while (indexing.waiting.has(indexing.nextToSend)) {
		send(indexing, indexing.waiting.get(indexing.nextToSend));
		indexing.waiting.delete(indexing.nextToSend++);
	}
}

function send(indexing: SearchIndexing, page: Handed): void {
	if (!page) return;
	const { url, content } = page;
	indexing.sent.push(
		indexing.index
			.addHTMLFile({ url, content })
			.then(({ errors }) => ({ url, errors }))
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
	if (indexing.nextTicket === 0) {
		await stopSearchIndex();
		throw new Error('No rendered page reached the search index: src/middleware.ts must hand each page to it.');
	}
	await Promise.all(indexing.reading);
	// A page whose rendering failed never came: the pages after it go in their order all the same.
	for (const ticket of [...indexing.waiting.keys()].sort((a, b) => a - b)) send(indexing, indexing.waiting.get(ticket));
	indexing.waiting.clear();
	const pages = await Promise.all(indexing.sent);
	const problems = [
		...indexing.unread,
		...pages.flatMap(({ url, errors }) => errors.map((error) => `${url}: ${error}`)),
	];
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
