import type { AstroIntegration } from 'astro';
import { AstroError } from 'astro/errors';
import { createReadStream, statSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { extname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CheckedContent } from '../checks';
import { checkedContent, contentToBuildFrom } from '../checks/integration';
import { checkedEntries } from '../checks/schema-check';
import { SEARCH_INDEX_FOLDER, writeSearchIndex } from './pagefind-index';
import { searchRecords, type SearchableContent } from './records';

/**
 * The search page (`/search/`, SearchPage.astro) and its Pagefind index, built from the content (records.ts) in
 * Pagefind's own process from the moment the content checks pass: it is written into a folder beside the site while
 * Astro renders, and moved into the site at the end. An index Pagefind cannot build fails the build. `astro dev`
 * serves the index of the last build, so search works there too.
 */
export default function search(): AstroIntegration {
	let base = '/';
	let outDir = '';
	let content: Promise<CheckedContent> | undefined;
	let writing: Promise<number> | undefined;
	const pending = () => `${outDir.replace(/[\\/]$/, '')}.${SEARCH_INDEX_FOLDER}`;
	return {
		name: 'explainer:search',
		hooks: {
			'astro:config:setup': ({ injectRoute }) => {
				injectRoute({ pattern: '/search', entrypoint: './src/search/SearchPage.astro' });
			},
			'astro:config:done': ({ config }) => {
				base = config.base;
				outDir = fileURLToPath(config.outDir);
				content = checkedContent();
			},
			'astro:build:start': () => {
				writing = contentToBuildFrom(content, 'search index records').then(async (checked) => {
					// Made at once, so that the parsed files can go while Pagefind works.
					const records = searchRecords(searchableContent(checked));
					await rm(pending(), { recursive: true, force: true });
					return writeSearchIndex(records, pending());
				});
				content = undefined;
				// Awaited in astro:build:done, which reports its failure; until then it is not an unhandled rejection.
				writing.catch(() => undefined);
			},
			'astro:build:done': async ({ dir, logger }) => {
				try {
					if (!writing) throw new Error('The search index was never started.');
					const pages = await writing;
					// Both folders sit beside the built site, on its file system.
					const folder = join(fileURLToPath(dir), SEARCH_INDEX_FOLDER);
					await rm(folder, { recursive: true, force: true });
					await rename(pending(), folder);
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
		actors: checkedEntries(files, 'actors'),
		places: checkedEntries(files, 'places'),
	};
}

const CONTENT_TYPES: Record<string, string> = {
	'.js': 'text/javascript',
	'.css': 'text/css',
	'.json': 'application/json',
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
