import type { Plugin } from 'vite';

/**
 * The count lives on the process's globals: this plugin runs in the dev server's own instance of the module, the
 * checks in the instance Vite's module runner evaluates for the pages, and the two share nothing else.
 */
const FILE_EVENTS = Symbol.for('explainer:dev-file-events');
const counter = globalThis as { [FILE_EVENTS]?: number };

/**
 * How long after a burst of events it counts once more. A save can reach the watcher as one event when the file is
 * emptied, before its text is written: a request checking then read the empty file, and the next must read it again.
 */
const SAVE_SETTLE_MS = 100;

/**
 * For `astro dev`: counts the file events the dev server's watcher reports (any file: a save, an image added, a
 * folder removed), so that a page request runs the content checks, which look at every content file, only after
 * something changed; a request with nothing saved since the last reuses the last problems.
 */
export function countFileEvents(): Plugin {
	const count = () => (counter[FILE_EVENTS] = (counter[FILE_EVENTS] ?? 0) + 1);
	return {
		name: 'explainer:count-file-events',
		apply: 'serve',
		configureServer(server) {
			counter[FILE_EVENTS] ??= 0;
			let settling: NodeJS.Timeout | undefined;
			server.watcher.on('all', () => {
				count();
				clearTimeout(settling);
				settling = setTimeout(count, SAVE_SETTLE_MS);
			});
		},
	};
}

/** How many file events the dev server has reported; undefined outside `astro dev` (nothing counts them). */
export const fileEventsSeen = (): number | undefined => counter[FILE_EVENTS];
