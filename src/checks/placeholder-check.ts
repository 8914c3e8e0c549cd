import { problemAt, problemAtPosition, OWN_FILE, scoped, textsIn } from './check';
import type { Problem } from './problem';
import { nothingRead, positionIn } from './story-facts/facts';

/** Text the `new:article` and `new:actor` templates leave for editors to replace. */
const PLACEHOLDER = /\bTODO\b/;

/** A template's TODO left in a field or the story would be published as it is. */
export const placeholderCheck = scoped(OWN_FILE, ({ files, storyFacts }) =>
	files.flatMap((file): Problem[] => {
		const hint = 'replace the TODO text with the real content (docs/editing.md says what each field takes)';
		const inFields = textsIn(file.data).flatMap(({ path, text }) =>
			PLACEHOLDER.test(text) ? [problemAt(file, path, { message: 'still holds the template’s TODO text', hint })] : [],
		);
		const facts = storyFacts(file);
		const inStory =
			facts && !nothingRead(facts)
				? facts.proseRuns.flatMap((run): Problem[] => {
						const match = PLACEHOLDER.exec(run.value);
						if (!match) return [];
						const message = 'the story still holds the template’s TODO text';
						return [problemAtPosition(file, positionIn(run, match.index), message, hint)];
					})
				: [];
		return [...inFields, ...inStory];
	}),
);
