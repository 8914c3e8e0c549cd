/**
 * The share card as a palette picture: one byte a pixel, an index into at most 256 colours known before anything is
 * drawn (the card's colours and the blends antialiasing makes of them), written as an 8-bit palette PNG. A third of
 * the bytes of full colour to blend and compress, so a card costs a few milliseconds less and weighs about 35 kB
 * instead of 65, with no quantiser to search for colours: every colour the card can show is in the palette.
 */
import { crc32, deflateSync } from 'node:zlib';

/** A colour as `#rrggbb`. */
export type Hex = `#${string}`;

/** How many steps each blend has from its paper to its ink, both included. */
export const BLEND_LEVELS = 52;

/** The level of a coverage (0–255): 0 leaves the paper, `BLEND_LEVELS - 1` is the ink. */
const LEVEL_OF_COVERAGE = Uint8Array.from({ length: 256 }, (_, coverage) =>
	Math.round((coverage * (BLEND_LEVELS - 1)) / 255),
);

const rgbOf = (colour: Hex): [number, number, number] =>
	[1, 3, 5].map((at) => Number.parseInt(colour.slice(at, at + 2), 16)) as [number, number, number];

/** The colours a card may show, and the blends of any of them with an ink. */
export interface Palette {
	/** Red, green and blue of each colour, three bytes an index. */
	readonly colours: Uint8Array;
	/** The index of the colour nearest to `colour`. */
	indexOf(colour: Hex | readonly [number, number, number]): number;
	/**
	 * What `ink` laid over each colour makes, at each level: `table[index * BLEND_LEVELS + level]` is the palette
	 * index of that blend. Made once per ink.
	 */
	blendsWith(ink: Hex): Uint8Array;
}

/**
 * A palette of the `plain` colours and of `blends` (each a paper and an ink) at {@link BLEND_LEVELS} steps: room
 * for 256 colours, so `plain.length + blends.length * (BLEND_LEVELS - 2)` must not exceed it.
 */
export function createPalette(plain: readonly Hex[], blends: readonly (readonly [paper: Hex, ink: Hex])[]): Palette {
	const list: [number, number, number][] = [];
	const known = new Map<number, number>();
	const add = ([red, green, blue]: [number, number, number]) => {
		const key = (red << 16) | (green << 8) | blue;
		if (!known.has(key)) {
			known.set(key, list.length);
			list.push([red, green, blue]);
		}
	};
	for (const colour of plain) add(rgbOf(colour));
	for (const [paper, ink] of blends)
		for (let level = 0; level < BLEND_LEVELS; level++) add(mix(rgbOf(paper), rgbOf(ink), level));
	if (list.length > 256) throw new Error(`a share card palette holds 256 colours, not ${list.length}`);
	const colours = Uint8Array.from(list.flat());

	const nearest = new Map<number, number>();
	const indexOf = (colour: Hex | readonly [number, number, number]) => {
		const [red, green, blue] = typeof colour === 'string' ? rgbOf(colour) : colour;
		const key = (red << 16) | (green << 8) | blue;
		let index = known.get(key) ?? nearest.get(key);
		if (index === undefined) {
			let best = Infinity;
			index = 0;
			for (let candidate = 0; candidate < list.length; candidate++) {
				const [r, g, b] = list[candidate]!;
				const distance = (r - red) ** 2 + (g - green) ** 2 + (b - blue) ** 2;
				if (distance < best) [best, index] = [distance, candidate];
			}
			nearest.set(key, index);
		}
		return index;
	};

	const tables = new Map<Hex, Uint8Array>();
	return {
		colours,
		indexOf,
		blendsWith(ink) {
			let table = tables.get(ink);
			if (!table) {
				table = new Uint8Array(list.length * BLEND_LEVELS);
				for (const [index, paper] of list.entries())
					for (let level = 0; level < BLEND_LEVELS; level++)
						table[index * BLEND_LEVELS + level] = indexOf(mix(paper, rgbOf(ink), level));
				tables.set(ink, table);
			}
			return table;
		},
	};
}

/** `ink` over `paper` at `level`, rounded to whole values. */
function mix(paper: readonly number[], ink: readonly number[], level: number): [number, number, number] {
	const share = level / (BLEND_LEVELS - 1);
	return [0, 1, 2].map((channel) => Math.round(paper[channel]! * (1 - share) + ink[channel]! * share)) as [
		number,
		number,
		number,
	];
}

/** The blend level of a glyph's coverage at a pixel (0–255). */
export const levelOf = (coverage: number): number => LEVEL_OF_COVERAGE[coverage]!;

/**
 * A picture being drawn, in the palette's indexes, stored as the PNG's scanlines so it is compressed as it is: each
 * row is a filter byte (0, none) and then one index a pixel. The pixel at (x, y) is `pixels[y * (width + 1) + 1 + x]`.
 */
export interface Canvas {
	width: number;
	height: number;
	pixels: Uint8Array;
	palette: Palette;
}

/** Where the pixel at (x, y) is in a canvas's bytes. */
export const pixelAt = (canvas: Pick<Canvas, 'width'>, x: number, y: number): number => y * (canvas.width + 1) + 1 + x;

/** A canvas of one colour. */
export function blankCanvas(width: number, height: number, palette: Palette, colour: Hex): Canvas {
	const pixels = new Uint8Array((width + 1) * height).fill(palette.indexOf(colour));
	for (let y = 0; y < height; y++) pixels[y * (width + 1)] = 0;
	return { width, height, pixels, palette };
}

/** The canvas of a full-colour picture (three bytes a pixel, row by row), each pixel the nearest palette colour. */
export function canvasOfRgb(width: number, height: number, rgb: Uint8Array, palette: Palette): Canvas {
	const canvas = blankCanvas(width, height, palette, '#000000');
	for (let y = 0; y < height; y++)
		for (let x = 0; x < width; x++) {
			const from = (y * width + x) * 3;
			canvas.pixels[pixelAt(canvas, x, y)] = palette.indexOf([rgb[from]!, rgb[from + 1]!, rgb[from + 2]!]);
		}
	return canvas;
}

/**
 * The canvas as a PNG: 8-bit palette, no filter, zlib level 1. Rows of one colour are most of a card: level 1
 * compresses one in about 2 ms to 35 kB, level 2 in 2.3 ms to 33 kB, level 4 in 4.3 ms to 29 kB.
 */
export function encodePalettePng({ width, height, pixels, palette }: Canvas): Buffer {
	const header = Buffer.alloc(13);
	header.writeUInt32BE(width, 0);
	header.writeUInt32BE(height, 4);
	header.set([8, 3, 0, 0, 0], 8);
	return Buffer.concat([
		PNG_SIGNATURE,
		chunk('IHDR', header),
		chunk('PLTE', palette.colours),
		chunk('IDAT', deflateSync(pixels, { level: 1 })),
		chunk('IEND', new Uint8Array()),
	]);
}

const PNG_SIGNATURE = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** A PNG chunk: its length, type, data and the CRC of type and data. */
function chunk(type: string, data: Uint8Array): Buffer {
	const typeBytes = Buffer.from(type, 'latin1');
	const out = Buffer.alloc(12 + data.length);
	out.writeUInt32BE(data.length, 0);
	out.set(typeBytes, 4);
	out.set(data, 8);
	out.writeUInt32BE(crc32(data, crc32(typeBytes)), 8 + data.length);
	return out;
}
