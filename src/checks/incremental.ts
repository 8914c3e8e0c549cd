/**
 * The content checks as the dev server runs them: after a save, only over what the save can have changed. Each
 * check's problems are kept by file; a save re-reads the files whose size or time changed and runs each check again
 * over the files whose problems the change can move (the saved file itself, for the checks that read one file at a
 * time), keeping the rest. A file added or removed, or anything else in the collections' folders (figure images,
 * imported files), changes what every file may refer to: then everything is checked again, as `checkContent` does.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { asOfCheck } from './as-of-check';
import type { Check, CheckContext } from './check';
import { claimCheck, claimQuoteCheck } from './claim-check';
import { COLLECTIONS, parseContentFile, type Collection, type ContentFile } from './content-files';
import { dateCheck } from './date-check';
import { folderProblems } from './folder-check';
import { mapCheck } from './map-check';
import { mdxCheck } from './mdx-check';
import { mentionCheck, namedActors } from './mention-check';
import { placeCheck } from './place-check';
import { placeholderCheck } from './placeholder-check';
import { sortProblems, type Problem } from './problem';
import { quoteCheck } from './quote-check';
import { referenceCheck } from './reference-check';
import { schemaCheck } from './schema-check';
import { storyContentCheck } from './story-content-check';
import type { StoryFacts } from './story-facts/facts';

/** What a check gets to see: every file, or only some of them in the collections it reports on. */
export function checkContext(
	files: readonly ContentFile[],
	storyFacts: (file: ContentFile) => StoryFacts | undefined,
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

/** The saved files: each as it was and as it is now. */
interface Save {
	changed: readonly { before: ContentFile; after: ContentFile }[];
	files: readonly ContentFile[];
}

/**
 * Which files a check must look at again after a save (the others keep their problems): `restricts` are the
 * collections it reports on file by file, `affected` the files of those whose problems the save can change, or
 * 'all'. A check not listed in SCOPES reads across files in ways not described here, and runs whole on every save.
 */
interface Scope {
	restricts: readonly Collection[];
	affected(save: Save): ReadonlySet<ContentFile> | 'all';
}

const savedFiles = (save: Save) => new Set(save.changed.map(({ after }) => after));

/** A file's problems depend on that file alone and on which ids exist. */
const OWN_FILE: Scope = { restricts: COLLECTIONS, affected: savedFiles };

const SCOPES = new Map<Check, Scope>([
	...[
		schemaCheck,
		referenceCheck,
		placeCheck,
		dateCheck,
		claimCheck,
		mdxCheck,
		storyContentCheck,
		quoteCheck,
		claimQuoteCheck,
		placeholderCheck,
	].map((check) => [check, OWN_FILE] as const),
	[
		mentionCheck,
		{
			// A story's mentions are matched against every actor's names: a change of names reaches every story.
			restricts: ['articles'],
			affected: (save) => {
				const names = (file: ContentFile) => JSON.stringify(namedActors(checkContext([file], () => undefined)));
				const renamed = save.changed.some(
					({ before, after }) => after.collection === 'actors' && names(before) !== names(after),
				);
				return renamed ? 'all' : savedFiles(save);
			},
		},
	],
	[
		mapCheck,
		{
			// An explainer's map is laid out from the places it lists: a saved place reaches every explainer listing it.
			restricts: ['articles'],
			affected: (save) => {
				const affected = savedFiles(save);
				const places = new Set(save.changed.flatMap(({ after }) => (after.collection === 'places' ? [after.id] : [])));
				if (places.size === 0) return affected;
				for (const file of save.files) {
					if (file.collection === 'articles' && [...stringsIn(file)].some((text) => places.has(text)))
						affected.add(file);
				}
				return affected;
			},
		},
	],
	[
		asOfCheck,
		{
			// An actor is checked against the explainers that list or quote it, on their days, and the explainers its
			// dated items cite (`reportedIn`): the actors a saved explainer names, before or after, and those citing it.
			restricts: ['actors'],
			affected: (save) => {
				const affected = savedFiles(save);
				const articles = save.changed.filter(({ after }) => after.collection === 'articles');
				if (articles.length === 0) return affected;
				const named = new Set(articles.flatMap(({ before, after }) => [...stringsIn(before), ...stringsIn(after)]));
				const saved = new Set(articles.map(({ after }) => after.id));
				for (const file of save.files) {
					if (file.collection !== 'actors') continue;
					if (named.has(file.id) || [...stringsIn(file)].some((text) => saved.has(text))) affected.add(file);
				}
				return affected;
			},
		},
	],
]);

const strings = new WeakMap<ContentFile, Set<string>>();

/** Every text a file's fields hold, anywhere in them. */
function stringsIn(file: ContentFile): Set<string> {
	let found = strings.get(file);
	if (!found) {
		const texts = new Set<string>();
		const visit = (value: unknown): void => {
			if (typeof value === 'string') texts.add(value);
			else if (Array.isArray(value)) value.forEach(visit);
			else if (value && typeof value === 'object') Object.values(value).forEach(visit);
		};
		visit(file.data);
		found = texts;
		strings.set(file, found);
	}
	return found;
}

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
	readonly #storyFacts: (file: ContentFile) => StoryFacts | undefined;
	/** The content files by absolute path, in the order `readContentFiles` reads them. */
	#known = new Map<string, Known>();
	/** The other entries of the collections' folders (images, folders), with their times. */
	#othersKey: string | undefined;
	/** Each check's problems, by the path of the file they are in. */
	#problems = new Map<Check, Map<string, Problem[]>>();
	#result: Problem[] = [];

	constructor(contentRoot: string, projectRoot: string, storyFacts: (file: ContentFile) => StoryFacts | undefined) {
		this.#contentRoot = contentRoot;
		this.#projectRoot = projectRoot;
		this.#storyFacts = storyFacts;
	}

	/** Every problem of the content as it is on disk now, as `checkContent` would report them. */
	problems(checks: readonly Check[]): Problem[] {
		const { known, othersKey, changed } = this.#scan();
		const sameFiles = known.size === this.#known.size && [...known.keys()].every((path) => this.#known.has(path));
		const first = this.#othersKey === undefined;
		const sameChecks = checks.length === this.#problems.size && checks.every((check) => this.#problems.has(check));
		if (!first && sameFiles && sameChecks && othersKey === this.#othersKey && changed.length === 0) {
			return this.#result;
		}
		const files = [...known.values()].map(({ file }) => file);
		const save: Save | undefined =
			!first && sameFiles && othersKey === this.#othersKey ? { changed, files } : undefined;
		this.#known = known;
		this.#othersKey = othersKey;
		const problems = new Map<Check, Map<string, Problem[]>>();
		for (const check of checks) problems.set(check, this.#run(check, files, save));
		this.#problems = problems;
		this.#result = sortProblems([
			...folderProblems(this.#contentRoot, this.#projectRoot),
			...checks.flatMap((check) => [...(problems.get(check)?.values() ?? [])].flat()),
		]);
		return this.#result;
	}

	/** One check's problems by file: again over the files `save` can have changed them in, or over all of them. */
	#run(check: Check, files: readonly ContentFile[], save: Save | undefined): Map<string, Problem[]> {
		const scope = SCOPES.get(check);
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

	/** The content files now, re-read only where their size or time changed, and those whose text changed. */
	#scan() {
		const known = new Map<string, Known>();
		const changed: { before: ContentFile; after: ContentFile }[] = [];
		const others: string[] = [];
		for (const collection of COLLECTIONS) {
			const dir = join(this.#contentRoot, collection);
			const extension = collection === 'articles' ? '.mdx' : '.yaml';
			let entries;
			try {
				entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
			} catch {
				continue;
			}
			for (const entry of entries) {
				const path = join(dir, entry.name);
				const stats = statSync(path, { throwIfNoEntry: false });
				const stamp = `${stats?.size}:${stats?.mtimeMs}`;
				if (!entry.name.endsWith(extension) || entry.isDirectory()) {
					others.push(`${collection}/${entry.name}:${stamp}`);
					continue;
				}
				const before = this.#known.get(path);
				if (before?.stamp === stamp) {
					known.set(path, before);
					continue;
				}
				const bytes = readFileSync(path);
				if (before?.bytes.equals(bytes)) {
					known.set(path, { ...before, stamp });
					continue;
				}
				const file = parseContentFile(collection, relative(this.#projectRoot, path) || entry.name, bytes);
				known.set(path, { stamp, bytes, file });
				if (before) changed.push({ before: before.file, after: file });
			}
		}
		return { known, othersKey: others.join('|'), changed };
	}
}

/** Problems grouped by the file they are in, every file of `files` with a list. */
function byFile(problems: readonly Problem[], files: readonly ContentFile[]): Map<string, Problem[]> {
	const grouped = new Map<string, Problem[]>(files.map((file) => [file.path, []]));
	for (const problem of problems) {
		const list = grouped.get(problem.file);
		if (list) list.push(problem);
		else grouped.set(problem.file, [problem]);
	}
	return grouped;
}
