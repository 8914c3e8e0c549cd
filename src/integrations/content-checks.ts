import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { AstroError } from 'astro/errors';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startContentChecks, type CheckedContent, type ContentCheckRun } from '../checks';
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

/** The content of the build under way, once its checks passed; rejected when they failed. */
let checked: PromiseWithResolvers<CheckedContent> | undefined;

/**
 * The content this build checks, once the checks passed, for the integrations that make something of it (the
 * search index): ask in `astro:config:done`, and let it go once used (it holds every file, parsed). Undefined when
 * no content checks run in this build (not a build, or `contentChecks()` missing).
 */
export function checkedContent(): Promise<CheckedContent> | undefined {
	return checked?.promise;
}

/**
 * The content a build's integration took from {@link checkedContent}, or, when there was none, the error that says
 * `contentChecks()` is missing from the build that `what` needs it for.
 */
export function contentToBuildFrom(
	content: Promise<CheckedContent> | undefined,
	what: string,
): Promise<CheckedContent> {
	if (content) return content;
	throw new AstroError(
		`The ${what} have no content to build from: the content checks did not run in this build.`,
		'Add `contentChecks()` to the integrations in astro.config.mjs, before the others.',
	);
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
			const error = new AstroError(
				describeProblems(problems),
				'Fix the files above and build again; `npm run check` lists the same problems without building.',
			);
			checked?.reject(error);
			checked = undefined;
			throw error;
		}
		for (const problem of problems) logger?.warn(formatProblem(problem));
		checked?.resolve(checks.content);
		checked = undefined;
	};

	return {
		name: 'explainer:content-checks',
		hooks: {
			'astro:config:setup': async ({ config, command, logger: integrationLogger }) => {
				checked = undefined;
				if (command !== 'build') return;
				logger = integrationLogger;
				checked = Promise.withResolvers();
				// Whoever waits for the content reports the failure themselves; nobody waiting is not an unhandled rejection.
				checked.promise.catch(() => undefined);
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
