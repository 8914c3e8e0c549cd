import { create, type Font } from 'fontkitten';
import { describe, expect, test } from 'vitest';
import { readPairKerning } from '../../src/utils/font-kerning';
import { loadShareImageFonts } from '../../src/utils/share-image';
import { blankCanvas, createPalette, pixelAt, type Canvas } from '../../src/utils/share-image-palette';
import { drawLines, layoutText, type Face, type TextLine, type TextStyle } from '../../src/utils/share-image-text';

/** The card's bold faces: Noto Sans Latin, then Latin Extended. */
const bold: Face[] = loadShareImageFonts()
	.filter((font) => font.weight === 700)
	.map(({ data }) => ({ font: create(data) as Font, kerning: readPairKerning(data) }));

const style = (overrides: Partial<TextStyle> = {}): TextStyle => ({
	faces: bold,
	size: 40,
	maxWidth: 500,
	...overrides,
});

/** What a line says, from its glyphs' code points. */
const textOf = (line: TextLine) => line.glyphs.map(({ glyph }) => String.fromCodePoint(...glyph.codePoints)).join('');

const HEADLINE = 'Kataib Hezbollah says it is suspending attacks on US forces after the drone attack in Jordan';

describe('laying out card text', () => {
	test('breaks text at spaces into lines no wider than the measure, keeping every word in order', () => {
		const lines = layoutText(HEADLINE, style());
		expect(lines.length).toBeGreaterThan(2);
		for (const line of lines) expect(line.width).toBeLessThanOrEqual(500);
		expect(lines.map(textOf).join(' ')).toBe(HEADLINE);
		// Greedy: the first word of each next line would not have fitted on the line before.
		for (const [index, line] of lines.slice(1).entries()) {
			const before = textOf(lines[index]!);
			expect(layoutText(`${before} ${textOf(line).split(' ')[0]}`, style({ maxWidth: 1e6 }))[0]!.width).toBeGreaterThan(
				500,
			);
		}
	});

	test('ends the last line allowed with an ellipsis when the text runs longer, still within the measure', () => {
		const lines = layoutText(HEADLINE, style({ maxLines: 2 }));
		expect(lines).toHaveLength(2);
		expect(textOf(lines[1]!)).toMatch(/\S…$/);
		expect(lines[1]!.width).toBeLessThanOrEqual(500);
		expect(HEADLINE.startsWith(lines.map(textOf).join(' ').slice(0, -1))).toBe(true);
	});

	test('splits a word too wide for a line', () => {
		const lines = layoutText('Supercalifragilisticexpialidocious', style({ maxWidth: 200 }));
		expect(lines.length).toBeGreaterThan(1);
		for (const line of lines) expect(line.width).toBeLessThanOrEqual(200);
		expect(lines.map(textOf).join('')).toBe('Supercalifragilisticexpialidocious');
	});

	test('takes a letter the Latin file lacks from the Latin Extended one', () => {
		const [line] = layoutText('Erdoğan', style());
		const g = line!.glyphs[4]!;
		expect(String.fromCodePoint(...g.glyph.codePoints)).toBe('ğ');
		expect(g.face).toBe(1);
		expect(g.glyph.id).not.toBe(0);
		expect(line!.glyphs.filter(({ face }) => face === 0)).toHaveLength(6);
	});

	test('kerns pairs and adds letter-spacing after every character', () => {
		const width = (text: string, letterSpacing = 0) => layoutText(text, style({ letterSpacing }))[0]!.width;
		expect(width('To')).toBeLessThan(width('T') + width('o'));
		expect(width('To', -2)).toBeCloseTo(width('To') - 4, 6);
		// Each glyph starts where the one before it ends, kerning included.
		const [line] = layoutText('To', style());
		expect(line!.glyphs[1]!.x).toBeCloseTo(width('To') - width('o'), 6);
	});
});

/** The inks the tests draw in, blended over white. */
const palette = createPalette(
	['#ffffff', '#a3161b', '#000000'],
	[
		['#ffffff', '#a3161b'],
		['#ffffff', '#000000'],
	],
);

/** A white canvas. */
const blank = (width: number, height: number): Canvas => blankCanvas(width, height, palette, '#ffffff');

/** The colour of a pixel, as `rrggbb`. */
const colourAt = (canvas: Canvas, x: number, y: number) => {
	const index = canvas.pixels[pixelAt(canvas, x, y)]!;
	return Buffer.from(palette.colours.subarray(index * 3, index * 3 + 3)).toString('hex');
};

/** The rows and columns that have any ink. */
function inkExtent(canvas: Canvas) {
	const rows = new Set<number>();
	const columns = new Set<number>();
	for (let y = 0; y < canvas.height; y++)
		for (let x = 0; x < canvas.width; x++)
			if (colourAt(canvas, x, y) !== 'ffffff') {
				rows.add(y);
				columns.add(x);
			}
	return { rows: [...rows], columns: [...columns] };
}

describe('drawing card text', () => {
	test('draws each line inside its line box, in the ink, antialiased at the edges', async () => {
		const canvas = blank(600, 200);
		const lines = layoutText('Hezbollah says', style({ maxWidth: 200 }));
		expect(lines).toHaveLength(2);
		await drawLines(canvas, lines, style(), { left: 20, top: 30, lineHeight: 60, colour: '#a3161b' });
		const { rows, columns } = inkExtent(canvas);
		expect(Math.min(...rows)).toBeGreaterThanOrEqual(30);
		expect(Math.max(...rows)).toBeLessThan(30 + 2 * 60);
		// Ink in both line boxes.
		expect(rows.some((y) => y < 90)).toBe(true);
		expect(rows.some((y) => y >= 90)).toBe(true);
		expect(Math.min(...columns)).toBeGreaterThanOrEqual(20);
		expect(Math.max(...columns)).toBeLessThan(20 + Math.max(...lines.map((line) => line.width)) + 2);
		const colours = new Set<string>();
		for (let y = 0; y < canvas.height; y++) for (let x = 0; x < canvas.width; x++) colours.add(colourAt(canvas, x, y));
		expect(colours).toContain('a3161b');
		// Edges blend the ink into the white: colours between the two.
		expect(colours.size).toBeGreaterThan(10);
	});

	test('clips glyphs at the edges of the canvas instead of wrapping them onto the next row', async () => {
		const canvas = blank(100, 60);
		const lines = layoutText('WWWWWW', style({ maxWidth: 1e6 }));
		await drawLines(canvas, lines, style(), { left: 60, top: 5, lineHeight: 50, colour: '#000000' });
		const { columns } = inkExtent(canvas);
		expect(Math.max(...columns)).toBe(99);
		expect(Math.min(...columns)).toBeGreaterThanOrEqual(58);
	});
});
