import type { Plugin } from 'vite';
import { afterSaveSettles } from '../utils/save-settle';

/**
 * The count lives on the process's globals: this plugin runs in the dev server's own instance of the module, the
 * checks in the instance Vite's module runner evaluates for the pages, and the two share nothing else.
 */
const FILE_EVENTS = Symbol.for('explainer:dev-file-events');
const counter = globalThis as { [FILE_EVENTS]?: number };

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
			// Once more when the events settle: a request checking at the first event may have read an emptied file.
			const countAgain = afterSaveSettles(count);
			server.watcher.on('all', () => {
				count();
				countAgain();
			});
		},
	};
}

/** How many file events the dev server has reported; undefined outside `astro dev` (nothing counts them). */
export const fileEventsSeen = (): number | undefined => counter[FILE_EVENTS];
