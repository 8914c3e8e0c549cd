import type { AstroIntegrationLogger, RefreshContentOptions } from 'astro';
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import {
	isRunnableDevEnvironment,
	normalizePath,
	type Plugin,
	type RunnableDevEnvironment,
	type ViteDevServer,
} from 'vite';
import { devDataStoreFile } from './content-dir-store';

/** Astro's content data store as a module of the dev server (`astro:data-layer-content`, resolved). */
const DATA_STORE_MODULE = '\0astro:data-layer-content';

/** The environments that render pages in `astro dev`, as Astro's own invalidation of the store names them. */
const PAGE_ENVIRONMENTS = ['ssr', 'prerender'];

/**
 * For `astro dev`: after a save, pages read the content as saved, not as it was before.
 *
 * Astro writes its data store to `.astro/data-store.json` half a second after a save, then invalidates the store
 * module on the server (as a hot update) and drops that one module from the module runner that renders pages;
 * the runner evaluates the modules importing it again when the server next says they changed. Two races with a
 * page request in flight at that moment left the old content in place until the next save (astro 7.3.5, vite 8.3;
 * about one save in four in tests/checks/dev-live-edit.test.ts, which reloads a page every half second):
 *
 * - The request loads Astro's dev CSS module (`virtual:astro:dev-css:…`), which walks the page's imports and
 *   compiles again on the server each one marked changed. The server then holds the page, `astro:content` and its
 *   runtime compiled afresh and tells the runner they are unchanged, so the runner keeps its old runtime, which
 *   keeps the store it read once (`globalDataStore` in astro/dist/content/data-store.js).
 * - The request was loading the store module from the file just before it was replaced. A hot-update
 *   invalidation does not stop Vite from keeping a load that ends after it, so the server keeps the old store as
 *   current.
 *
 * Before each request, when the store file is not the one this check last saw, this invalidates the store
 * module on the server (not as a hot update: a load in flight is not kept) and drops from the runner the store
 * module with every module importing it, directly or not (the content runtime, our modules reading collections,
 * the pages). The request evaluates them again from the file as it is.
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
		dropWithImporters(environment, DATA_STORE_MODULE);
	}
}

/** Drops the module `id` and every module importing it, directly or not, from the environment's runner. */
function dropWithImporters(environment: RunnableDevEnvironment, id: string): void {
	const { evaluatedModules } = environment.runner;
	const pending = [id];
	const seen = new Set<string>();
	for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
		if (seen.has(next)) continue;
		seen.add(next);
		const module = evaluatedModules.getModuleById(next);
		if (!module) continue;
		pending.push(...module.importers);
		evaluatedModules.invalidateModule(module);
	}
}

/** A loader name no collection has: refreshing it, Astro's content layer loads nothing, then writes its store. */
const NO_LOADER = 'explainer:no-loader';

/** How long after a content file's last event the store is written: Astro's loader has read the file by then. */
const LOADED_AFTER_MS = 50;

/**
 * For `astro dev`: the data store written as soon as Astro's loader has read a saved content file, not half a
 * second later. The glob loader puts a saved entry in the store at once, but the store writes itself to
 * `.astro/data-store.json` after a 500 ms debounce (`SAVE_DEBOUNCE_MS`, astro/dist/content/mutable-data-store.js),
 * and pages read the written file: an edited actor's role waited for it. A refresh of a loader no collection uses
 * ends, as every refresh does, by writing the store without waiting. Should the loader still be reading the file
 * then, the store writes its change after the debounce, as without this.
 */
export function writeDataStoreAfterSaves(
	server: ViteDevServer,
	refreshContent: (options: RefreshContentOptions) => Promise<void>,
	logger: AstroIntegrationLogger,
	folder: string,
): void {
	const inside = `${normalizePath(resolve(folder))}/`;
	let pending: NodeJS.Timeout | undefined;
	const write = () =>
		refreshContent({ loaders: [NO_LOADER] }).catch((error: unknown) =>
			logger.warn(`The content store is written after Astro's debounce: ${String(error)}`),
		);
	const onContentFile = (file: string) => {
		if (!normalizePath(file).startsWith(inside)) return;
		clearTimeout(pending);
		pending = setTimeout(write, LOADED_AFTER_MS);
	};
	server.watcher.on('add', onContentFile).on('change', onContentFile).on('unlink', onContentFile);
}
