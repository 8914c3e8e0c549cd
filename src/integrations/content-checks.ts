import type { AstroIntegration } from 'astro';
import { AstroError } from 'astro/errors';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkContent } from '../checks';
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
 * lets a duplicate slug replace a page. Any error stops `astro build` with every problem listed.
 */
export default function contentChecks(): AstroIntegration {
	return {
		name: 'explainer:content-checks',
		hooks: {
			'astro:config:setup': ({ config, command, logger }) => {
				if (command !== 'build') return;
				// The stories' facts are kept in the build's cache folder: a rebuild parses only the stories that changed.
				const problems = checkContent(
					contentDir(),
					fileURLToPath(config.root),
					join(fileURLToPath(config.cacheDir), BODY_FACTS_FILE),
				);
				forgetParsedContentFiles();
				if (problems.some((problem) => problem.severity === 'error')) {
					throw new AstroError(
						describeProblems(problems),
						'Fix the files above and build again; `npm run check` lists the same problems without building.',
					);
				}
				for (const problem of problems) logger.warn(formatProblem(problem));
			},
		},
	};
}
