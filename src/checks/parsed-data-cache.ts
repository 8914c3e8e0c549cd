import { createHash } from 'node:crypto';
import { dirname, join } from 'node:path';
import { BODY_FACTS_FILE, lockfileDigest, readJsonMap, writeJsonMap } from './body-facts-cache';

/**
 * Bump when what is stored changes (the parsing options in content-files.ts, or how values are kept): every file's
 * YAML is then parsed again.
 */
export const PARSED_DATA_VERSION = 2;

/**
 * The parsed YAML of content files (an article's frontmatter, an actor's or a place's document) by a hash of the
 * YAML text, kept in a file between runs, so a rebuild parses only the files that changed: YAML parsing was half
 * of the content checks' time at 1000 explainers. Only files without syntax errors are kept, and only values that
 * JSON keeps exactly; where a field sits in its file is found by parsing the YAML when a problem needs it.
 */
export interface ParsedDataStore {
	/** The data parsed earlier from this YAML text, if the store has it. */
	get(yamlText: string): { data: unknown } | undefined;
	/** Keeps the data parsed from this YAML text (when JSON keeps it exactly). */
	set(yamlText: string, data: unknown): void;
	/** Writes the data of the texts seen since the store was opened (and no others) to its file. */
	save(): void;
}

/** The file the parsed YAML is kept in: beside the stories' facts, in the same cache folder. */
export const parsedDataFileBeside = (factsFile: string): string => join(dirname(factsFile), 'parsed-data.json');

/** Where a build keeps the parsed YAML, under its cache folder. */
export const PARSED_DATA_FILE = parsedDataFileBeside(BODY_FACTS_FILE);

const openStores = new Map<string, ParsedDataStore>();

/**
 * The store kept in `file`, one per file in a process: a build's share image list and its checks read the same
 * files, and what both saw is saved.
 */
export function parsedDataStore(file: string, projectRoot = process.cwd()): ParsedDataStore {
	let store = openStores.get(file);
	if (!store) {
		store = createParsedDataStore(file, projectRoot);
		openStores.set(file, store);
	}
	return store;
}

/** Closes the open stores (their data is let go with the parsed files, after a build's checks). */
export function closeParsedDataStores(): void {
	openStores.clear();
}

function createParsedDataStore(file: string, projectRoot: string): ParsedDataStore {
	const salt = `${PARSED_DATA_VERSION}:${lockfileDigest(projectRoot)}`;
	const earlier = readJsonMap<unknown>(file);
	const seen = new Map<string, unknown>();
	let changed = false;
	const keyOf = (yamlText: string) => createHash('sha256').update(`${salt}:`).update(yamlText).digest('base64url');
	return {
		get(yamlText) {
			const key = keyOf(yamlText);
			if (!earlier.has(key) && !seen.has(key)) return undefined;
			const data = seen.has(key) ? seen.get(key) : earlier.get(key);
			seen.set(key, data);
			return { data };
		},
		set(yamlText, data) {
			if (!keptExactlyByJson(data)) return;
			seen.set(keyOf(yamlText), data);
			changed = true;
		},
		save() {
			if (changed || seen.size !== earlier.size) writeJsonMap(file, seen);
		},
	};
}

/** Whether JSON gives `value` back as it is: YAML's `.inf` and `.nan` it would not, nor a `__proto__` key. */
export function keptExactlyByJson(value: unknown): boolean {
	if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
	if (typeof value === 'number') return Number.isFinite(value) && !Object.is(value, -0);
	if (Array.isArray(value)) return value.every(keptExactlyByJson);
	if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
		return Object.entries(value).every(([key, item]) => key !== '__proto__' && keptExactlyByJson(item));
	}
	return false;
}
