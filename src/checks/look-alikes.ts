/**
 * Characters that look like a space or a hyphen, or like nothing at all, which text pasted from a word processor or
 * a web page brings along. In an id, a date or a number they make the value wrong while it looks right, so the
 * problem names the character and where it is.
 */
const LOOK_ALIKES = new Map<string, { name: string; looksLike: string }>([
	['\u00A0', { name: 'non-breaking space', looksLike: 'a space' }],
	['\u2007', { name: 'figure space', looksLike: 'a space' }],
	['\u202F', { name: 'narrow non-breaking space', looksLike: 'a space' }],
	['\u200B', { name: 'zero-width space', looksLike: 'nothing' }],
	['\u200C', { name: 'zero-width non-joiner', looksLike: 'nothing' }],
	['\u200D', { name: 'zero-width joiner', looksLike: 'nothing' }],
	['\u2060', { name: 'word joiner', looksLike: 'nothing' }],
	['\uFEFF', { name: 'zero-width non-breaking space', looksLike: 'nothing' }],
	['\u2010', { name: 'Unicode hyphen', looksLike: '-' }],
	['\u2011', { name: 'non-breaking hyphen', looksLike: '-' }],
	['\u2012', { name: 'figure dash', looksLike: '-' }],
	['\u2013', { name: 'en dash', looksLike: '-' }],
	['\u2212', { name: 'minus sign', looksLike: '-' }],
]);

const ANY_LOOK_ALIKE = new RegExp(`[${[...LOOK_ALIKES.keys()].join('')}]`);

/** A look-alike character in words: `a non-breaking hyphen (U+2011)`. */
function named(character: string): string {
	const code = character.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
	return `a ${LOOK_ALIKES.get(character)?.name ?? 'character'} (U+${code})`;
}

/**
 * The first look-alike character in `text`, in words, e.g. `a non-breaking hyphen (U+2011) at character 5, which
 * looks like "-"`; undefined when there is none.
 */
export function lookAlikeIn(text: string): string | undefined {
	const match = ANY_LOOK_ALIKE.exec(text);
	const looksLike = match && LOOK_ALIKES.get(match[0])?.looksLike;
	if (!match || !looksLike) return undefined;
	const looks = looksLike.length === 1 ? `"${looksLike}"` : looksLike;
	return `${named(match[0])} at character ${match.index + 1}, which looks like ${looks}`;
}

/** A space look-alike where YAML needs a space: in a line's indentation, or after a field name's colon. */
const SPACES_YAML_NEEDS = [
	{ pattern: /^[ \t]*(?:-[ \t]+)*([\u00A0\u2007\u202F])/gm, where: 'this line is indented with' },
	{
		pattern: /^[ \t]*(?:-[ \t]+)*[^\s:#'"][^:#\n]*:([\u00A0\u2007\u202F])/gm,
		where: 'the space after this field’s colon is',
	},
];

/**
 * The first space look-alike in YAML's own spacing of `yaml` up to `end` (an offset), as a problem at its offset:
 * YAML reads it as text, and its own error (a missing colon, keys on several lines) would not say why.
 */
export function yamlSpaceLookAlike(yaml: string, end: number) {
	const [first] = SPACES_YAML_NEEDS.flatMap(({ pattern, where }) =>
		Array.from(yaml.matchAll(pattern), (match) => ({
			where,
			character: match[1] ?? '',
			offset: match.index + match[0].length - 1,
		})),
	)
		.filter(({ offset }) => offset <= end)
		.sort((a, b) => a.offset - b.offset);
	return (
		first && {
			message: `${first.where} ${named(first.character)}, which YAML does not read as a space`,
			hint: 'retype it as an ordinary space: text pasted from a word processor brings these along',
			offset: first.offset,
		}
	);
}
