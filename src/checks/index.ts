import type { Check, CheckContext } from './check';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { COLLECTIONS, readContentFiles, type ContentFile } from './content-files';
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

/** Every check, in the order their problems are most useful to read. */
export const CHECKS: readonly Check[] = [
	schemaCheck,
	duplicateIdCheck,
	referenceCheck,
	placeCheck,
	sharedNameCheck,
	dateCheck,
	mdxCheck,
	quoteCheck,
	mentionCheck,
	linkCheck,
	placeholderCheck,
];

/** Runs every check over already-read files. */
export function checkFiles(files: readonly ContentFile[], checks = CHECKS): Problem[] {
	const context: CheckContext = {
		files,
		articles: files.filter((file) => file.collection === 'articles'),
		actors: files.filter((file) => file.collection === 'actors'),
		actorIds: new Set(files.filter((file) => file.collection === 'actors').map((file) => file.id)),
		placeIds: new Set(files.filter((file) => file.collection === 'places').map((file) => file.id)),
	};
	return sortProblems(checks.flatMap((check) => check(context)));
}

/** Reads the content folder and runs every check. */
export function checkContent(contentRoot: string, projectRoot = process.cwd()): Problem[] {
	return checkFiles(readContentFiles(contentRoot, projectRoot));
}

let lastRun: { key: string; problems: Problem[] } | undefined;

/** Like `checkContent`, but reuses the last result while no content file was added, removed or changed. */
export function checkContentWhenChanged(contentRoot: string, projectRoot = process.cwd()): Problem[] {
	const key = COLLECTIONS.flatMap((collection) => {
		const dir = join(contentRoot, collection);
		try {
			return readdirSync(dir).map((name) => `${collection}/${name}:${statSync(join(dir, name)).mtimeMs}`);
		} catch {
			return [];
		}
	}).join('|');
	if (lastRun?.key !== key) lastRun = { key, problems: checkContent(contentRoot, projectRoot) };
	return lastRun.problems;
}
