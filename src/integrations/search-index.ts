import type { AstroIntegration } from 'astro';
import { AstroError } from 'astro/errors';
import { createReadStream, statSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { extname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PagefindServiceConfig } from 'pagefind';
import type { CheckedContent } from '../checks';
import { checkedEntries } from '../checks/schema-check';
import { SEARCH_INDEX_FOLDER, writeSearchIndexInThread, type SearchIndexWriting } from '../utils/search-index';
import { searchRecords, type SearchableContent } from '../utils/search-records';
import { checkedContent, contentToBuildFrom } from './content-checks';

export interface SearchIndexOptions {
	/** Pagefind's indexing options, e.g. `verbose` or `logfile` to see what it does. Default: none. */
	indexConfig?: PagefindServiceConfig;
}

/**
 * Builds the site's Pagefind search index from the content (src/utils/search-records.ts), in Pagefind's own process
 * started from a background thread, from the moment the content checks pass: it is written into a folder beside the
 * site while Astro compiles and renders, and moved into the site at the end. An index Pagefind cannot build fails the build. `astro dev` serves
 * the index of the last build, so search works there too. Needs `contentChecks()` among the integrations.
 */
export default function searchIndex({ indexConfig = {} }: SearchIndexOptions = {}): AstroIntegration {
	let base = '/';
	let outDir = '';
	let content: Promise<CheckedContent> | undefined;
	let writing: Promise<SearchIndexWriting> | undefined;
	let root: URL | undefined;
	const pending = () => `${outDir.replace(/[\\/]$/, '')}.${SEARCH_INDEX_FOLDER}`;
	return {
		name: 'explainer:search-index',
		hooks: {
			'astro:config:done': ({ config }) => {
				root = config.root;
				base = config.base;
				outDir = fileURLToPath(config.outDir);
				content = checkedContent();
			},
			'astro:build:start': () => {
				writing = contentToBuildFrom(content, 'search index records').then(async (checked) => {
					// Made at once, so that the parsed files can go while Pagefind works.
					const records = searchRecords(searchableContent(checked));
					await rm(pending(), { recursive: true, force: true });
					return writeSearchIndexInThread(
						records,
						pending(),
						indexConfig,
						new URL('src/utils/search-index-worker.ts', root),
					);
				});
				content = undefined;
				// Awaited in astro:build:done, which reports its failure; until then it is not an unhandled rejection.
				writing.catch(() => undefined);
			},
			'astro:build:done': async ({ dir, logger }) => {
				try {
					if (!writing) throw new Error('The search index was never started.');
					const pages = await (await writing).pages();
					await moveFolder(pending(), join(fileURLToPath(dir), SEARCH_INDEX_FOLDER));
					logger.info(`indexed ${pages} page${pages === 1 ? '' : 's'} for search`);
				} catch (error) {
					await rm(pending(), { recursive: true, force: true });
					throw new AstroError(
						String(error instanceof Error ? error.message : error),
						'The site could not be indexed for search, so the build stopped and dist/ is as it was.',
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

/** The valid explainers (with their stories' text), actors and places the checks read. */
function searchableContent({ files, storyFacts }: CheckedContent): SearchableContent {
	return {
		articles: checkedEntries(files, 'articles').map(({ file, id, data }) => ({
			id,
			data,
			story: storyFacts(file)?.readableText ?? '',
		})),
		actors: checkedEntries(files, 'actors').map(({ id, data }) => ({ id, data })),
		places: checkedEntries(files, 'places').map(({ id, data }) => ({ id, data })),
	};
}

/** Moves a folder into place, replacing what is there: both sit beside the built site, on its file system. */
async function moveFolder(from: string, to: string): Promise<void> {
	await rm(to, { recursive: true, force: true });
	await rename(from, to);
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
