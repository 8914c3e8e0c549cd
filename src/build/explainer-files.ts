import { AstroError } from 'astro/errors';
import { copyFile, link, rm } from 'node:fs/promises';
import { join } from 'node:path';

/** A file a build puts beside an explainer's page (its share image, its maps), with where its bytes are. */
export interface ExplainerFile {
	slug: string;
	/** The file's name in the explainer's folder, e.g. `share.png`. */
	name: string;
	/** The path of a file holding its bytes, such as a cached drawing, drawn first when need be. */
	source: () => Promise<string>;
}

/** How many files are drawn or linked at once. */
const WRITES_AT_ONCE = 16;

/**
 * Puts each file beside its explainer's page in the built site `outDir`, outside Astro's pages (each route would
 * cost Astro's own work per page). Throws when an explainer has no page to sit beside.
 *
 * A file is a hard link to its source where the file system allows one, and a copy elsewhere (another device): a
 * rebuild links thousands of cached drawings instead of writing their bytes again. A cached file is never changed in
 * place (disk-cache.ts replaces it by renaming), and a file already at the place is removed first, never written
 * through, since it may be a link to another cached file; so what a link shares stays as it was built. A link shares
 * the file's times and permissions with the cache too: the bytes are what must not change.
 */
export async function writeBesideExplainers(files: readonly ExplainerFile[], outDir: string): Promise<void> {
	for (let start = 0; start < files.length; start += WRITES_AT_ONCE) {
		await Promise.all(
			files.slice(start, start + WRITES_AT_ONCE).map(async ({ slug, name, source }) => {
				// The built folder holds the site from its base path down: /<base>/explainers/x/ is explainers/x/ here.
				const file = join(outDir, 'explainers', slug, name);
				const from = await source();
				await rm(file, { force: true })
					.then(() => link(from, file))
					.catch(() => copyFile(from, file))
					.catch((error: unknown) => {
						throw new AstroError(
							`The file ${name} of the explainer “${slug}” could not be written to ${file}: ${String(error)}`,
							'Every explainer gets a page at /explainers/<slug>/; check that src/pages still builds it.',
						);
					});
			}),
		);
	}
}
