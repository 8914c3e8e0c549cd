/**
 * The share image process, started by drawer.ts: draws the cards it is sent into their cache files, one at a time
 * and in order. Node runs this file itself (its type stripping), not Vite, hence the `.ts` in the imports. It ends
 * when it is done, or after the card it is drawing when the build stops it or goes away.
 */
import { readdirSync } from 'node:fs';
import { constants, setPriority } from 'node:os';
import { writeFileAtomically } from '../utils/disk-cache.ts';
import { renderShareImage, type ShareImageInput } from './card.ts';

/** A card to draw and the cache file it goes to. */
export interface ShareImageJob {
	file: string;
	input: ShareImageInput;
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

// Only as a child process: drawer.ts imports this file's types alone.
if (process.send) {
	runProcessInBackground();
	// The build stops the process, or has ended, by disconnecting: the card being drawn is finished, so no file is
	// left half written, and the process ends.
	let stopped = false;
	process.once('disconnect', () => (stopped = true));
	process.once('message', async (jobs: ShareImageJob[]) => {
		for (const { file, input } of jobs) {
			if (stopped) break;
			// A card that fails here is left to the build, which draws it again and reports what fails.
			await renderShareImage(input)
				.then((png) => writeFileAtomically(file, png))
				.catch(() => undefined);
		}
		if (process.connected) process.disconnect();
	});
}
