import { defineMiddleware } from 'astro:middleware';
import { checkContentWhenChanged } from './checks';
import { contentError } from './checks/problem';
import { storiesPrepared } from './checks/story-facts/prepare';
import { contentDir } from './utils/content-dir';

/**
 * In `astro dev`, every page request first runs the content checks (again only over what a save changed), so a
 * broken file shows in the error overlay with its file, line and fix, and the overlay clears once it is fixed.
 * Builds run the same checks once, before anything renders (src/checks/integration.ts).
 */
export const onRequest = defineMiddleware(async (_context, next) => {
	// The mode, not `import.meta.env.DEV`: a build run under NODE_ENV=test (the tests' build) has DEV set too.
	if (import.meta.env.MODE === 'development') {
		// The stories' facts parsed while the server started, for the first request's checks.
		await storiesPrepared();
		// The server keeps each file and its problems: a save reads and checks only what it can have changed.
		const problems = checkContentWhenChanged(contentDir());
		if (problems.some((problem) => problem.severity === 'error')) {
			throw contentError(problems, 'Fix the files listed above and save: this page reloads.');
		}
	}
	return next();
});
