import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
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

/** The Pagefind process whose parent is `pid`, from /proc (Linux), once it runs Pagefind's binary. */
function pagefindChildOf(pid: number): number | undefined {
	const numbers = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
	const found = numbers.find((name) => {
		try {
			// The parent's pid is the 4th field of a process's stat, counted after the parenthesised command name.
			const parent = Number(readFileSync(`/proc/${name}/stat`, 'utf8').split(') ')[1]?.split(' ')[1]);
			return parent === pid && readFileSync(`/proc/${name}/comm`, 'utf8').startsWith('pagefind');
		} catch {
			return false;
		}
	});
	return found === undefined ? undefined : Number(found);
}

describe('the search index when Pagefind’s process dies', () => {
	test.runIf(process.platform === 'linux')(
		'fails with the reason instead of leaving the build to end as if it had passed (Linux only: SIGSTOP, /proc)',
		async () => {
			// Node runs the module itself (its type stripping), as a build's process would import it.
			const script = `
				const { writeSearchIndex } = await import(${JSON.stringify(resolve('src/search/pagefind-index.ts'))});
				await writeSearchIndex(${JSON.stringify(RECORDS)}, ${JSON.stringify(join(dir, 'index'))}).then(
					(pages) => console.log('indexed', pages),
					(error) => { console.log('failed:', error.message); process.exitCode = 3; },
				);`;
			const child = spawn(process.execPath, ['--input-type=module', '--eval', script], {
				stdio: ['ignore', 'pipe', 'pipe'],
			});
			let output = '';
			child.stdout.on('data', (chunk) => (output += String(chunk)));
			child.stderr.on('data', (chunk) => (output += String(chunk)));
			const exited = new Promise<number | null>((done) => child.once('exit', done));
			const pagefind = await vi.waitFor(
				() => {
					const pid = pagefindChildOf(child.pid!);
					expect(pid, output).toBeDefined();
					return pid!;
				},
				{ timeout: 20_000, interval: 2 },
			);
			// Stopped before it answers, so the script's first message waits in the pipe; then killed, as a crash or
			// the kernel's out-of-memory killer would: no answer ever comes.
			process.kill(pagefind, 'SIGSTOP');
			await new Promise((done) => setTimeout(done, 300));
			process.kill(pagefind, 'SIGKILL');
			expect(await exited, output).toBe(3);
			expect(output).toContain("failed: Pagefind's process ended without answering");
		},
		30_000,
	);
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
