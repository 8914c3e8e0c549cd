import { AstroError } from 'astro/errors';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** A file a build writes beside an explainer's page (its share image, its maps), with what makes its bytes. */
export interface ExplainerFile {
	slug: string;
	/** The file's name in the explainer's folder, e.g. `share.png`. */
	name: string;
	/** Its bytes: read from a cache, or drawn. */
	bytes: () => Promise<Uint8Array>;
}

/** How many files are read (or drawn) and written at once. */
const WRITES_AT_ONCE = 16;

/**
 * Writes each file beside its explainer's page in the built site `outDir`, outside Astro's pages (each route would
 * cost Astro's own work per page). Throws when an explainer has no page to sit beside.
 */
export async function writeBesideExplainers(files: readonly ExplainerFile[], outDir: string): Promise<void> {
	for (let start = 0; start < files.length; start += WRITES_AT_ONCE) {
		await Promise.all(
			files.slice(start, start + WRITES_AT_ONCE).map(async ({ slug, name, bytes }) => {
				// The built folder holds the site from its base path down: /<base>/explainers/x/ is explainers/x/ here.
				const file = join(outDir, 'explainers', slug, name);
				await writeFile(file, await bytes()).catch((error: unknown) => {
					throw new AstroError(
						`The file ${name} of the explainer “${slug}” could not be written to ${file}: ${String(error)}`,
						'Every explainer gets a page at /explainers/<slug>/; check that src/pages still builds it.',
					);
				});
			}),
		);
	}
}
