/*
 * Search in Chromium, by keyboard only: the search page requests nothing of Pagefind (and no script file) until
 * the reader types or submits; an actor's alias that an explainer's story uses finds the explainer; the count is
 * announced in the live region; the result opens with Enter. No content security policy violation, console
 * error or failed request on the way. Every other page loads no script at all.
 */
import type { Page, Request } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import {
	BASE,
	isMentionCardScript,
	articleSlugs,
	asTyped,
	builtSiteDir,
	explainerUrl,
	indexedPages,
	readActor,
	readArticleFrontmatter,
	readArticleStory,
	searchWords,
} from '../helpers/built-site';
import { servedSiteInChromium } from '../helpers/served-site';
import { VIEWPORTS, tabUntil, watchedContext, type BrowserReport } from '../helpers/browser';
import { listSitePages } from '../helpers/static-server';

const SEARCH = `${BASE}search/`;
/**
 * What the reader searches for, from the content: a one-word alias of an actor that an explainer's story names them
 * by (as "Tehran" for Iran), the one found on the fewest pages of the index, so the explainer is among the few
 * results however many explainers there are; and that explainer.
 */
const { term: TERM, slug: FOUND_SLUG } = (() => {
	const index = indexedPages().map((page) => new Set(searchWords(page.content)));
	const candidates = articleSlugs().flatMap((slug) => {
		const story = readArticleStory(slug);
		return readArticleFrontmatter(slug).actors.flatMap((id) =>
			(readActor(id).aliases ?? [])
				.filter((alias) => /^\p{L}{4,}$/u.test(alias))
				.filter((alias) => new RegExp(`(?<![\\p{L}\\p{N}])${alias}(?![\\p{L}\\p{N}])`, 'u').test(story))
				.map((term) => ({ term, slug, pages: index.filter((words) => words.has(term.toLowerCase())).length }))
				.filter((candidate) => candidate.pages > 0),
		);
	});
	candidates.sort((a, b) => a.pages - b.pages || a.term.localeCompare(b.term) || a.slug.localeCompare(b.slug));
	return candidates[0] ?? { term: '', slug: '' };
})();
const FOUND = explainerUrl(FOUND_SLUG);
const FOUND_TITLE = FOUND_SLUG ? readArticleFrontmatter(FOUND_SLUG).title : '';

const site = servedSiteInChromium();

interface Opened {
	page: Page;
	report: BrowserReport;
	/** Every script the page requested (files, modules, workers), in order. */
	scripts: string[];
}

async function open(path: string, options: Parameters<typeof watchedContext>[1] = {}): Promise<Opened> {
	const { context, report } = await watchedContext(site.browser, { viewport: VIEWPORTS.wide, ...options });
	const scripts: string[] = [];
	context.on('request', (request: Request) => {
		if (['script', 'worker'].includes(request.resourceType())) scripts.push(request.url());
	});
	const page = await context.newPage();
	const response = await page.goto(new URL(path, site.server.origin).href);
	expect(response?.status(), path).toBe(200);
	await page.waitForLoadState('networkidle');
	return { page, report, scripts };
}

const pagefindRequests = (report: BrowserReport) => report.requests.filter((url) => url.includes('/pagefind/'));

/** Nothing went wrong in the browser: no violation, no console error, no failed request, nothing off the machine. */
function expectCleanReport(report: BrowserReport): void {
	expect(report.cspViolations).toEqual([]);
	expect(report.errors).toEqual([]);
	expect(report.failedResponses).toEqual([]);
	expect(report.offHostRequests).toEqual([]);
}

/** The live region's text once it says how many results (or none) a search found. */
async function announced(page: Page): Promise<string> {
	const status = page.getByRole('status');
	await expect
		.poll(async () => (await status.textContent()) ?? '', { timeout: 10_000 })
		.toMatch(/results? for|No results/);
	return (await status.textContent()) ?? '';
}

test('some explainer’s story names an actor by a one-word alias, for the reader to search for', () => {
	expect(TERM).not.toBe('');
});

describe(`the search page ${SEARCH}`, () => {
	test('requests nothing of Pagefind, and no script file, until the reader uses the form', async () => {
		const { page, report, scripts } = await open(SEARCH);
		// A reader looks and moves around the page without searching.
		await page.mouse.move(200, 200);
		await page.keyboard.press('Tab');
		await page.waitForLoadState('networkidle');
		expect(pagefindRequests(report)).toEqual([]);
		expect(scripts).toEqual([]);
		expect(await page.getByRole('list', { name: 'Search results' }).count(), 'the empty list is hidden').toBe(0);
		expectCleanReport(report);
		await page.context().close();
	});

	test(`finds an explainer by an actor’s alias (“${TERM}”), typed and submitted with the keyboard, and opens it with Enter`, async () => {
		const { page, report, scripts } = await open(SEARCH);
		// The form is a search landmark, its field reached by Tab and named by its label.
		expect(await page.getByRole('search').count()).toBe(1);
		await tabUntil(page, 'input[type="search"]');
		const field = page.getByRole('searchbox', { name: /search explainers/i });
		expect(await field.evaluate((element) => element === document.activeElement)).toBe(true);
		expect(pagefindRequests(report), 'focus alone loads nothing').toEqual([]);

		await page.keyboard.type(TERM);
		await page.keyboard.press('Enter');
		expect(await announced(page)).toMatch(new RegExp(`^\\d+ results? for “${TERM}”`));
		expect(pagefindRequests(report).length, 'Pagefind loaded once used').toBeGreaterThan(0);
		expect(scripts.every((url) => url.includes('/pagefind/'))).toBe(true);
		expect(new URL(page.url()).searchParams.get('q'), 'the address keeps the search').toBe(TERM);

		const results = page.getByRole('list', { name: 'Search results' });
		const link = results.locator(`a[href="${FOUND}"]`);
		expect(await link.count()).toBe(1);
		expect(asTyped(await link.innerText())).toBe(asTyped(FOUND_TITLE));
		// The count in the live region is the number of results in the list.
		const count = Number(/^(\d+)/.exec(await page.getByRole('status').innerText())?.[1]);
		expect(await results.getByRole('listitem').count()).toBe(count);
		expect(await results.getByRole('heading', { level: 2 }).count()).toBe(count);
		expect(await results.locator('mark').first().innerText()).toMatch(new RegExp(`^${TERM}`, 'i'));

		await tabUntil(page, `.search-result a[href="${FOUND}"]`);
		await Promise.all([page.waitForURL(new URL(FOUND, site.server.origin).href), page.keyboard.press('Enter')]);
		expect(asTyped(await page.getByRole('heading', { level: 1 }).innerText())).toBe(asTyped(FOUND_TITLE));
		expectCleanReport(report);
		await page.context().close();
	});

	test(`searches as the reader types, and announces the count: “${TERM}” finds the explainer`, async () => {
		const { page, report } = await open(SEARCH, { viewport: VIEWPORTS.narrow });
		await tabUntil(page, 'input[type="search"]');
		await page.keyboard.type(TERM, { delay: 30 });
		expect(await announced(page)).toMatch(new RegExp(`^\\d+ results? for “${TERM}”\\.$`));
		const link = page.getByRole('list', { name: 'Search results' }).locator(`a[href="${FOUND}"]`);
		expect(await link.count()).toBe(1);
		expectCleanReport(report);
		await page.context().close();
	});

	test('says so when nothing matches, and empties the list when the field is cleared', async () => {
		const { page, report } = await open(SEARCH);
		await tabUntil(page, 'input[type="search"]');
		await page.keyboard.type(TERM);
		await page.keyboard.press('Enter');
		await announced(page);
		await page.keyboard.press('ControlOrMeta+A');
		await page.keyboard.type('qzxwvj');
		await page.keyboard.press('Enter');
		await expect.poll(() => page.getByRole('status').innerText()).toMatch(/^No results for “qzxwvj”/);
		expect(await page.locator('[data-search-results] li').count()).toBe(0);
		expect(await page.locator('[data-search-results]').isHidden()).toBe(true);
		await page.keyboard.press('ControlOrMeta+A');
		await page.keyboard.press('Backspace');
		await expect.poll(() => page.getByRole('status').innerText()).toBe('');
		expectCleanReport(report);
		await page.context().close();
	});

	test('shows the results of a shared link (?q=) on arrival', async () => {
		const { page, report } = await open(`${SEARCH}?q=${encodeURIComponent(TERM)}`);
		expect(await announced(page)).toMatch(new RegExp(`^\\d+ results? for “${TERM}”`));
		expect(await page.getByRole('searchbox').inputValue()).toBe(TERM);
		expect(await page.locator(`[data-search-results] a[href="${FOUND}"]`).count()).toBe(1);
		expectCleanReport(report);
		await page.context().close();
	});

	test('without JavaScript, says that search needs it and links to the explainers', async () => {
		const { page, report } = await open(SEARCH, { javaScriptEnabled: false });
		const note = page.getByText(/Search needs JavaScript/);
		expect(await note.isVisible()).toBe(true);
		expect(await page.getByRole('link', { name: 'the home page' }).getAttribute('href')).toBe(BASE);
		await page.getByRole('searchbox').fill(TERM);
		await Promise.all([page.waitForURL((url) => url.searchParams.get('q') === TERM), page.keyboard.press('Enter')]);
		expect(await page.getByText(/Search needs JavaScript/).isVisible()).toBe(true);
		expect(report.cspViolations).toEqual([]);
		expect(report.failedResponses).toEqual([]);
		await page.context().close();
	});
});

describe('every other page', () => {
	const pages = listSitePages(builtSiteDir(), { base: BASE }).filter((page) => page !== SEARCH);

	test('requests no script and runs none but an explainer’s mention-card Escape, not even from search', async () => {
		expect(pages.length).toBeGreaterThan(0);
		const { context, report } = await watchedContext(site.browser, { viewport: VIEWPORTS.wide });
		const scripts: string[] = [];
		context.on('request', (request: Request) => {
			if (['script', 'worker'].includes(request.resourceType())) scripts.push(request.url());
		});
		const page = await context.newPage();
		const running: string[] = [];
		for (const path of pages) {
			await page.goto(new URL(path, site.server.origin).href);
			const code = await page.evaluate(() =>
				[...document.scripts]
					.filter((script) => script.type.toLowerCase() !== 'application/ld+json')
					.map((script) => (script.src ? `src ${script.src}` : (script.textContent ?? ''))),
			);
			const explainer = path.startsWith(`${BASE}explainers/`);
			if (code.some((text) => !(explainer && isMentionCardScript(text)))) running.push(path);
		}
		expect(scripts).toEqual([]);
		expect(running).toEqual([]);
		expect(pagefindRequests(report)).toEqual([]);
		await context.close();
	});
});
