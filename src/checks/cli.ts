/**
 * `npm run check`: the content checks without building the site. Prints every problem and exits non-zero
 * when there is an error (or, with `--strict`, a warning).
 */
import { checkContent } from '.';
import { describeProblems } from './problem';
import { contentDir } from '../utils/content-dir';

const strict = process.argv.includes('--strict');
const problems = checkContent(contentDir());
if (problems.length === 0) {
	console.log('Content checks: no problems.');
} else {
	console.error(describeProblems(problems));
}
process.exitCode = problems.some((problem) => problem.severity === 'error' || strict) ? 1 : 0;
