import { COLLECTIONS, type Collection, type ContentFile, type Position } from './content-files';
import { fieldName, type Problem } from './problem';
import type { StoryFacts } from './story-facts/facts';

/** Everything a check can see: all files at once, so cross-file rules (references, duplicates) can run. */
export interface CheckContext {
	files: readonly ContentFile[];
	articles: readonly ContentFile[];
	actors: readonly ContentFile[];
	/** The ids of the actors, explainers and places that exist, from file names. */
	actorIds: ReadonlySet<string>;
	articleIds: ReadonlySet<string>;
	placeIds: ReadonlySet<string>;
	/** What an article's story holds (its text, mentions, links, headings, imports). */
	storyFacts: StoryFactsReader;
}

/** How the checks get a file's story facts: undefined for a file with no story. */
export type StoryFactsReader = (file: ContentFile) => StoryFacts | undefined;

/**
 * A rule over the content: reports every problem it finds, never stops at the first. Its `scope` says which files a
 * save in the dev server makes it look at again (incremental.ts); a check without one reads across files in ways
 * not described, and runs whole on every save.
 */
export interface Check {
	(context: CheckContext): Problem[];
	readonly scope?: Scope;
}

/** What a check sees of the content: `files`, or only some of them in the collections it reports on, of `all`. */
export function checkContext(
	files: readonly ContentFile[],
	storyFacts: StoryFactsReader,
	all: readonly ContentFile[] = files,
): CheckContext {
	const ids = (collection: Collection) =>
		new Set(all.filter((file) => file.collection === collection).map((file) => file.id));
	return {
		files,
		articles: files.filter((file) => file.collection === 'articles'),
		actors: files.filter((file) => file.collection === 'actors'),
		actorIds: ids('actors'),
		articleIds: ids('articles'),
		placeIds: ids('places'),
		storyFacts,
	};
}

/** A save in the dev server: each changed file as it was and as it is now, and every file now. */
export interface Save {
	changed: readonly { before: ContentFile; after: ContentFile }[];
	files: readonly ContentFile[];
}

/**
 * Which files a check must look at again after a save (the others keep their problems): `restricts` are the
 * collections it reports on file by file, `affected` the files of those whose problems the save can change, or
 * 'all'.
 */
export interface Scope {
	restricts: readonly Collection[];
	affected(save: Save): ReadonlySet<ContentFile> | 'all';
}

/** The files a save changed, as they are now. */
export const savedFiles = (save: Save) => new Set(save.changed.map(({ after }) => after));

/** The scope of a check whose problems in a file depend on that file alone and on which ids exist. */
export const OWN_FILE: Scope = { restricts: COLLECTIONS, affected: savedFiles };

/** A check with its scope. */
export const scoped = (scope: Scope, check: (context: CheckContext) => Problem[]): Check =>
	Object.assign(check, { scope });

/** `compute` as a function of the file, run once for each file read. */
export function oncePerFile<T>(compute: (file: ContentFile) => T): (file: ContentFile) => T {
	const results = new WeakMap<ContentFile, T>();
	return (file) => {
		if (!results.has(file)) results.set(file, compute(file));
		return results.get(file) as T;
	};
}

/** Every text a value holds, anywhere in it, with the path to it. */
export function textsIn(value: unknown, path: (string | number)[] = []): { path: (string | number)[]; text: string }[] {
	if (typeof value === 'string') return [{ path, text: value }];
	if (Array.isArray(value)) return value.flatMap((item, index) => textsIn(item, [...path, index]));
	if (value && typeof value === 'object') {
		return Object.entries(value).flatMap(([key, item]) => textsIn(item, [...path, key]));
	}
	return [];
}

/** Every text a file's fields hold: the ids it may name. */
export const stringsIn = oncePerFile((file) => new Set(textsIn(file.data).map(({ text }) => text)));

/** The items of a list field of a file, as the file holds them; none when the field is not a list. */
export function listAt<Item = unknown>(file: ContentFile, key: string): Item[] {
	const value = (file.data as Record<string, unknown> | undefined)?.[key];
	return Array.isArray(value) ? value : [];
}

/** The text items of a list; none when the value is not a list. */
export const textItems = (value: unknown): string[] =>
	Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];

/** The characters of the file's text at a position, `length` of them, as the editor wrote them. */
export function sourceAt(file: ContentFile, { line, column }: Position, length = 1): string | undefined {
	return file.text.split('\n', line)[line - 1]?.slice(column - 1, column - 1 + length);
}

/** A problem at a field of a file, placed with the YAML parser's positions; `field` is the path's name unless given. */
export function problemAt(
	file: ContentFile,
	path: readonly PropertyKey[],
	fields: Omit<Problem, 'file' | 'line' | 'column' | 'severity'> & { severity?: Problem['severity'] },
): Problem {
	return { severity: 'error', file: file.path, ...file.locate(path), field: fieldName(path) || undefined, ...fields };
}

/** A problem at a line and column of a file that no field of it holds, e.g. in the story. */
export const problemAtPosition = (
	file: ContentFile,
	{ line, column }: Position,
	message: string,
	hint: string,
	severity: Problem['severity'] = 'error',
): Problem => ({ severity, file: file.path, line, column, message, hint });
