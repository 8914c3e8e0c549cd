import type { ContentFile } from './content-files';
import type { Problem } from './problem';
import type { StoryFacts } from './story-facts/facts';

/** Everything a check can see: all files at once, so cross-file rules (references, duplicates) can run. */
export interface CheckContext {
	files: readonly ContentFile[];
	articles: readonly ContentFile[];
	actors: readonly ContentFile[];
	/** Actor ids that exist, from file names. */
	actorIds: ReadonlySet<string>;
	/** Explainer slugs that exist, from file names. */
	articleIds: ReadonlySet<string>;
	/** Place ids that exist, from file names. */
	placeIds: ReadonlySet<string>;
	/** What an article's story holds (its text, mentions, links, headings, imports); undefined for a file with no story. */
	storyFacts(file: ContentFile): StoryFacts | undefined;
}

/** A rule over the content: reports every problem it finds, never stops at the first. */
export type Check = (context: CheckContext) => Problem[];

/** A problem at a field of a file, placed with the YAML parser's positions. */
export function problemAt(
	file: ContentFile,
	path: readonly PropertyKey[],
	fields: Omit<Problem, 'file' | 'line' | 'column' | 'severity'> & { severity?: Problem['severity'] },
): Problem {
	return { severity: 'error', file: file.path, ...file.locate(path), ...fields };
}
