/**
 * Draws a build's missing share images in a worker thread (share-image-worker.ts), started before Astro compiles
 * anything, so that on a cold build the images are drawn on a second core while the main thread compiles and renders.
 * When the build writes the images (src/integrations/share-images.ts), the cache asks {@link shareImageDrawnElsewhere}
 * before it reads one: when the worker has the image queued, the build waits for it (and the worker draws it next)
 * instead of drawing it a second time.
 */
import { existsSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { DrawNextMessage, JobReport, ShareImageJob } from './share-image-worker';

interface Drawer {
	/** Jobs not yet reported, by cache file. */
	pending: Map<string, { promise: Promise<void>; done: () => void; failed: (error: Error) => void }>;
	/** Files the build is waiting for: while there are any, the worker keeps the process alive. */
	awaited: Set<string>;
	worker: Worker;
}

/** The worker's JavaScript heap: it needs under 100 MB; more only delays its garbage collection. */
const WORKER_HEAP_MB = 256;

let current: Drawer | undefined;

/**
 * Starts drawing the cards of `jobs` whose file is missing, one at a time in a worker thread running `workerFile`;
 * returns how many it will draw. Replaces (and stops) a drawer a previous build in this process left.
 */
export function startShareImageDrawer(jobs: readonly ShareImageJob[], workerFile: string | URL): number {
	stopShareImageDrawer();
	const missing = [...new Map(jobs.map((job) => [job.file, job])).values()].filter((job) => !existsSync(job.file));
	if (missing.length === 0) return 0;

	const worker = new Worker(workerFile, {
		workerData: missing,
		name: 'share images',
		// The worker needs under 100 MB: a larger heap would only let its garbage pile up beside the build's.
		resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
	});
	// The worker keeps the process alive only while the build waits for it: a failed build exits without waiting
	// for the images nobody will publish.
	worker.unref();
	const pending: Drawer['pending'] = new Map();
	const awaited = new Set<string>();
	const settle = (file: string) => {
		pending.delete(file);
		if (awaited.delete(file) && awaited.size === 0) worker.unref();
	};
	for (const { file } of missing) {
		let done = () => {};
		let failed = (_: Error) => {};
		const promise = new Promise<void>((resolve, reject) => {
			done = resolve;
			failed = reject;
		});
		// The build may never ask for an image (it failed): its rejection is not an unhandled one.
		promise.catch(() => undefined);
		pending.set(file, { promise, done, failed });
	}
	const failAll = (error: Error) => {
		for (const [file, job] of pending) {
			settle(file);
			job.failed(error);
		}
	};
	worker.on('message', (report: JobReport) => {
		const job = pending.get(report.file);
		settle(report.file);
		if ('error' in report) job?.failed(new Error(report.error));
		else job?.done();
	});
	worker.on('error', failAll);
	worker.on('exit', () => failAll(new Error('the share image worker stopped before drawing this image')));
	current = { pending, awaited, worker };
	return missing.length;
}

/**
 * The worker's drawing of `file`, asked for next, or undefined when no worker has it queued (the dev server, an
 * image drawn already, a card whose text the worker did not know).
 */
export function shareImageDrawnElsewhere(file: string): Promise<void> | undefined {
	const drawer = current;
	const job = drawer?.pending.get(file);
	if (!drawer || !job) return undefined;
	drawer.awaited.add(file);
	drawer.worker.ref();
	drawer.worker.postMessage({ next: file } satisfies DrawNextMessage);
	return job.promise;
}

/** Stops the worker, if one runs; images still waited for are drawn by the cache itself. */
export function stopShareImageDrawer(): void {
	const drawer = current;
	current = undefined;
	void drawer?.worker.terminate();
}
