import type { AstroIntegration } from 'astro';
import { AstroError } from 'astro/errors';
import { createReadStream, statSync } from 'node:fs';
import { extname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createIndex, type PagefindServiceConfig } from 'pagefind';
import { SEARCH_INDEX_FOLDER, useSearchIndex, writeSearchIndex } from '../utils/search-index';

export interface SearchIndexOptions {
	/** Pagefind's indexing options, e.g. `excludeSelectors` for text that must not be searched. Default: none. */
	indexConfig?: PagefindServiceConfig;
}

/**
 * Builds the site's Pagefind search index: started as the build starts, given each page as it renders (by
 * src/middleware.ts), written into the built site at the end. A page Pagefind cannot read, or an index it cannot
 * write, fails the build. `astro dev` serves the index of the last build, so search works there too.
 */
export default function searchIndex({ indexConfig = {} }: SearchIndexOptions = {}): AstroIntegration {
	let base = '/';
	let outDir = '';
	let writing: Promise<number> | undefined;
	return {
		name: 'explainer:search-index',
		hooks: {
			'astro:config:done': ({ config }) => {
				base = config.base;
				outDir = fileURLToPath(config.outDir);
			},
			'astro:build:start': async () => {
				await startSearchIndex(indexConfig, base);
			},
			// Pagefind writes in its own process: started as soon as the pages are built, it runs while the other
			// integrations finish (the share images, the sitemap), and the build waits for it at the end.
			'astro:build:generated': ({ dir }) => {
				writing = writeSearchIndex(join(fileURLToPath(dir), SEARCH_INDEX_FOLDER));
				// Awaited in astro:build:done, which reports its failure; until then it is not an unhandled rejection.
				writing.catch(() => undefined);
			},
			'astro:build:done': async ({ logger }) => {
				try {
					if (!writing) throw new Error('The search index was never written.');
					const pages = await writing;
					logger.info(`indexed ${pages} page${pages === 1 ? '' : 's'} for search`);
				} catch (error) {
					throw new AstroError(
						String(error instanceof Error ? error.message : error),
						'The pages above could not be indexed for search, so the build stopped and dist/ is as it was.',
					);
				}
			},
			'astro:server:setup': ({ server }) => {
				const folder = join(outDir, SEARCH_INDEX_FOLDER);
				const prefix = `${base.replace(/\/?$/, '/')}${SEARCH_INDEX_FOLDER}/`;
				server.middlewares.use((request, response, next) => {
					const path = request.url?.split('?')[0];
					if (!path?.startsWith(prefix)) return next();
					const file = builtIndexFile(folder, decodeURIComponent(path.slice(prefix.length)));
					if (!file) return next();
					response.setHeader('content-type', CONTENT_TYPES[extname(file)] ?? 'application/octet-stream');
					createReadStream(file).pipe(response);
				});
			},
		},
	};
}

/** Starts Pagefind's indexing service (a process of its own) for a build of a site served under `base`. */
export async function startSearchIndex(config: PagefindServiceConfig, base: string): Promise<void> {
	const { index, errors } = await createIndex(config);
	if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ') || 'no reason given'}`);
	await useSearchIndex(index, base);
}

const CONTENT_TYPES: Record<string, string> = {
	'.js': 'text/javascript',
	'.css': 'text/css',
	'.json': 'application/json',
	'.wasm': 'application/wasm',
};

/** The file at `path` inside the built index `folder`, or undefined when there is none (or the path leaves it). */
export function builtIndexFile(folder: string, path: string): string | undefined {
	const file = resolve(folder, path);
	const inside = relative(folder, file);
	if (inside === '' || inside.startsWith(`..${sep}`) || inside === '..') return undefined;
	try {
		return statSync(file).isFile() ? file : undefined;
	} catch {
		return undefined;
	}
}
