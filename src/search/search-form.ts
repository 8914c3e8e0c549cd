/**
 * Search on the search page, with Pagefind's JavaScript API and our own markup. Nothing of Pagefind loads until
 * the reader types in the search field or submits the form (or opens the page with `?q=`); results are plain
 * DOM in the page's list, styled by the page's own CSS, so the content security policy needs no inline style.
 * A polite live region announces the number of results; the list holds a heading and a link per result.
 */
import { pathTo } from '../utils/paths';

/** The parts of Pagefind's browser API this module uses (`pagefind.js` ships no types). */
interface Pagefind {
	options(options: Record<string, unknown>): Promise<void>;
	search(term: string): Promise<{ results: { data(): Promise<PagefindPage> }[] } | null>;
}

interface PagefindPage {
	/** The page's URL, with the site's base path. */
	url: string;
	/** Words around the matches, as HTML: escaped text with the matches in `<mark>`. */
	excerpt: string;
	meta: { title?: string };
}

interface SearchHit {
	url: string;
	title: string;
	kind: string;
	excerpt: string;
}

/** The most results shown for one search, best first; more would mean loading a fragment per result. */
const MAX_RESULTS = 30;

/** How long typing must pause before a search runs, in milliseconds. */
const TYPING_PAUSE = 250;

/**
 * The kind of page a URL leads to, or undefined for pages search leaves out. The index holds every built page;
 * results are explainers and actor pages only (not the lists that repeat their titles: home, topics, actors).
 */
function kindOf(url: string): string | undefined {
	const path = new URL(url, 'http://site.invalid').pathname;
	const under = (section: string) => {
		const prefix = pathTo(`${section}/`);
		return path.startsWith(prefix) && path.length > prefix.length;
	};
	if (under('explainers')) return 'Explainer';
	if (under('actors')) return 'Who’s who';
	return undefined;
}

/** "1 result", "3 results" for "term", or how to search again when nothing matched. */
function countMessage(count: number, term: string, more: boolean): string {
	if (count === 0) return `No results for “${term}”. Try another spelling, a name, or fewer words.`;
	const found = `${count} result${count === 1 ? '' : 's'} for “${term}”`;
	return more ? `${found}: the best matches. Add a word to narrow the search.` : `${found}.`;
}

let pagefind: Promise<Pagefind> | undefined;

/** Loads Pagefind once, on first use. Its URL is the site's, under the base path. */
function loadPagefind(): Promise<Pagefind> {
	pagefind ??= (async () => {
		const module = (await import(/* @vite-ignore */ pathTo('pagefind/pagefind.js'))) as Pagefind;
		// In the page's own thread, under the page's policy, instead of a worker the policy does not reach.
		await module.options({ noWorker: true });
		return module;
	})();
	pagefind.catch(() => {
		pagefind = undefined;
	});
	return pagefind;
}

/** Appends an excerpt to `parent` as text and `<mark>` elements: nothing else of Pagefind's HTML is trusted. */
function appendExcerpt(parent: HTMLElement, html: string): void {
	const parsed = new DOMParser().parseFromString(`<p>${html}</p>`, 'text/html');
	for (const child of parsed.body.firstElementChild?.childNodes ?? []) {
		if (child.nodeName === 'MARK') {
			const mark = document.createElement('mark');
			mark.textContent = child.textContent;
			parent.append(mark);
		} else {
			parent.append(child.textContent ?? '');
		}
	}
}

/** One result as a list item: what it is, its title as a linked heading, and the words around the match. */
function resultItem(hit: SearchHit): HTMLLIElement {
	const heading = Object.assign(document.createElement('h2'), { className: 'search-result__title' });
	heading.append(Object.assign(document.createElement('a'), { href: hit.url, textContent: hit.title }));
	const kind = Object.assign(document.createElement('p'), { className: 'search-result__kind', textContent: hit.kind });
	const excerpt = Object.assign(document.createElement('p'), { className: 'search-result__excerpt' });
	appendExcerpt(excerpt, hit.excerpt);
	const item = Object.assign(document.createElement('li'), { className: 'search-result' });
	item.append(heading, kind, excerpt);
	return item;
}

/** Runs the best results of a search through the filter and loads what each shows. */
async function hitsFor(engine: Pagefind, term: string): Promise<{ hits: SearchHit[]; more: boolean }> {
	const search = await engine.search(term);
	const results = search?.results ?? [];
	const pages = await Promise.all(results.slice(0, MAX_RESULTS).map((result) => result.data()));
	const hits = pages.flatMap((page) => {
		const kind = kindOf(page.url);
		return kind ? [{ url: page.url, title: page.meta.title ?? page.url, kind, excerpt: page.excerpt }] : [];
	});
	return { hits, more: results.length > MAX_RESULTS };
}

/**
 * Wires one search form: `[data-search-input]`, the live region `[data-search-status]` and the list
 * `[data-search-results]` inside `root`.
 */
export function setUpSearch(root: HTMLElement): void {
	const form = root.querySelector<HTMLFormElement>('form[role="search"]');
	const input = root.querySelector<HTMLInputElement>('[data-search-input]');
	const status = root.querySelector<HTMLElement>('[data-search-status]');
	const list = root.querySelector<HTMLOListElement>('[data-search-results]');
	if (!form || !input || !status || !list) return;

	let latest = 0;
	let timer: ReturnType<typeof setTimeout> | undefined;

	const show = (message: string, hits: SearchHit[]) => {
		list.replaceChildren(...hits.map(resultItem));
		list.hidden = hits.length === 0;
		list.removeAttribute('aria-busy');
		status.textContent = message;
	};

	const run = async (raw: string) => {
		const term = raw.trim().replace(/\s+/g, ' ');
		const ticket = ++latest;
		if (term === '') {
			show('', []);
			return;
		}
		list.setAttribute('aria-busy', 'true');
		try {
			const { hits, more } = await hitsFor(await loadPagefind(), term);
			if (ticket === latest) show(countMessage(hits.length, term, more), hits);
		} catch {
			if (ticket === latest) show('Search could not load. Check your connection and search again.', []);
		}
	};

	input.addEventListener('input', () => {
		clearTimeout(timer);
		timer = setTimeout(() => void run(input.value), TYPING_PAUSE);
	});

	form.addEventListener('submit', (event) => {
		event.preventDefault();
		clearTimeout(timer);
		// The address keeps the search, so Back and a shared link show the same results.
		const url = new URL(window.location.href);
		if (input.value.trim()) url.searchParams.set('q', input.value.trim());
		else url.searchParams.delete('q');
		history.replaceState(null, '', url);
		void run(input.value);
	});

	const initial = new URLSearchParams(window.location.search).get('q');
	if (initial) {
		input.value = initial;
		void run(initial);
	}
}
