import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { contentCacheDir } from '../../src/utils/content-dir';

/**
 * A build must be right whatever its cache holds. Two builds of one content folder, sharing Astro's content cache
 * as an editor's builds do: between them an explainer is renamed by letter case only, which keeps its id. Astro's
 * store kept the entry with the old file name, and the second build stopped, unable to resolve its story.
 */
const workspace = mkdtempSync(join(tmpdir(), 'stale-cache-'));
const content = join(workspace, 'content');
const outDir = join(workspace, 'dist');
const run = promisify(execFile);

const build = () =>
	run(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build', '--outDir', outDir], {
		env: { ...process.env, CONTENT_DIR: content, ASTRO_TELEMETRY_DISABLED: '1' },
	});

beforeAll(async () => {
	cpSync(resolve('tests/fixtures/actors-over-time'), content, { recursive: true });
	await build();
}, 240_000);

afterAll(() => {
	rmSync(workspace, { recursive: true, force: true });
	rmSync(contentCacheDir(content) ?? workspace, { recursive: true, force: true });
});

test('an explainer renamed by letter case only builds again, at the same address', async () => {
	const articles = join(content, 'articles');
	renameSync(join(articles, 'patrols-begin.mdx'), join(articles, 'Patrols-Begin.mdx'));
	await expect(build()).resolves.toBeDefined();
	const page = join(outDir, 'explainers/patrols-begin/index.html');
	expect(existsSync(page)).toBe(true);
	expect(readFileSync(page, 'utf8')).toContain('<h1');
}, 240_000);
