import { describe, expect, test } from 'vitest';
import {
	articleSlugs,
	asTyped,
	byId,
	describeElement,
	explainerUrl,
	loadPage,
	readActor,
	readArticleFrontmatter,
	storyText,
	words,
} from '../helpers/built-site';

/** Every explainer, however many: each one's frontmatter is the source of truth for what its page must show. */
const slugs = articleSlugs();

/** A list in words, the way the page credits sources: "A", "A and B", "A, B and C". */
const inWords = (items: string[]) =>
	items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;

/** The mention links of the story, in reading order, as [mention id, href]. */
function mentionLinks($: ReturnType<typeof loadPage>): [string, string][] {
	return $('a.mention__link')
		.toArray()
		.map((link) => [link.attribs['id'] ?? '', link.attribs['href'] ?? '']);
}

// The tests' own explainer (tests/fixtures/test-build/), part of every test build, has each of these, so the tests
// below always meet one whatever content/ holds.
test('some explainer has what these tests check: mentions in its story, a pull quote, another quote, a translated one', () => {
	const articles = slugs.map(readArticleFrontmatter);
	expect(slugs.some((slug) => mentionLinks(loadPage(explainerUrl(slug))).length > 0)).toBe(true);
	expect(articles.some((article) => article.quotes.some((quote) => quote.pull))).toBe(true);
	expect(articles.some((article) => article.quotes.some((quote) => !quote.pull))).toBe(true);
	expect(articles.some((article) => article.quotes.some((quote) => quote.translated))).toBe(true);
});

describe.each(slugs)('the explainer %s', (slug) => {
	const PAGE = explainerUrl(slug);
	const article = readArticleFrontmatter(slug);

	describe('Who’s who', () => {
		test('has a glossary entry #actor-<id> for every actor the frontmatter lists, headed by the actor’s name', () => {
			const $ = loadPage(PAGE);
			expect(article.actors.length).toBeGreaterThan(0);
			const found = article.actors.map((id) => {
				const entry = byId($, `actor-${id}`);
				return {
					id,
					entries: entry.length,
					inWhosWho: entry.closest('#whos-who').length === 1,
					heading: asTyped(entry.find('h3, h4, h5, h6').first().text()),
				};
			});
			expect(found).toEqual(
				article.actors.map((id) => ({ id, entries: 1, inWhosWho: true, heading: asTyped(readActor(id).name) })),
			);
		});

		test('lists no actor the frontmatter does not list', () => {
			const $ = loadPage(PAGE);
			const entries = $('#whos-who [id^="actor-"]')
				.toArray()
				.map((entry) => entry.attribs['id']?.replace(/^actor-/, ''));
			expect(entries.sort()).toEqual([...article.actors].sort());
		});

		test('has every mention link point to the glossary entry of a listed actor', () => {
			const $ = loadPage(PAGE);
			const links = mentionLinks($);
			const stray = links.filter(([id, href]) => {
				const actor = /^#actor-(.+)$/.exec(href)?.[1];
				return (
					!id ||
					!actor ||
					!article.actors.includes(actor) ||
					byId($, `actor-${actor}`).closest('#whos-who').length !== 1
				);
			});
			expect(stray).toEqual([]);
		});

		test('links every entry’s “In the story” numbers back to existing mentions of that actor, in reading order', () => {
			const $ = loadPage(PAGE);
			const mentionsOf = (actor: string) =>
				mentionLinks($)
					.filter(([, href]) => href === `#actor-${actor}`)
					.map(([id]) => `#${id}`);
			const backLinks = article.actors.map((actor) => ({
				actor,
				links: byId($, `actor-${actor}`)
					.find('.entry__mentions a[href]')
					.toArray()
					.map((link) => link.attribs['href']),
			}));
			expect(backLinks).toEqual(article.actors.map((actor) => ({ actor, links: mentionsOf(actor) })));
		});

		test('has every mention id appear among its actor’s “In the story” links', () => {
			const $ = loadPage(PAGE);
			const missing = mentionLinks($).filter(([id, href]) => {
				const entry = byId($, href.slice(1));
				return !entry
					.find('.entry__mentions a')
					.toArray()
					.some((link) => link.attribs['href'] === `#${id}`);
			});
			expect(missing).toEqual([]);
		});

		test('labels each “In the story” link with the actor and the mention’s number', () => {
			const $ = loadPage(PAGE);
			const unlabelled = $('#whos-who .entry__mentions a')
				.toArray()
				.filter((link) => !/\S/.test(link.attribs['aria-label'] ?? $(link).text()))
				.map((link) => describeElement($, link));
			expect(unlabelled).toEqual([]);
		});
	});

	describe('Who said what', () => {
		test.each(article.quotes.map((quote) => [quote.id, quote] as const))(
			'renders the quote %s as #quote-<id> with its exact text, once',
			(id, quote) => {
				const $ = loadPage(PAGE);
				const element = byId($, `quote-${id}`);
				expect(element).toHaveLength(1);
				const text = element
					.find(quote.pull ? 'blockquote' : 'q')
					.first()
					.text()
					.trim();
				// The page may wrap the words in quotation marks and set typographic punctuation; the words are exact.
				expect(asTyped(text).replace(/^"|"$/g, '')).toBe(asTyped(quote.text));
			},
		);

		test.each(article.quotes.map((quote) => [quote.id, quote] as const))(
			'attributes the quote %s with a link to its speaker’s glossary entry',
			(id, quote) => {
				const $ = loadPage(PAGE);
				const speakers = byId($, `quote-${id}`).find('a.attribution__speaker');
				expect(speakers.toArray().map((link) => link.attribs['href'])).toEqual([`#actor-${quote.speaker}`]);
				expect(byId($, `actor-${quote.speaker}`)).toHaveLength(1);
				expect(asTyped(speakers.text())).toBe(asTyped(readActor(quote.speaker).name));
			},
		);

		test('shows pull quotes as <figure> with <blockquote> and <figcaption> holding the attribution, and the others as <q>', () => {
			const $ = loadPage(PAGE);
			const shapes = article.quotes.map((quote) => {
				const element = byId($, `quote-${quote.id}`);
				return {
					id: quote.id,
					tag: element.prop('tagName')?.toLowerCase(),
					blockquote: element.children('blockquote').length,
					figcaption: element.children('figcaption').length,
					attributionInCaption: element.find('figcaption a.attribution__speaker').length,
					q: element.find('q').length,
				};
			});
			expect(shapes).toEqual(
				article.quotes.map((quote) =>
					quote.pull
						? { id: quote.id, tag: 'figure', blockquote: 1, figcaption: 1, attributionInCaption: 1, q: 0 }
						: {
								id: quote.id,
								tag: expect.not.stringMatching(/^figure$/),
								blockquote: 0,
								figcaption: 0,
								attributionInCaption: 0,
								q: 1,
							},
				),
			);
		});

		test('says “Translated” on translated quotes, and only on them', () => {
			const $ = loadPage(PAGE);
			const marked = article.quotes.map((quote) => [
				quote.id,
				/\bTranslated\b/.test(byId($, `quote-${quote.id}`).text()),
			]);
			expect(marked).toEqual(article.quotes.map((quote) => [quote.id, quote.translated === true]));
		});
		test('separates the setting, the date and “Translated” with spaces in every attribution', () => {
			const $ = loadPage(PAGE);
			const glued = article.quotes
				.map((quote) => words(byId($, `quote-${quote.id}`).find('.attribution__context').text()))
				.filter((text) => !/^[^,]+, \S/.test(text) || /\S·/.test(text));
			expect(glued).toEqual([]);
		});
	});

	describe('the article header', () => {
		test('shows the headline as the one h1', () => {
			const $ = loadPage(PAGE);
			expect(
				$('h1')
					.toArray()
					.map((h1) => asTyped($(h1).text())),
			).toEqual([asTyped(article.title)]);
		});

		test('shows the published date as <time datetime> with the exact moment', () => {
			const $ = loadPage(PAGE);
			const published = new Date(article.published).toISOString();
			const time = $('main article header time').filter((_, element) => element.attribs['datetime'] === published);
			expect(time).toHaveLength(1);
			expect(words(time.parent().text())).toMatch(/^Published \d{1,2} \w+ \d{4}/);
		});

		test('shows the reading time in whole minutes, at a plausible reading speed for the story', () => {
			const $ = loadPage(PAGE);
			const spans = $('main article header span').toArray();
			const minutes = Number(
				spans.map((span) => /^(\d+) min read$/.exec(words($(span).text()))?.[1]).find((found) => found),
			);
			const count = words(storyText($)).split(' ').length;
			// Adults read news prose at roughly 150 to 300 words a minute.
			expect(minutes).toBeGreaterThanOrEqual(Math.max(1, Math.floor(count / 300)));
			expect(minutes).toBeLessThanOrEqual(Math.max(1, Math.ceil(count / 150)));
		});

		test('credits the sources in words, e.g. “Sources: AP, EFE and Reuters”', () => {
			const $ = loadPage(PAGE);
			const label = article.sources.length === 1 ? 'Source' : 'Sources';
			const credit = `${label}: ${inWords(article.sources.map((source) => source.name))}`;
			const spans = $('main article header span')
				.toArray()
				.map((span) => words($(span).text()));
			expect(spans).toContain(credit);
		});
	});
});
