import { codePoint } from '../utils/words';

/**
 * Characters that look like a space or a hyphen, or like nothing at all, which text pasted from a word processor or
 * a web page brings along, and Cyrillic and Greek letters drawn as Latin ones. In an id, a date, a name or YAML's
 * own spacing they make the value wrong while it looks right, so the problem names the character and where it is.
 */
const LOOK_ALIKES = new Map<string, { name: string; looksLike: string }>([
	['\u00A0', { name: 'a non-breaking space', looksLike: 'a space' }],
	['\u2007', { name: 'a figure space', looksLike: 'a space' }],
	['\u202F', { name: 'a narrow non-breaking space', looksLike: 'a space' }],
	['\u200B', { name: 'a zero-width space', looksLike: 'nothing' }],
	['\u200C', { name: 'a zero-width non-joiner', looksLike: 'nothing' }],
	['\u200D', { name: 'a zero-width joiner', looksLike: 'nothing' }],
	['\u2060', { name: 'a word joiner', looksLike: 'nothing' }],
	['\uFEFF', { name: 'a zero-width non-breaking space', looksLike: 'nothing' }],
	['\u2010', { name: 'a Unicode hyphen', looksLike: '"-"' }],
	['\u2011', { name: 'a non-breaking hyphen', looksLike: '"-"' }],
	['\u2012', { name: 'a figure dash', looksLike: '"-"' }],
	['\u2013', { name: 'an en dash', looksLike: '"-"' }],
	['\u2212', { name: 'a minus sign', looksLike: '"-"' }],
	['\uFF1A', { name: 'a full-width colon', looksLike: '":"' }],
	// Letters of other alphabets drawn as Latin ones, which a keyboard set to another language types.
	...[...'аеорсухіјѕАВЕКМНОРСТХ'].map(
		(letter, index) =>
			[letter, { name: `a Cyrillic “${letter}”`, looksLike: `"${'aeopcyxijsABEKMHOPCTX'[index]}"` }] as const,
	),
	...[...'οΑΒΕΗΙΚΜΝΟΡΤΧΥΖ'].map(
		(letter, index) => [letter, { name: `a Greek “${letter}”`, looksLike: `"${'oABEHIKMNOPTXYZ'[index]}"` }] as const,
	),
]);

const charactersLike = (looks: string) =>
	[...LOOK_ALIKES].flatMap(([character, { looksLike }]) => (looksLike === looks ? [character] : [])).join('');

const ANY_LOOK_ALIKE = new RegExp(`[${[...LOOK_ALIKES.keys()].join('')}]`);
const SPACE_LIKE = `[${charactersLike('a space')}]`;

/** A look-alike character in words: `a non-breaking hyphen (U+2011)`. */
function named(character: string): string {
	return `${LOOK_ALIKES.get(character)?.name ?? 'a character'} (${codePoint(character)})`;
}

/**
 * The first look-alike character in `text`, in words, e.g. `a non-breaking hyphen (U+2011) at character 5, which
 * looks like "-"`; undefined when there is none.
 */
export function lookAlikeIn(text: string): string | undefined {
	for (const match of text.matchAll(new RegExp(ANY_LOOK_ALIKE, 'g'))) {
		const looksLike = LOOK_ALIKES.get(match[0])?.looksLike;
		// A Cyrillic or Greek letter is a look-alike only beside Latin ones, in "dana-reуes", not in "Україна".
		const amongLatin = /[A-Za-z]/.test(`${text[match.index - 1] ?? ''}${text[match.index + 1] ?? ''}`);
		if (!looksLike || (/^"\p{L}"$/u.test(looksLike) && !amongLatin)) continue;
		return `${named(match[0])} at character ${match.index + 1}, which looks like ${looksLike}`;
	}
	return undefined;
}

const LATIN_LOOK_ALIKE_LETTERS = new Map(
	[...LOOK_ALIKES].flatMap(([character, { looksLike }]) =>
		/^"\p{L}"$/u.test(looksLike) ? [[character, looksLike.slice(1, -1)] as const] : [],
	),
);
const ANY_LETTER_LOOK_ALIKE = new RegExp(`[${[...LATIN_LOOK_ALIKE_LETTERS.keys()].join('')}]`, 'g');

/** `text` with each Cyrillic or Greek letter drawn as a Latin one replaced by that Latin letter: of the same length. */
export const withLatinLetters = (text: string) =>
	text.replace(ANY_LETTER_LOOK_ALIKE, (letter) => LATIN_LOOK_ALIKE_LETTERS.get(letter) ?? letter);

/** A look-alike where YAML needs a space (in a line's indentation, after a field name's colon) or a colon. */
const CHARACTERS_YAML_NEEDS = [
	{ pattern: new RegExp(`^[ \\t]*(?:-[ \\t]+)*(${SPACE_LIKE})`), where: 'this line is indented with', needs: 'space' },
	{
		pattern: new RegExp(`^[ \\t]*(?:-[ \\t]+)*[^\\s:#'"][^:#]*:(${SPACE_LIKE})`),
		where: 'the space after this field’s colon is',
		needs: 'space',
	},
	{
		pattern: /^[ \t]*(?:-[ \t]+)*[^\s:#'"][^:#\uFF1A]*(\uFF1A)/,
		where: 'the colon after this field’s name is',
		needs: 'colon',
	},
];

/**
 * A look-alike in YAML's own spacing or colons on `line` (a line of the YAML), as a problem at its column from 0:
 * YAML reads it as text, and its own error on that line (a missing colon, keys on several lines) would not say why.
 */
export function yamlLookAlike(line: string) {
	for (const { pattern, where, needs } of CHARACTERS_YAML_NEEDS) {
		const match = pattern.exec(line);
		if (!match) continue;
		return {
			message: `${where} ${named(match[1] ?? '')}, which YAML does not read as a ${needs}`,
			hint: `retype it as an ordinary ${needs}: text pasted from a word processor, or typed with another keyboard layout, brings these along`,
			column: match[0].length - 1,
		};
	}
	return undefined;
}
