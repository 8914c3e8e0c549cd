import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { describe, expect, test } from 'vitest';
import { BACKGROUND_NICE } from '../../src/utils/background-priority';

/** A thread's nice value, from its stat line (the 19th field). */
const niceOf = (statFile: string) => {
	const stat = readFileSync(statFile, 'utf8');
	return Number(stat.slice(stat.lastIndexOf(') ') + 2).split(' ')[16]);
};

/** Runs `runInBackground` in a new thread; reports what it returned and the thread's nice value after it. */
function runInThread(): Promise<{ lowered: boolean; nice?: number }> {
	const module = pathToFileURL(resolve('src/utils/background-priority.ts')).href;
	const code = `
		import { parentPort } from 'node:worker_threads';
		import { readFileSync } from 'node:fs';
		const { runInBackground } = await import(${JSON.stringify(module)});
		const lowered = runInBackground();
		const stat = lowered ? readFileSync('/proc/thread-self/stat', 'utf8') : undefined;
		const nice = stat ? Number(stat.slice(stat.lastIndexOf(') ') + 2).split(' ')[16]) : undefined;
		parentPort.postMessage({ lowered, nice });
	`;
	return new Promise((done, fail) => {
		const worker = new Worker(code, { eval: true });
		worker.once('message', (report) => {
			done(report as { lowered: boolean; nice?: number });
			void worker.terminate();
		});
		worker.once('error', fail);
		worker.once('exit', (code) => fail(new Error(`the thread ended (code ${code}) without reporting`)));
	});
}

describe('background threads', () => {
	test('run at the lowest priority where each thread has its own (Linux), and only they', async () => {
		const before = process.platform === 'linux' ? niceOf('/proc/thread-self/stat') : undefined;
		const { lowered, nice } = await runInThread();
		if (process.platform !== 'linux') {
			// Elsewhere a thread cannot be given its own priority: the call says it could not.
			expect(lowered).toBe(false);
			return;
		}
		expect(lowered).toBe(true);
		expect(nice).toBe(BACKGROUND_NICE);
		expect(BACKGROUND_NICE).toBe(19);
		// The thread that started it keeps its priority.
		expect(niceOf('/proc/thread-self/stat')).toBe(before);
	});
});
