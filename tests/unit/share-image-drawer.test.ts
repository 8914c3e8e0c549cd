import { fork } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { startShareImageDrawer, stopShareImageDrawer } from '../../src/share-image/drawer';
import type { ShareImageJob } from '../../src/share-image/worker';

const WORKER = resolve('src/share-image/worker.ts');
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

let dir: string;

beforeEach(() => {
	dir = mkdtempSync(join(tmpdir(), 'share-image-drawer-'));
});

afterEach(() => {
	stopShareImageDrawer();
	rmSync(dir, { recursive: true, force: true });
});

const job = (name: string): ShareImageJob => ({
	file: join(dir, `${name}.png`),
	input: { title: `The ${name} explainer`, dek: 'Who is who, and how we got here.', siteName: 'The Explainer Desk' },
});

const cards = (count: number) => Array.from({ length: count }, (_, index) => job(`card-${index}`));

/** Waits until the file is drawn (a child process reports nothing). */
const drawn = (file: string) => vi.waitFor(() => expect(existsSync(file), file).toBe(true), { timeout: 10_000 });

describe('the share image drawer', () => {
	test('draws every missing card in a child process, in order, each into its cache file as a PNG', async () => {
		const jobs = ['first', 'second', 'third'].map(job);
		expect(startShareImageDrawer(jobs, WORKER)).toBe(3);
		await drawn(jobs[2]!.file);
		for (const { file } of jobs) expect(readFileSync(file).subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
	});

	test('leaves out the cards whose file the cache has', async () => {
		const cached = job('cached');
		writeFileSync(cached.file, 'an earlier build’s image');
		expect(startShareImageDrawer([cached, job('missing')], WORKER)).toBe(1);
		await drawn(job('missing').file);
		expect(readFileSync(cached.file, 'utf8')).toBe('an earlier build’s image');
	});

	test('stops after the card it is drawing when the build stops it, leaving the rest to the build', async () => {
		const jobs = cards(200);
		startShareImageDrawer(jobs, WORKER);
		await drawn(jobs[0]!.file);
		stopShareImageDrawer();
		// The card it was drawing is written whole: no partial file stays behind.
		await vi.waitFor(() => expect(readdirSync(dir).filter((name) => name.endsWith('.partial'))).toEqual([]), {
			timeout: 10_000,
		});
		await new Promise((done) => setTimeout(done, 500));
		expect(existsSync(jobs.at(-1)!.file)).toBe(false);
	});

	test('leaves every card to the build, and no error, when its process cannot run', async () => {
		const broken = join(dir, 'broken-worker.mjs');
		writeFileSync(broken, 'process.exit(3);');
		expect(startShareImageDrawer([job('card')], broken)).toBe(1);
		await new Promise((done) => setTimeout(done, 500));
		expect(existsSync(job('card').file)).toBe(false);
	});
});

describe('the share image process', () => {
	/** The worker in a child process of the test's, and its end. */
	function startWorker(jobs: ShareImageJob[]) {
		const child = fork(WORKER, [], { execArgv: [], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
		const exited = new Promise<number | null>((done) => child.once('exit', done));
		child.send(jobs);
		return { child, exited };
	}

	test('ends once it has drawn its cards', async () => {
		const { exited } = startWorker([job('one'), job('two')]);
		expect(await exited).toBe(0);
		expect(existsSync(job('two').file)).toBe(true);
	});

	test('ends when the build that started it goes away, without drawing the rest', async () => {
		const jobs = cards(200);
		const { child, exited } = startWorker(jobs);
		await drawn(jobs[0]!.file);
		child.disconnect();
		await exited;
		expect(existsSync(jobs.at(-1)!.file)).toBe(false);
	});

	test.runIf(process.platform === 'linux')('runs every thread at the lowest priority', async () => {
		const jobs = cards(200);
		const { child, exited } = startWorker(jobs);
		await drawn(jobs[0]!.file);
		// The nice value is the 19th field of a thread's stat, counted after the parenthesised command name.
		const nice = readdirSync(`/proc/${child.pid}/task`).map((task) =>
			Number(readFileSync(`/proc/${child.pid}/task/${task}/stat`, 'utf8').split(') ')[1]!.split(' ')[16]),
		);
		child.kill();
		await exited;
		expect(nice.length).toBeGreaterThan(1);
		expect(new Set(nice)).toEqual(new Set([19]));
	});
});
