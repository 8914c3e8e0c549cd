/**
 * Draws a build's missing files (share images, locator maps) in a child process at the lowest priority while Astro
 * compiles and renders, so that a cold build draws them on the CPU Astro leaves idle (drawing-process.ts). A process
 * rather than a worker thread: takumi draws on libuv's thread pool, which a worker thread shares with the build's own
 * file work, so only a process of its own can lower the priority of what draws. The build never waits for it: at the
 * lowest priority on a busy machine the child can lag far behind, so the build draws what it left itself.
 */
import type { AstroIntegrationLogger } from 'astro';
import { fork, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { DiskCache } from '../utils/disk-cache';
import { writeBesideExplainers } from './explainer-files';
import type { DrawingJob, DrawingOrder } from './drawing-process.ts';

/** The drawings running, by the module that draws them: a build's own replaces what an earlier one left. */
const running = new Map<string, ChildProcess>();

/** The child process's file. Node runs it as it is (its type stripping), not Vite. */
const DRAWING_PROCESS = new URL('./drawing-process.ts', import.meta.url);

/** What draws the files: a module that Node can run as it is, and the name of its export that draws one input. */
export interface Drawer {
	/** The module's file URL. */
	module: URL;
	/** Its export that takes a job's input and returns the file's bytes (or text), or a promise of them. */
	name: string;
}

/**
 * Starts drawing, in list order, the jobs whose file is missing, in a child process; returns how many it was given.
 * Stops a drawing by the same module that an earlier build in this process left running.
 */
export function drawInBackground<Input>(
	jobs: readonly DrawingJob<Input>[],
	drawer: Drawer,
	processFile: URL = DRAWING_PROCESS,
): number {
	void stopDrawing(drawer);
	const missing = [...new Map(jobs.map((job) => [job.file, job])).values()].filter((job) => !existsSync(job.file));
	if (missing.length === 0) return 0;
	// The build's own flags (a loader, an inspector) are not the child's: Node runs the file as it is.
	// Structured clones, not JSON: an input reaches the child as the build has it, and draws the same file.
	const child = fork(processFile, [], {
		execArgv: [],
		serialization: 'advanced',
		stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
	});
	// A build that fails exits without waiting for it; the child then ends too (drawing-process.ts).
	child.unref();
	child.channel?.unref();
	// A child that cannot start, or stops, leaves its files to the build; what fails there fails the build.
	child.on('error', () => undefined);
	child.send({ module: drawer.module.href, name: drawer.name, jobs: missing } satisfies DrawingOrder<Input>);
	running.set(drawer.module.href, child);
	return missing.length;
}

/**
 * Stops the child drawing with `drawer`, if one runs, after the file it is drawing: the build draws what it left.
 * The build goes on at once; the promise, for whoever must know the child is gone, settles when it has exited.
 */
export function stopDrawing(drawer: Drawer): Promise<void> {
	const child = running.get(drawer.module.href);
	running.delete(drawer.module.href);
	if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
	const exited = new Promise<void>((done) => child.once('exit', () => done()));
	if (child.connected) child.disconnect();
	return exited;
}

/** A file drawn for an explainer: its page's slug, its name beside the page, and what it is drawn from. */
export interface ExplainerDrawing<Input> {
	slug: string;
	name: string;
	input: Input;
}

/**
 * The drawn files of a build step (the share images, the maps), through the build: `start` them when Astro starts
 * building, drawn in the background; `write` them beside their pages once the pages are built, drawing there what the
 * child had not reached; and report in `done`, which awaits the writing. `what` names one file in the log.
 */
export function drawnBesideExplainers<Input>(what: string, drawer: Drawer, cache: () => DiskCache<Input>) {
	let drawings: ExplainerDrawing<Input>[] = [];
	let writing: Promise<void> | undefined;
	const count = (n: number) => `${n} ${what}${n === 1 ? '' : 's'}`;
	return {
		start(planned: ExplainerDrawing<Input>[], logger: AstroIntegrationLogger): void {
			drawings = planned;
			const jobs = drawings.map(({ input }) => ({ file: cache().fileFor(input), input }));
			const drawing = drawInBackground(jobs, drawer);
			if (drawing > 0) logger.info(`drawing ${count(drawing)} in the background`);
		},
		// Written while the other integrations finish (the search index is written in Pagefind's process meanwhile),
		// at full speed: the build has nothing else to wait for.
		write(dir: URL): void {
			void stopDrawing(drawer);
			writing = writeBesideExplainers(
				drawings.map(({ slug, name, input }) => ({ slug, name, source: () => cache().stored(input) })),
				fileURLToPath(dir),
			);
			// Awaited in `done`, which reports its failure; until then it is not an unhandled rejection.
			writing.catch(() => undefined);
		},
		async done(logger: AstroIntegrationLogger): Promise<void> {
			try {
				if (!writing) throw new Error(`The ${what}s were never written: Astro did not report the pages built.`);
				await writing;
				const { misses } = cache().stats;
				logger.info(`wrote ${count(drawings.length)}${misses > 0 ? ` (${misses} drawn after the pages)` : ''}`);
				drawings = [];
			} finally {
				void stopDrawing(drawer);
			}
		},
	};
}
