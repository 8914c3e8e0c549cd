import { resolve } from 'node:path';

/**
 * Where the content collections live. `CONTENT_DIR` points the site at another folder (benchmarks and tests
 * build generated content without touching `content/`).
 */
export function contentDir(collection?: 'articles' | 'actors' | 'places'): string {
	const root = resolve(process.env['CONTENT_DIR'] ?? 'content');
	return collection ? resolve(root, collection) : root;
}
