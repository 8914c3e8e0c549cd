import type { CheerioAPI } from 'cheerio';
import type { Element } from 'domhandler';
import { describe, expect, test } from 'vitest';
import { SITE } from '../../src/site';
import { builtFileFor, describeElement, elements, listPages, loadPage, pageUrl, words } from '../helpers/built-site';

const pages = listPages();

/** Where a link with a fragment leads: the page it opens (URL path) and the id it scrolls to. */
function fragmentTarget(page: string, href: string): { page: string; id: string } | undefined {
	const url = new URL(href, pageUrl(page));
	if (!href.includes('#') || url.origin !== pageUrl(page).origin) return undefined;
	return { page: url.pathname, id: decodeURIComponent(url.hash.slice(1)) };
}

/** Ids on each page, loaded once per page. */
const idsByPage = new Map<string, Set<string>>();
function idsOn(page: string): Set<string> {
	let ids = idsByPage.get(page);
	if (!ids) {
		const $ = loadPage(page);
		ids = new Set(
			$('[id]')
				.map((_, element) => element.attribs['id'] ?? '')
				.get(),
		);
		idsByPage.set(page, ids);
	}
	return ids;
}

/** Elements a keyboard user reaches with Tab, in document order (as far as static HTML tells). */
function tabbable($: CheerioAPI): Element[] {
	const candidates =
		'a[href], area[href], button, input, select, textarea, iframe, summary, audio[controls], video[controls], [tabindex], [contenteditable]';
	return $('body')
		.find(candidates)
		.toArray()
		.filter((element) => {
			const $element = $(element);
			const tabindex = $element.attr('tabindex');
			if (tabindex !== undefined && Number(tabindex) < 0) return false;
			if ($element.is('[disabled], input[type="hidden"], [contenteditable="false"]')) return false;
			// Not rendered: hidden, inert, or inside a popover that is closed until opened.
			return $element.closest('[hidden], [inert], [popover]').length === 0;
		});
}

test('the site builds an HTML page for the home page and for every explainer', () => {
	expect(pages).toContain(pageUrl(SITE.base).pathname);
	expect(pages.length).toBeGreaterThan(1);
});

describe.each(pages)('the built page %s', (page) => {
	test('has unique ids', () => {
		const $ = loadPage(page);
		const seen = new Map<string, number>();
		for (const element of $('[id]').toArray()) {
			const id = element.attribs['id'] ?? '';
			seen.set(id, (seen.get(id) ?? 0) + 1);
		}
		const duplicates = [...seen].filter(([, count]) => count > 1).map(([id, count]) => `${id} ×${count}`);
		expect(duplicates).toEqual([]);
		expect(seen.has('')).toBe(false);
	});

	test('has every mention link point to an element with that id', () => {
		const $ = loadPage(page);
		const broken = $('a.mention__link')
			.toArray()
			.filter((link) => {
				const href = link.attribs['href'] ?? '';
				return !href.startsWith('#') || !idsOn(page).has(decodeURIComponent(href.slice(1)));
			})
			.map((link) => describeElement($, link));
		expect(broken).toEqual([]);
	});

	test('has every link with a fragment (such as href="#…") point to an element with that id on the page it opens', () => {
		const $ = loadPage(page);
		const broken = $('a[href], area[href]')
			.toArray()
			.filter((link) => {
				const target = fragmentTarget(page, link.attribs['href'] ?? '');
				if (!target) return false;
				if (target.id === '') return true;
				const targetPage = builtFileFor(target.page) ? target.page : undefined;
				return !targetPage || !idsOn(targetPage).has(target.id);
			})
			.map((link) => describeElement($, link));
		expect(broken).toEqual([]);
	});

	test('has every id reference (aria-labelledby, aria-describedby, aria-controls, popovertarget, for) point to an element', () => {
		const $ = loadPage(page);
		const references = [
			'aria-labelledby',
			'aria-describedby',
			'aria-controls',
			'aria-owns',
			'popovertarget',
			'for',
			'list',
		];
		const broken = elements($, references.map((name) => `[${name}]`).join(', ')).flatMap((element) =>
			references.flatMap((name) =>
				(element.attribs[name] ?? '')
					.split(/\s+/)
					.filter((id) => id && !idsOn(page).has(id))
					.map((id) => `${name}="${id}" on ${describeElement($, element)}`),
			),
		);
		expect(broken).toEqual([]);
	});

	test('never puts a mention inside a heading', () => {
		const $ = loadPage(page);
		const inHeadings = $('h1, h2, h3, h4, h5, h6')
			.find('.mention, a.mention__link')
			.toArray()
			.map((element) => describeElement($, $(element).closest('h1, h2, h3, h4, h5, h6')));
		expect(inHeadings).toEqual([]);
	});

	test('never puts a mention inside a link or code, and never nests links', () => {
		const $ = loadPage(page);
		const misplaced = [
			...$('a .mention, a a.mention__link, a a').toArray(),
			...$('code, pre, kbd, samp').find('.mention, a.mention__link').toArray(),
		].map((element) => describeElement($, element));
		expect(misplaced).toEqual([]);
	});

	test('declares its language and a title', () => {
		const $ = loadPage(page);
		expect($('html').attr('lang')).toBe(SITE.lang);
		expect(words($('head > title').text())).not.toBe('');
	});

	test('has exactly one h1', () => {
		const $ = loadPage(page);
		expect(
			$('h1')
				.toArray()
				.map((h1) => words($(h1).text())),
		).toHaveLength(1);
		expect(words($('h1').text())).not.toBe('');
	});

	test('has the landmarks: one banner header, named navigation, one main#main and one footer', () => {
		const $ = loadPage(page);
		const sectioning = 'article, aside, main, nav, section';
		// A header or footer is the page's banner or contentinfo only outside sectioning content.
		const banners = $('header, [role="banner"]').filter((_, element) => $(element).parents(sectioning).length === 0);
		const footers = $('footer, [role="contentinfo"]').filter(
			(_, element) => $(element).parents(sectioning).length === 0,
		);
		expect(banners).toHaveLength(1);
		expect(footers).toHaveLength(1);
		expect($('main, [role="main"]')).toHaveLength(1);
		expect($('main#main')).toHaveLength(1);

		const navs = $('nav, [role="navigation"]').toArray();
		expect(navs.length).toBeGreaterThan(0);
		if (navs.length > 1) {
			// Several navigation landmarks need names to be told apart.
			const names = navs.map((nav) => nav.attribs['aria-label'] ?? nav.attribs['aria-labelledby'] ?? '');
			expect(names.filter((name) => name === '')).toEqual([]);
			expect(new Set(names).size).toBe(names.length);
		}
	});

	test('has a skip link to #main as its first focusable element', () => {
		const $ = loadPage(page);
		const first = tabbable($)[0];
		expect(first && describeElement($, first)).toMatch(/^<a /);
		expect(first?.attribs['href']).toBe('#main');
		expect(words($(first).text())).not.toBe('');
	});

	test('links a favicon that was built', () => {
		const $ = loadPage(page);
		const icons = $('head link[rel~="icon"]').toArray();
		expect(icons.length).toBeGreaterThan(0);
		for (const icon of icons) {
			expect(builtFileFor(new URL(icon.attribs['href'] ?? '', pageUrl(page))), icon.attribs['href']).toBeDefined();
		}
	});
});
