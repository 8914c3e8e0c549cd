import { statSync } from 'node:fs';
import { isRunnableDevEnvironment, type Plugin, type RunnableDevEnvironment, type ViteDevServer } from 'vite';
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
