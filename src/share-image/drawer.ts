/**
 * Draws a build's missing share images in a child process (worker.ts) at the lowest priority, while Astro builds
 * (integration.ts). A process rather than a worker thread: takumi draws on libuv's thread pool, which a worker
 * thread shares with the build's own file work, so only a process of its own can lower the priority of what draws.
 * The build never waits for it: at the lowest priority on a busy machine the child can lag far behind, so the build
 * draws what it left on every core.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { ShareImageJob } from './worker.ts';

let current: ChildProcess | undefined;

/**
 * Starts drawing the cards of `jobs` whose file is missing, in list order, in a child process running `workerFile`;
 * returns how many it was given. Replaces (and stops) a drawer a previous build in this process left.
 */
export function startShareImageDrawer(jobs: readonly ShareImageJob[], workerFile: string | URL): number {
	stopShareImageDrawer();
	const missing = [...new Map(jobs.map((job) => [job.file, job])).values()].filter((job) => !existsSync(job.file));
	if (missing.length === 0) return 0;
	// The build's own flags (a loader, an inspector) are not the child's: Node runs the file as it is.
	const child = fork(workerFile, [], { execArgv: [], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
	// A build that fails exits without waiting for it; the child then ends too (worker.ts).
	child.unref();
	child.channel?.unref();
	// A child that cannot start, or stops, leaves its cards to the build; what fails there fails the build.
	child.on('error', () => undefined);
	child.send(missing);
	current = child;
	return missing.length;
}

/** Stops the child, if one runs, after the card it is drawing: the build draws what it left. */
export function stopShareImageDrawer(): void {
	if (current?.connected) current.disconnect();
	current = undefined;
}
