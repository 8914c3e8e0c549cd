import { OWN_FILE, problemAt, scoped, textsIn } from './check';
import type { Problem } from './problem';

/**
 * Markdown that editors write out of habit in fields, which the page shows as typed (only the story is Markdown):
 * each with what to do instead.
 */
const MARKDOWN = [
	{ pattern: /\*\*\S(?:[^*\n]*\S)?\*\*|__\S(?:[^_\n]*\S)?__/, hint: 'remove the `**` or `__`: a field is plain text' },
	{
		pattern: /\[[^\]\n]+\]\([^)\s]+\)/,
		hint: 'write the words alone: links go in the story, or in `sources` with their `url`',
	},
	{ pattern: /`[^`\n]+`/, hint: 'remove the backticks: a field is plain text' },
	{
		pattern: /(?<=^|[\s(])[*_][^\s*_](?:[^*_\n]*[^\s*_])?[*_](?=$|[\s.,;:!?)])/,
		hint: 'remove the `*` or `_`: a field is plain text',
	},
];

/** Fields that hold an address or a file's path, never prose. */
const ADDRESS_FIELDS = new Set(['url', 'image']);

/** A field's text that holds Markdown would reach readers with its asterisks, brackets and backticks. */
export const markdownInFieldsCheck = scoped(OWN_FILE, ({ files }) =>
	files.flatMap((file) =>
		textsIn(file.data).flatMap(({ path, text }): Problem[] => {
			// Addresses and paths are not prose: `_` and `(` are ordinary in them.
			if (ADDRESS_FIELDS.has(String(path.at(-1)))) return [];
			for (const { pattern, hint } of MARKDOWN) {
				const match = pattern.exec(text);
				if (match) {
					const written = match[0].trim();
					return [
						problemAt(file, path, { message: `\`${written}\` is Markdown, which this field shows as typed`, hint }),
					];
				}
			}
			return [];
		}),
	),
);
