import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, describe, expect, test } from 'vitest';
import { contentCacheDir } from '../../src/utils/content-dir';
import { launchChromium } from '../helpers/browser';

const workspace = mkdtempSync(join(tmpdir(), 'dev-overlay-'));
const content = join(workspace, 'content');
const article = join(content, 'articles/story.mdx');
const port = 4500 + Math.floor(Math.random() * 400);
let server: ChildProcess | undefined;
let browser: Browser | undefined;

afterAll(async () => {
	await browser?.close();
	server?.kill();
	rmSync(workspace, { recursive: true, force: true });
	rmSync(contentCacheDir(content) ?? workspace, { recursive: true, force: true });
});

/**
 * The environment an editor's shell has. Not the test process's: Vitest and Astro's test config add variables
 * (VITEST, MODE, BASE_URL, ASSETS_PREFIX…) under which Astro's dev server serves no pages.
 */
function editorEnvironment(): NodeJS.ProcessEnv {
	const { PATH, HOME, LANG, TMPDIR } = process.env;
	return { PATH, HOME, LANG, TMPDIR };
}

/** Fetches the page until `accept` says the answer is the one awaited, or time runs out. */
async function fetchUntil(
	accept: (status: number, body: string) => boolean,
): Promise<{ status: number; body: string }> {
	let last = { status: 0, body: '' };
	for (let attempt = 0; attempt < 60; attempt++) {
		try {
			const response = await fetch(`http://127.0.0.1:${port}/explainers/story/`);
			last = { status: response.status, body: await response.text() };
			if (accept(last.status, last.body)) return last;
		} catch {
			// The server is still starting.
		}
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
	return last;
}

describe('astro dev', () => {
	test('shows a content problem with its place and fix, and clears once the file is fixed', async () => {
		cpSync(join(import.meta.dirname, '../fixtures/bad-content/_base'), content, { recursive: true });
		const valid = readFileSync(article, 'utf8');
		writeFileSync(article, valid.replace('speaker: dana-reyes', 'speaker: dana-reyez'));
		server = spawn(
			process.execPath,
			['node_modules/astro/bin/astro.mjs', 'dev', '--ignore-lock', '--host', '127.0.0.1', '--port', String(port)],
			{
				env: { ...editorEnvironment(), CONTENT_DIR: content, ASTRO_TELEMETRY_DISABLED: '1' },
				stdio: ['ignore', 'pipe', 'pipe'],
			},
		);

		let log = '';
		server.stdout?.on('data', (chunk) => (log += String(chunk)));
		server.stderr?.on('data', (chunk) => (log += String(chunk)));
		const broken = await fetchUntil((status) => status >= 500);
		expect(broken.status, log).toBe(500);

		// The dev server sends the error to the page's overlay over its websocket: read it as an editor sees it.
		browser = await launchChromium();
		const page = await browser.newPage();
		await page.goto(`http://127.0.0.1:${port}/explainers/story/`);
		const overlay = page.locator('vite-error-overlay');
		await overlay.waitFor({ state: 'attached', timeout: 20_000 });
		const shown = await overlay.evaluate((element) => element.shadowRoot?.textContent ?? '');
		expect(shown).toMatch(/story\.mdx:19:5 quotes\[0\]\.speaker: no actor "dana-reyez" — did you mean "dana-reyes"\?/);
		expect(shown).toContain('→ change it to "dana-reyes"');

		writeFileSync(article, valid);
		expect((await fetchUntil((status) => status === 200)).status).toBe(200);
		// Saving the fix reloads the open page by itself: the story replaces the overlay.
		await page.waitForFunction(
			() => document.querySelector('h1')?.textContent === 'The Northern Front pauses its attacks',
			null,
			{ timeout: 30_000 },
		);
		expect(await page.locator('vite-error-overlay').count()).toBe(0);
	}, 90_000);

	test('draws an explainer’s share image on request (a build writes them without a route)', async () => {
		if (!server) throw new Error('the dev server of the test above did not start');
		const response = await fetch(`http://127.0.0.1:${port}/explainers/story/share.png`);
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toBe('image/png');
		expect(
			Buffer.from(await response.arrayBuffer())
				.subarray(1, 4)
				.toString('latin1'),
		).toBe('PNG');
	}, 30_000);
});
