import type { AstroIntegrationLogger, RefreshContentOptions } from 'astro';
import { statSync } from 'node:fs';
import { dirname, extname, resolve } from 'node:path';
import { isRunnableDevEnvironment, normalizePath, type Plugin, type ViteDevServer } from 'vite';
import { COLLECTIONS, entryExtension } from '../checks/content-files';
import { devDataStoreFile } from './content-dir-store';

/** Astro's content data store as a module of the dev server (`astro:data-layer-content`, resolved). */
const DATA_STORE_MODULE = '\0astro:data-layer-content';

/** The environments that render pages in `astro dev`, as Astro's own invalidation of the store names them. */
const PAGE_ENVIRONMENTS = ['ssr', 'prerender'];

/**
 * For `astro dev`: after a save, pages read the content as saved, not as it was before.
 *
 * After a save Astro writes its data store to `.astro/data-store.json` (see writeDataStoreAfterSaves), invalidates
 * the store module on the server as a hot update, and drops that one module from the runner that renders pages,
 * which evaluates the modules importing it again when the server next says they changed. A page request in flight
 * at that moment could keep the old content until the next save, by two races (astro 7.3.5, vite 8.3; seen in
 * tests/checks/dev-live-edit.test.ts, which reloads a page while it saves):
 *
 * - The request loads Astro's dev CSS module (`virtual:astro:dev-css:…`), which walks the page's imports and
 *   compiles again on the server each one marked changed. Holding the page, `astro:content` and its runtime
 *   compiled afresh, the server tells the runner they are unchanged, so the runner keeps its old runtime and the
 *   store that runtime read once (`globalDataStore` in astro/dist/content/data-store.js).
 * - The request was loading the store module from the file just before it was replaced: a hot-update invalidation
 *   does not stop Vite from keeping a load that ends after it, so the server keeps the old store as current.
 *
 * So before each request, when the store file is not the one last seen, this invalidates the store module on the
 * server (not as a hot update: a load in flight is not kept) and drops from the runner the store module and every
 * module importing it, directly or not (the content runtime, our modules reading collections, the pages), for the
 * request to evaluate again from the file.
 */
export function freshDataStoreInDev(): Plugin {
	return {
		name: 'explainer:fresh-data-store-in-dev',
		apply: 'serve',
		configureServer(server) {
			const storeFile = devDataStoreFile(server.config.root);
			let seen: string | undefined;
			// Added here, not in a hook returned for later: it runs before Astro's page handler.
			server.middlewares.use((_request, _response, next) => {
				const current = fileVersion(storeFile);
				if (current !== seen) {
					seen = current;
					reloadDataStore(server);
				}
				next();
			});
		},
	};
}

/** Which version of `file` is there: Astro replaces the store by renaming a new file over it. */
function fileVersion(file: string): string | undefined {
	try {
		const { ino, mtimeMs, size } = statSync(file);
		return `${ino}:${mtimeMs}:${size}`;
	} catch {
		return undefined;
	}
}

/** Makes each page runner evaluate the data store module, and every module importing it, from the file. */
function reloadDataStore(server: ViteDevServer): void {
	for (const name of PAGE_ENVIRONMENTS) {
		const environment = server.environments[name];
		if (!environment || !isRunnableDevEnvironment(environment)) continue;
		const store = environment.moduleGraph.getModuleById(DATA_STORE_MODULE);
		if (store) environment.moduleGraph.invalidateModule(store);
		const { evaluatedModules } = environment.runner;
		// A set iterates over what is added while it iterates: each importer once, however many paths reach it.
		const ids = new Set([DATA_STORE_MODULE]);
		for (const id of ids) {
			const module = evaluatedModules.getModuleById(id);
			if (!module) continue;
			for (const importer of module.importers) ids.add(importer);
			evaluatedModules.invalidateModule(module);
		}
	}
}

/** A loader name no collection has: refreshing it, Astro's content layer loads nothing, then writes its store. */
const NO_LOADER = 'explainer:no-loader';

/**
 * How long after an entry file's last event the store is written. Astro's loader reads a saved file as soon as the
 * watcher reports it, usually well within this; the mention names wait longer (actor-names.ts) because a save read
 * too early would drop an actor's links until the next save, where a write too early only falls back to Astro's.
 */
const LOADED_AFTER_MS = 50;

/**
 * The collections whose saves ask for an early write. A story's page shows its text from the story's own compiled
 * module, so a story save does not wait for the store; a write then would take the main thread from that compile
 * and delay the page (docs/performance.md). A story's fields wait for Astro's debounce, as they did before.
 */
const DATA_COLLECTIONS = COLLECTIONS.filter((collection) => collection !== 'articles');

/**
 * How many times a write is asked for while the store file stays as it was, each wait twice the one before: the
 * last ends before Astro's debounce would write. Astro reloads its content config after every save of a `.yaml` or
 * `.mdx` file, and skips a refresh asked for meanwhile; the first reload after the start takes longest.
 */
const ATTEMPTS = 3;

/**
 * For `astro dev`: the data store written once Astro's loader has read a saved actor or place, not after Astro's
 * debounce. The glob loader puts a saved entry in the store at once, but the store writes itself to
 * `.astro/data-store.json` only after a debounce (`SAVE_DEBOUNCE_MS`, astro/dist/content/mutable-data-store.js),
 * and pages read the written file: an edited actor's role waited for it. A refresh of a loader no collection uses
 * ends, as every refresh does, by writing the store without waiting. Should the loader still be reading the file
 * then, or the refresh be skipped every time, the store writes its change after the debounce, as without this.
 *
 * A refresh does what Astro's own does: it logs "Syncing content" and "Synced content", logs again each reference
 * to an entry that does not exist (the content checks report those too), and serialises the whole store. So only
 * the actors' and places' entry files start one (not images, editors' swap files or subfolders), and a save that
 * changes nothing costs every attempt. Should the content config change meanwhile, a refresh queued before Astro's
 * own full one may write an empty store, which that one refills.
 */
export function writeDataStoreAfterSaves(
	server: ViteDevServer,
	refreshContent: (options: RefreshContentOptions) => Promise<void>,
	logger: AstroIntegrationLogger,
	folder: string,
): void {
	const extensionIn = new Map(
		DATA_COLLECTIONS.map((collection) => [normalizePath(resolve(folder, collection)), entryExtension(collection)]),
	);
	const storeFile = devDataStoreFile(server.config.root);
	let pending: NodeJS.Timeout | undefined;
	let lastSave = 0;
	const writeAfter = (wait: number, attempt: number, save: number, storeBefore: string | undefined) => {
		pending = setTimeout(async () => {
			const asked = await refreshContent({ loaders: [NO_LOADER] }).then(
				() => true,
				(error: unknown) => {
					logger.warn(`The content store is written after Astro's debounce: ${String(error)}`);
					return false;
				},
			);
			if (asked && save === lastSave && attempt < ATTEMPTS && fileVersion(storeFile) === storeBefore) {
				writeAfter(wait * 2, attempt + 1, save, storeBefore);
			}
		}, wait);
	};
	const onContentFile = (file: string) => {
		if (extensionIn.get(normalizePath(dirname(file))) !== extname(file)) return;
		clearTimeout(pending);
		lastSave += 1;
		writeAfter(LOADED_AFTER_MS, 1, lastSave, fileVersion(storeFile));
	};
	server.watcher.on('add', onContentFile).on('change', onContentFile).on('unlink', onContentFile);
}
