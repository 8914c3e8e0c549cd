import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify, stripVTControlCharacters } from 'node:util';
import { afterAll, describe, expect, test } from 'vitest';
import { contentCacheDir } from '../../src/utils/content-dir';
import { buildWarnings } from '../../src/build/build-warnings';

const run = promisify(execFile);
const workspace = mkdtempSync(join(tmpdir(), 'build-guards-'));
afterAll(() => {
	rmSync(workspace, { recursive: true, force: true });
	rmSync(contentCacheDir(join(workspace, 'content')) ?? workspace, { recursive: true, force: true });
});

type LogHook = (level: string, log: { code?: string; message: string }) => boolean | undefined;

/** The plugin's hooks as Vite would call them, for a command and mode. */
function warningsPlugin(command: 'build' | 'serve', mode = 'production'): LogHook {
	const plugin = buildWarnings();
	(plugin.configResolved as (config: unknown) => void)({ command, mode });
	return plugin.onLog as unknown as LogHook;
}

describe('build warnings', () => {
	const headInject = {
		code: 'MODULE_LEVEL_DIRECTIVE',
		message: 'The semantics of the module level directive "use astro:head-inject" in "x.mdx" may not be preserved',
	};

	test('drop the harmless head-inject directive warning of every MDX module', () => {
		expect(warningsPlugin('build')('warn', headInject)).toBe(false);
		expect(warningsPlugin('serve')('warn', headInject)).toBe(false);
	});

	test('fail a production build on any other warning, even of the same code', () => {
		const other = {
			code: 'MODULE_LEVEL_DIRECTIVE',
			message: 'The module level directive "use foo" may not be preserved',
		};
		expect(() => warningsPlugin('build')('warn', other)).toThrow(/Build warning treated as an error: .*"use foo"/);
	});

	test('let other warnings through in the dev server, where they show and do not stop work', () => {
		expect(warningsPlugin('serve')('warn', { code: 'SOMETHING', message: 'heads up' })).toBeUndefined();
	});
});

/** Runs `astro build` of `content` into `outDir`: whether it failed, and what it printed. */
async function buildOf(content: string, outDir: string) {
	return run(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build', '--outDir', outDir], {
		env: { ...process.env, CONTENT_DIR: content, ASTRO_TELEMETRY_DISABLED: '1' },
	}).then(
		() => ({ failed: false, output: '' }),
		(error: { stdout: string; stderr: string }) => ({ failed: true, output: error.stdout + error.stderr }),
	);
}

/** The valid test content in `name/`, its story edited by `edit`, and an output folder holding a previous build. */
function brokenSite(name: string, edit: (story: string) => string) {
	const content = join(workspace, name, 'content');
	cpSync(join(import.meta.dirname, '../fixtures/bad-content/_base'), content, { recursive: true });
	const article = join(content, 'articles/story.mdx');
	writeFileSync(article, edit(readFileSync(article, 'utf8')));
	const outDir = join(workspace, name, 'dist');
	mkdirSync(outDir);
	writeFileSync(join(outDir, 'index.html'), '<p>the previous build</p>');
	return { content, outDir };
}

/**
 * Astro's account of the stop points at the content: its location is the report's first error, in the content
 * folder, and it has no stack trace of the code that stopped the build.
 */
const locatedAtContent = (coloured: string, place: string) => {
	// Astro colours its output where the terminal (or CI) takes colours.
	const output = stripVTControlCharacters(coloured);
	expect(output).toMatch(new RegExp(`Location:\\s+/\\S*/content/${place.replaceAll('.', '\\.')}\\s`));
	expect(output).not.toMatch(/Stack trace|src\/checks\//);
};

const keptPreviousBuild = (outDir: string) => {
	expect(readFileSync(join(outDir, 'index.html'), 'utf8')).toBe('<p>the previous build</p>');
	expect(existsSync(`${outDir}.staging`)).toBe(false);
};

describe('astro build with broken content', () => {
	test('stops with every problem located, the fields’ and the story’s, and leaves the previous dist/ untouched', async () => {
		const { content, outDir } = brokenSite('fields', (story) =>
			story
				.replace('speaker: dana-reyes', 'speaker: dana-reyez')
				.replace('  - ostland\n', '  - ostlnd\n')
				.replace('[timeline](#timeline)', '[timeline](#timelines)'),
		);
		const result = await buildOf(content, outDir);

		expect(result.failed).toBe(true);
		expect(result.output).toMatch(
			/articles\/story\.mdx:12:5 actors\[2\]: no actor "ostlnd" — did you mean "ostland"\?/,
		);
		expect(result.output).toMatch(/articles\/story\.mdx:\d+:5 quotes\[0\]\.speaker: no actor "dana-reyez"/);
		expect(result.output).toMatch(/articles\/story\.mdx:37:42 .*the page has no anchor "#timelines"/);
		locatedAtContent(result.output, 'articles/story.mdx:12:5');
		keptPreviousBuild(outDir);
	}, 120_000);

	test('stops on a story’s problem alone before a page is written, and leaves the previous dist/ untouched', async () => {
		const { content, outDir } = brokenSite('story', (story) =>
			story.replace('text: We pause our operations today', 'text: We pause all our operations today'),
		);
		const result = await buildOf(content, outDir);

		expect(result.failed).toBe(true);
		expect(result.output).toMatch(
			/articles\/story\.mdx:20:5 quotes\[0\]\.text: these words do not appear word for word in the story/,
		);
		// The checks ran while Astro compiled the stories, and stopped it before it wrote a bundle or rendered a page.
		expect(result.output).toMatch(/Building static entrypoints/);
		expect(result.output).not.toMatch(/✓ built in|generating static routes/);
		locatedAtContent(result.output, 'articles/story.mdx:20:5');
		keptPreviousBuild(outDir);
	}, 120_000);

	test('stops on a story Astro’s compiler cannot parse with the checks’ report: that story’s line and every other problem', async () => {
		const { content, outDir } = brokenSite('syntax', (story) =>
			story.replace('## Why it matters', '## Why it matters\n\nA stray <brace { here.'),
		);
		// A second explainer whose fields are right and whose story misquotes: a problem only the story checks see.
		const story = readFileSync(join(content, 'articles/story.mdx'), 'utf8');
		writeFileSync(
			join(content, 'articles/second.mdx'),
			story
				// A headline of its own: two explainers may not share one.
				.replace(/^title: .*$/m, 'title: A second explainer')
				.replace('A stray <brace { here.', '')
				.replace('text: We pause our operations today', 'text: We pause all our operations today'),
		);
		const result = await buildOf(content, outDir);

		expect(result.failed).toBe(true);
		expect(result.output).toMatch(/2 errors and 0 warnings in the content/);
		expect(result.output).toMatch(/articles\/story\.mdx:\d+:\d+ MDX syntax error/);
		expect(result.output).toMatch(/articles\/second\.mdx:20:5 quotes\[0\]\.text: these words do not appear/);
		locatedAtContent(result.output, 'articles/second.mdx:20:5');
		keptPreviousBuild(outDir);
	}, 120_000);
});
