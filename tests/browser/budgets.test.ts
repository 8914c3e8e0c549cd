/*
 * Byte and loading budgets: an explainer's HTML and the CSS it needs fit in 14,600 bytes with brotli (about the
 * first round trip of a new connection), measured on the lightest explainer so that the page's frame and styles
 * are what is held to it, not the length of a story an editor writes; every explainer reads without JavaScript;
 * every image has its size and lazy-loads below the fold. The measured sizes of every explainer are written to
 * test-results/browser/budgets.json.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { BASE, builtFileFor, builtSiteDir, loadPage, pageUrl } from '../helpers/built-site';
import { servedSiteInChromium } from '../helpers/served-site';
import { ARTIFACTS_DIR, VIEWPORTS, watchedContext } from '../helpers/browser';
import { listSitePages, readerRequest } from '../helpers/static-server';

/** Ten TCP segments of 1,460 bytes: what a server sends before the first acknowledgement. */
const FIRST_ROUND_TRIP_BYTES = 14_600;

const pages = listSitePages(builtSiteDir(), { base: BASE });
const explainers = pages.filter((page) => page.startsWith(`${BASE}explainers/`));

const site = servedSiteInChromium();

const brotli = (bytes: Buffer) =>
	brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY } }).length;

/** The stylesheet files a CSS text imports, resolved against the URL it was loaded from. */
function importedStylesheets(css: string, from: URL): string[] {
	return [...css.matchAll(/@import\s+(?:url\()?\s*['"]?([^'")\s]+)/gi)].flatMap((match) => {
		const file = builtFileFor(new URL(match[1] ?? '', from));
		return file ? [file, ...importedStylesheets(readFileSync(file, 'utf8'), new URL(match[1] ?? '', from))] : [];
	});
}

/** What a reader's browser loads to render an explainer before anything else: its HTML and the CSS it needs. */
function firstRoundTrip(path: string) {
	const htmlFile = builtFileFor(path);
	if (!htmlFile) throw new Error(`${path} was not built`);
	const $ = loadPage(path);
	// Inline <style> is part of the HTML; linked stylesheets (and what they import) are responses of their own.
	const stylesheets = $('link[rel~="stylesheet"][href]')
		.toArray()
		.flatMap((link) => {
			const url = new URL(link.attribs['href'] ?? '', pageUrl(path));
			const file = builtFileFor(url);
			if (!file) throw new Error(`${url.href} is linked but was not built`);
			return [file, ...importedStylesheets(readFileSync(file, 'utf8'), url)];
		});
	const files = [htmlFile, ...new Set(stylesheets)].map((file) => {
		const bytes = readFileSync(file);
		return { file: file.slice(builtSiteDir().length), raw: bytes.length, brotli: brotli(bytes) };
	});
	return { page: path, brotliTotal: files.reduce((sum, size) => sum + size.brotli, 0), files };
}

describe('the explainers', () => {
	test(`send their HTML and the CSS they need in at most ${FIRST_ROUND_TRIP_BYTES.toLocaleString('en')} bytes with brotli, the lightest of them`, () => {
		expect(explainers.length).toBeGreaterThan(0);
		const measured = explainers.map(firstRoundTrip).sort((a, b) => a.brotliTotal - b.brotliTotal);
		mkdirSync(ARTIFACTS_DIR, { recursive: true });
		writeFileSync(
			join(ARTIFACTS_DIR, 'budgets.json'),
			`${JSON.stringify({ budget: FIRST_ROUND_TRIP_BYTES, lightestFirst: measured }, null, '\t')}\n`,
		);
		for (const { page, files } of measured) {
			expect(files[0]?.brotli, `${page}: the HTML is compressed at all`).toBeLessThan(files[0]?.raw ?? 0);
		}
		const [lightest] = measured;
		expect(lightest?.brotliTotal, JSON.stringify(lightest)).toBeLessThanOrEqual(FIRST_ROUND_TRIP_BYTES);
	});
});

/** The text a reader sees, section by section, and whether the mention cards open on keyboard focus. */
async function readerView(page: Page) {
	return page.evaluate(() => ({
		text: document.body.innerText,
		sections: [...document.querySelectorAll('main h1, main h2')]
			.filter((heading) => heading.checkVisibility())
			.map((heading) => heading.textContent?.trim()),
	}));
}

describe.each(explainers)('the explainer %s', (path) => {
	test('reads the same without JavaScript: all its text and sections, and its preview cards open', async () => {
		const read = async (javaScriptEnabled: boolean) => {
			const { context } = await watchedContext(site.browser, { viewport: VIEWPORTS.narrow, javaScriptEnabled });
			const page = await context.newPage();
			const scripts: string[] = [];
			page.on('request', (request) => {
				if (request.resourceType() === 'script') scripts.push(request.url());
			});
			await page.goto(new URL(path, site.server.origin).href);
			const view = await readerView(page);
			let card: boolean | undefined;
			if ((await page.locator('a.mention__link').count()) > 0) {
				await page.locator('a.mention__link').first().focus();
				await page.keyboard.press('Shift+Tab');
				await page.keyboard.press('Tab');
				card = await page.locator('.mention:has(a:focus) .mention__card').isVisible();
			}
			await context.close();
			return { ...view, card, scripts };
		};
		const [withScript, without] = [await read(true), await read(false)];
		expect(withScript.scripts, 'the page requests no script').toEqual([]);
		expect(without.sections.length).toBeGreaterThan(3);
		expect(without.sections).toEqual(withScript.sections);
		expect(without.text).toEqual(withScript.text);
		expect(without.text.length).toBeGreaterThan(1000);
		if (loadPage(path)('a.mention__link').length > 0) {
			expect(without.card, 'a mention’s card opens on keyboard focus without JavaScript').toBe(true);
		}
	});
});

test('some explainer has a mention, whose card is opened without JavaScript above', () => {
	expect(explainers.some((path) => loadPage(path)('a.mention__link').length > 0)).toBe(true);
});

/**
 * Runs in the page: every image without a width and height, or loading eagerly below the fold, or lazily above
 * it (which delays the largest paint). The fold is the viewport's height, measured before any scroll.
 */
function imageProblems(): string[] {
	const fold = window.innerHeight;
	return [...document.images].flatMap((image) => {
		const name = image.getAttribute('src') ?? image.currentSrc;
		const problems: string[] = [];
		for (const attribute of ['width', 'height']) {
			if (!/^[1-9]\d*$/.test(image.getAttribute(attribute) ?? '')) problems.push(`${name} has no ${attribute}`);
		}
		const top = image.getBoundingClientRect().top + window.scrollY;
		const lazy = image.getAttribute('loading') === 'lazy';
		if (top >= fold && !lazy) problems.push(`${name} is below the fold but not loading="lazy"`);
		if (top < fold && lazy) problems.push(`${name} is above the fold but loading="lazy"`);
		return problems;
	});
}

describe('images', () => {
	const readers: { name: string; options: BrowserContextOptions }[] = [
		{ name: '375 px', options: { viewport: VIEWPORTS.narrow } },
		{ name: '1280 px', options: { viewport: VIEWPORTS.wide } },
	];

	test('the image check finds images without a size and images that load eagerly below the fold', async () => {
		const { context } = await watchedContext(site.browser, { viewport: VIEWPORTS.narrow });
		const page = await context.newPage();
		await page.setContent(
			'<img src="a.png" alt="" width="10" height="10">' +
				'<div style="height: 2000px"></div>' +
				'<img src="b.png" alt="">' +
				'<img src="c.png" alt="" width="10" height="10" loading="lazy">',
		);
		expect(await page.evaluate(imageProblems)).toEqual([
			'b.png has no width',
			'b.png has no height',
			'b.png is below the fold but not loading="lazy"',
		]);
		await context.close();
	});

	describe.each(pages)('on the page %s', (path) => {
		test.each(readers)('have a width and height and load lazily below the fold at $name', async ({ name, options }) => {
			const { page } = await site.readers.get(name, options);
			await page.goto(new URL(readerRequest(path, { base: BASE }).path, site.server.origin).href);
			expect(await page.evaluate(imageProblems)).toEqual([]);
		});
	});
});
