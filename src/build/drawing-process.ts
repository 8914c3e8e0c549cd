/**
 * The background drawing process, started by background-drawing.ts: imports the module it is sent, then draws each
 * job's input with that module's export into the job's cache file, one at a time and in order. Node runs this file
 * itself (its type stripping), not Vite, hence the `.ts` in the imports, and so must it run the drawing module. It
 * ends when it is done, or after the file it is drawing when the build stops it or goes away.
 */
import { readdirSync } from 'node:fs';
import { constants, setPriority } from 'node:os';
import { writeFileAtomically } from '../utils/disk-cache.ts';

/** A file to draw: the cache file it goes to, and what it is drawn from. */
export interface DrawingJob<Input> {
	file: string;
	input: Input;
}

/** The message the build sends: what draws, and the files to draw with it. */
export interface DrawingOrder<Input> {
	/** The drawing module's file URL. */
	module: string;
	/** The name of its export that draws one input. */
	name: string;
	jobs: DrawingJob<Input>[];
}

/** The lowest scheduling priority (nice 19 on Linux). */
const BACKGROUND_NICE = constants.priority.PRIORITY_LOW;

/**
 * Every thread of this process at the lowest priority: takumi draws on libuv's thread pool, not on the thread that
 * asks. On Linux each thread has its own nice value, and threads started later inherit their starter's.
 */
function runProcessInBackground(): void {
	try {
		setPriority(BACKGROUND_NICE);
		for (const task of readdirSync('/proc/self/task')) setPriority(Number(task), BACKGROUND_NICE);
	} catch {
		// Elsewhere than Linux the process keeps the priority setPriority gave it, or the build's.
	}
}

type Draw = (input: unknown) => Uint8Array | string | Promise<Uint8Array | string>;

// Only as a child process: background-drawing.ts imports this file's types alone.
if (process.send) {
	runProcessInBackground();
	// The build stops the process, or has ended, by disconnecting: the file being drawn is finished, so none is left
	// half written, and the process ends.
	let stopped = false;
	process.once('disconnect', () => (stopped = true));
	process.once('message', async ({ module, name, jobs }: DrawingOrder<unknown>) => {
		// A module that cannot be loaded leaves every file to the build, which reports what fails.
		const draw = await import(module).then(
			(loaded: Record<string, unknown>) => loaded[name] as Draw,
			() => undefined,
		);
		for (const { file, input } of typeof draw === 'function' ? jobs : []) {
			if (stopped) break;
			// A file that fails here is left to the build, which draws it again and reports what fails.
			await Promise.resolve()
				.then(() => draw!(input))
				.then((bytes) => writeFileAtomically(file, bytes))
				.catch(() => undefined);
		}
		if (process.connected) process.disconnect();
	});
}
