import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { promisify } from 'node:util';
import { load, type CheerioAPI } from 'cheerio';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { SITE } from '../../src/site';
import { contentCacheDir } from '../../src/utils/content-dir';
import { isMentionCardScript } from '../helpers/built-site';

/**
 * Builds the small fixture site once more, as a newsroom would deploy it under a sub-path, with a headline written
 * to break out of the JSON-LD script element.
 */
const HOSTILE_TITLE = '</script><script>alert(1)</script> & <b>bold</b> \u2028 pauses';
const BASE = '/news/';
const workspace = mkdtempSync(join(tmpdir(), 'hostile-base-'));
const outDir = join(workspace, 'dist');

beforeAll(async () => {
	const content = join(workspace, 'content');
	cpSync(join(import.meta.dirname, '../fixtures/bad-content/_base'), content, { recursive: true });
	const article = join(content, 'articles/story.mdx');
	const text = readFileSync(article, 'utf8').replace(
		'title: The Northern Front pauses its attacks',
		`title: ${JSON.stringify(HOSTILE_TITLE)}`,
	);
	writeFileSync(article, text);
	const { PATH, HOME, LANG } = process.env;
	await promisify(execFile)(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build', '--outDir', outDir], {
		env: { PATH, HOME, LANG, CONTENT_DIR: content, SITE_BASE: BASE, ASTRO_TELEMETRY_DISABLED: '1' },
	});
}, 180_000);

afterAll(() => {
	rmSync(workspace, { recursive: true, force: true });
	rmSync(contentCacheDir(join(workspace, 'content')) ?? workspace, { recursive: true, force: true });
});

/** Every address a page gives: links and sources, the share cards' meta tags, and the structured data's strings. */
function linkedUrls($: CheerioAPI): string[] {
	const attributes = $('[href], [src]')
		.toArray()
		.map((element) => $(element).attr('href') ?? $(element).attr('src') ?? '');
	const meta = $('meta[property^="og:"], meta[name^="twitter:"]')
		.toArray()
		.map((element) => $(element).attr('content') ?? '')
		.filter((content) => /^https?:/.test(content));
	const data = $('script[type="application/ld+json"]')
		.toArray()
		.flatMap((script) => stringsIn(JSON.parse($(script).text())))
		.filter((text) => /^https?:/.test(text));
	return [...attributes, ...meta, ...data];
}

const stringsIn = (value: unknown): string[] =>
	typeof value === 'string'
		? [value]
		: value && typeof value === 'object'
			? Object.values(value).flatMap(stringsIn)
			: [];

const pages = () =>
	(function walk(dir: string): string[] {
		return readdirSync(dir).flatMap((name) => {
			const path = join(dir, name);
			return statSync(path).isDirectory() ? walk(path) : path.endsWith('.html') ? [path] : [];
		});
	})(outDir).filter((file) => !file.includes(`${sep}pagefind${sep}`));

describe('a headline that tries to end the script element', () => {
	test('stays inside the JSON-LD, which parses back to the exact headline', () => {
		const $ = load(readFileSync(join(outDir, 'explainers/story/index.html'), 'utf8'));
		const data = $('script[type="application/ld+json"]');
		// The page's only other script is the mention cards' Escape, which holds no content.
		const others = $('script:not([type="application/ld+json"])').toArray();
		expect(others.filter((script) => !isMentionCardScript($(script).text()))).toEqual([]);
		expect(data).toHaveLength(1);
		expect(JSON.parse(data.text()).headline).toBe(HOSTILE_TITLE);
		expect($('h1').text()).toBe(HOSTILE_TITLE);
		expect($('head meta[http-equiv="content-security-policy"]')).toHaveLength(1);
		expect($('b')).toHaveLength(0);
	});
});

describe('the site under a sub-path', () => {
	test('links every page, asset and feed under the base path, and each resolves to a built file', () => {
		const site = new URL(SITE.url);
		let absolute = 0;
		for (const file of pages()) {
			const $ = load(readFileSync(file, 'utf8'));
			const page = `/${relative(outDir, file).split(sep).join('/')}`;
			for (const url of linkedUrls($)) {
				if (/^(mailto:|#|data:)/.test(url)) continue;
				const resolved = new URL(url, new URL(page, site));
				// Another site's address: not this build's to resolve.
				if (resolved.origin !== site.origin) continue;
				if (/^https?:/.test(url)) absolute += 1;
				else expect(url.startsWith(BASE), `${page}: ${url}`).toBe(true);
				expect(resolved.pathname.startsWith(BASE), `${page}: ${url}`).toBe(true);
				const path = resolved.pathname.slice(BASE.length);
				const target = join(outDir, path.endsWith('/') || path === '' ? `${path}index.html` : path);
				expect(existsSync(target), `${page}: ${url}`).toBe(true);
			}
		}
		// The canonical links, the share cards' addresses and the structured data name the site's full addresses.
		expect(absolute).toBeGreaterThan(0);
	});

	test('points the feed and robots.txt at URLs under the base path', () => {
		expect(readFileSync(join(outDir, 'robots.txt'), 'utf8')).toContain(`/news/sitemap-index.xml`);
		expect(readFileSync(join(outDir, 'rss.xml'), 'utf8')).toContain('/news/explainers/story/');
	});
});
