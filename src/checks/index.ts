/**
 * The content checks: the rules every explainer, actor and place must pass before the site is built, one check per
 * file of this folder, each reporting every problem it finds with its file, line, column and fix (problem.ts). They
 * run alone with `npm run check` (cli.ts), in every build (integration.ts) and, in the dev
 * server, on each request (src/middleware.ts). This folder also owns reading the content: the files and their YAML,
 * with the place of every field (content-files.ts), and what the checks and the search index read from each story
 * (story-facts/): in a build, from Astro's own compile of the story; otherwise parsed here.
 */
import { checkContext, oncePerFile, type Check, type StoryFactsReader } from './check';
import { resolve } from 'node:path';
import { readContentFiles, type ContentFile } from './content-files';
import { asOfCheck } from './as-of-check';
import { claimCheck, claimQuoteCheck } from './claim-check';
import { dateCheck } from './date-check';
import { fileEventsSeen } from './dev-file-events';
import { duplicateIdCheck, duplicateTitleCheck, listedOnceCheck } from './duplicate-check';
import { headingCheck } from './heading-check';
import { folderProblems } from './folder-check';
import { contentKey, IncrementalChecks } from './incremental';
import { linkCheck } from './link-check';
import { listAndTableCheck } from './list-and-table-check';
import { mapCheck } from './map-check';
import { markdownInFieldsCheck } from './markdown-in-fields-check';
import { mdxCheck } from './mdx-check';
import { mentionCheck, sharedNameCheck } from './mention-check';
import { placeCheck } from './place-check';
import { placeholderCheck } from './placeholder-check';
import { quoteCheck } from './quote-check';
import { sortProblems, type Problem } from './problem';
import { referenceCheck } from './reference-check';
import { relationCheck } from './relation-check';
import { schemaCheck } from './schema-check';
import { shareCardCheck } from './share-card-check';
import { storyContentCheck } from './story-content-check';
import { topicCheck } from './topic-check';
import type { CompiledStoryFacts } from './story-facts/compiled';
import { readStoryFacts } from './story-facts/parse';
import { preparedStoryFacts } from './story-facts/prepare';

/** The checks that read the files' fields alone, not the stories: they need no story parsed. */
export const DATA_CHECKS: readonly Check[] = [
	schemaCheck,
	duplicateIdCheck,
	duplicateTitleCheck,
	listedOnceCheck,
	topicCheck,
	referenceCheck,
	placeCheck,
	mapCheck,
	sharedNameCheck,
	relationCheck,
	dateCheck,
	asOfCheck,
	claimCheck,
	markdownInFieldsCheck,
	shareCardCheck,
];

/** The checks that read the stories' facts. */
const STORY_CHECKS: readonly Check[] = [
	mdxCheck,
	storyContentCheck,
	headingCheck,
	quoteCheck,
	claimQuoteCheck,
	mentionCheck,
	linkCheck,
	listAndTableCheck,
	placeholderCheck,
];

/** Every check, in the order their problems are most useful to read. */
export const CHECKS: readonly Check[] = [...DATA_CHECKS, ...STORY_CHECKS];

/**
 * A file's story facts, parsed once per file read: the dev server's checks keep each file while its bytes are
 * unchanged (incremental.ts), so after a save only the story that changed is parsed again.
 */
export const parsedStoryFacts: StoryFactsReader = oncePerFile(
	(file) => file.body && (preparedStoryFacts(file.body) ?? readStoryFacts(file.body)),
);

/** Runs every check (or `checks`) over already-read files, reading the stories' facts with `storyFacts`. */
export function checkFiles(
	files: readonly ContentFile[],
	checks = CHECKS,
	storyFacts: StoryFactsReader = parsedStoryFacts,
): Problem[] {
	const context = checkContext(files, storyFacts);
	return sortProblems(checks.flatMap((check) => check(context)));
}

/** Reads the content folder and runs every check, parsing each story. */
export function checkContent(contentRoot: string, projectRoot = process.cwd()): Problem[] {
	return startContentChecks(contentRoot, projectRoot, undefined).finish();
}

/**
 * Like `checkContent`, in two steps for a build: the files' fields are checked at once, before Astro reads the files;
 * the stories when Astro has compiled them, from the facts its compile handed to `compiled`
 * (src/plugins/remark-story-facts.ts).
 */
export function startContentChecks(contentRoot: string, projectRoot: string, compiled: CompiledStoryFacts | undefined) {
	const files = readContentFiles(contentRoot, projectRoot);
	const stories = { compiled: 0, parsed: 0 };
	const storyFacts: StoryFactsReader = oncePerFile((file) => {
		if (!file.body) return undefined;
		const facts = compiled?.of(resolve(projectRoot, file.path), file.body);
		stories[facts ? 'compiled' : 'parsed']++;
		return facts ?? readStoryFacts(file.body);
	});
	const dataProblems = sortProblems([
		...folderProblems(contentRoot, projectRoot),
		...checkFiles(files, DATA_CHECKS, storyFacts),
	]);
	return {
		/** What the checks of the files' fields found, before any story was read. */
		dataProblems,
		/**
		 * Every problem: runs the story checks on the facts of Astro's compile, parsing only the stories it did not read
		 * (it stops at the first it cannot parse; the fields' checks may stop the build before it starts).
		 */
		finish: () => sortProblems([...dataProblems, ...checkFiles(files, STORY_CHECKS, storyFacts)]),
		/** The files and their stories' facts; read it after `finish`, which has every story's facts by then. */
		content: { files, storyFacts },
		/** How many stories' facts came from Astro's compile, and how many were parsed here. */
		stories,
	};
}

/** Content checks under way in a build: the files' fields checked, the stories waiting for Astro's compile. */
export type ContentCheckRun = ReturnType<typeof startContentChecks>;

/** The content as the checks read it, for what the build makes of it next (the search index). */
export type CheckedContent = ContentCheckRun['content'];

let checker: { key: string; checks: IncrementalChecks; events?: number | undefined; problems?: Problem[] } | undefined;

/**
 * Like `checkContent`, for the dev server on each request: the same problems, found again only in what changed since
 * the last call, so a save costs what it touches (incremental.ts). In `astro dev` a request with no file event since
 * the last call (dev-file-events.ts) does not look at the files at all.
 */
export function checkContentWhenChanged(contentRoot: string, projectRoot = process.cwd()): Problem[] {
	const key = contentKey(contentRoot, projectRoot);
	const events = fileEventsSeen();
	if (checker?.key === key && checker.problems && events !== undefined && events === checker.events) {
		return checker.problems;
	}
	if (checker?.key !== key)
		checker = { key, checks: new IncrementalChecks(contentRoot, projectRoot, parsedStoryFacts) };
	checker.problems = checker.checks.problems(CHECKS);
	checker.events = events;
	return checker.problems;
}
