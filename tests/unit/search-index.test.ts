import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { PagefindIndex } from 'pagefind';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { builtIndexFile, startSearchIndex } from '../../src/integrations/search-index';
import {
	indexRenderedPage,
	searchIndexTicket,
	stopSearchIndex,
	useSearchIndex,
	writeSearchIndex,
} from '../../src/utils/search-index';

let dir: string;

beforeEach(() => {
	dir = mkdtempSync(join(tmpdir(), 'search-index-'));
});

afterEach(async () => {
	await stopSearchIndex();
	rmSync(dir, { recursive: true, force: true });
});

const html = (title: string, body: string) =>
	new Response(`<!doctype html><html lang="en"><head><title>${title}</title></head><body>${body}</body></html>`, {
		headers: { 'content-type': 'text/html' },
	});

/** A stand-in for Pagefind that records the address of each page it is given, in order. */
async function useRecordingIndex(): Promise<string[]> {
	const received: string[] = [];
	const recorder = {
		addHTMLFile: async ({ url }: { url: string }) => {
			received.push(url);
			return { errors: [], file: { url, uniqueWords: 1, meta: {} } };
		},
		writeFiles: async () => ({ errors: [], outputPath: dir }),
		deleteIndex: async () => null,
	} as unknown as PagefindIndex;
	await useSearchIndex(recorder, '/');
	return received;
}

/** The pages of a written index: each fragment's address and text. */
function indexedPages(folder: string): { url: string; content: string }[] {
	const fragments = join(folder, 'fragment');
	return readdirSync(fragments).map((name) => {
		const text = gunzipSync(readFileSync(join(fragments, name))).toString('utf8');
		return JSON.parse(text.replace(/^pagefind_dcd/, '')) as { url: string; content: string };
	});
}

describe('the search index', () => {
	test('indexes the rendered pages that mark a part to index, by their address without the base path', async () => {
		await startSearchIndex({}, '/news/');
		indexRenderedPage(
			searchIndexTicket(),
			'/news/explainers/one/',
			html('One', '<article data-pagefind-body><p>Kataib Hezbollah</p></article>'),
		);
		indexRenderedPage(
			searchIndexTicket(),
			'/news/actors/two/',
			html('Two', '<article data-pagefind-body><p>Tehran</p></article>'),
		);
		indexRenderedPage(searchIndexTicket(), '/news/', html('Home', '<p>A listing of explainers</p>'));
		indexRenderedPage(
			searchIndexTicket(),
			'/news/rss.xml',
			new Response('<rss data-pagefind-body/>', { headers: { 'content-type': 'application/xml' } }),
		);
		const output = join(dir, 'pagefind');

		expect(await writeSearchIndex(output)).toBe(2);
		const pages = indexedPages(output).sort((a, b) => a.url.localeCompare(b.url));
		expect(pages.map((page) => page.url)).toEqual(['/actors/two/', '/explainers/one/']);
		expect(pages[1]?.content).toContain('Kataib Hezbollah');
		expect(readdirSync(output)).toContain('pagefind.js');
	});

	test('leaves the page it hands over readable by the build', async () => {
		await startSearchIndex({}, '/');
		const response = html('One', '<article data-pagefind-body>Text</article>');
		indexRenderedPage(searchIndexTicket(), '/explainers/one/', response);
		expect(await response.text()).toContain('Text');
		expect(await writeSearchIndex(join(dir, 'pagefind'))).toBe(1);
	});

	test('hands pages to Pagefind in the order they were requested, whatever order they finish rendering in', async () => {
		const received = await useRecordingIndex();
		const [first, second, third, fourth] = [
			searchIndexTicket(),
			searchIndexTicket(),
			searchIndexTicket(),
			searchIndexTicket(),
		];
		const page = (title: string) => html(title, '<article data-pagefind-body>Text</article>');
		indexRenderedPage(fourth, '/d/', page('D'));
		indexRenderedPage(second, '/b/', page('B'));
		indexRenderedPage(third, '/rss.xml', new Response('<rss/>', { headers: { 'content-type': 'application/xml' } }));
		indexRenderedPage(first, '/a/', page('A'));

		expect(await writeSearchIndex(join(dir, 'pagefind'))).toBe(3);
		expect(received).toEqual(['/a/', '/b/', '/d/']);
	});

	test('sends the pages after one that never came (its rendering failed) when the index is written', async () => {
		const received = await useRecordingIndex();
		searchIndexTicket();
		const [second, third] = [searchIndexTicket(), searchIndexTicket()];
		indexRenderedPage(third, '/c/', html('C', '<article data-pagefind-body>Text</article>'));
		indexRenderedPage(second, '/b/', html('B', '<article data-pagefind-body>Text</article>'));

		expect(await writeSearchIndex(join(dir, 'pagefind'))).toBe(2);
		expect(received).toEqual(['/b/', '/c/']);
	});

	test('hands nothing over when no build started an index (the dev server), and cannot write one', async () => {
		expect(searchIndexTicket()).toBeUndefined();
		expect(() =>
			indexRenderedPage(undefined, '/explainers/one/', html('One', '<article data-pagefind-body>Text</article>')),
		).not.toThrow();
		await expect(writeSearchIndex(join(dir, 'pagefind'))).rejects.toThrow('No search index was started');
	});

	test('fails when no rendered page reached it at all, as when the middleware does not run', async () => {
		await startSearchIndex({}, '/');
		await expect(writeSearchIndex(join(dir, 'pagefind'))).rejects.toThrow('No rendered page reached the search index');
	});

	test('fails with every page it could not read', async () => {
		await startSearchIndex({}, '/');
		const broken = html('One', 'x');
		Object.defineProperty(broken, 'clone', { value: () => ({ text: () => Promise.reject(new Error('stream cut')) }) });
		indexRenderedPage(searchIndexTicket(), '/explainers/one/', broken);
		await expect(writeSearchIndex(join(dir, 'pagefind'))).rejects.toThrow('/explainers/one/: Error: stream cut');
	});
});

describe('the dev server’s search index files', () => {
	test('are the files inside the built index folder, and nothing outside it', () => {
		const folder = join(dir, 'pagefind');
		mkdirSync(join(folder, 'fragment'), { recursive: true });
		writeFileSync(join(folder, 'pagefind.js'), '');
		writeFileSync(join(folder, 'fragment', 'a.pf_fragment'), '');
		writeFileSync(join(dir, 'secret.txt'), '');

		expect(builtIndexFile(folder, 'pagefind.js')).toBe(join(folder, 'pagefind.js'));
		expect(builtIndexFile(folder, 'fragment/a.pf_fragment')).toBe(join(folder, 'fragment', 'a.pf_fragment'));
		expect(builtIndexFile(folder, 'missing.js')).toBeUndefined();
		expect(builtIndexFile(folder, 'fragment')).toBeUndefined();
		expect(builtIndexFile(folder, '')).toBeUndefined();
		expect(builtIndexFile(folder, '../secret.txt')).toBeUndefined();
	});
});
