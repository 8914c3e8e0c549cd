/**
 * A content loader that, in `astro dev` only, leaves a file out of its collection instead of stopping the server
 * when Astro cannot read the file (a YAML error) or its fields fail the collection's schema. Astro's sync throws on
 * the first such file, with a stack trace and no line, and `astro dev` exits before it listens; while the server
 * runs, Astro's watcher already catches the same error and keeps the entry it had. So the server starts, and the
 * middleware (src/middleware.ts) shows every problem of every file, with its line and fix, in the error overlay;
 * once a file is fixed, the watcher reads it again (its digest differs) and the page renders without a restart.
 *
 * Left out, not kept as read: routes list their pages (getStaticPaths) from the collections before the middleware
 * runs, and would fail on a field of the wrong type with an error of their own instead of the checks' report. An
 * entry the store already holds, from the last good read of the file, is kept, as Astro's watcher keeps it.
 * Builds have no watcher, and their loaders stop at a broken file as before (after the checks' report).
 */
import type { Loader, LoaderContext } from 'astro/loaders';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { wrapEntryInfo } from '../utils/entry-types';

/** `loader`, forgiving a file it cannot read or validate while it runs with a watcher (`astro dev`). */
export function forgivingInDev(loader: Loader): Loader {
	return { ...loader, load: (context) => loader.load(context.watcher ? forgiving(context) : context) };
}

function forgiving(context: LoaderContext): LoaderContext {
	const { parseData, store, logger } = context;
	/** The data of the files left out: read from no file, or failing the schema. */
	const leftOut = new WeakSet<object>();
	const leaveOut = (file: string, why: string) => {
		logger.warn(`${relative(process.cwd(), file)} ${why}: left out until it is fixed; pages list every problem`);
		const data = {};
		leftOut.add(data);
		return data;
	};
	return {
		...context,
		...wrapEntryInfo(context, (read) => async (params) => {
			try {
				return await read(params);
			} catch {
				return { data: leaveOut(fileURLToPath(params.fileUrl), 'cannot be read'), body: '', rawData: '', slug: '' };
			}
		}),
		parseData: async (props) => {
			if (leftOut.has(props.data)) return props.data;
			try {
				return await parseData(props);
			} catch {
				return leaveOut(props.filePath ?? props.id, 'fails its schema') as typeof props.data;
			}
		},
		store: { ...store, set: (entry) => !leftOut.has(entry.data) && store.set(entry) },
	};
}
