import { fork } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { drawInBackground, stopDrawing, type Drawer } from '../../src/build/background-drawing';
import type { DrawingJob, DrawingOrder } from '../../src/build/drawing-process';
import { drawLocatorMap, planLocatorMap, type MapDrawing } from '../../src/locator-map/locator-map';
import type { ShareImageInput } from '../../src/share-image/card';

const DRAWING_PROCESS = resolve('src/build/drawing-process.ts');
const SHARE_CARDS: Drawer = { module: pathToFileURL(resolve('src/share-image/card.ts')), name: 'renderShareImage' };
const MAPS: Drawer = { module: pathToFileURL(resolve('src/locator-map/locator-map.ts')), name: 'drawLocatorMap' };
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

let dir: string;

beforeEach(() => {
	dir = mkdtempSync(join(tmpdir(), 'share-image-drawer-'));
});

afterEach(() => {
	stopDrawing(SHARE_CARDS);
	stopDrawing(MAPS);
	rmSync(dir, { recursive: true, force: true });
});

const job = (name: string): DrawingJob<ShareImageInput> => ({
	file: join(dir, `${name}.png`),
	input: { title: `The ${name} explainer`, dek: 'Who is who, and how we got here.', siteName: 'The Explainer Desk' },
});

const cards = (count: number) => Array.from({ length: count }, (_, index) => job(`card-${index}`));

/** Waits until the file is drawn (a child process reports nothing). */
const drawn = (file: string) => vi.waitFor(() => expect(existsSync(file), file).toBe(true), { timeout: 10_000 });

/** A map of Baghdad in shaded Iraq, on the narrow layout. */
const BAGHDAD: MapDrawing = {
	plan: planLocatorMap([
		{
			id: 'baghdad',
			data: { name: 'Baghdad', kind: 'city', country: 'Iraq', coordinates: { latitude: 33.31, longitude: 44.37 } },
		},
		{
			id: 'iraq',
			data: { name: 'Iraq', kind: 'country', country: 'Iraq', coordinates: { latitude: 33, longitude: 44 } },
		},
	]),
	variant: 'narrow',
	title: 'Locator map for “Baghdad”',
};

describe('drawing in the background', () => {
	test('draws every missing share card in a child process, in order, each into its cache file as a PNG', async () => {
		const jobs = ['first', 'second', 'third'].map(job);
		expect(drawInBackground(jobs, SHARE_CARDS)).toBe(3);
		await drawn(jobs[2]!.file);
		for (const { file } of jobs) expect(readFileSync(file).subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
	});

	test('draws locator maps with the map module as Node runs it, the same SVG the build draws', async () => {
		const file = join(dir, 'baghdad.svg');
		expect(drawInBackground([{ file, input: BAGHDAD }], MAPS)).toBe(1);
		await drawn(file);
		expect(BAGHDAD.plan.shaded).toHaveLength(1);
		expect(readFileSync(file, 'utf8')).toBe(drawLocatorMap(BAGHDAD));
	});

	test('draws for two modules at once, each stopped on its own', async () => {
		const cards = Array.from({ length: 200 }, (_, index) => job(`card-${index}`));
		const maps = Array.from({ length: 50 }, (_, index) => ({ file: join(dir, `map-${index}.svg`), input: BAGHDAD }));
		drawInBackground(maps, MAPS);
		drawInBackground(cards, SHARE_CARDS);
		await drawn(cards[0]!.file);
		stopDrawing(SHARE_CARDS);
		// Stopping the cards left the maps' process alone: it draws its last map.
		await drawn(maps.at(-1)!.file);
		expect(existsSync(cards.at(-1)!.file)).toBe(false);
	});

	test('leaves out the cards whose file the cache has', async () => {
		const cached = job('cached');
		writeFileSync(cached.file, 'an earlier build’s image');
		expect(drawInBackground([cached, job('missing')], SHARE_CARDS)).toBe(1);
		await drawn(job('missing').file);
		expect(readFileSync(cached.file, 'utf8')).toBe('an earlier build’s image');
	});

	test('stops after the card it is drawing when the build stops it, leaving the rest to the build', async () => {
		const jobs = cards(200);
		drawInBackground(jobs, SHARE_CARDS);
		await drawn(jobs[0]!.file);
		await stopDrawing(SHARE_CARDS);
		// The card it was drawing is written whole: no partial file stays behind, and the cards drawn are the first ones.
		const files = readdirSync(dir);
		expect(files.filter((name) => name.endsWith('.partial'))).toEqual([]);
		expect(files.length).toBeLessThan(jobs.length);
		expect(files.sort()).toEqual(
			jobs
				.slice(0, files.length)
				.map(({ file }) => file.slice(dir.length + 1))
				.sort(),
		);
	});

	test('leaves every card to the build, and no error, when its process cannot run', async () => {
		const broken = join(dir, 'broken-worker.mjs');
		writeFileSync(broken, 'process.exit(3);');
		expect(drawInBackground([job('card')], SHARE_CARDS, pathToFileURL(broken))).toBe(1);
		await new Promise((done) => setTimeout(done, 500));
		expect(existsSync(job('card').file)).toBe(false);
	});
});

describe('the drawing process', () => {
	/** The process in a child process of the test's, drawing share cards (or with `drawer`), and its end. */
	function startWorker(jobs: DrawingJob<unknown>[], drawer = SHARE_CARDS) {
		const child = fork(DRAWING_PROCESS, [], {
			execArgv: [],
			serialization: 'advanced',
			stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
		});
		const exited = new Promise<number | null>((done) => child.once('exit', done));
		child.send({ module: drawer.module.href, name: drawer.name, jobs } satisfies DrawingOrder<unknown>);
		return { child, exited };
	}

	test('ends once it has drawn its cards', async () => {
		const { exited } = startWorker([job('one'), job('two')]);
		expect(await exited).toBe(0);
		expect(existsSync(job('two').file)).toBe(true);
	});

	test('ends without drawing when its module cannot be loaded or has no such export, leaving the files to the build', async () => {
		const missingModule = startWorker([job('one')], { module: pathToFileURL(join(dir, 'gone.ts')), name: 'draw' });
		expect(await missingModule.exited).toBe(0);
		const missingExport = startWorker([job('two')], { ...SHARE_CARDS, name: 'drawNothing' });
		expect(await missingExport.exited).toBe(0);
		expect(readdirSync(dir)).toEqual([]);
	});

	test('ends when the build that started it goes away, without drawing the rest', async () => {
		const jobs = cards(200);
		const { child, exited } = startWorker(jobs);
		await drawn(jobs[0]!.file);
		child.disconnect();
		await exited;
		expect(existsSync(jobs.at(-1)!.file)).toBe(false);
	});

	test.runIf(process.platform === 'linux')(
		'runs every thread at the lowest priority (Linux only: reads /proc)',
		async () => {
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
		},
	);
});
