/**
 * The share card's text: laid out with the font's own advances and pair kerning, broken into lines, clamped with
 * an ellipsis, and drawn glyph by glyph onto the card's pixels. Each glyph is rasterised once per size and quarter
 * pixel (sharp draws its outline) and then only blended, which makes a card a few milliseconds of work where
 * drawing its SVG took 25.
 */
import type { Font, Glyph } from 'fontkitten';
import sharp from 'sharp';
import type { PairKerning } from './font-kerning.ts';
import { BLEND_LEVELS, levelOf, pixelAt, type Canvas, type Hex } from './share-image-palette.ts';

/** One font file of a typeface, with its kerning. */
export interface Face {
	font: Font;
	kerning: PairKerning;
}

/** A glyph placed on a line: `x` is where its origin sits, in pixels from the line's start. */
export interface PlacedGlyph {
	face: number;
	glyph: Glyph;
	x: number;
}

/** A laid-out line and its width in pixels. */
export interface TextLine {
	glyphs: PlacedGlyph[];
	width: number;
}

/** How to set a block of text. */
export interface TextStyle {
	/** The faces to take glyphs from, in order: a character comes from the first face that has it. */
	faces: readonly Face[];
	/** The font size in pixels. */
	size: number;
	/** Space added after every character, in pixels (CSS `letter-spacing`). Default 0. */
	letterSpacing?: number;
	/** The widest a line may be, in pixels. */
	maxWidth: number;
	/** The most lines to show; text beyond ends the last line with an ellipsis. Default: no limit. */
	maxLines?: number;
}

const ELLIPSIS = '…';

/** The characters of `text` as glyphs of the first face that has each, with the advance (and kerning) after each. */
function shape(text: string, { faces, size, letterSpacing = 0 }: TextStyle): { glyph: PlacedGlyph; advance: number }[] {
	// fontkitten computes unitsPerEm on every read.
	const scales = faces.map(({ font }) => size / font.unitsPerEm);
	const shaped: { glyph: PlacedGlyph; advance: number }[] = [];
	for (const character of text) {
		const codePoint = character.codePointAt(0) ?? 0;
		const face = Math.max(
			0,
			faces.findIndex(({ font }) => font.hasGlyphForCodePoint(codePoint)),
		);
		const glyph = faces[face]!.font.glyphForCodePoint(codePoint);
		const previous = shaped.at(-1);
		if (previous && previous.glyph.face === face)
			previous.advance += faces[face]!.kerning(previous.glyph.glyph.id, glyph.id) * scales[face]!;
		shaped.push({ glyph: { face, glyph, x: 0 }, advance: glyph.advanceWidth * scales[face]! + letterSpacing });
	}
	return shaped;
}

/** Lays `words` out on one line: each glyph's position from the line's start, and the line's width. */
function setLine(words: readonly string[], style: TextStyle): TextLine {
	let x = 0;
	const glyphs = shape(words.join(' '), style).map(({ glyph, advance }) => {
		const placed = { ...glyph, x };
		x += advance;
		return placed;
	});
	return { glyphs, width: x };
}

/** A word (or a piece of one) and its width in pixels. */
interface MeasuredWord {
	word: string;
	width: number;
}

/** Splits a word wider than a line into pieces that fit, character by character. */
function splitWord(word: string, style: TextStyle): MeasuredWord[] {
	const pieces: MeasuredWord[] = [];
	let piece = { word: '', width: 0 };
	for (const character of word) {
		const width = setLine([piece.word + character], style).width;
		if (piece.word && width > style.maxWidth) {
			pieces.push(piece);
			piece = { word: character, width: setLine([character], style).width };
		} else piece = { word: piece.word + character, width };
	}
	return piece.word ? [...pieces, piece] : pieces;
}

/**
 * Breaks `text` into lines no wider than `style.maxWidth`, at spaces (a word too long for a line is split), and
 * ends the last line allowed with an ellipsis, dropping words from its end until it fits, when there is more.
 */
export function layoutText(text: string, style: TextStyle): TextLine[] {
	const words = text
		.normalize('NFC')
		.split(/\s+/)
		.filter(Boolean)
		.flatMap((word) => {
			const width = setLine([word], style).width;
			return width > style.maxWidth ? splitWord(word, style) : [{ word, width }];
		});
	// Each word is measured once: a line's width is its words' and spaces' (a space kerns with nothing in these fonts).
	const space = setLine([' '], style).width;
	const lines: { words: string[]; width: number }[] = [];
	for (const { word, width } of words) {
		const line = lines.at(-1);
		if (line && line.width + space + width <= style.maxWidth) {
			line.words.push(word);
			line.width += space + width;
		} else lines.push({ words: [word], width });
	}
	const maxLines = style.maxLines ?? Number.POSITIVE_INFINITY;
	if (lines.length <= maxLines) return lines.map((line) => setLine(line.words, style));
	const kept = lines.slice(0, maxLines).map((line) => line.words);
	const last = kept.at(-1)!;
	while (last.length > 1 && setLine([...last.slice(0, -1), `${last.at(-1)}${ELLIPSIS}`], style).width > style.maxWidth)
		last.pop();
	last.push(`${last.pop()}${ELLIPSIS}`);
	return kept.map((line) => setLine(line, style));
}

/** A glyph's coverage, 0–255 a pixel, and where its top left corner sits from the glyph's origin on the baseline. */
interface GlyphMask {
	left: number;
	top: number;
	width: number;
	height: number;
	coverage: Uint8Array;
}

/** Glyph origins are rounded to a quarter pixel: four rasterisations of each glyph, each drawn once per process. */
const SUBPIXEL_STEPS = 4;

const masks = new Map<string, GlyphMask>();

const fontNumbers = new WeakMap<Font, number>();
let fontsNumbered = 0;

/** A mask's key: the font file (regular and bold share glyph ids), the glyph, the size and the step. */
function maskKey(font: Font, glyph: Glyph, size: number, step: number): string {
	let number = fontNumbers.get(font);
	if (number === undefined) {
		number = fontsNumbered++;
		fontNumbers.set(font, number);
	}
	return `${number}:${glyph.id}:${size}:${step}`;
}

/** A glyph origin's whole pixel and quarter-pixel step. */
function snap(x: number): { column: number; step: number } {
	const steps = Math.round(x * SUBPIXEL_STEPS);
	return {
		column: Math.floor(steps / SUBPIXEL_STEPS),
		step: ((steps % SUBPIXEL_STEPS) + SUBPIXEL_STEPS) % SUBPIXEL_STEPS,
	};
}

/**
 * Rasterises the glyphs `lines` need and no mask has yet, all in one SVG: each in its own band, one band under the
 * other, so sharp is called once however many glyphs are new.
 */
async function rasteriseMissing(lines: readonly TextLine[], faces: readonly Face[], size: number): Promise<void> {
	const missing = new Map<string, { glyph: Glyph; face: number; step: number }>();
	for (const { glyphs } of lines) {
		for (const { face, glyph, x } of glyphs) {
			const { step } = snap(x);
			const key = maskKey(faces[face]!.font, glyph, size, step);
			if (!masks.has(key)) missing.set(key, { glyph, face, step });
		}
	}
	if (missing.size === 0) return;
	const bands: { key: string; mask: Omit<GlyphMask, 'coverage'>; y: number }[] = [];
	const paths: string[] = [];
	let height = 0;
	let width = 1;
	for (const [key, { glyph, face, step }] of missing) {
		if (glyph.path.commands.length === 0) {
			masks.set(key, { left: 0, top: 0, width: 0, height: 0, coverage: new Uint8Array() });
			continue;
		}
		const scale = size / faces[face]!.font.unitsPerEm;
		const offset = step / SUBPIXEL_STEPS;
		const { minX, minY, maxX, maxY } = glyph.bbox;
		// One pixel of margin around the outline's box, for the antialiased edge.
		const left = Math.floor(minX * scale + offset) - 1;
		const top = Math.floor(-maxY * scale) - 1;
		const mask = {
			left,
			top,
			width: Math.ceil(maxX * scale + offset) + 1 - left,
			height: Math.ceil(-minY * scale) + 1 - top,
		};
		paths.push(
			glyph.path
				.scale(scale, -scale)
				.translate(offset - left, height - top)
				.toSVG(),
		);
		bands.push({ key, mask, y: height });
		height += mask.height;
		width = Math.max(width, mask.width);
	}
	if (bands.length === 0) return;
	const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><path d="${paths.join('')}"/></svg>`;
	const coverage = await sharp(Buffer.from(svg)).extractChannel(3).raw().toBuffer();
	for (const { key, mask, y } of bands) {
		const glyphCoverage = new Uint8Array(mask.width * mask.height);
		for (let row = 0; row < mask.height; row++)
			glyphCoverage.set(coverage.subarray((y + row) * width, (y + row) * width + mask.width), row * mask.width);
		masks.set(key, { ...mask, coverage: glyphCoverage });
	}
}

/** Where lines go and in which ink. */
export interface Placement {
	/** The left edge of the lines, in whole pixels (glyphs' quarter-pixel steps are taken from their own offsets). */
	left: number;
	/** The top of the first line box, in pixels. */
	top: number;
	/** The height of each line box, in pixels (CSS `line-height`). */
	lineHeight: number;
	/** The ink, as `#rrggbb`. */
	colour: Hex;
}

/**
 * Draws laid-out lines onto the canvas. Each line's baseline sits where CSS puts it: the font's ascent and descent
 * centred in the line box. Each pixel becomes the palette's blend of the ink over what is under it.
 */
export async function drawLines(
	canvas: Canvas,
	lines: readonly TextLine[],
	{ faces, size }: Pick<TextStyle, 'faces' | 'size'>,
	{ left, top, lineHeight, colour }: Placement,
): Promise<void> {
	await rasteriseMissing(lines, faces, size);
	const { font } = faces[0]!;
	const scale = size / font.unitsPerEm;
	const contentHeight = (font.ascent - font.descent) * scale;
	const blends = canvas.palette.blendsWith(colour);
	const { width, height, pixels } = canvas;
	lines.forEach(({ glyphs }, index) => {
		const baseline = Math.round(top + index * lineHeight + (lineHeight - contentHeight) / 2 + font.ascent * scale);
		for (const { face, glyph, x } of glyphs) {
			const { column, step } = snap(left + x);
			const {
				left: maskLeft,
				top: maskTop,
				width: maskWidth,
				height: maskHeight,
				coverage,
			} = masks.get(maskKey(faces[face]!.font, glyph, size, step))!;
			const firstColumn = Math.max(0, -(column + maskLeft));
			const lastColumn = Math.min(maskWidth, width - (column + maskLeft));
			for (let row = 0; row < maskHeight; row++) {
				const y = baseline + maskTop + row;
				if (y < 0 || y >= height) continue;
				let at = pixelAt(canvas, column + maskLeft + firstColumn, y);
				for (let col = firstColumn, from = row * maskWidth + firstColumn; col < lastColumn; col++, from++, at++) {
					const level = levelOf(coverage[from]!);
					if (level !== 0) pixels[at] = blends[pixels[at]! * BLEND_LEVELS + level]!;
				}
			}
		}
	});
}
