import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { launchChromium, readerPages, watchedContext, type BrowserReport } from './browser';
import { BASE, builtSiteDir } from './built-site';
import { startStaticServer, type StaticServer } from './static-server';

/**
 * The built site served from 127.0.0.1 and a Chromium to read it with, for the tests of one file: both start
 * before the file's tests and close after them, with the reader tabs the file opened ({@link readerPages}).
 */
export function servedSiteInChromium(): {
	readonly browser: Browser;
	readonly server: StaticServer;
	readonly readers: ReturnType<typeof readerPages>;
} {
	let browser: Browser | undefined;
	let server: StaticServer | undefined;
	const readers = readerPages(() => started(browser, 'the browser'));
	beforeAll(async () => {
		server = await startStaticServer(builtSiteDir(), { base: BASE });
		browser = await launchChromium();
	});
	afterAll(async () => {
		await readers.closeAll();
		await browser?.close();
		await server?.close();
	});
	return {
		get browser() {
			return started(browser, 'the browser');
		},
		get server() {
			return started(server, 'the static server');
		},
		readers,
	};
}

function started<T>(value: T | undefined, what: string): T {
	if (value === undefined) throw new Error(`${what} is used before the file's beforeAll started it`);
	return value;
}

/**
 * Opens a page of the served site in a fresh watched context, expecting it to answer 200; each context's report goes
 * to `reports`, for the file to check after each journey.
 */
export function pageOpener(site: ReturnType<typeof servedSiteInChromium>, reports: BrowserReport[]) {
	return async (path: string, options: Parameters<typeof watchedContext>[1]): Promise<Page> => {
		const { context, report } = await watchedContext(site.browser, options);
		reports.push(report);
		const page = await context.newPage();
		const response = await page.goto(new URL(path, site.server.origin).href);
		expect(response?.status(), path).toBe(200);
		return page;
	};
}
