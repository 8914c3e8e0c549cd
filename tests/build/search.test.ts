/*
 * Search, as built: the search page's form, live region and fallback; its one script, inline, which loads Pagefind
 * only when used; no script on any other page; and Pagefind's index, holding every explainer and actor page.
 * The search itself runs in Chromium in tests/browser/search.test.ts.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CheerioAPI } from 'cheerio';
import type { AnyNode, Element, Text } from 'domhandler';
import { describe, expect, test } from 'vitest';
import {
	BASE,
	isMentionCardScript,
	articleSlugs,
	asTyped,
	builtSiteDir,
	describeElement,
	explainerUrl,
	listPages,
	loadPage,
	readActor,
	readArticleFrontmatter,
	indexedPages,
	searchWords,
	summaryTexts,
	words,
} from '../helpers/built-site';

const SEARCH = `${BASE}search/`;

/** The sources a page's content security policy allows for scripts. */
function scriptSources($: CheerioAPI): string[] {
	const policy = $('meta[http-equiv="content-security-policy" i]').attr('content') ?? '';
	const directive = policy
		.split(';')
		.map((part) => part.trim().split(/\s+/))
		.find(([name]) => name === 'script-src');
	return directive?.slice(1) ?? [];
}

/** The scripts of a page, but JSON-LD data (which runs nothing). */
function scriptsOf($: CheerioAPI) {
	return $('script')
		.toArray()
		.filter((script) => (script.attribs['type'] ?? '').toLowerCase() !== 'application/ld+json');
}

describe(`the search page ${SEARCH}`, () => {
	test('is built and linked from the site’s navigation on every page', () => {
		expect(listPages()).toContain(SEARCH);
		const without = listPages().filter(
			(page) =>
				loadPage(page)('header nav a')
					.toArray()
					.filter((link) => link.attribs['href'] === SEARCH).length !== 1,
		);
		expect(without).toEqual([]);
	});

	test('has one search landmark: a form with a labelled search field and a submit button', () => {
		const $ = loadPage(SEARCH);
		expect($('h1').text().trim()).toBe('Search');
		const form = $('form[role="search"]');
		expect(form).toHaveLength(1);
		expect($('[role="search"], search')).toHaveLength(1);
		// Without JavaScript the form still submits to this page, which then says search needs JavaScript.
		expect(form.attr('action')).toBe(SEARCH);
		expect((form.attr('method') ?? 'get').toLowerCase()).toBe('get');

		const input = form.find('input');
		expect(input).toHaveLength(1);
		expect({ type: input.attr('type'), name: input.attr('name') }).toEqual({ type: 'search', name: 'q' });
		const id = input.attr('id') ?? '';
		const label = $('label').filter((_, element) => element.attribs['for'] === id);
		expect(label, `a <label for="${id}">`).toHaveLength(1);
		expect(words(label.text())).toMatch(/search/i);
		const hint = $('[id]').filter((_, element) => element.attribs['id'] === input.attr('aria-describedby'));
		expect(words(hint.text())).not.toBe('');

		const button = form.find('button');
		expect(button).toHaveLength(1);
		expect(button.attr('type') ?? 'submit').toBe('submit');
		expect(words(button.text())).toBe('Search');
	});

	test('has an empty polite live region for the count of results, and an empty results list, hidden', () => {
		const $ = loadPage(SEARCH);
		const status = $('[data-search-status]');
		expect(status).toHaveLength(1);
		expect({
			role: status.attr('role'),
			live: status.attr('aria-live'),
			atomic: status.attr('aria-atomic'),
			text: status.text(),
		}).toEqual({ role: 'status', live: 'polite', atomic: 'true', text: '' });
		const list = $('[data-search-results]');
		expect(list.prop('tagName')?.toLowerCase()).toBe('ol');
		expect(list.attr('hidden')).toBeDefined();
		expect(list.attr('aria-label')).toBeTruthy();
		expect(list.children()).toHaveLength(0);
	});

	test('tells readers without JavaScript that search needs it, and where to find the explainers', () => {
		const fallback = loadPage(SEARCH)('noscript');
		expect(fallback).toHaveLength(1);
		// The parser keeps what <noscript> holds as text, as a browser running scripts does: read it as markup.
		const html = fallback.html() ?? '';
		expect(html).toMatch(/needs JavaScript/);
		expect(html).toContain(`href="${BASE}"`);
	});

	test('requests no script file: its one script is inline, allowed by its hash, and imports Pagefind only when used', () => {
		const $ = loadPage(SEARCH);
		const scripts = scriptsOf($);
		expect(scripts.map((script) => describeElement($, script))).toHaveLength(1);
		const [script] = scripts;
		expect(script?.attribs['src']).toBeUndefined();
		expect(script?.attribs['type']).toBe('module');
		const code = $(script).text();
		// Pagefind is named only inside a dynamic import(), which runs when the reader searches.
		expect(code).toMatch(/\bimport\([^)]*pagefind\/pagefind\.js/);
		expect(code, 'no static import of another script file').not.toMatch(/\bimport\s*[{*"'`]/);
		expect(code).not.toContain('_astro/');
		const preloads = $('link[rel~="modulepreload"], link[rel~="preload"], link[rel~="prefetch"]').toArray();
		expect(preloads.map((link) => describeElement($, link))).toEqual([]);
		expect(
			$('link[rel~="stylesheet"]')
				.toArray()
				.filter((link) => /pagefind/.test(link.attribs['href'] ?? '')),
		).toHaveLength(0);
		expect($('[style]')).toHaveLength(0);
	});

	test('lets its own scripts compile Pagefind’s WebAssembly, and keeps every other source out', () => {
		const sources = scriptSources(loadPage(SEARCH));
		expect(sources).toContain("'self'");
		expect(sources).toContain("'wasm-unsafe-eval'");
		expect(sources.filter((source) => /^'unsafe-|^\*$|^https?:$|^data:$|^blob:$/.test(source))).toEqual([]);
	});
});

describe('every other page', () => {
	const others = listPages().filter((page) => page !== SEARCH);

	test('has no script but an explainer’s mention-card Escape, and no permission to compile WebAssembly', () => {
		expect(others.length).toBeGreaterThan(0);
		const withScripts = others.flatMap((page) => {
			const $ = loadPage(page);
			const allowed = (script: Element) =>
				page.startsWith(`${BASE}explainers/`) && !script.attribs['src'] && isMentionCardScript($(script).text());
			return scriptsOf($)
				.filter((script) => !allowed(script))
				.map((script) => `${page}: ${describeElement($, script)}`);
		});
		expect(withScripts).toEqual([]);
		expect(others.filter((page) => scriptSources(loadPage(page)).includes("'wasm-unsafe-eval'"))).toEqual([]);
	});
});

/** A text's words as search matches them, with a space before and after each: `count` finds whole words. */
const searchText = (text: string) => ` ${searchWords(text).join(' ')} `;

/** How often the words of `phrase` stand in a {@link searchText}, whole words only. */
function occurrences(text: string, phrase: string): number {
	const words = searchText(phrase);
	return words.trim() === '' ? 0 : text.split(words).length - 1;
}

/** An explainer's index record, and its page's main text with the mention cards and without them. */
function explainerTexts(slug: string): { indexed: string; withCards: string; withoutCards: string } {
	const url = explainerUrl(slug).slice(BASE.length - 1);
	const record = indexedPages().find((page) => page.url === url);
	if (!record) throw new Error(`${url} is not in the index`);
	const $ = loadPage(explainerUrl(slug));
	// What runs or styles the page is not read: the structured data repeats each actor's summary.
	$('script, style, template, noscript').remove();
	const main = $('main').get(0);
	if (!main) throw new Error(`${url} has no main`);
	const withCards = searchText(spacedText(main));
	$('.mention__card').remove();
	return { indexed: searchText(record.content), withCards, withoutCards: searchText(spacedText(main)) };
}

/** An element's text with every element apart, so a card's role and summary are not run together. */
function spacedText(node: AnyNode): string {
	if (node.type === 'text') return (node as Text).data;
	return 'children' in node ? ` ${(node.children as AnyNode[]).map(spacedText).join(' ')} ` : '';
}

/** Elements that start a new line, so their text is not run into the text before them. */
const BLOCK_ELEMENTS = new Set(['p', 'li', 'div', 'h1', 'h2', 'h3', 'h4', 'blockquote', 'figcaption', 'td', 'th']);

/** An element's text as a browser lays it out: blocks apart (a date and the sentence after it are two words). */
function textOf(node: AnyNode): string {
	if (node.type === 'text') return (node as Text).data;
	if (!('children' in node)) return '';
	const text = (node.children as AnyNode[]).map(textOf).join('');
	return 'name' in node && BLOCK_ELEMENTS.has(node.name as string) ? ` ${text} ` : text;
}

/** Labels inside the parts below that are not the content's words. */
const FURNITURE = ['Also called', 'Approximate position, shown as a dashed circle:'];

/** What readers read on an explainer, as opposed to its furniture (section titles, links, labels, bylines). */
const EXPLAINER_TEXT = [
	'h1',
	'.article-header__dek',
	'.key-facts li',
	'.story',
	'.locator-map li[data-place]',
	'.timeline li',
	'.pull-quote blockquote',
	'.entry h4',
	'.entry__role',
	'.entry > p:not([class])',
	'.entry__aliases',
	'.credits li',
];

/** What readers read on an actor's first page. */
const ACTOR_TEXT = [
	'h1',
	'.actor__aliases',
	'.actor__summary',
	'#roles li strong',
	'#affiliations li a',
	'#explainers h3',
	'.actor__quote blockquote',
];

describe('the Pagefind index', () => {
	test('is built, with the browser API the search page imports', () => {
		const dir = join(builtSiteDir(), 'pagefind');
		expect(existsSync(join(dir, 'pagefind.js'))).toBe(true);
		const entry = JSON.parse(readFileSync(join(dir, 'pagefind-entry.json'), 'utf8')) as {
			languages: Record<string, { page_count: number }>;
		};
		expect(Object.keys(entry.languages)).toContain('en');
		expect(entry.languages['en']?.page_count).toBe(indexedPages().length);
	});

	test('lists every explainer by its address (from the site’s root) and headline, with its story', () => {
		const pages = indexedPages();
		for (const slug of articleSlugs()) {
			const url = explainerUrl(slug).slice(BASE.length - 1);
			const page = pages.find((candidate) => candidate.url === url);
			expect(page, `${url} is in the index`).toBeDefined();
			expect(asTyped(page?.meta.title ?? '')).toBe(asTyped(readArticleFrontmatter(slug).title));
			expect(page?.content.length).toBeGreaterThan(500);
		}
	});

	test('lists every actor page that was built', () => {
		const actorPages = listPages().filter((page) => /\/actors\/[^/]+\/$/.test(page.slice(BASE.length - 1)));
		const urls = new Set(indexedPages().map((page) => page.url));
		expect(actorPages.filter((page) => !urls.has(page.slice(BASE.length - 1)))).toEqual([]);
	});

	test('holds the explainers and each actor once, and none of the listings', () => {
		const expected = listPages()
			.map((page) => page.slice(BASE.length - 1))
			.filter((url) => /^\/(explainers|actors)\/[^/]+\/$/.test(url));
		expect(
			indexedPages()
				.map((page) => page.url)
				.sort(),
		).toEqual(expected.sort());
	});

	test('holds every word readers read on each explainer and actor page: headline, standfirst, facts, story, map, timeline, who’s who, credits, corrections; names, roles, connections, explainers, quotes', () => {
		const pages = indexedPages();
		const matched = new Set<string>();
		const missing = pages.flatMap(({ url, content }) => {
			const $ = loadPage(`${BASE}${url.slice(1)}`);
			$('.mention__card, .sr-only').remove();
			const indexed = new Set(searchWords(content));
			const selectors = url.startsWith('/explainers/') ? EXPLAINER_TEXT : ACTOR_TEXT;
			return selectors.flatMap((selector) => {
				const read = $(selector)
					.toArray()
					.map((element) => FURNITURE.reduce((text, phrase) => text.replace(phrase, ' '), textOf(element)));
				if (read.length > 0) matched.add(selector);
				const unindexed = [...new Set(read.flatMap(searchWords))].filter((word) => !indexed.has(word));
				return unindexed.length > 0 ? [`${url} ${selector}: ${unindexed.join(' ')}`] : [];
			});
		});
		expect(missing).toEqual([]);
		// Each part was on some page, so none of the selectors is stale.
		expect([...EXPLAINER_TEXT, ...ACTOR_TEXT].filter((selector) => !matched.has(selector))).toEqual([]);
	});

	test.each(articleSlugs())(
		'leaves the mention cards of %s out: an actor’s summary is indexed as often as the page shows it outside them',
		(slug) => {
			const { indexed, withoutCards } = explainerTexts(slug);
			const counts = readArticleFrontmatter(slug).actors.flatMap((id) =>
				summaryTexts(readActor(id)).map((summary) => ({
					id,
					indexed: occurrences(indexed, summary),
					shown: occurrences(withoutCards, summary),
				})),
			);
			expect(counts.filter((count) => count.indexed !== count.shown)).toEqual([]);
		},
	);

	test('some explainer’s mention cards repeat an actor’s summary, so leaving the cards out is tested', () => {
		const repeated = articleSlugs().some((slug) => {
			const { withCards, withoutCards } = explainerTexts(slug);
			return readArticleFrontmatter(slug).actors.some((id) =>
				summaryTexts(readActor(id)).some(
					(summary) => occurrences(withCards, summary) > occurrences(withoutCards, summary),
				),
			);
		});
		expect(repeated).toBe(true);
	});

	test('finds each explainer by the words its story names actors with (mentions, aliases among them)', () => {
		const pages = indexedPages();
		const missing = articleSlugs().flatMap((slug) => {
			const url = explainerUrl(slug).slice(BASE.length - 1);
			const indexed = new Set(searchWords(pages.find((page) => page.url === url)?.content ?? ''));
			const $ = loadPage(explainerUrl(slug));
			return $('a.mention__link')
				.toArray()
				.flatMap((link) => searchWords($(link).text()))
				.filter((word) => !indexed.has(word))
				.map((word) => `${slug}: ${word}`);
		});
		expect(missing).toEqual([]);
		expect(articleSlugs().some((slug) => loadPage(explainerUrl(slug))('a.mention__link').length > 0)).toBe(true);
	});
});
