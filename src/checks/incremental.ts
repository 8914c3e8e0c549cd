/**
 * The content checks as the dev server runs them: after a save, only over what the save can have changed. Each
 * check's problems are kept by file; a save re-reads the files whose size or time changed and runs each check again
 * over the files whose problems the change can move, as the check's `scope` describes them (check.ts; the saved file
 * itself, for the checks that read one file at a time), keeping the rest. A file added or removed, or anything else
 * in the collections' folders (figure images, imported files), changes what every file may refer to: then everything
 * is checked again, as `checkContent` does.
 */
import { readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { checkContext, type Check, type Save, type StoryFactsReader } from './check';
import { COLLECTIONS, entriesOf, isEntryFile, parseContentFile, type ContentFile } from './content-files';
import { folderProblems } from './folder-check';
import { sortProblems, type Problem } from './problem';

interface Known {
	/** Size and modification time, to see a save without reading the file. */
	stamp: string;
	bytes: Buffer;
	file: ContentFile;
}

/** The checks of one content folder, run again over what each save changed. */
export class IncrementalChecks {
	readonly #contentRoot: string;
	readonly #projectRoot: string;
	readonly #storyFacts: StoryFactsReader;
	/** The content files by absolute path, in the order `readContentFiles` reads them. */
	#known = new Map<string, Known>();
	/** The other entries of the collections' folders (images, folders), with their times. */
	#othersKey: string | undefined;
	/** Each check's problems, by the path of the file they are in. */
	#problems = new Map<Check, Map<string, Problem[]>>();
	#result: Problem[] = [];

	constructor(contentRoot: string, projectRoot: string, storyFacts: StoryFactsReader) {
		this.#contentRoot = contentRoot;
		this.#projectRoot = projectRoot;
		this.#storyFacts = storyFacts;
		// The files the dev server read as it started, before Astro's sync: kept while their size and time hold.
		this.#known = takeStartupReading(contentRoot, projectRoot) ?? this.#known;
	}

	/** Every problem of the content as it is on disk now, as `checkContent` would report them. */
	problems(checks: readonly Check[]): Problem[] {
		const { known, othersKey, changed } = this.#scan();
		// The same files and other entries as the last call (never so on the first): only saves can have changed them.
		const sameFiles =
			othersKey === this.#othersKey &&
			known.size === this.#known.size &&
			[...known.keys()].every((path) => this.#known.has(path));
		const sameChecks = checks.length === this.#problems.size && checks.every((check) => this.#problems.has(check));
		if (sameFiles && sameChecks && changed.length === 0) return this.#result;
		const files = [...known.values()].map(({ file }) => file);
		const save: Save | undefined = sameFiles ? { changed, files } : undefined;
		this.#known = known;
		this.#othersKey = othersKey;
		const problems = new Map(checks.map((check) => [check, this.#run(check, files, save)]));
		this.#problems = problems;
		this.#result = sortProblems([
			...folderProblems(this.#contentRoot, this.#projectRoot),
			...checks.flatMap((check) => [...(problems.get(check)?.values() ?? [])].flat()),
		]);
		return this.#result;
	}

	/** One check's problems by file: again over the files `save` can have changed them in, or over all of them. */
	#run(check: Check, files: readonly ContentFile[], save: Save | undefined): Map<string, Problem[]> {
		const scope = check.scope;
		const kept = this.#problems.get(check);
		const affected = save && scope && kept ? scope.affected(save) : 'all';
		if (affected === 'all') return byFile(check(checkContext(files, this.#storyFacts)), files);
		const looked = files.filter((file) => !scope!.restricts.includes(file.collection) || affected.has(file));
		const found = byFile(check(checkContext(looked, this.#storyFacts, files)), looked);
		const paths = new Set([...affected].map((file) => file.path));
		// A problem outside the files looked at again: the scope misdescribes the check, so it runs whole.
		if ([...found].some(([path, list]) => list.length > 0 && !paths.has(path))) {
			return byFile(check(checkContext(files, this.#storyFacts)), files);
		}
		const problems = new Map(kept);
		for (const path of paths) problems.set(path, found.get(path) ?? []);
		return problems;
	}

	#scan() {
		return scanContent(this.#contentRoot, this.#projectRoot, this.#known);
	}
}

/**
 * The content files of `contentRoot` now, re-read only where their size or time differs from `previous`, and those
 * whose text changed since.
 */
function scanContent(contentRoot: string, projectRoot: string, previous: ReadonlyMap<string, Known>) {
	const known = new Map<string, Known>();
	const changed: { before: ContentFile; after: ContentFile }[] = [];
	const others: string[] = [];
	for (const collection of COLLECTIONS) {
		const dir = join(contentRoot, collection);
		const entries = entriesOf(dir);
		const names = entries.map((entry) => entry.name);
		for (const entry of entries) {
			const path = join(dir, entry.name);
			const stats = statSync(path, { throwIfNoEntry: false });
			const stamp = `${stats?.size}:${stats?.mtimeMs}`;
			if (!isEntryFile(collection, entry, names)) {
				others.push(`${collection}/${entry.name}:${stamp}`);
				continue;
			}
			const before = previous.get(path);
			if (before?.stamp === stamp) {
				known.set(path, before);
				continue;
			}
			const bytes = readFileSync(path);
			if (before?.bytes.equals(bytes)) {
				known.set(path, { ...before, stamp });
				continue;
			}
			const file = parseContentFile(collection, relative(projectRoot, path) || entry.name, bytes);
			known.set(path, { stamp, bytes, file });
			if (before) changed.push({ before: before.file, after: file });
		}
	}
	return { known, othersKey: others.join('|'), changed };
}

const STARTUP_READING = Symbol.for('explainer:startup-reading');
/** The files read as the dev server started, on the process's globals: the middleware's modules are Vite's own. */
const shared = globalThis as { [STARTUP_READING]?: { key: string; known: Map<string, Known> } };
/** Which content folder, read for which project, a set of checks or a reading is of. */
export const contentKey = (contentRoot: string, projectRoot: string) =>
	`${resolve(contentRoot)}\0${resolve(projectRoot)}`;

/**
 * Reads every content file as the dev server starts, before Astro's sync, for the first request's checks to start
 * from; returns the files, whose fields Astro's loaders can take too (fields-read-once.ts) instead of parsing them.
 */
export function readContentAtStartup(contentRoot: string, projectRoot: string): ContentFile[] {
	const { known } = scanContent(contentRoot, projectRoot, new Map());
	shared[STARTUP_READING] = { key: contentKey(contentRoot, projectRoot), known };
	return [...known.values()].map(({ file }) => file);
}

/** The files read at the start for this folder, once. */
function takeStartupReading(contentRoot: string, projectRoot: string): Map<string, Known> | undefined {
	const reading = shared[STARTUP_READING];
	if (reading?.key !== contentKey(contentRoot, projectRoot)) return undefined;
	delete shared[STARTUP_READING];
	return reading.known;
}

/** Problems grouped by the file they are in, every file of `files` with a list. */
function byFile(problems: readonly Problem[], files: readonly ContentFile[]): Map<string, Problem[]> {
	const grouped = Map.groupBy(problems, (problem) => problem.file);
	for (const file of files) if (!grouped.has(file.path)) grouped.set(file.path, []);
	return grouped;
}
