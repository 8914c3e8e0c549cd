import sharp from 'sharp';
import { describe, expect, test } from 'vitest';
import { renderShareImage } from '../../src/utils/share-image';
import {
	BLEND_LEVELS,
	blankCanvas,
	canvasOfRgb,
	createPalette,
	encodePalettePng,
	pixelAt,
	type Hex,
} from '../../src/utils/share-image-palette';

const WHITE: Hex = '#ffffff';
const INK: Hex = '#1b1b1b';
const RED: Hex = '#a3161b';

const hexAt = (colours: Uint8Array, index: number) =>
	`#${Buffer.from(colours.subarray(index * 3, index * 3 + 3)).toString('hex')}`;

describe('the share card palette', () => {
	test('holds the plain colours exactly, and each blend from its paper to its ink in even steps', () => {
		const palette = createPalette([WHITE, INK, RED], [[WHITE, INK]]);
		for (const colour of [WHITE, INK, RED]) expect(hexAt(palette.colours, palette.indexOf(colour))).toBe(colour);
		expect(palette.colours.length / 3).toBe(3 + BLEND_LEVELS - 2);
		// Each step from white (255) to #1b1b1b (27) is in the palette as it is.
		for (let level = 0; level < BLEND_LEVELS; level++) {
			const grey = Math.round(255 - ((255 - 27) * level) / (BLEND_LEVELS - 1));
			const colour = `#${grey.toString(16).padStart(2, '0').repeat(3)}` as Hex;
			expect(hexAt(palette.colours, palette.indexOf(colour))).toBe(colour);
		}
	});

	test('refuses more colours than a palette PNG holds', () => {
		const inks: Hex[] = ['#000000', '#ff0000', '#00ff00', '#0000ff', '#ffff00', '#00ffff'];
		expect(() =>
			createPalette(
				[WHITE],
				inks.map((ink) => [WHITE, ink] as const),
			),
		).toThrow(/256 colours/);
	});

	test('blends an ink over any colour of the palette: none leaves it, full coverage is the ink', () => {
		const palette = createPalette(
			[WHITE, INK, RED],
			[
				[WHITE, INK],
				[WHITE, RED],
			],
		);
		const blends = palette.blendsWith(INK);
		const white = palette.indexOf(WHITE);
		expect(blends[white * BLEND_LEVELS]).toBe(white);
		expect(blends[white * BLEND_LEVELS + BLEND_LEVELS - 1]).toBe(palette.indexOf(INK));
		// Half ink over white is a grey between the two; full ink over red is the ink.
		const half = hexAt(palette.colours, blends[white * BLEND_LEVELS + Math.round((BLEND_LEVELS - 1) / 2)]!);
		expect(Number.parseInt(half.slice(1, 3), 16)).toBeGreaterThan(0x1b + 100);
		expect(Number.parseInt(half.slice(1, 3), 16)).toBeLessThan(0xff - 100);
		expect(half.slice(1, 3).repeat(3)).toBe(half.slice(1));
		const overRed = blends[palette.indexOf(RED) * BLEND_LEVELS + BLEND_LEVELS - 1]!;
		expect(hexAt(palette.colours, overRed)).toBe(INK);
	});

	test('maps a full-colour picture to the nearest palette colours', () => {
		const palette = createPalette([WHITE, RED], []);
		const rgb = Uint8Array.from([255, 255, 255, 160, 20, 30, 250, 250, 250, 170, 10, 20]);
		const canvas = canvasOfRgb(2, 2, rgb, palette);
		const seen = [0, 1].flatMap((y) =>
			[0, 1].map((x) => hexAt(palette.colours, canvas.pixels[pixelAt(canvas, x, y)]!)),
		);
		expect(seen).toEqual([WHITE, RED, WHITE, RED]);
	});

	test('writes a palette PNG that another decoder reads back pixel for pixel', async () => {
		const palette = createPalette([WHITE, INK, RED], [[WHITE, INK]]);
		const canvas = blankCanvas(37, 11, palette, WHITE);
		for (let y = 0; y < 11; y++)
			for (let x = 0; x < 37; x++)
				canvas.pixels[pixelAt(canvas, x, y)] = (x * 7 + y * 3) % (palette.colours.length / 3);
		const png = encodePalettePng(canvas);
		// IHDR: 8 bits a pixel, colour type 3 (palette).
		expect([png[24], png[25]]).toEqual([8, 3]);
		const { data, info } = await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true });
		expect([info.width, info.height]).toEqual([37, 11]);
		for (let y = 0; y < 11; y++)
			for (let x = 0; x < 37; x++) {
				const at = (y * 37 + x) * 3;
				expect(`#${Buffer.from(data.subarray(at, at + 3)).toString('hex')}`, `${x},${y}`).toBe(
					hexAt(palette.colours, canvas.pixels[pixelAt(canvas, x, y)]!),
				);
			}
	});

	test('makes the card a palette PNG of at most 256 colours, under 45 kB', async () => {
		const png = await renderShareImage({
			title: 'Kataib Hezbollah says it is suspending attacks on US forces after the drone attack in Jordan',
			dek: 'Who is who, who said what, and how we got here: the Iraqi armed group, the US forces and the drone attack.',
			siteName: 'The Explainer Desk',
		});
		expect([png[24], png[25]]).toEqual([8, 3]);
		expect(png.length).toBeLessThan(45_000);
		const { data } = await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true });
		const colours = new Set<number>();
		for (let at = 0; at < data.length; at += 3) colours.add((data[at]! << 16) | (data[at + 1]! << 8) | data[at + 2]!);
		expect(colours.size).toBeGreaterThan(50);
		expect(colours.size).toBeLessThanOrEqual(256);
	});
});
