import { createHash } from 'node:crypto';
import { resolve } from 'node:path';

/**
 * Where the content collections live. `CONTENT_DIR` points the site at another folder (benchmarks and tests
 * build generated content without touching `content/`).
 */
export function contentDir(collection?: 'articles' | 'actors' | 'places'): string {
	const root = resolve(process.env['CONTENT_DIR'] ?? 'content');
	return collection ? resolve(root, collection) : root;
}

/**
 * Astro's cache folder for a content folder other than `content/` (undefined for `content/` itself: Astro's default).
 * Astro's content cache keeps an MDX entry's module path while its id and text are unchanged, even when it was read
 * from another folder, so a build of one `CONTENT_DIR` after another with the same file names would import files
 * that are gone. The cache stays for the folder's next build; a caller that builds a folder it then deletes (the
 * tests) deletes its cache too.
 */
export function contentCacheDir(root = process.env['CONTENT_DIR']): string | undefined {
	if (root === undefined) return undefined;
	return resolve(
		'node_modules/.astro',
		`content-${createHash('sha256').update(resolve(root)).digest('hex').slice(0, 12)}`,
	);
}
