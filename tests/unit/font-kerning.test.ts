import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { create, type Font } from 'fontkitten';
import satori from 'satori';
import { describe, expect, test } from 'vitest';
import { fontTable, readPairKerning } from '../../src/utils/font-kerning';

const require = createRequire(import.meta.url);
const notoSans = (weight: 400 | 700) =>
	readFileSync(require.resolve(`@fontsource/noto-sans/files/noto-sans-latin-${weight}-normal.woff`));

/** The width of `text`'s ink at 100 px, from the glyphs' outlines, their advances and `readPairKerning`. */
function ourInkWidth(data: Buffer, text: string): number {
	const font = create(data) as Font;
	const kerning = readPairKerning(data);
	const scale = 100 / font.unitsPerEm;
	const glyphs = [...text].map((character) => font.glyphForCodePoint(character.codePointAt(0)!));
	let x = 0;
	let left = Number.POSITIVE_INFINITY;
	let right = Number.NEGATIVE_INFINITY;
	glyphs.forEach((glyph, index) => {
		left = Math.min(left, x + glyph.bbox.minX * scale);
		right = Math.max(right, x + glyph.bbox.maxX * scale);
		const next = glyphs[index + 1];
		x += (glyph.advanceWidth + (next ? kerning(glyph.id, next.id) : 0)) * scale;
	});
	return right - left;
}

/** The same width as satori draws it: it shapes text with HarfBuzz, which applies the font's GPOS kerning. */
async function satoriInkWidth(data: Buffer, weight: 400 | 700, text: string): Promise<number> {
	const svg = await satori(
		{
			type: 'div',
			props: { style: { display: 'flex', fontSize: 100, fontFamily: 'Noto Sans', fontWeight: weight }, children: text },
		},
		{ width: 1200, height: 200, fonts: [{ name: 'Noto Sans', data, weight, style: 'normal' }] },
	);
	// The outlines' points on the curve: every move and line, and the end of every quadratic segment.
	const xs = [...svg.matchAll(/d="([^"]+)"/g)].flatMap(([, path]) =>
		[...path!.matchAll(/([MLQ])([-\d. ,]+)/g)].map(([, command, numbers]) => {
			const values = numbers!.trim().split(/[ ,]+/).map(Number);
			return command === 'Q' ? values[2]! : values[0]!;
		}),
	);
	return Math.max(...xs) - Math.min(...xs);
}

describe('pair kerning', () => {
	test.each([400, 700] as const)(
		'moves the pairs of Noto Sans %i as HarfBuzz does (the widths satori lays out)',
		async (weight) => {
			const data = notoSans(weight);
			for (const text of ['AV', 'To', 'Yo', 'P.', 'Tomorrow', 'HAVE', 'Wave', 'r.']) {
				expect(ourInkWidth(data, text), text).toBeCloseTo(await satoriInkWidth(data, weight, text), 0);
			}
		},
	);

	test('pulls "To" and "AV" together and leaves "oo" alone', () => {
		const data = notoSans(700);
		const font = create(data) as Font;
		const kerning = readPairKerning(data);
		const id = (character: string) => font.glyphForCodePoint(character.codePointAt(0)!).id;
		expect(kerning(id('T'), id('o'))).toBeLessThan(0);
		expect(kerning(id('A'), id('V'))).toBeLessThan(0);
		expect(kerning(id('o'), id('o'))).toBe(0);
	});

	test('reads a TrueType file without a GPOS table as kerning nothing, and finds its other tables', () => {
		// An sfnt with one table, `head`: a 12-byte header, one 16-byte table record, and the table's 4 bytes.
		const file = Buffer.alloc(12 + 16 + 4);
		file.writeUInt32BE(0x00010000, 0);
		file.writeUInt16BE(1, 4);
		file.write('head', 12, 'latin1');
		file.writeUInt32BE(28, 12 + 8);
		file.writeUInt32BE(4, 12 + 12);
		file.write('abcd', 28, 'latin1');
		expect(fontTable(file, 'head')?.toString('latin1')).toBe('abcd');
		expect(fontTable(file, 'GPOS')).toBeUndefined();
		expect(readPairKerning(file)(36, 57)).toBe(0);
	});
});
