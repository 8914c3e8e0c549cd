import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, test } from 'vitest';
import {
	BASE,
	articleSlugs,
	builtFileFor,
	builtSiteDir,
	explainerUrl,
	listPages,
	loadPage,
	readActor,
	readArticleFrontmatter,
} from '../helpers/built-site';
import { contentDir } from '../../src/utils/content-dir';
import { idFromFileName } from '../../src/utils/ids';

const xml = new XMLParser({ ignoreAttributes: false });
const slug = articleSlugs()[0] ?? '';
const article = readArticleFrontmatter(slug);
const actorIds = readdirSync(contentDir('actors')).map((entry) => idFromFileName({ entry }));
const readBuilt = (name: string) => readFileSync(join(builtSiteDir(), name), 'utf8');

describe('actor pages', () => {
	test('list every actor on /actors/ and the pages after it, each linking to its own page', () => {
		const links: (string | undefined)[] = [];
		for (let page: string | undefined = `${BASE}actors/`; page;) {
			const $ = loadPage(page);
			links.push(...$('main li a').map((_, link) => $(link).attr('href')));
			page = $('main nav a[rel="next"]').attr('href');
		}
		expect(links.sort()).toEqual(actorIds.map((id) => `${BASE}actors/${id}/`).sort());
	});

	test('show each actor’s summary, the explainers featuring them and their quotes with date and setting', () => {
		const quotes = (article.quotes ?? []) as { id: string; speaker: string; text: string }[];
		for (const id of actorIds) {
			const $ = loadPage(`${BASE}actors/${id}/`);
			expect($('h1').text()).toBe(readActor(id).name);
			const features = (article.actors as string[]).includes(id);
			expect($(`#explainers a[href="${explainerUrl(slug)}"]`).length, id).toBe(features ? 1 : 0);
			const theirs = quotes.filter((quote) => quote.speaker === id);
			expect($('#quotes figure').length, id).toBe(theirs.length);
			for (const quote of theirs) {
				const figure = $(`#quotes figure:has(a[href="${explainerUrl(slug)}#quote-${quote.id}"])`);
				expect(figure.find('blockquote').text().replace(/\s+/g, ' ')).toContain(quote.text.replace(/\s+/g, ' '));
				expect(figure.find('time').attr('datetime')).toMatch(/^\d{4}(-\d{2}){0,2}$/);
			}
		}
	});

	test('are linked from every glossary entry of the explainer', () => {
		const $ = loadPage(explainerUrl(slug));
		for (const id of article.actors as string[]) {
			expect($(`#actor-${id} a[href="${BASE}actors/${id}/"]`).length, id).toBe(1);
		}
	});
});

describe('topics and related explainers', () => {
	test('each topic of the explainer has a page listing it, linked from the explainer', () => {
		const $ = loadPage(explainerUrl(slug));
		for (const topic of article.topics as string[]) {
			const href = $(`#related a:contains("${topic}")`).attr('href') ?? '';
			expect(builtFileFor(href), topic).toBeDefined();
			expect(loadPage(href)(`a[href="${explainerUrl(slug)}"]`).length, topic).toBe(1);
		}
	});
});

describe('feed, sitemap and robots', () => {
	test('the RSS feed parses and carries each explainer with its dek, date and link', () => {
		const feed = xml.parse(readBuilt('rss.xml'));
		const items = [feed.rss.channel.item].flat();
		expect(items).toHaveLength(articleSlugs().length);
		const item = items.find((entry: { link: string }) => entry.link.endsWith(explainerUrl(slug)));
		expect(item.title).toBe(article.title);
		expect(item.description).toBe(String(article.dek).replace(/\s+/g, ' ').trim());
		expect(new Date(item.pubDate).toISOString()).toBe(new Date(String(article.published)).toISOString());
	});

	test('the sitemap lists every page but the 404 page, with absolute URLs', () => {
		const index = xml.parse(readBuilt('sitemap-index.xml'));
		const sitemaps = [index.sitemapindex.sitemap].flat().map((entry: { loc: string }) => new URL(entry.loc).pathname);
		const urls = sitemaps.flatMap((path) =>
			[xml.parse(readBuilt(path.slice(BASE.length))).urlset.url].flat().map((entry: { loc: string }) => entry.loc),
		);
		const pages = listPages().filter((page) => !page.endsWith('404.html') && !page.includes('/pagefind/'));
		expect(urls.map((url) => new URL(url).pathname).sort()).toEqual(pages.sort());
	});

	test('robots.txt allows crawling and points at the sitemap', () => {
		const robots = readBuilt('robots.txt');
		expect(robots).toMatch(/^User-agent: \*$/m);
		expect(robots).toMatch(new RegExp(`^Sitemap: https?://.+${BASE}sitemap-index\\.xml$`, 'm'));
	});

	test('every page names its canonical URL, and there is a 404 page', () => {
		for (const page of listPages().filter((path) => !path.includes('/pagefind/'))) {
			const $ = loadPage(page);
			if (page.endsWith('404.html')) {
				expect($('link[rel="canonical"]')).toHaveLength(0);
				expect($('meta[name="robots"]').attr('content')).toBe('noindex');
				continue;
			}
			expect(new URL($('link[rel="canonical"]').attr('href') ?? '').pathname, page).toBe(page);
		}
		expect(loadPage(`${BASE}404.html`)('h1').text()).toBe('Page not found');
	});
});

describe('structured data', () => {
	test('is one NewsArticle per explainer, parsed from the page, with zoned dates and the actors', () => {
		const $ = loadPage(explainerUrl(slug));
		const scripts = $('script[type="application/ld+json"]');
		expect(scripts).toHaveLength(1);
		const data = JSON.parse(scripts.text());
		expect(data['@type']).toBe('NewsArticle');
		expect(data.headline).toBe(article.title);
		expect(data.datePublished).toMatch(/T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/);
		expect(data.publisher['@type']).toBe('NewsMediaOrganization');
		expect(data.isAccessibleForFree).toBe(true);
		expect(builtFileFor(data.image)).toBeDefined();
		const [first, ...rest] = article.actors as string[];
		expect(data.about.name).toBe(readActor(first ?? '').name);
		expect(data.mentions.map((actor: { name: string }) => actor.name)).toEqual(rest.map((id) => readActor(id).name));
		expect(new Set([data.about, ...data.mentions].map((actor: { '@type': string }) => actor['@type']))).toEqual(
			new Set(['Person', 'Organization']),
		);
	});
});
