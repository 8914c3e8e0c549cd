import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { builtIndexFile } from '../../src/search/integration';
import { writeSearchIndex } from '../../src/search/pagefind-index';
import type { SearchRecord } from '../../src/search/records';

let dir: string;

beforeEach(() => {
	dir = mkdtempSync(join(tmpdir(), 'search-index-'));
});

afterEach(() => {
	rmSync(dir, { recursive: true, force: true });
});

/** The pages of a written index: each fragment's address, title and text. */
function indexedPages(folder: string): { url: string; meta: { title?: string }; content: string }[] {
	const fragments = join(folder, 'fragment');
	return readdirSync(fragments).map((name) => {
		const text = gunzipSync(readFileSync(join(fragments, name))).toString('utf8');
		return JSON.parse(text.replace(/^pagefind_dcd/, '')) as { url: string; meta: { title?: string }; content: string };
	});
}

/** Every file of a folder, by path, with its bytes. */
function filesOf(folder: string): Record<string, string> {
	const files = readdirSync(folder, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
	return Object.fromEntries(
		files.map((entry) => {
			const path = join(entry.parentPath, entry.name);
			return [path.slice(folder.length), readFileSync(path).toString('base64')];
		}),
	);
}

const RECORDS: SearchRecord[] = [
	{ url: '/explainers/one/', title: 'One', content: 'One\nKataib Hezbollah suspends attacks' },
	{ url: '/actors/two/', title: 'Two', content: 'Two\nThe government in Tehran' },
];

describe('the search index', () => {
	test('holds each record by its address and title, with its text, and the browser API the search page loads', async () => {
		const output = join(dir, 'pagefind');

		expect(await writeSearchIndex(RECORDS, output)).toBe(2);
		const pages = indexedPages(output).sort((a, b) => a.url.localeCompare(b.url));
		expect(pages.map(({ url, meta }) => ({ url, title: meta.title }))).toEqual([
			{ url: '/actors/two/', title: 'Two' },
			{ url: '/explainers/one/', title: 'One' },
		]);
		expect(pages[1]?.content).toContain('Kataib Hezbollah suspends attacks');
		expect(readdirSync(output)).toContain('pagefind.js');
	});

	test('is the same, file for file, when the same records are indexed again', async () => {
		await writeSearchIndex(RECORDS, join(dir, 'first'));
		await writeSearchIndex(RECORDS, join(dir, 'second'));
		expect(filesOf(join(dir, 'second'))).toEqual(filesOf(join(dir, 'first')));
	});

	test('fails with the reason when its folder cannot be made, instead of waiting for Pagefind for ever', async () => {
		writeFileSync(join(dir, 'taken'), '');
		await expect(writeSearchIndex(RECORDS, join(dir, 'taken', 'pagefind'))).rejects.toThrow(/ENOTDIR|EEXIST/);
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
