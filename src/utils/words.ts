/** What comes before the item at `index` of a list read as a sentence: "A", "A and B", "A, B and C". */
export const separatorBefore = (index: number, length: number) =>
	index === 0 ? '' : index === length - 1 ? ' and ' : ', ';

export const capitalize = (words: string) => words.charAt(0).toUpperCase() + words.slice(1);

/** A character's Unicode code point as written in prose: `U+00A0`. */
export const codePoint = (character: string) =>
	`U+${(character.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;

/** Joins items the way a sentence does: "A", "A and B", "A, B and C". */
export const listInWords = (items: readonly string[]) =>
	items.map((item, index) => `${separatorBefore(index, items.length)}${item}`).join('');
