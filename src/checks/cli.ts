/**
 * `npm run check`: the content checks without building the site. Prints every problem and exits non-zero
 * when there is an error (or, with `--strict`, a warning).
 */
import { join } from 'node:path';
import { checkContent } from '.';
import { describeProblems } from '../integrations/content-checks';
import { contentCacheDir, contentDir } from '../utils/content-dir';
import { BODY_FACTS_FILE } from './body-facts-cache';

const strict = process.argv.includes('--strict');
// The stories' facts of the project's content are kept where a build keeps them (Astro's cache folder), so either
// reuses the other's. Another folder (CONTENT_DIR: tests' and benchmarks' throwaway content) is checked without
// leaving a cache behind for it.
const problems = checkContent(
	contentDir(),
	process.cwd(),
	contentCacheDir() === undefined ? join('node_modules', '.astro', BODY_FACTS_FILE) : undefined,
);
if (problems.length === 0) {
	console.log('Content checks: no problems.');
} else {
	console.error(describeProblems(problems));
}
const failing = problems.filter((problem) => problem.severity === 'error' || strict);
process.exitCode = failing.length > 0 ? 1 : 0;
