import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium, readerPages } from './browser';
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
