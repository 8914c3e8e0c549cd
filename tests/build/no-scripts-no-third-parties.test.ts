import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import {
	BASE,
	SITE_ORIGIN,
	builtFileFor,
	describeElement,
	elements,
	isMentionCardScript,
	listBuiltFiles,
	listPages,
	loadPage,
	pageUrl,
} from '../helpers/built-site';

const pages = listPages();

/** Attributes holding one URL. */
const URL_ATTRIBUTES = [
	'src',
	'href',
	'xlink:href',
	'poster',
	'data',
	'action',
	'formaction',
	'cite',
	'background',
	'manifest',
	'ping',
];

/** Every URL a page names in an attribute, with the element that names it and whether a reader must follow it. */
function urlsOn(page: string) {
	const $ = loadPage(page);
	const found: { url: string; element: string; followedOnly?: boolean }[] = [];
	for (const element of elements($, '*')) {
		for (const name of URL_ATTRIBUTES) {
			const value = element.attribs[name];
			if (value === undefined) continue;
			// A link's target loads only when a reader follows it; its `ping` would be sent by the page, so it counts.
			const followedOnly = name === 'href' && (element.name === 'a' || element.name === 'area');
			found.push({ url: value.trim(), element: describeElement($, element), followedOnly });
		}
		for (const name of ['srcset', 'imagesrcset']) {
			const value = element.attribs[name];
			if (value === undefined) continue;
			for (const candidate of value.split(',')) {
				const url = candidate.trim().split(/\s+/)[0];
				if (url) found.push({ url, element: describeElement($, element) });
			}
		}
	}
	$('meta[http-equiv="refresh" i]').each((_, meta) => {
		const url = /url\s*=\s*['"]?([^'"]+)/i.exec(meta.attribs['content'] ?? '')?.[1];
		if (url) found.push({ url, element: describeElement($, meta) });
	});
	return found;
}

/** Whether a URL, read on a page of this site, would be fetched from or lead to another host. */
function isOtherHost(page: string, url: string): boolean {
	const resolved = new URL(url, pageUrl(page));
	return /^(https?|wss?|ftp):$/.test(resolved.protocol) && resolved.origin !== SITE_ORIGIN;
}

/** `url(…)` and `@import` targets in CSS text. */
function cssUrls(css: string): string[] {
	const urls = [...css.matchAll(/url\(\s*(['"]?)(.*?)\1\s*\)/gi)].map((match) => match[2] ?? '');
	const imports = [...css.matchAll(/@import\s+(['"])(.*?)\1/gi)].map((match) => match[2] ?? '');
	return [...urls, ...imports].filter((url) => url && !url.startsWith('data:') && !url.startsWith('#'));
}

/** The one page with a script, its own inline one that loads search on use: tests/build/search.test.ts checks it. */
const SEARCH = `${BASE}search/`;

describe.each(pages)('the built page %s', (page) => {
	test('references no script file and runs no inline script (JSON-LD, search’s loader, mention cards’ Escape aside)', () => {
		const $ = loadPage(page);
		const explainer = page.startsWith(`${BASE}explainers/`);
		const scripts = $('script')
			.toArray()
			.filter(
				(script) =>
					script.attribs['src'] !== undefined || (script.attribs['type'] ?? '').toLowerCase() !== 'application/ld+json',
			)
			.filter((script) => script.attribs['src'] !== undefined || !explainer || !isMentionCardScript($(script).text()))
			.map((script) => describeElement($, script));
		if (page === SEARCH) {
			expect(scripts).toHaveLength(1);
			expect($('script[src]')).toHaveLength(0);
		} else {
			expect(scripts).toEqual([]);
		}
		for (const data of $('script[type="application/ld+json" i]').toArray()) {
			expect(() => JSON.parse($(data).text())).not.toThrow();
		}
	});

	test('has no event-handler attributes and no javascript: URLs', () => {
		const $ = loadPage(page);
		const handlers = elements($, '*').flatMap((element) =>
			Object.keys(element.attribs)
				.filter((name) => /^on/i.test(name))
				.map((name) => `${name} on ${describeElement($, element)}`),
		);
		expect(handlers).toEqual([]);
		expect(urlsOn(page).filter(({ url }) => /^\s*javascript:/i.test(url))).toEqual([]);
	});

	test('points no src or href at another host, so it makes no third-party request (links readers follow aside)', () => {
		expect(urlsOn(page).filter(({ url, followedOnly }) => !followedOnly && isOtherHost(page, url))).toEqual([]);
	});

	test('loads no CSS resource (url() or @import) from another host, in its own styles or linked stylesheets', () => {
		const $ = loadPage(page);
		const inline = [
			...$('style')
				.toArray()
				.map((style) => $(style).text()),
			...$('[style]')
				.toArray()
				.map((element) => element.attribs['style'] ?? ''),
		];
		const linked = $('link[rel~="stylesheet"][href]')
			.toArray()
			.map((link) => builtFileFor(new URL(link.attribs['href'] ?? '', pageUrl(page))))
			.filter((file): file is string => file !== undefined)
			.map((file) => readFileSync(file, 'utf8'));
		const offsite = [...inline, ...linked].flatMap(cssUrls).filter((url) => isOtherHost(page, url));
		expect(offsite).toEqual([]);
	});

	test('has every URL on this site’s own host resolve to a built file, pages with the trailing slash', () => {
		const broken = urlsOn(page)
			.filter(({ url }) => !url.startsWith('#') && !/^[a-z][a-z0-9+.-]*:/i.test(url.replace(/^https?:/i, '')))
			.filter(({ url }) => {
				const resolved = new URL(url, pageUrl(page));
				if (resolved.origin !== SITE_ORIGIN) return false;
				const file = builtFileFor(resolved);
				return !file || (file.endsWith('index.html') && !resolved.pathname.endsWith('/'));
			});
		expect(broken).toEqual([]);
	});
});

test('the built stylesheets load nothing from another host', () => {
	const offsite = listBuiltFiles('.css').flatMap((file) =>
		cssUrls(readFileSync(file, 'utf8'))
			.filter((url) => /^(https?:)?\/\//i.test(url) && new URL(url, SITE_ORIGIN).origin !== SITE_ORIGIN)
			.map((url) => `${url} in ${file}`),
	);
	expect(offsite).toEqual([]);
});
