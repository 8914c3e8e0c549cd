/*
 * Security as the browser enforces it: every page carries a content security policy without 'unsafe-inline',
 * and a reader's browser reports no CSP violation, no console error and no failed request on any page (with a
 * pointer at 1280 px; one page of each kind also in dark mode and on a touch screen), in the states a reader
 * puts it in; and no request leaves 127.0.0.1. The watchers are first shown a violation and an off-host
 * request, to prove they see them.
 */
import type { Element } from 'domhandler';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { BASE, builtSiteDir, loadPage } from '../helpers/built-site';
import { servedSiteInChromium } from '../helpers/served-site';
import { VIEWPORTS, markReport, onePerKind, reportSince, watchedContext, type BrowserReport } from '../helpers/browser';
import { listSitePages, readerRequest } from '../helpers/static-server';

const pages = listSitePages(builtSiteDir(), { base: BASE });
const explainer = pages.find((page) => page.startsWith(`${BASE}explainers/`)) ?? `${BASE}explainers/`;

const site = servedSiteInChromium();

const READERS = {
	'1280 px, light, with a pointer': { viewport: VIEWPORTS.wide, colorScheme: 'light' },
	'1280 px, dark, with a pointer': { viewport: VIEWPORTS.wide, colorScheme: 'dark' },
	'375 px touch screen': { viewport: VIEWPORTS.narrow, hasTouch: true, isMobile: true },
} satisfies Record<string, BrowserContextOptions>;
type Reader = keyof typeof READERS;

/**
 * Opens a page in the reader's shared tab, does what a reader does there, and returns what the browser
 * reported meanwhile.
 */
async function visit(path: string, reader: Reader): Promise<BrowserReport> {
	const { page, report } = await site.readers.get(reader, READERS[reader]);
	const mark = markReport(report);
	const request = readerRequest(path, { base: BASE });
	const response = await page.goto(new URL(request.path, site.server.origin).href);
	expect(response?.status(), request.path).toBe(request.status);
	await readThrough(page, reader === '375 px touch screen');
	return reportSince(report, mark);
}

/** Checks a visit's report: nothing went wrong, and nothing was asked of another host. */
function expectCleanVisit(path: string, report: BrowserReport): void {
	// The 404 page's own status is the one failed response it may have, and the console reports it.
	const { path: reached, status } = readerRequest(path, { base: BASE });
	const own = `${status} ${new URL(reached, site.server.origin).href}`;
	expect(report.cspViolations).toEqual([]);
	expect(report.failedResponses).toEqual(status === 200 ? [] : [own]);
	expect(report.errors.filter((error) => !(status !== 200 && error.includes(`status of ${status}`)))).toEqual([]);
	expect(report.offHostRequests).toEqual([]);
	expect(report.requests.length).toBeGreaterThan(0);
	expect(report.requests.filter((url) => !url.startsWith(`${site.server.origin}/`))).toEqual([]);
}

async function open(path: string, options: BrowserContextOptions): Promise<{ page: Page; report: BrowserReport }> {
	const { context, report } = await watchedContext(site.browser, options);
	const page = await context.newPage();
	const request = readerRequest(path, { base: BASE });
	const response = await page.goto(new URL(request.path, site.server.origin).href);
	expect(response?.status(), request.path).toBe(request.status);
	return { page, report };
}

/** The policy of a built page's `<meta http-equiv="content-security-policy">`, directive by directive. */
function policyOf(path: string): { directives: Map<string, string[]>; metas: number; before: string[] } {
	const $ = loadPage(path);
	const metas = $('meta[http-equiv="content-security-policy" i]');
	const head = $('head').children().toArray();
	const metaIndex = head.findIndex(
		(element) => (element.attribs['http-equiv'] ?? '').toLowerCase() === 'content-security-policy',
	);
	// Elements that load or apply what the policy governs must come after it, or it does not cover them.
	const governed = (element: Element) =>
		['style', 'base'].includes(element.tagName) ||
		// Data blocks (JSON-LD and other non-script types) are never run, so the policy does not govern them.
		(element.tagName === 'script' &&
			/^((text|application)\/(java|ecma)script|module)?$/i.test(element.attribs['type'] ?? '')) ||
		(element.tagName === 'link' &&
			/\b(stylesheet|preload|modulepreload|prefetch|manifest)\b/i.test(element.attribs['rel'] ?? ''));
	const before = head
		.slice(0, Math.max(metaIndex, 0))
		.filter(governed)
		.map((element) => `<${element.tagName} ${element.attribs['rel'] ?? ''}>`);
	const directives = new Map(
		(metas.attr('content') ?? '')
			.split(';')
			.map((part) => part.trim().split(/\s+/))
			.filter(([name]) => name)
			.map(([name = '', ...sources]) => [name.toLowerCase(), sources]),
	);
	return { directives, metas: metas.length, before };
}

describe.each(pages)('the page %s', (path) => {
	test('declares a content security policy before anything it loads, with no unsafe source', () => {
		const { directives, metas, before } = policyOf(path);
		expect(metas).toBe(1);
		expect(before).toEqual([]);
		expect(directives.get('default-src')).toEqual(["'none'"]);
		expect(directives.has('script-src')).toBe(true);
		expect(directives.has('style-src')).toBe(true);
		const unsafe = [...directives].flatMap(([name, sources]) =>
			sources
				.filter(
					(source) => /^'unsafe-|^\*$|^https?:$|^data:$/.test(source) && !(name === 'img-src' && source === 'data:'),
				)
				.map((source) => `${name} ${source}`),
		);
		expect(unsafe).toEqual([]);
	});

	test('raises no CSP violation or console error and requests nothing off 127.0.0.1 (1280 px, light, with a pointer)', async () => {
		expectCleanVisit(path, await visit(path, '1280 px, light, with a pointer'));
	});
});

describe.each(onePerKind(pages, BASE))('the page %s, for its kind of page', (path) => {
	test.each(['1280 px, dark, with a pointer', '375 px touch screen'] as const)(
		'raises no CSP violation or console error and requests nothing off 127.0.0.1 (%s)',
		async (reader) => {
			expectCleanVisit(path, await visit(path, reader));
		},
	);
});

/** What a reader does on a page: scroll to the end, open a preview card (hover, focus or tap), print, return. */
async function readThrough(page: Page, touch: boolean): Promise<void> {
	await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
	const mention = page.locator('.mention').first();
	if ((await mention.count()) > 0) {
		if (touch) {
			await mention.locator('button.mention__toggle').tap();
			await page.touchscreen.tap(2, 2);
		} else {
			await mention.locator('a.mention__link').hover();
			await mention.locator('a.mention__link').focus();
		}
	}
	await page.emulateMedia({ media: 'print' });
	await page.emulateMedia({ media: 'screen' });
	// Let late work (images, fonts, favicon) finish and report.
	await page.waitForLoadState('networkidle');
}

describe('the watchers see what they must report', () => {
	test('an inline style and an inline script added to a page are blocked, and reported as CSP violations', async () => {
		const { page, report } = await open(explainer, { viewport: VIEWPORTS.wide });
		const applied = await page.evaluate(async () => {
			const style = document.createElement('style');
			style.textContent = 'body { outline: 7px solid red; }';
			document.head.append(style);
			const script = document.createElement('script');
			script.textContent = 'document.body.dataset.injected = "ran";';
			document.body.append(script);
			await new Promise((done) => setTimeout(done, 100));
			return { outline: getComputedStyle(document.body).outlineStyle, script: document.body.dataset['injected'] };
		});
		expect(applied).toEqual({ outline: 'none', script: undefined });
		expect(report.cspViolations.some((violation) => /style/i.test(violation))).toBe(true);
		expect(report.cspViolations.some((violation) => /script/i.test(violation))).toBe(true);
		await page.context().close();
	});

	test('an image from another host is blocked by the policy before any request', async () => {
		const { page, report } = await open(explainer, { viewport: VIEWPORTS.wide });
		await page.evaluate(
			() =>
				new Promise<void>((done) => {
					const image = new Image();
					image.onerror = () => done();
					image.src = 'https://example.org/pixel.png';
				}),
		);
		expect(report.cspViolations.some((violation) => violation.includes('example.org'))).toBe(true);
		expect(report.offHostRequests).toEqual([]);
		await page.context().close();
	});

	test('a request to another host from a page without a policy is recorded and aborted', async () => {
		const { context, report } = await watchedContext(site.browser, { viewport: VIEWPORTS.wide });
		const page = await context.newPage();
		await page.setContent('<img src="http://example.org/pixel.png" alt="">');
		await page.waitForLoadState('networkidle');
		expect(report.offHostRequests).toEqual(['http://example.org/pixel.png']);
		expect(
			await page.evaluate(() => (document.querySelector('img') as HTMLImageElement).naturalWidth),
			'the image never loaded',
		).toBe(0);
		await context.close();
	});
});
