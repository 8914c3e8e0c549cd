import { OWN_FILE, problemAtPosition, scoped } from './check';
import type { Problem } from './problem';
import { nothingRead } from './story-facts/facts';

/** A line that starts with a bullet character pasted from a word processor, as Markdown writes `- `. */
const PASTED_BULLET = /^[•◦▪▫●○■□‣⁃]\s/;

/** A line of a table as Markdown writes one: between bars. */
const TABLE_ROW = /^\|.*\|$/;

/**
 * Lists and tables written so that Markdown makes neither, and shows them as one paragraph of text: lines that start
 * with `•` (pasted from a word processor, where Markdown takes `- `), and rows between bars with no `| --- |` line
 * under the first, which GFM needs to make a table.
 */
export const listAndTableCheck = scoped(OWN_FILE, ({ articles, storyFacts }) =>
	articles.flatMap((file): Problem[] => {
		const facts = storyFacts(file);
		if (!facts || nothingRead(facts)) return [];
		return facts.blockTexts.flatMap(({ value, line, column }): Problem[] => {
			const lines = value.split('\n').map((text) => text.trim());
			if (lines.length < 2) return [];
			if (lines.filter((text) => PASTED_BULLET.test(text)).length >= 2) {
				return [
					problemAtPosition(
						file,
						{ line, column },
						`these lines start with “${value.trim()[0]}”, which Markdown does not take for a list: they show as one paragraph`,
						'start each item with `- ` on a line of its own, e.g. `- the first item`',
					),
				];
			}
			if (lines.every((text) => TABLE_ROW.test(text))) {
				return [
					problemAtPosition(
						file,
						{ line, column },
						'these rows between bars show as text: a table needs a line such as `| --- | --- |` under its first row',
						'add under the first row a line with `---` for each column, between bars',
					),
				];
			}
			return [];
		});
	}),
);
