/**
 * The share image worker: a thread that draws a build's missing share images into their cache files while the main
 * thread compiles and renders pages, so a cold build uses a second core for them. Node runs this file itself (its
 * type stripping), not Vite, hence the `.ts` in the imports. See share-image-drawer.ts, which starts it.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { runInBackground } from './background-priority.ts';
import { writeFileAtomically } from './disk-cache.ts';
import { renderShareImage, type ShareImageInput } from './share-image.ts';

/** A card to draw and the cache file it goes to. */
export interface ShareImageJob {
	file: string;
	input: ShareImageInput;
}

/** What the main thread sends while the worker runs: draw this file next, the build is waiting for it. */
export interface DrawNextMessage {
	next: string;
}

/** What the worker reports after each job. */
export type JobReport = { file: string; drawn: true } | { file: string; error: string };

if (parentPort) {
	const port = parentPort;
	// The cards are needed only at the end of the build: they take the CPU the compiling main thread leaves idle.
	runInBackground();
	// One libvips thread: the main thread has the other core, and each thread of libvips holds its own buffers.
	(await import('sharp')).default.concurrency(1);
	const queue = new Map((workerData as ShareImageJob[]).map((job) => [job.file, job]));
	const urgent: string[] = [];
	port.on('message', ({ next }: DrawNextMessage) => urgent.push(next));

	const nextJob = (): ShareImageJob | undefined => {
		for (let file = urgent.shift(); file !== undefined; file = urgent.shift()) {
			const job = queue.get(file);
			if (job) return job;
		}
		return queue.values().next().value;
	};

	for (let job = nextJob(); job; job = nextJob()) {
		queue.delete(job.file);
		try {
			await writeFileAtomically(job.file, await renderShareImage(job.input));
			port.postMessage({ file: job.file, drawn: true } satisfies JobReport);
		} catch (error) {
			port.postMessage({ file: job.file, error: String(error) } satisfies JobReport);
		}
	}
	// Done: closing the port ends the thread, and its memory goes back before the build's busiest part.
	port.close();
}
