import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { AstroError } from 'astro/errors';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startContentChecks, type ContentCheckRun } from '../checks';
import { BODY_FACTS_FILE } from '../checks/body-facts-cache';
import { forgetParsedContentFiles } from '../checks/content-files';
import { formatProblem, type Problem } from '../checks/problem';
import { contentDir } from '../utils/content-dir';

/** The report editors see: every problem, one per line, errors first. */
export function describeProblems(problems: readonly Problem[]): string {
	const errors = problems.filter((problem) => problem.severity === 'error');
	const warnings = problems.filter((problem) => problem.severity === 'warning');
	const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
	return [
		`${count(errors.length, 'error')} and ${count(warnings.length, 'warning')} in the content:`,
		...errors.map(formatProblem),
		...warnings.map(formatProblem),
	].join('\n');
}

/**
 * Checks the content before Astro builds it, because Astro alone publishes pages with unknown references and
 * lets a duplicate slug replace a page. Any error stops `astro build` with every problem listed. The files' fields
 * are checked first, before Astro reads them; the stories are parsed in a thread meanwhile and checked once Astro
 * has synced the content, before it compiles a page.
 */
export default function contentChecks(): AstroIntegration {
	let run: ContentCheckRun | undefined;
	let logger: AstroIntegrationLogger | undefined;

	const report = async (checks: ContentCheckRun) => {
		const problems = await checks.finish();
		forgetParsedContentFiles();
		if (problems.some((problem) => problem.severity === 'error')) {
			throw new AstroError(
				describeProblems(problems),
				'Fix the files above and build again; `npm run check` lists the same problems without building.',
			);
		}
		for (const problem of problems) logger?.warn(formatProblem(problem));
	};

	return {
		name: 'explainer:content-checks',
		hooks: {
			'astro:config:setup': async ({ config, command, logger: integrationLogger }) => {
				if (command !== 'build') return;
				logger = integrationLogger;
				// The stories' facts are kept in the build's cache folder: a rebuild parses only the stories that changed.
				run = startContentChecks(
					contentDir(),
					fileURLToPath(config.root),
					join(fileURLToPath(config.cacheDir), BODY_FACTS_FILE),
					new URL('src/checks/body-facts-worker.ts', config.root),
				);
				// A broken field stops the build here, before Astro reads the files, with the stories' problems too.
				if (run.dataProblems.some((problem) => problem.severity === 'error')) await report(run);
			},
			'astro:build:start': async () => {
				if (run) await report(run);
				run = undefined;
			},
		},
	};
}
