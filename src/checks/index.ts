import type { Check, CheckContext } from './check';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { BodyFacts } from './body-facts';
import { createBodyFactsStore, type BodyFactsStore } from './body-facts-cache';
import { parseBodiesInThread } from './body-facts-thread';
import { COLLECTIONS, readContentFiles, type ContentFile } from './content-files';
import { asOfCheck } from './as-of-check';
import { dateCheck } from './date-check';
import { duplicateIdCheck } from './duplicate-check';
import { linkCheck } from './link-check';
import { mdxCheck } from './mdx-check';
import { mentionCheck, sharedNameCheck } from './mention-check';
import { placeCheck } from './place-check';
import { placeholderCheck } from './placeholder-check';
import { quoteCheck } from './quote-check';
import { sortProblems, type Problem } from './problem';
import { referenceCheck } from './reference-check';
import { schemaCheck } from './schema-check';

/** The checks that read the files' fields alone, not the stories: they need no story parsed. */
export const DATA_CHECKS: readonly Check[] = [
	schemaCheck,
	duplicateIdCheck,
	referenceCheck,
	placeCheck,
	sharedNameCheck,
	dateCheck,
	asOfCheck,
];

/** The checks that read the stories' facts. */
export const STORY_CHECKS: readonly Check[] = [mdxCheck, quoteCheck, mentionCheck, linkCheck, placeholderCheck];

/** Every check, in the order their problems are most useful to read. */
export const CHECKS: readonly Check[] = [...DATA_CHECKS, ...STORY_CHECKS];

/** Reads a file's story facts from `store`: parsed now unless the store has them. */
const storyFacts = (store: BodyFactsStore) => (file: ContentFile) => (file.body ? store.factsOf(file.body) : undefined);

/** Runs every check over already-read files; `store` reads each story's facts once. */
export function checkFiles(
	files: readonly ContentFile[],
	checks = CHECKS,
	store: BodyFactsStore = createBodyFactsStore(),
): Problem[] {
	const context: CheckContext = {
		files,
		articles: files.filter((file) => file.collection === 'articles'),
		actors: files.filter((file) => file.collection === 'actors'),
		actorIds: new Set(files.filter((file) => file.collection === 'actors').map((file) => file.id)),
		articleIds: new Set(files.filter((file) => file.collection === 'articles').map((file) => file.id)),
		placeIds: new Set(files.filter((file) => file.collection === 'places').map((file) => file.id)),
		bodyFacts: storyFacts(store),
	};
	return sortProblems(checks.flatMap((check) => check(context)));
}

/**
 * The content folder's files and a store of their stories' facts. With `factsFile`, the facts of earlier runs are
 * read from that file; `save` writes this run's back, so unchanged stories are not parsed again.
 */
function openContent(contentRoot: string, projectRoot: string, factsFile: string | undefined) {
	const store = createBodyFactsStore(factsFile, projectRoot);
	const files = readContentFiles(contentRoot, projectRoot);
	return { store, files, save: () => store.save() };
}

/** Reads the content folder and runs every check, reusing and keeping the stories' facts in `factsFile` when given. */
export function checkContent(contentRoot: string, projectRoot = process.cwd(), factsFile?: string): Problem[] {
	const { store, files, save } = openContent(contentRoot, projectRoot, factsFile);
	const problems = checkFiles(files, CHECKS, store);
	save();
	return problems;
}

/** The content as the checks read it, for what the build makes of it next (the search index). */
export interface CheckedContent {
	files: readonly ContentFile[];
	/** A story's facts, when the file has a story. */
	bodyFacts(file: ContentFile): BodyFacts | undefined;
}

/** Content checks under way in a build: the files' fields checked, the stories being parsed in a thread. */
export interface ContentCheckRun {
	/** What the checks of the files' fields found, before any story was read. */
	dataProblems: Problem[];
	/** Every problem: waits for the stories' facts, runs the story checks and saves the caches. */
	finish(): Promise<Problem[]>;
	/** The files and their stories' facts; read it after `finish`, which has every story's facts by then. */
	content: CheckedContent;
}

/**
 * Like `checkContent`, but the stories not in the facts file are parsed in a worker thread running `workerFile`
 * (body-facts-worker.ts) while the caller goes on; the checks that need them run in `finish`, which parses the stories
 * the thread has not reached yet itself. Should the thread fail, `finish` parses the stories itself: the problems are
 * the same either way.
 */
export function startContentChecks(
	contentRoot: string,
	projectRoot: string,
	factsFile: string,
	workerFile: string | URL,
): ContentCheckRun {
	const { store, files, save } = openContent(contentRoot, projectRoot, factsFile);
	const bodies = files.flatMap((file) => (file.body ? [file.body] : []));
	const parsing = parseBodiesInThread(store.unknown(bodies), workerFile);
	const dataProblems = checkFiles(files, DATA_CHECKS, store);
	return {
		dataProblems,
		async finish() {
			store.learn(await parsing.facts());
			const problems = sortProblems([...dataProblems, ...checkFiles(files, STORY_CHECKS, store)]);
			save();
			return problems;
		},
		content: { files, bodyFacts: storyFacts(store) },
	};
}

let lastRun: { key: string; problems: Problem[] } | undefined;

/** Like `checkContent`, but reuses the last result while no content file was added, removed or changed. */
export function checkContentWhenChanged(
	contentRoot: string,
	projectRoot = process.cwd(),
	factsFile?: string,
): Problem[] {
	const key = COLLECTIONS.flatMap((collection) => {
		const dir = join(contentRoot, collection);
		try {
			return readdirSync(dir).map((name) => `${collection}/${name}:${statSync(join(dir, name)).mtimeMs}`);
		} catch {
			return [];
		}
	}).join('|');
	if (lastRun?.key !== key) lastRun = { key, problems: checkContent(contentRoot, projectRoot, factsFile) };
	return lastRun.problems;
}
