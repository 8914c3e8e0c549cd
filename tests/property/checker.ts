import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { Problem } from '../../src/checks/problem';

/** What one run of the checks came to: their problems, what they threw, or that they did not finish in time. */
export type CheckOutcome = { problems: Problem[]; ms: number } | { threw: string } | { hung: number };

/**
 * `checkContent` in a child process (check-process.ts), so that a check that hangs is stopped after `timeoutMs`
 * and reported instead of stalling the test run. One process serves every case; a hung one is killed and the next
 * case starts another.
 */
export function startChecker(projectRoot = process.cwd()) {
	let child: ChildProcess | undefined;
	const spawn = () =>
		fork(join(import.meta.dirname, 'check-process.ts'), [], {
			cwd: projectRoot,
			execArgv: ['--import', 'tsx'],
			serialization: 'advanced',
			stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
		});
	return {
		check(contentRoot: string, timeoutMs: number): Promise<CheckOutcome> {
			const process = (child ??= spawn());
			return new Promise((done, fail) => {
				const timer = setTimeout(() => {
					cleanUp();
					process.kill('SIGKILL');
					child = undefined;
					done({ hung: timeoutMs });
				}, timeoutMs);
				const onMessage = (outcome: CheckOutcome) => {
					cleanUp();
					done(outcome);
				};
				const onExit = (code: number | null, signal: string | null) => {
					cleanUp();
					child = undefined;
					fail(new Error(`the checks' process ended (code ${code}, signal ${signal})`));
				};
				const cleanUp = () => {
					clearTimeout(timer);
					process.off('message', onMessage);
					process.off('exit', onExit);
				};
				process.on('message', onMessage);
				process.on('exit', onExit);
				process.send({ contentRoot, projectRoot });
			});
		},
		stop(): void {
			child?.kill();
			child = undefined;
		},
	};
}
