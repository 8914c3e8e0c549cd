/**
 * The characters the share card's fonts have (card.ts): the Unicode ranges of the Noto Sans subsets it loads, as
 * @fontsource/noto-sans lists them. A headline with others would be drawn with boxes where they stand.
 */
import { readFileSync } from 'node:fs';
import { FONT_FILES, projectRequire } from './card.ts';
import { once } from '../utils/once.ts';
import { codePoint } from '../utils/words.ts';

/** Each loaded subset's ranges of code points, from `U+0100-02BA,U+2113`. */
const drawableRanges = once((): [number, number][] => {
	const require = projectRequire();
	const ranges = JSON.parse(readFileSync(require.resolve('@fontsource/noto-sans/unicode.json'), 'utf8')) as Record<
		string,
		string
	>;
	const subsets = new Set(
		FONT_FILES.map(({ file }) => file.replace(/^noto-sans-/, '').replace(/-\d+-normal\.woff$/, '')),
	);
	return [...subsets].flatMap((subset) =>
		(ranges[subset] ?? '').split(',').map((range): [number, number] => {
			const [from = '0', to = from] = range.replace(/U\+/g, '').split('-');
			return [Number.parseInt(from, 16), Number.parseInt(to, 16)];
		}),
	);
});

/**
 * The characters of `text` the share card cannot draw, once each, in order: whitespace is never one of them. The text
 * is composed first (`e` and a combining accent are `é`); a mark or other character that shows nothing alone is
 * given as its code point, `U+0301`.
 */
export function charactersCardCannotDraw(text: string): string[] {
	const ranges = drawableRanges();
	const missing = [...text.normalize('NFC')].filter((character) => {
		const point = character.codePointAt(0) ?? 0;
		return !/\s/u.test(character) && !ranges.some(([from, to]) => point >= from && point <= to);
	});
	const shown = (character: string) => (/^[\p{M}\p{C}]$/u.test(character) ? codePoint(character) : character);
	return [...new Set(missing.map(shown))];
}
