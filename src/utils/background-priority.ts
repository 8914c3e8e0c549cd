/**
 * Background threads at the lowest scheduling priority. A build's main thread compiles and renders the pages, and
 * every second it waits is a second of the build; work that only has to be done by the end (the share images) should
 * take the CPU it leaves idle, not share a core with it. On Linux each thread has its own priority (nice value);
 * elsewhere the thread keeps the process's.
 */
import { readlinkSync } from 'node:fs';
import { constants, setPriority } from 'node:os';

/** The nice value background threads run at: the lowest priority. */
export const BACKGROUND_NICE = constants.priority.PRIORITY_LOW;

/**
 * Lowers the calling thread's priority to {@link BACKGROUND_NICE}, and only this thread's: call it from a worker
 * thread. Returns whether it could.
 */
export function runInBackground(): boolean {
	try {
		// The calling thread's id: /proc/thread-self links to /proc/<pid>/task/<tid>. Elsewhere than Linux it is missing.
		const threadId = Number(readlinkSync('/proc/thread-self').split('/').at(-1));
		if (!Number.isInteger(threadId) || threadId <= 0) return false;
		setPriority(threadId, BACKGROUND_NICE);
		return true;
	} catch {
		return false;
	}
}
