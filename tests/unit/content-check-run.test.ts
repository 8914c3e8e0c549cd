import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { checkContent, checkFiles, DATA_CHECKS, startContentChecks } from '../../src/checks';
import { readBodyFacts } from '../../src/checks/body-facts';
import { parseBodiesInThread } from '../../src/checks/body-facts-thread';
import { forgetParsedContentFiles, readContentFiles } from '../../src/checks/content-files';
import { formatProblem } from '../../src/checks/problem';
import { badContentCases, badContentFor } from '../helpers/bad-content';

const WORKER = resolve('src/checks/body-facts-worker.ts');

let dir: string;

beforeEach(() => {
	dir = mkdtempSync(join(tmpdir(), 'check-run-'));
});

afterEach(() => {
	forgetParsedContentFiles();
	rmSync(dir, { recursive: true, force: true });
});

/** The problems of a check run started on `content` with the stories parsed by `worker`, as editors read them. */
async function startedChecks(content: string, worker = WORKER) {
	const run = startContentChecks(content, process.cwd(), join(dir, `facts-${Math.random()}.json`), worker);
	const data = run.dataProblems.map(formatProblem);
	const all = (await run.finish()).map(formatProblem);
	forgetParsedContentFiles();
	return { data, all };
}

const checkedInOneGo = (content: string) => {
	const problems = checkContent(content).map(formatProblem);
	forgetParsedContentFiles();
	return problems;
};

describe('content checks started in a build', () => {
	test('the story parser’s thread reads every story of the bad-content cases as parsing here does', async () => {
		const bodies = badContentCases().flatMap((name) =>
			readContentFiles(badContentFor(name, dir).dir).flatMap((file) => (file.body ? [file.body] : [])),
		);
		const jobs = bodies.map((body, index) => ({ key: String(index), body }));
		const report = await parseBodiesInThread(jobs, WORKER).facts();
		expect(report.map(([key]) => key)).toEqual(jobs.map(({ key }) => key));
		for (const [index, [, facts]] of report.entries()) expect(facts).toEqual(readBodyFacts(bodies[index]!));
		// The cases hold stories that do not parse: their syntax errors come back too.
		expect(report.some(([, facts]) => facts.syntaxError)).toBe(true);
	});

	test('the stories the thread has not claimed are parsed by the caller, from the last, each story once', async () => {
		const bodies = badContentCases().flatMap((name) =>
			readContentFiles(badContentFor(name, dir).dir).flatMap((file) => (file.body ? [file.body] : [])),
		);
		const jobs = bodies.map((body, index) => ({ key: String(index), body }));
		// A thread that starts, claims no story and reports none: the caller parses them all.
		const idle = join(dir, 'idle-worker.mjs');
		writeFileSync(idle, "import { parentPort } from 'node:worker_threads';\nparentPort.postMessage([]);\n");
		const report = await parseBodiesInThread(jobs, idle).facts();
		expect(report.map(([key]) => key)).toEqual(jobs.map(({ key }) => key));
		for (const [index, [, facts]] of report.entries()) expect(facts).toEqual(readBodyFacts(bodies[index]!));
	});

	test.each(['unknown-quote-speaker', 'quote-not-in-body', 'mdx-unclosed-tag', 'yaml-unclosed-quote'])(
		'find what checking in one go finds (%s), the fields’ problems before any story is read',
		async (name) => {
			const { dir: content } = badContentFor(name, dir);
			const expected = checkedInOneGo(content);
			const { data, all } = await startedChecks(content);
			expect(all).toEqual(expected);
			const files = readContentFiles(content);
			expect(data).toEqual(checkFiles(files, DATA_CHECKS).map(formatProblem));
		},
	);

	test('report a field’s problem and a story’s together, as checking in one go does', async () => {
		const { dir: content } = badContentFor('unknown-quote-speaker', dir);
		writeFileSync(join(content, 'articles', 'second.mdx'), '---\ntitle: Only a title\n---\n\nA stray { brace.\n');
		const { data, all } = await startedChecks(content);
		expect(all).toEqual(checkedInOneGo(content));
		expect(all.some((problem) => problem.includes('second.mdx:5'))).toBe(true);
		expect(data.some((problem) => problem.includes('second.mdx:5'))).toBe(false);
		expect(all.some((problem) => problem.includes('speaker'))).toBe(true);
	});

	test('parse the stories here when the thread fails, with the same problems', async () => {
		const failing = join(dir, 'failing-worker.mjs');
		writeFileSync(failing, 'throw new Error("no parser here");\n');
		const { dir: content } = badContentFor('quote-not-in-body', dir);
		const { all } = await startedChecks(content, failing);
		expect(all).toEqual(checkedInOneGo(content));
		expect(all.length).toBeGreaterThan(0);
	});
});
