import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, test } from 'vitest';
import {
	BASE,
	actorIds,
	asTyped,
	articleSlugs,
	builtFileFor,
	builtSiteDir,
	explainerUrl,
	listPages,
	listingPages,
	loadPage,
	readActor,
	readArticleFrontmatter,
	words,
} from '../helpers/built-site';

/*
 * Every expectation is derived from all the content: there may be any number of explainers, sharing actors and
 * topics (the test build adds a later copy of each, tests/global-setup.ts). Lists are compared as sets: their
 * order is not what these tests are about.
 */
const xml = new XMLParser({ ignoreAttributes: false });
const slugs = articleSlugs();
const articles = new Map(slugs.map((slug) => [slug, readArticleFrontmatter(slug)] as const));
const readBuilt = (name: string) => readFileSync(join(builtSiteDir(), name), 'utf8');
const sorted = (items: Iterable<string>) => [...items].sort();

test('the site has explainers, and some actor appears in more than one (the test build makes sure)', () => {
	expect(slugs.length).toBeGreaterThan(1);
	expect(actorIds().some((id) => slugs.filter((slug) => articles.get(slug)?.actors.includes(id)).length > 1)).toBe(
		true,
	);
});

describe('actor pages', () => {
	test('list every actor on /actors/ and the pages after it, each linking to its own page', () => {
		const links = listingPages(`${BASE}actors/`).flatMap((page) => {
			const $ = loadPage(page);
			return $('main li a')
				.toArray()
				.map((link) => link.attribs['href'] ?? '');
		});
		expect(sorted(links)).toEqual(sorted(actorIds().map((id) => `${BASE}actors/${id}/`)));
	});

	describe.each(actorIds())('the actor %s', (id) => {
		const pages = listingPages(`${BASE}actors/${id}/`);
		const featuring = slugs.filter((slug) => articles.get(slug)?.actors.includes(id));
		const quotes = slugs.flatMap((slug) =>
			(articles.get(slug)?.quotes ?? [])
				.filter((quote) => quote.speaker === id)
				.map((quote) => ({ ...quote, href: `${explainerUrl(slug)}#quote-${quote.id}` })),
		);

		test('has a page headed by their name', () => {
			expect(asTyped(loadPage(pages[0] ?? '')('h1').text())).toBe(asTyped(readActor(id).name));
		});

		test('lists every explainer featuring them, from every explainer, once', () => {
			const listed = pages.flatMap((page) => {
				const $ = loadPage(page);
				return $('#explainers a[href]')
					.toArray()
					.map((link) => link.attribs['href'] ?? '')
					.filter((href) => href.startsWith(`${BASE}explainers/`));
			});
			expect(sorted(listed)).toEqual(sorted(featuring.map(explainerUrl)));
		});

		test('shows every quote of theirs, from every explainer, once, with its text, date and a link to it', () => {
			const shown = pages.flatMap((page) => {
				const $ = loadPage(page);
				return $('#quotes figure')
					.toArray()
					.map((figure) => ({
						href: $(figure).find('a[href*="#quote-"]').attr('href') ?? '',
						text: asTyped($(figure).find('blockquote').text()),
						datetime: $(figure).find('time').attr('datetime') ?? '',
					}));
			});
			expect(sorted(shown.map((quote) => quote.href))).toEqual(sorted(quotes.map((quote) => quote.href)));
			for (const quote of quotes) {
				const figure = shown.find((candidate) => candidate.href === quote.href);
				expect(figure?.text, quote.href).toContain(asTyped(quote.text));
				expect(figure?.datetime, quote.href).toMatch(/^\d{4}(-\d{2}){0,2}$/);
			}
		});
	});

	test.each(slugs)('are linked from every glossary entry of the explainer %s', (slug) => {
		const $ = loadPage(explainerUrl(slug));
		for (const id of articles.get(slug)?.actors ?? []) {
			expect($(`#actor-${id} a[href="${BASE}actors/${id}/"]`).length, id).toBe(1);
		}
	});
});

describe('topics and related explainers', () => {
	const topics = [...new Set(slugs.flatMap((slug) => articles.get(slug)?.topics ?? []))];

	test.each(slugs)('each topic of the explainer %s has a page, linked from the explainer', (slug) => {
		const $ = loadPage(explainerUrl(slug));
		for (const topic of articles.get(slug)?.topics ?? []) {
			const links = $('#related a[href]')
				.toArray()
				.filter((link) => words($(link).text()) === topic && (link.attribs['href'] ?? '').includes('/topics/'));
			expect(links, topic).toHaveLength(1);
			expect(builtFileFor(links[0]?.attribs['href'] ?? ''), topic).toBeDefined();
		}
	});

	test.each(topics)('the topic %s lists every explainer of the topic, on its page and the pages after it', (topic) => {
		const page = slugs
			.map((slug) => loadPage(explainerUrl(slug)))
			.flatMap(($) =>
				$('#related a[href]')
					.toArray()
					.filter((link) => words($(link).text()) === topic)
					.map((link) => link.attribs['href'] ?? ''),
			)
			.find((href) => href.includes('/topics/'));
		expect(page, `a link to the page of ${topic}`).toBeDefined();
		// Search engines and link previews show it as a sentence: "Explainers about Middle East" lacked its article.
		expect(loadPage(page ?? '')('meta[name="description"]').attr('content')).toBe(
			`Explainers on the topic “${topic}”.`,
		);
		const listed = listingPages(page ?? '').flatMap((listing) => {
			const $ = loadPage(listing);
			return $('main a[href]')
				.toArray()
				.map((link) => link.attribs['href'] ?? '')
				.filter((href) => /\/explainers\/[^/]+\/$/.test(href));
		});
		const expected = slugs.filter((slug) => articles.get(slug)?.topics.includes(topic)).map(explainerUrl);
		expect(sorted(new Set(listed))).toEqual(sorted(expected));
	});
});

describe('feed, sitemap and robots', () => {
	test('the RSS feed parses and carries each explainer with its dek, date and link', () => {
		const feed = xml.parse(readBuilt('rss.xml'));
		const items = [feed.rss.channel.item].flat() as {
			link: string;
			title: string;
			description: string;
			pubDate: string;
		}[];
		expect(sorted(items.map((item) => new URL(item.link).pathname))).toEqual(sorted(slugs.map(explainerUrl)));
		for (const [slug, article] of articles) {
			const item = items.find((entry) => new URL(entry.link).pathname === explainerUrl(slug));
			expect(asTyped(item?.title ?? ''), slug).toBe(asTyped(article.title));
			expect(asTyped(item?.description ?? ''), slug).toBe(asTyped(article.dek));
			expect(new Date(item?.pubDate ?? '').toISOString(), slug).toBe(new Date(String(article.published)).toISOString());
		}
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
	test.each(slugs)(
		'is one NewsArticle on the explainer %s, parsed from the page, with zoned dates and the actors',
		(slug) => {
			const article = articles.get(slug) ?? readArticleFrontmatter(slug);
			const $ = loadPage(explainerUrl(slug));
			const scripts = $('script[type="application/ld+json"]');
			expect(scripts).toHaveLength(1);
			const data = JSON.parse(scripts.text());
			expect(data['@type']).toBe('NewsArticle');
			expect(asTyped(data.headline)).toBe(asTyped(article.title));
			expect(data.datePublished).toMatch(/T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/);
			expect(data.publisher['@type']).toBe('NewsMediaOrganization');
			expect(data.isAccessibleForFree).toBe(true);
			expect(builtFileFor(data.image)).toBeDefined();
			const [first, ...rest] = article.actors;
			expect(asTyped(data.about.name)).toBe(asTyped(readActor(first ?? '').name));
			expect(data.mentions.map((actor: { name: string }) => asTyped(actor.name))).toEqual(
				rest.map((id) => asTyped(readActor(id).name)),
			);
			const types = [data.about, ...data.mentions].map((actor: { '@type': string }) => actor['@type']);
			expect(types).toEqual(
				article.actors.map((id) => (readActor(id)['kind'] === 'person' ? 'Person' : 'Organization')),
			);
		},
	);

	test('some explainer lists both a person and an organization, so both types are checked', () => {
		const types = new Set(
			slugs.flatMap((slug) => {
				const data = JSON.parse(loadPage(explainerUrl(slug))('script[type="application/ld+json"]').text());
				return [data.about, ...data.mentions].map((actor: { '@type': string }) => actor['@type']);
			}),
		);
		expect(types).toEqual(new Set(['Person', 'Organization']));
	});
});
