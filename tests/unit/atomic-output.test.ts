import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { AstroConfig } from 'astro';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import atomicOutput from '../../src/build/atomic-output';

let dir: string;
let dist: string;

beforeEach(() => {
	dir = mkdtempSync(join(tmpdir(), 'atomic-output-'));
	dist = join(dir, 'dist');
});

afterEach(() => {
	rmSync(dir, { recursive: true, force: true });
});

const page = (outDir: string) => readFileSync(join(outDir, 'index.html'), 'utf8');

/**
 * Runs the integration's hooks as `astro build` would, writing `html` as the build's only page into the folder it is
 * given; a build that `fails` stops after its pages, before its last hook.
 */
async function build(html: string, { fails = false } = {}): Promise<void> {
	const { hooks } = atomicOutput();
	let outDir: URL = pathToFileURL(`${dist}/`);
	const setup = hooks['astro:config:setup'] as unknown as (options: object) => Promise<void>;
	await setup({
		command: 'build',
		config: { outDir } as Partial<AstroConfig>,
		updateConfig: (config: { outDir: URL }) => (outDir = config.outDir),
	});
	const written = fileURLToPath(outDir);
	mkdirSync(written, { recursive: true });
	writeFileSync(join(written, 'index.html'), html);
	if (fails) return;
	const done = hooks['astro:build:done'] as unknown as (options: object) => Promise<void>;
	await done({});
}

describe('the atomic output', () => {
	test('builds beside dist/ and swaps the new output in only at the end', async () => {
		await build('first');
		expect(page(dist)).toBe('first');
		await build('second');
		expect(page(dist)).toBe('second');
		expect(existsSync(`${dist}.staging`)).toBe(false);
	});

	test('keeps the output it replaced as dist.previous/ until the next build removes it', async () => {
		await build('first');
		expect(existsSync(`${dist}.previous`)).toBe(false);
		await build('second');
		expect(page(`${dist}.previous`)).toBe('first');
		await build('third');
		expect(page(`${dist}.previous`)).toBe('second');
	});

	test('leaves dist/ as it was when a build fails', async () => {
		await build('first');
		await build('broken', { fails: true });
		expect(page(dist)).toBe('first');
		await build('fixed');
		expect(page(dist)).toBe('fixed');
		expect(existsSync(`${dist}.staging`)).toBe(false);
	});
});
