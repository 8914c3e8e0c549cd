import { problemAt, problemAtPosition, OWN_FILE, scoped, textsIn } from './check';
import type { Problem } from './problem';
import { nothingRead, positionIn } from './story-facts/facts';

/**
 * A note to finish the text: the `new:article` and `new:actor` templates' TODO, FIXME, XXX, TK (journalists' "to
 * come"), or a layout's lorem ipsum.
 */
export const PLACEHOLDER = /\b(?:TODO|FIXME|XXX|TK)\b|\bTodo:|\b[Ll]orem ipsum\b/;

/** A template's TODO left in a field or the story would be published as it is. */
export const placeholderCheck = scoped(OWN_FILE, ({ files, storyFacts }) =>
	files.flatMap((file): Problem[] => {
		const hint = 'replace the note with the real content (docs/editing.md says what each field takes)';
		const inFields = textsIn(file.data).flatMap(({ path, text }) => {
			const match = PLACEHOLDER.exec(text);
			return match ? [problemAt(file, path, { message: `still holds “${match[0]}”, a note to finish it`, hint })] : [];
		});
		const facts = storyFacts(file);
		const inStory =
			facts && !nothingRead(facts)
				? facts.proseRuns.flatMap((run): Problem[] => {
						const match = PLACEHOLDER.exec(run.value);
						if (!match) return [];
						const message = `the story still holds “${match[0]}”, a note to finish it`;
						return [problemAtPosition(file, positionIn(run, match.index), message, hint)];
					})
				: [];
		return [...inFields, ...inStory];
	}),
);
