import type { AstroIntegration } from 'astro';
import { readFileSync, rmSync, utimesSync } from 'node:fs';
import { basename, dirname, extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createFilter, type Plugin } from 'vite';
import { entriesOf } from '../checks/content-files';
import { contentDir } from '../utils/content-dir';
import { idFromFileName } from '../utils/ids';

/**
 * Makes `astro dev` (and builds) on another content folder (`CONTENT_DIR`) behave as on `content/`:
 *
 * - **A data store of this content folder only.** Astro keeps its dev data store in `.astro/data-store.json`
 *   whatever the content folder (`astro/dist/content/paths.js`; builds keep theirs in the cache folder), and clears
 *   it only when its own config (the port included), the content config's text or its version changed; a change of
 *   CONTENT_DIR is none of these (the config digest reads the cache folder, a URL, as `{}`). The store then keeps
 *   the previous folder's entries, and an unchanged entry keeps the path of the previous folder's file: its story is
 *   imported from there, and an entry of the same id whose text differs stops the server with "multiple entries with
 *   the same slug" while the old file exists, as does a later edit of an unchanged one. So before Astro reads the
 *   store, it is removed when an entry in it was read from a file outside this content folder, or from a file no
 *   longer there under that name (renamed, even by letter case only, or deleted): Astro then reads every file again,
 *   as on a first start. Builds keep a store per content folder (`contentCacheDir`) unless a caller gives its own
 *   cache folder: the same check covers them.
 * - **The content folder is watched wherever it is.** The dev server does not watch `.tmp/` and build outputs
 *   (src/build/index.ts), so no save showed of a content folder inside one (the benchmarks generate theirs in
 *   `.tmp/`). Files inside the content folder are exempt from those patterns.
 *
 * Two `astro dev` processes of one project running at the same time on two folders still share `.astro/`, and each
 * reloads the store when the other writes it: Astro offers no way to move it.
 */
export default function contentDirStore(): AstroIntegration {
	let command: string | undefined;
	return {
		name: 'explainer:content-dir-store',
		hooks: {
			'astro:config:setup': ({ command: running, updateConfig }) => {
				command = running;
				if (running === 'dev') updateConfig({ vite: { plugins: [watchContentDir(contentDir())] } });
			},
			// Once the config is final (the cache folder), and before Astro reads its store: in `astro dev` after the
			// server's config, in builds and `astro sync` before the content layer syncs.
			'astro:config:done': ({ config, logger }) => {
				if (command === 'preview') return;
				const storeFile =
					command === 'dev'
						? devDataStoreFile(fileURLToPath(config.root))
						: join(fileURLToPath(config.cacheDir), DATA_STORE_FILE);
				const foreign = removeForeignDataStore(storeFile, fileURLToPath(config.root), contentDir());
				if (foreign !== undefined) {
					logger.info(
						`The content data store held an entry of a file not in this folder (${foreign}): reading it afresh.`,
					);
				}
			},
		},
	};
}

/** Astro's content data store, in one file (the project does not use `experimental.collectionStorage`). */
const DATA_STORE_FILE = 'data-store.json';

/** Where `astro dev` keeps the data store of the project at `root`, whatever the cache folder. */
export const devDataStoreFile = (root: string) => join(root, '.astro', DATA_STORE_FILE);

/**
 * Removes the data store `storeFile` when it holds a {@link foreignEntryPath}, and returns that path; undefined when
 * there is no store or every entry is of `content`. The store's paths are relative to the project `root`.
 */
function removeForeignDataStore(storeFile: string, root: string, content: string): string | undefined {
	let text: string;
	try {
		text = readFileSync(storeFile, 'utf8');
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
		throw error;
	}
	const foreign = foreignEntryPath(text, root, content);
	if (foreign !== undefined) rmSync(storeFile, { force: true });
	return foreign;
}

/**
 * The path of the first entry of a data store (as `devalue` writes it: one flat JSON array whose objects name the
 * items they hold by index) read from outside `content`, or from a file that is no longer there under that exact
 * name; `(unreadable)` when the text is not such a store. A file renamed by letter case only keeps its entry's id,
 * and Astro, which keeps the entry, went on importing its story from the old name: the build could not resolve it.
 */
function foreignEntryPath(storeText: string, root: string, content: string): string | undefined {
	let flat: unknown;
	try {
		flat = JSON.parse(storeText);
	} catch {
		return '(unreadable)';
	}
	if (!Array.isArray(flat)) return '(unreadable)';
	const namesIn = new Map<string, Set<string>>();
	for (const item of flat as unknown[]) {
		if (typeof item !== 'object' || item === null || Array.isArray(item) || !('filePath' in item)) continue;
		const index = item.filePath;
		const path = typeof index === 'number' ? (flat as unknown[])[index] : undefined;
		if (typeof path !== 'string') continue;
		const file = resolve(root, path);
		if (!isInside(file, content) || !existsExactly(file, namesIn)) return path;
	}
	return undefined;
}

const isInside = (file: string, folder: string) => file === folder || file.startsWith(folder + sep);

/** Whether `file` exists with exactly this name, letter case included, whatever the file system's own rule. */
function existsExactly(file: string, namesIn: Map<string, Set<string>>): boolean {
	const dir = dirname(file);
	let names = namesIn.get(dir);
	if (!names) {
		names = new Set(entriesOf(dir).map((entry) => entry.name));
		namesIn.set(dir, names);
	}
	return names.has(basename(file));
}

/**
 * The content folder watched wherever it is, in `astro dev` (Astro's loaders add it to the watcher): exempt from the
 * config's `ignored` patterns. Vite's own patterns (node_modules, .git…) are added after this and still apply.
 */
function watchContentDir(content: string): Plugin {
	const inside = (file: string) => isInside(file, content);
	return {
		name: 'explainer:watch-content-dir',
		apply: 'serve',
		config(config) {
			const watch = config.server?.watch;
			if (!watch?.ignored) return;
			const patterns = [watch.ignored].flat();
			// Globs matched as the watcher matches them (picomatch, dot files included), through Vite's own filter.
			const matchesGlobs = createFilter(
				patterns.filter((pattern) => typeof pattern === 'string' || pattern instanceof RegExp),
				null,
				{ resolve: false },
			);
			const functions = patterns.filter((pattern) => typeof pattern === 'function');
			watch.ignored = (file: string) =>
				!inside(file) && (matchesGlobs(file) || functions.some((ignores) => ignores(file)));
		},
		configureServer(server) {
			// Astro's loaders add it to the watcher they were given; after a restart of the dev server, the content
			// checks still need its events (src/checks/dev-file-events.ts).
			server.watcher.add(content);
			server.watcher.on('unlink', (file) => {
				if (inside(file)) rereadNamesakes(file);
			});
		},
	};
}

/**
 * After `deleted` is gone, marks the files of its folder that gave the same id (`Story.mdx` beside `story.mdx`) as
 * saved. Astro removes the id's entry when either file goes, and reads the other again only when it changes: the
 * duplicate fixed, the remaining explainer would have been missing until its next save.
 */
function rereadNamesakes(deleted: string): void {
	const id = idFromFileName({ entry: basename(deleted) });
	const folder = dirname(deleted);
	const now = new Date();
	for (const { name } of entriesOf(folder)) {
		if (extname(name) !== extname(deleted) || idFromFileName({ entry: name }) !== id) continue;
		try {
			utimesSync(join(folder, name), now, now);
		} catch {
			// Gone as well since the listing: nothing to read again.
		}
	}
}
