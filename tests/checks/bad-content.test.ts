import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, test } from 'vitest';
import { contentCacheDir } from '../../src/utils/content-dir';
import { BAD_CONTENT_FIXTURES, badContentCases, badContentFor, type BadContentCase } from '../helpers/bad-content';

const fixtures = BAD_CONTENT_FIXTURES;
const names = badContentCases();
const workspace = mkdtempSync(join(tmpdir(), 'bad-content-'));
const run = promisify(execFile);

afterAll(() => rmSync(workspace, { recursive: true, force: true }));

const contentFor = (name: string) => badContentFor(name, workspace);

async function check(contentDir: string): Promise<{ exit: number; output: string }> {
	try {
		const { stdout, stderr } = await run(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'src/checks/cli.ts'], {
			env: { ...process.env, CONTENT_DIR: contentDir },
			maxBuffer: 16 * 1024 * 1024,
		});
		return { exit: 0, output: stdout + stderr };
	} catch (error) {
		const failed = error as { code: number; stdout: string; stderr: string };
		return { exit: failed.code, output: failed.stdout + failed.stderr };
	}
}

describe('npm run check on content with one mistake', () => {
	test('the base content passes, so each case fails only for its own mistake', async () => {
		const result = await check(join(fixtures, '_base'));
		expect(result).toEqual({ exit: 0, output: 'Content checks: no problems.\n' });
	}, 120_000);

	test('leaves no cache behind for a content folder other than the project’s', async () => {
		const { dir } = contentFor('unknown-actor-listed');
		await check(dir);
		expect(existsSync(contentCacheDir(dir) ?? dir)).toBe(false);
	}, 120_000);

	test('every case says where its problem is reported: file, line and column', () => {
		for (const name of names) {
			const { expect: expected } = JSON.parse(
				readFileSync(join(fixtures, name, 'case.json'), 'utf8'),
			) as BadContentCase;
			if (expected.exit === 0 && !expected.message) continue;
			expect([expected.line, expected.column].every(Number.isInteger), name).toBe(true);
		}
	});

	test('covers at least 30 mistakes', () => {
		expect(names.length).toBeGreaterThanOrEqual(30);
	});

	test.concurrent.each(names)(
		'%s',
		async (name) => {
			const { dir, spec } = contentFor(name);
			const { exit, output } = await check(dir);
			const expected = spec.expect;
			expect(exit, output).toBe(expected.exit ?? 1);
			if (expected.exit === 0 && !expected.message) {
				expect(output).toBe('Content checks: no problems.\n');
				return;
			}
			const file = expected.file ?? 'articles/story.mdx';
			const reported = output
				.split('\n')
				.map((line) => /^(?<path>.+?):(?<line>\d+):(?<column>\d+) (?<message>.*)$/.exec(line)?.groups)
				.find((problem) => problem?.['path']?.endsWith(file) && problem['message']?.includes(expected.message ?? ''));
			expect(reported, output).toBeDefined();
			if (expected.line) expect(Number(reported?.['line']), output).toBe(expected.line);
			if (expected.column) expect(Number(reported?.['column']), output).toBe(expected.column);
		},
		120_000,
	);
});
