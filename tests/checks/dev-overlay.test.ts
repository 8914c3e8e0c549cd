import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, describe, expect, test } from 'vitest';
import { contentCacheDir } from '../../src/utils/content-dir';
import { badContentFor } from '../helpers/bad-content';
import { launchChromium } from '../helpers/browser';

const workspace = mkdtempSync(join(tmpdir(), 'dev-overlay-'));
const content = join(workspace, 'content');
const article = join(content, 'articles/story.mdx');
const port = 4500 + Math.floor(Math.random() * 400);
let server: ChildProcess | undefined;
/** What the server printed, for the failure messages. */
let log = '';
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

/**
 * Makes the content folder hold what `source` holds, file by file, as an editor's saves would: changed files
 * written, new ones added, missing ones deleted. The server sees only the files that differ.
 */
function saveAs(source: string): void {
	const names = (dir: string) =>
		readdirSync(dir, { recursive: true, withFileTypes: true })
			.filter((entry) => entry.isFile())
			.map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1));
	const wanted = new Set(names(source));
	for (const name of names(content)) if (!wanted.has(name)) rmSync(join(content, name));
	for (const name of wanted) {
		const bytes = readFileSync(join(source, name));
		let current: Buffer | undefined;
		try {
			current = readFileSync(join(content, name));
		} catch {
			current = undefined;
		}
		if (!current?.equals(bytes)) cpSync(join(source, name), join(content, name));
	}
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
		// Its code view is the story at that line, with a link to open it in the editor; no stack of our code.
		const code = await overlay.evaluate((element) => ({
			file: element.shadowRoot?.querySelector('#code header h2')?.textContent,
			code: element.shadowRoot?.querySelector('#code-content')?.textContent ?? '',
			stack: element.shadowRoot?.querySelector('#stack-content')?.textContent ?? '',
		}));
		expect(code.file).toBe('articles/story.mdx:19:5');
		expect(code.code).toContain('speaker: dana-reyez');
		expect(code.stack).not.toMatch(/middleware|src\/checks\//);

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

	test('survives broken saves of every kind, names each in the overlay, and recovers when put back', async () => {
		if (!server || server.exitCode !== null) throw new Error('the dev server of the tests above is not running');
		if (!browser) throw new Error('the browser of the tests above did not start');
		const base = join(import.meta.dirname, '../fixtures/bad-content/_base');
		const page = await browser.newPage();
		await page.goto(`http://127.0.0.1:${port}/explainers/story/`);
		/**
		 * Waits for the open page to show what `shows` looks for. The page reloads itself on a save of a file it depends
		 * on; for a file it does not (a new `.md`) the editor reloads it, as here after a while, and again when the
		 * overlay's error, which the server sends once the page's socket connects, came before it did (under load).
		 */
		const waitForPage = async (shows: (message: string) => boolean, message = '') => {
			const deadline = Date.now() + 60_000;
			for (;;) {
				try {
					await page.waitForFunction(shows, message, { timeout: 10_000, polling: 250 });
					return;
				} catch (error) {
					if (Date.now() > deadline) throw error;
					await page.reload().catch(() => undefined);
				}
			}
		};
		const overlayNames = (message: string) =>
			document.querySelector('vite-error-overlay')?.shadowRoot?.textContent?.includes(message) === true;
		const storyShows = () =>
			!document.querySelector('vite-error-overlay') &&
			document.querySelector('h1')?.textContent === 'The Northern Front pauses its attacks';
		for (const name of [
			'story-expression-runs-code',
			'story-script-element',
			'story-javascript-link',
			'story-imports-a-package',
			'mdx-unclosed-tag',
			'yaml-bad-indentation',
			'non-utf8',
			'explainer-saved-as-md',
			'duplicate-slug',
		]) {
			const { dir, spec } = badContentFor(name, join(workspace, 'cases'));
			saveAs(dir);
			const stuck = (step: string) => async (error: unknown) => {
				const { status } = await fetchUntil(() => true);
				const shown = await page.evaluate(() =>
					(
						document.querySelector('vite-error-overlay')?.shadowRoot?.textContent ??
						document.body?.innerText ??
						''
					).slice(0, 600),
				);
				throw new Error(
					`${name}, ${step}: the server answers ${status}, the page shows "${shown}"; the server printed ${log.slice(-1500)}`,
					{ cause: error },
				);
			};
			// The overlay sets the message's `code` as code: its text has no backticks.
			await waitForPage(overlayNames, spec.expect.message?.replaceAll('`', '')).catch(stuck('broken'));
			expect(server.exitCode, name).toBeNull();
			saveAs(base);
			await waitForPage(storyShows).catch(stuck('put back'));
		}
		await page.close();
	}, 400_000);
});
