/*
 * The site as a reader walks it over HTTP: from the home page, every internal link answers 200 from the host
 * (at the URL written, trailing slash included), and every page of the site is reachable by links. That each
 * link and #fragment names a built file and id is checked on the built HTML (tests/build/every-page.test.ts,
 * tests/build/no-scripts-no-third-parties.test.ts); this walks what a host serves.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { load } from 'cheerio';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { BASE, builtSiteDir } from '../helpers/built-site';
import { listSitePages, startStaticServer, type StaticServer } from '../helpers/static-server';

let server: StaticServer;

beforeAll(async () => {
	server = await startStaticServer(builtSiteDir(), { base: BASE });
});

afterAll(async () => {
	await server?.close();
});

/** Walks the site's links from the home page; returns each URL reached (path) and the links that failed. */
async function crawl(): Promise<{ reached: Set<string>; broken: string[] }> {
	const reached = new Set<string>();
	const broken: string[] = [];
	const queue: { url: string; from: string }[] = [{ url: new URL(BASE, server.origin).href, from: '(start)' }];
	const queued = new Set(queue.map((item) => item.url));
	while (queue.length > 0) {
		const { url, from } = queue.shift() as { url: string; from: string };
		const response = await fetch(url, { redirect: 'manual' });
		if (response.status !== 200) {
			broken.push(`${response.status} ${new URL(url).pathname} (linked from ${from})`);
			continue;
		}
		const path = new URL(url).pathname;
		reached.add(path);
		if (!(response.headers.get('content-type') ?? '').startsWith('text/html')) continue;
		const $ = load(await response.text());
		for (const element of $('a[href], area[href], link[href]').toArray()) {
			const target = new URL(element.attribs['href'] ?? '', url);
			if (target.origin !== server.origin) continue;
			target.hash = '';
			if (queued.has(target.href)) continue;
			queued.add(target.href);
			queue.push({ url: target.href, from: path });
		}
	}
	return { reached, broken };
}

test('every internal link answers 200 from the host, and every page is reachable from the home page', async () => {
	const { reached, broken } = await crawl();
	expect(broken).toEqual([]);
	expect(reached.size).toBeGreaterThan(1);
	const pages = listSitePages(builtSiteDir(), { base: BASE }).filter((page) => !page.endsWith('/404.html'));
	expect(
		pages.filter((page) => !reached.has(page)),
		'pages no link leads to',
	).toEqual([]);
});

test('the host answers a missing page with 404 and a page without its trailing slash with a redirect to it', async () => {
	const missing = await fetch(new URL(`${BASE}no-such-page/`, server.origin), { redirect: 'manual' });
	expect(missing.status).toBe(404);
	const page = listSitePages(builtSiteDir(), { base: BASE }).find((path) => path !== BASE && path.endsWith('/'));
	if (!page) throw new Error('The site has no page below its home page');
	const slashless = await fetch(new URL(page.slice(0, -1), server.origin), { redirect: 'manual' });
	expect(slashless.status).toBe(301);
	expect(slashless.headers.get('location')).toBe(page);
});

test('the list of pages is the sitemap’s when the site has one, else every built page, and the 404 page', () => {
	const dir = mkdtempSync(join(tmpdir(), 'site-pages-'));
	try {
		const write = (path: string, text: string) => {
			mkdirSync(join(dir, path, '..'), { recursive: true });
			writeFileSync(join(dir, path), text);
		};
		write('index.html', '<!doctype html>');
		write('explainers/a/index.html', '<!doctype html>');
		write('explainers/b/index.html', '<!doctype html>');
		write('404.html', '<!doctype html>');
		expect(listSitePages(dir)).toEqual(['/', '/404.html', '/explainers/a/', '/explainers/b/']);

		// Once built, the sitemap decides: here it leaves out /explainers/b/ and adds an actor page.
		write(
			'sitemap-index.xml',
			'<?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">' +
				'<sitemap><loc>https://example.org/news/sitemap-0.xml</loc></sitemap></sitemapindex>',
		);
		write(
			'sitemap-0.xml',
			'<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">' +
				'<url><loc>https://example.org/news/</loc></url><url><loc>https://example.org/news/explainers/a/</loc></url>' +
				'<url><loc>https://example.org/news/actors/x/</loc></url></urlset>',
		);
		expect(listSitePages(dir, { base: '/news/' })).toEqual([
			'/news/',
			'/news/404.html',
			'/news/actors/x/',
			'/news/explainers/a/',
		]);
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
});
