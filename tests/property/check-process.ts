/*
 * The content checks in a process of their own, run by tests/property/checker.ts: asked over IPC to check a content
 * folder, it answers with the problems or with what the checks threw. A process, not a thread, so a check that never
 * returns can be killed.
 */
import { checkContent } from '../../src/checks/index';

interface Request {
	contentRoot: string;
	projectRoot: string;
}

process.on('message', (request: Request) => {
	const started = performance.now();
	try {
		const problems = checkContent(request.contentRoot, request.projectRoot);
		process.send?.({ problems, ms: performance.now() - started });
	} catch (error) {
		process.send?.({ threw: error instanceof Error ? (error.stack ?? error.message) : String(error) });
	}
});
