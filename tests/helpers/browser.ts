/*
 * Browser tests drive Debian's Chromium through playwright-core: no browser is ever downloaded. One browser per
 * test file (launch it in `beforeAll`, close it in `afterAll`); a context per reader (width, colour scheme, touch).
 */
import { accessSync, constants, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';

/** Where the browser tests leave screenshots and other artifacts (gitignored). */
export const ARTIFACTS_DIR = resolve('test-results', 'browser');

/** The switches from the project's browser recipe: headless, quiet, nothing fetched by the browser itself. */
export const CHROMIUM_ARGS = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--no-first-run',
	'--disable-quic',
];

/** The two widths every reader journey runs at: a small phone and a laptop. */
export const VIEWPORTS = {
	narrow: { width: 375, height: 667 },
	wide: { width: 1280, height: 800 },
} as const;

/** Chromium's path: `CHROME_PATH`, else Debian's `/usr/bin/chromium`. Throws, never skips, when it is missing. */
export function chromiumPath(): string {
	const path = process.env['CHROME_PATH'] || '/usr/bin/chromium';
	try {
		accessSync(path, constants.X_OK);
	} catch {
		const where = process.env['CI'] === 'true' ? 'CI' : 'This machine';
		throw new Error(
			`${where} has no Chromium at ${path}, so the browser tests cannot run. Install Debian's ` +
				'(`apt-get install chromium`; `.ci/run` does it in CI) or point CHROME_PATH at a Chromium. ' +
				'The tests never download a browser.',
		);
	}
	return path;
}

/** Launches the machine's Chromium, headless. */
export async function launchChromium(): Promise<Browser> {
	return chromium.launch({ executablePath: chromiumPath(), headless: true, args: CHROMIUM_ARGS });
}

/** What the browser reported while a context's pages were open. Every list is empty on a healthy page. */
export interface BrowserReport {
	/** Console messages of type error, and uncaught page errors. */
	errors: string[];
	/** Content security policy violations, as the console reports them. */
	cspViolations: string[];
	/** Requests to any host but 127.0.0.1: recorded and aborted, so nothing leaves the machine. */
	offHostRequests: string[];
	/** Responses with an error status (4xx, 5xx), as `STATUS url`. */
	failedResponses: string[];
	/** Every URL requested, in order. */
	requests: string[];
}

const CSP_MESSAGE = /content security policy/i;

/**
 * A browser context whose pages are watched: console errors, CSP violations, failed responses and requests.
 * Requests to any host but 127.0.0.1 are aborted and recorded. Contexts reduce motion unless told otherwise, so
 * fragment links jump instead of scrolling smoothly and the tests need not wait for animations.
 */
export async function watchedContext(
	browser: Browser,
	options: BrowserContextOptions = {},
): Promise<{ context: BrowserContext; report: BrowserReport }> {
	const context = await browser.newContext({ reducedMotion: 'reduce', ...options });
	const report: BrowserReport = {
		errors: [],
		cspViolations: [],
		offHostRequests: [],
		failedResponses: [],
		requests: [],
	};
	await context.route('**/*', async (route) => {
		const url = new URL(route.request().url());
		if (url.hostname === '127.0.0.1') return route.continue();
		report.offHostRequests.push(url.href);
		return route.abort('blockedbyclient');
	});
	context.on('request', (request) => report.requests.push(request.url()));
	context.on('response', (response) => {
		if (response.status() >= 400) report.failedResponses.push(`${response.status()} ${response.url()}`);
	});
	context.on('console', (message) => {
		const text = `${message.text()} (${message.location().url || 'no URL'})`;
		if (CSP_MESSAGE.test(message.text())) report.cspViolations.push(text);
		if (message.type() === 'error') report.errors.push(text);
	});
	context.on('weberror', (error) => report.errors.push(`Uncaught: ${error.error().message}`));
	return { context, report };
}

/** A reader's view of the state of an element: shown (rendered with a size) and where. */
export async function isShown(page: Page, selector: string): Promise<boolean> {
	return page.locator(selector).first().isVisible();
}

/** Saves a full-page screenshot under {@link ARTIFACTS_DIR} and returns its path. */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
	mkdirSync(ARTIFACTS_DIR, { recursive: true });
	const path = join(ARTIFACTS_DIR, `${name}.png`);
	await page.screenshot({ path, fullPage: true });
	return path;
}

/** Presses Tab until `matches` holds for the focused element, at most `limit` times; fails when it never does. */
export async function tabUntil(page: Page, matches: string, limit = 300): Promise<void> {
	for (let presses = 0; presses < limit; presses++) {
		await page.keyboard.press('Tab');
		if (await page.evaluate((selector) => document.activeElement?.matches(selector) ?? false, matches)) return;
	}
	throw new Error(`No element matching ${matches} took the focus in ${limit} presses of Tab`);
}

/** axe-core's tags for the WCAG 2.2 A and AA success criteria (2.2 adds AA rules only; axe has no wcag22a). */
export const WCAG_22_AA_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** An axe violation as one line per failing element, for readable test failures. */
export function describeViolations(
	violations: { id: string; help: string; nodes: { target: unknown[]; failureSummary?: string | undefined }[] }[],
): string[] {
	return violations.flatMap((violation) =>
		violation.nodes.map(
			(node) =>
				`${violation.id} (${violation.help}) at ${node.target.join(' ')}: ${(node.failureSummary ?? '').replace(/\s+/g, ' ')}`,
		),
	);
}

/**
 * One page of each kind, to test what depends on a page's template rather than its content: the first page,
 * by URL, of each kind. A kind is the first path segment and the depth (`/actors/` and `/actors/x/` differ);
 * the home page and the 404 page are kinds of their own.
 */
export function onePerKind(pages: readonly string[], base = '/'): string[] {
	const kinds = new Map<string, string>();
	for (const page of [...pages].sort()) {
		const segments = page.slice(base.length).split('/').filter(Boolean);
		const kind = segments.length === 0 ? 'home' : `${segments[0]}:${segments.length}`;
		if (!kinds.has(kind)) kinds.set(kind, page);
	}
	return [...kinds.values()];
}

/**
 * One watched page per kind of reader, created on first use and reused by every test in a file that asks for
 * the same reader: navigating is much cheaper than a new context. Close them all with `closeAll()`.
 */
export function readerPages(browser: () => Browser) {
	const open = new Map<string, Promise<{ page: Page; report: BrowserReport }>>();
	return {
		async get(name: string, options: BrowserContextOptions): Promise<{ page: Page; report: BrowserReport }> {
			let entry = open.get(name);
			if (!entry) {
				entry = watchedContext(browser(), options).then(async ({ context, report }) => ({
					page: await context.newPage(),
					report,
				}));
				open.set(name, entry);
			}
			return entry;
		},
		async closeAll(): Promise<void> {
			await Promise.all([...open.values()].map(async (entry) => (await entry).page.context().close()));
			open.clear();
		},
	};
}

/** The entries a report gained since `mark` (taken with `markReport`). */
export function reportSince(report: BrowserReport, mark: Record<keyof BrowserReport, number>): BrowserReport {
	return {
		errors: report.errors.slice(mark.errors),
		cspViolations: report.cspViolations.slice(mark.cspViolations),
		offHostRequests: report.offHostRequests.slice(mark.offHostRequests),
		failedResponses: report.failedResponses.slice(mark.failedResponses),
		requests: report.requests.slice(mark.requests),
	};
}

/** How long each list of a report is now, to read what a later step adds with {@link reportSince}. */
export function markReport(report: BrowserReport): Record<keyof BrowserReport, number> {
	return {
		errors: report.errors.length,
		cspViolations: report.cspViolations.length,
		offHostRequests: report.offHostRequests.length,
		failedResponses: report.failedResponses.length,
		requests: report.requests.length,
	};
}
