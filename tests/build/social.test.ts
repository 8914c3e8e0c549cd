/*
 * Link previews: every explainer declares itself to Open Graph as an article, with its times and topics, and to X
 * as a large-image card; its share image is a built PNG of 1200×630 under 300 kB.
 */
import { readFileSync, statSync } from 'node:fs';
import type { CheerioAPI } from 'cheerio';
import { describe, expect, test } from 'vitest';
import { SITE } from '../../src/site';
import {
	BASE,
	articleSlugs,
	asTyped,
	builtFileFor,
	explainerUrl,
	listPages,
	loadPage,
	readArticleFrontmatter,
} from '../helpers/built-site';

/** The largest share image we publish: previews fetch it on every share, often over mobile networks. */
const MAX_PNG_BYTES = 300_000;

/** The `content` of every `<meta property="…">` (Open Graph) or `<meta name="…">` (X) with that key. */
function metaValues($: CheerioAPI, key: string): string[] {
	return $('head meta')
		.toArray()
		.filter((meta) => (meta.attribs['property'] ?? meta.attribs['name']) === key)
		.map((meta) => meta.attribs['content'] ?? '');
}

/** The one value of a key; fails when the page declares it never or more than once. */
function metaValue($: CheerioAPI, key: string): string {
	const values = metaValues($, key);
	expect(values, `<meta> ${key}`).toHaveLength(1);
	return values[0] ?? '';
}

/** A PNG's width and height, from its IHDR chunk: the first chunk, right after the 8-byte signature. */
function pngSize(bytes: Buffer): { width: number; height: number } {
	const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
	if (!bytes.subarray(0, 8).equals(signature)) throw new Error('not a PNG: wrong signature');
	if (bytes.toString('latin1', 12, 16) !== 'IHDR') throw new Error('not a PNG: the first chunk is not IHDR');
	return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

const slugs = articleSlugs();

test('the site has explainers to check', () => {
	expect(slugs.length).toBeGreaterThan(0);
});

describe.each(slugs)('the explainer %s', (slug) => {
	const page = explainerUrl(slug);
	const article = readArticleFrontmatter(slug);
	const iso = (date: unknown) => new Date(date as string).toISOString();

	test('is an Open Graph article with its headline, dek, canonical address and the site’s name', () => {
		const $ = loadPage(page);
		const canonical = $('link[rel="canonical"]').attr('href');
		expect(canonical).toBe(new URL(page, SITE.url).href);
		// Titles and standfirsts are compared as typed: the site may set their punctuation typographically.
		expect({
			type: metaValue($, 'og:type'),
			title: asTyped(metaValue($, 'og:title')),
			description: asTyped(metaValue($, 'og:description')),
			url: metaValue($, 'og:url'),
			siteName: metaValue($, 'og:site_name'),
		}).toEqual({
			type: 'article',
			title: asTyped(article.title),
			description: asTyped(article.dek),
			url: canonical,
			siteName: SITE.name,
		});
	});

	test('gives its publication time, its update time when it has one, and its topics as section and tags', () => {
		const $ = loadPage(page);
		expect(metaValue($, 'article:published_time')).toBe(iso(article.published));
		const updated = article['updated'];
		expect(metaValues($, 'article:modified_time')).toEqual(updated ? [iso(updated)] : []);
		const topics = article.topics;
		expect(metaValue($, 'article:section')).toBe(topics[0]);
		expect(metaValues($, 'article:tag')).toEqual(topics);
	});

	test('asks X for a large-image card', () => {
		const $ = loadPage(page);
		expect(metaValue($, 'twitter:card')).toBe('summary_large_image');
		expect(asTyped(metaValue($, 'twitter:image:alt'))).toContain(asTyped(article.title));
	});

	test('points og:image at its own share image, an absolute URL of a PNG in the build, with its size and alt text', () => {
		const $ = loadPage(page);
		const image = new URL(metaValue($, 'og:image'));
		expect(image.href).toBe(new URL(`${page}share.png`, SITE.url).href);
		expect(image.origin).toBe(new URL(SITE.url).origin);
		expect(builtFileFor(image), `${image.href} is built`).toBeDefined();
		expect(metaValue($, 'og:image:type')).toBe('image/png');
		expect([metaValue($, 'og:image:width'), metaValue($, 'og:image:height')]).toEqual(['1200', '630']);
		expect(asTyped(metaValue($, 'og:image:alt'))).toContain(asTyped(article.title));
	});

	test(`has a share image that is a 1200×630 PNG under ${MAX_PNG_BYTES.toLocaleString('en')} bytes`, () => {
		const file = builtFileFor(`${page}share.png`);
		if (!file) throw new Error(`${page}share.png was not built`);
		const bytes = readFileSync(file);
		expect(pngSize(bytes)).toEqual({ width: 1200, height: 630 });
		expect(statSync(file).size).toBeLessThan(MAX_PNG_BYTES);
		// A real picture, not a blank: flat colours and text compress well, but not to almost nothing.
		expect(statSync(file).size).toBeGreaterThan(5_000);
	});
});

test('pages that are not explainers declare no article', () => {
	const others = listPages().filter((page) => !page.startsWith(`${BASE}explainers/`));
	expect(others.length).toBeGreaterThan(0);
	const declaring = others.filter((page) => {
		const $ = loadPage(page);
		return metaValues($, 'og:type').includes('article') || metaValues($, 'article:published_time').length > 0;
	});
	expect(declaring).toEqual([]);
});

test('the PNG reader rejects what is not a PNG', () => {
	expect(() => pngSize(Buffer.from('GIF89a not a png at all, not at all'))).toThrow(/signature/);
});
