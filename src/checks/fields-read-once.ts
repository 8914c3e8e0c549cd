/**
 * A build, and the dev server as it starts, read each content file's YAML once. The checks read every file before
 * Astro does (they must report a broken field, with its line, before Astro stops at it), and Astro's content loader
 * reads every file again, the unchanged ones too, with the same parser and options (astro-yaml.ts). So the checks hand
 * what they read to the loader ({@link handFieldsToAstro}), which takes a file's fields from there when the file's
 * text is the text the checks read ({@link fieldsReadOnce}), and parses it itself otherwise. The two meet on the process's
 * globals: Astro loads the content config through Vite, apart from the integrations' modules.
 */
import type { Loader } from 'astro/loaders';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { wrapEntryInfo } from '../utils/entry-types';
import type { ContentFile } from './content-files';

/** What the checks read of one file, as Astro's entry types give it. */
interface Reading {
	/** The file's text the fields were read from. */
	text: string;
	/** Its fields as Astro reads them. */
	data: Record<string, unknown>;
	/** The story below an article's frontmatter. */
	body: string;
}

const READINGS = Symbol.for('explainer:fields-read-once');
const shared = globalThis as { [READINGS]?: Map<string, Reading> };

/**
 * Hands the fields of `files` (paths relative to `projectRoot`) to the content loader of this build, replacing what
 * an earlier build handed over. Files that did not parse into fields are left for Astro to read.
 */
export function handFieldsToAstro(files: readonly ContentFile[], projectRoot: string): void {
	const readings = new Map<string, Reading>();
	for (const file of files) {
		const data = file.astroData ?? file.data;
		if (file.syntaxErrors.length > 0 || !data || typeof data !== 'object' || Array.isArray(data)) continue;
		const body = file.body?.text.trim() ?? '';
		readings.set(resolve(projectRoot, file.path), { text: file.text, data: data as Record<string, unknown>, body });
	}
	shared[READINGS] = readings;
}

/** The fields the checks read of the file, once, when its text is still what they read. */
function takeReading(file: string, contents: string): Reading | undefined {
	const reading = shared[READINGS]?.get(file);
	if (!reading) return undefined;
	shared[READINGS]?.delete(file);
	return reading.text === contents ? reading : undefined;
}

/** `loader`, taking each file's fields from the checks' reading of it when there is one. */
export function fieldsReadOnce(loader: Loader): Loader {
	return {
		...loader,
		load: (context) =>
			loader.load({
				...context,
				...wrapEntryInfo(context, (read) => async (params) => {
					const reading = takeReading(fileURLToPath(params.fileUrl), params.contents);
					if (!reading) return read(params);
					const slug = typeof reading.data['slug'] === 'string' ? reading.data['slug'] : '';
					return { data: reading.data, body: reading.body, slug, rawData: '' };
				}),
			}),
	};
}
