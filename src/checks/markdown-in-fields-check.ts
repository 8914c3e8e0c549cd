import { OWN_FILE, problemAt, scoped, textsIn } from './check';
import type { Problem } from './problem';

/**
 * Markup that editors write out of habit in fields, which the page shows as typed (only the story is Markdown and
 * MDX): each with what it is and what to do instead.
 */
const MARKUP: { pattern: RegExp; kind: string; hint: string; severity?: Problem['severity'] }[] = [
	{
		pattern: /\*\*\S(?:[^*\n]*\S)?\*\*|__\S(?:[^_\n]*\S)?__/,
		kind: 'Markdown',
		hint: 'remove the `**` or `__`: a field is plain text',
	},
	{
		pattern: /\[[^\]\n]+\]\([^)\s]+\)/,
		kind: 'Markdown',
		hint: 'write the words alone: links go in the story, or in `sources` with their `url`',
	},
	{ pattern: /`[^`\n]+`/, kind: 'Markdown', hint: 'remove the backticks: a field is plain text' },
	{
		pattern: /(?<=^|[\s(])[*_][^\s*_](?:[^*_\n]*[^\s*_])?[*_](?=$|[\s.,;:!?)])/,
		kind: 'Markdown',
		hint: 'remove the `*` or `_`: a field is plain text',
	},
	{
		// A warning: an explainer about the web may name a tag on purpose, and the page shows it as text.
		pattern: /<\/?[A-Za-z][\w.-]*(?:\s[^<>]*)?\/?>/,
		kind: 'a tag',
		hint: 'remove the tag unless readers are to see it: a field is plain text, and <Mention> works only in the story',
		severity: 'warning',
	},
	{
		// The references pasted text brings, not any `&word;`: `Q&As;` is text.
		pattern:
			/&(?:amp|nbsp|quot|apos|lt|gt|[lr][sd]quo|[mn]dash|hellip|shy|copy|reg|trade|euro|pound|deg|[a-zA-Z](?:acute|grave|circ|uml|tilde|cedil));|&#(?:\d{1,7}|x[0-9A-Fa-f]{1,6});/,
		kind: 'an HTML character reference',
		hint: 'write the character itself (`&` for `&amp;`): a field is plain text',
	},
];

/** Fields that hold an address or a file's path, never prose. */
const ADDRESS_FIELDS = new Set(['url', 'image']);

/** A field's text that holds Markdown, tags or character references would reach readers as typed. */
export const markdownInFieldsCheck = scoped(OWN_FILE, ({ files }) =>
	files.flatMap((file) =>
		textsIn(file.data).flatMap(({ path, text }): Problem[] => {
			// Addresses and paths are not prose: `_` and `(` are ordinary in them.
			if (ADDRESS_FIELDS.has(String(path.at(-1)))) return [];
			for (const { pattern, kind, hint, severity } of MARKUP) {
				const match = pattern.exec(text);
				if (match) {
					const written = match[0].trim();
					const message = `\`${written}\` is ${kind}, which this field shows as typed`;
					return [problemAt(file, path, { message, hint, ...(severity && { severity }) })];
				}
			}
			return [];
		}),
	),
);
