import type { Reporter, TestModule } from 'vitest/node';

/**
 * Ends the run with a plain `N passed, N failed, N skipped` line, which CI reads to tell a run that tested
 * something from one that ran no test.
 */
export default class SummaryReporter implements Reporter {
	onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<unknown>) {
		const counts = { passed: 0, failed: 0, skipped: 0 };
		for (const testModule of testModules) {
			// A file that fails to load runs no test but must still count as a failure.
			if (testModule.errors().length > 0) counts.failed++;
			for (const test of testModule.children.allTests()) {
				const state = test.result().state;
				if (state === 'passed') counts.passed++;
				else if (state === 'failed') counts.failed++;
				else counts.skipped++;
			}
		}
		counts.failed += unhandledErrors.length;
		process.stdout.write(`\n${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped\n`);
	}
}
