/**
 * The share image of an explainer: a 1200×630 PNG with its headline, dek and the site's name, the picture link
 * previews show (Open Graph `og:image`, X's `summary_large_image` card). The text is set in the bundled Noto Sans
 * by our own layout (share-image-text.ts: the fonts' advances and kerning), so the picture is the same on every
 * machine; sharp draws the card's fixed parts once, and each card is a palette picture compressed by zlib
 * (share-image-palette.ts). Drawing one costs about 3 ms; builds still go through the cache in share-image-cache.ts
 * and draw the missing ones in a worker thread (share-image-drawer.ts).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { create, type Font } from 'fontkitten';
import sharp from 'sharp';
import { readPairKerning } from './font-kerning.ts';
import { SHARE_IMAGE_HEIGHT, SHARE_IMAGE_WIDTH } from './share-image-size.ts';
import { canvasOfRgb, createPalette, encodePalettePng, type Canvas } from './share-image-palette.ts';
import { drawLines, layoutText, type Face, type TextStyle } from './share-image-text.ts';

/**
 * Bump this whenever the card's design changes (layout, colours, sizes, anything in {@link renderShareImage} or
 * share-image-text.ts): it is part of the cache key, so every image is drawn again on the next build.
 */
export const SHARE_IMAGE_TEMPLATE_VERSION = 5;

/** What the card shows. */
export interface ShareImageInput {
	/** The explainer's headline. */
	title: string;
	/** The explainer's dek, under the headline. */
	dek: string;
	/** The site's name, at the foot of the card. */
	siteName: string;
}

/** A font file of the card. */
export interface ShareImageFont {
	/** The family and subset, for the cache key. */
	name: string;
	data: Buffer;
	weight: 400 | 700;
}

/**
 * The Noto Sans files the card uses: regular and bold, Latin and then Latin Extended (names such as Erdoğan), in
 * the order a character is looked up.
 */
const FONT_FILES = [
	{ name: 'Noto Sans', file: 'noto-sans-latin-400-normal.woff', weight: 400 },
	{ name: 'Noto Sans', file: 'noto-sans-latin-700-normal.woff', weight: 700 },
	{ name: 'Noto Sans Latin Extended', file: 'noto-sans-latin-ext-400-normal.woff', weight: 400 },
	{ name: 'Noto Sans Latin Extended', file: 'noto-sans-latin-ext-700-normal.woff', weight: 700 },
] as const;

let fonts: ShareImageFont[] | undefined;

/** Reads the card's fonts from @fontsource/noto-sans (once per process). */
export function loadShareImageFonts(): ShareImageFont[] {
	if (!fonts) {
		// Resolved from the project (the working folder, as for the content), because this module also runs
		// from a bundle in the build's output folder, which need not sit beside node_modules.
		const require = createRequire(join(process.cwd(), 'package.json'));
		fonts = FONT_FILES.map(({ name, file, weight }) => ({
			name,
			data: readFileSync(require.resolve(`@fontsource/noto-sans/files/${file}`)),
			weight,
		}));
	}
	return fonts;
}

/** A digest of the fonts' bytes, for the cache key: another font version draws other images. */
export function fontDigest(list: readonly ShareImageFont[]): string {
	const hash = createHash('sha256');
	for (const font of list) hash.update(`${font.name}/${font.weight}/${font.data.length}:`).update(font.data);
	return hash.digest('hex');
}

/** The colours of the card: the site's light theme (src/styles/tokens.css). */
const COLOR = {
	background: '#ffffff',
	surface: '#f4f2ee',
	text: '#1b1b1b',
	muted: '#555555',
	rule: '#d6d3cc',
	accent: '#a3161b',
} as const;

/** The card's typefaces: each weight's faces, in the order a character is looked up. */
interface Typefaces {
	regular: Face[];
	bold: Face[];
}

const typefacesByFonts = new WeakMap<readonly ShareImageFont[], Typefaces>();

function typefaces(fontList: readonly ShareImageFont[]): Typefaces {
	let known = typefacesByFonts.get(fontList);
	if (!known) {
		const faces = (weight: 400 | 700) =>
			fontList
				.filter((font) => font.weight === weight)
				.map(({ data }) => ({ font: create(data) as Font, kerning: readPairKerning(data) }));
		known = { regular: faces(400), bold: faces(700) };
		typefacesByFonts.set(fontList, known);
	}
	return known;
}

/** Where things sit on the card, in pixels. */
const LAYOUT = {
	bar: 16,
	inset: 72,
	textTop: 16 + 56,
	dekGap: 28,
	dekSize: 30,
	footer: { padding: 24, rule: 2, logoSize: 48, nameGap: 18, nameSize: 30 },
} as const;

const TEXT_WIDTH = SHARE_IMAGE_WIDTH - 2 * LAYOUT.inset;

/** The footer's top edge: its rule, then a band as tall as the mark and its padding. */
const FOOTER_TOP = SHARE_IMAGE_HEIGHT - LAYOUT.footer.rule - 2 * LAYOUT.footer.padding - LAYOUT.footer.logoSize;

/**
 * What every card shares, as SVG: the white page, the red bar, the footer's rule and band, and the site's mark as
 * in public/favicon.svg (a white E on a red square).
 */
function backgroundSvg(): string {
	const { bar, inset } = LAYOUT;
	const { padding, rule, logoSize } = LAYOUT.footer;
	const logoTop = SHARE_IMAGE_HEIGHT - padding - logoSize;
	return (
		`<svg xmlns="http://www.w3.org/2000/svg" width="${SHARE_IMAGE_WIDTH}" height="${SHARE_IMAGE_HEIGHT}">` +
		`<rect width="100%" height="100%" fill="${COLOR.background}"/>` +
		`<rect width="${SHARE_IMAGE_WIDTH}" height="${bar}" fill="${COLOR.accent}"/>` +
		`<rect y="${FOOTER_TOP}" width="${SHARE_IMAGE_WIDTH}" height="${rule}" fill="${COLOR.rule}"/>` +
		`<rect y="${FOOTER_TOP + rule}" width="${SHARE_IMAGE_WIDTH}" height="${SHARE_IMAGE_HEIGHT - FOOTER_TOP - rule}" fill="${COLOR.surface}"/>` +
		`<svg x="${inset}" y="${logoTop}" width="${logoSize}" height="${logoSize}" viewBox="0 0 32 32">` +
		`<rect width="32" height="32" rx="6" fill="${COLOR.accent}"/>` +
		'<path d="M9 8h14v3.5h-9.5v3H21V18h-7.5v3H23v3.5H9z" fill="#ffffff"/></svg></svg>'
	);
}

/**
 * Every colour the card shows: its plain colours, and the blends its antialiased edges make (the headline's and the
 * dek's ink on the page, the site's name on the footer band, the mark's E on red and its rounded corners).
 */
const PALETTE = createPalette(Object.values(COLOR), [
	[COLOR.background, COLOR.text],
	[COLOR.background, COLOR.muted],
	[COLOR.surface, COLOR.text],
	[COLOR.accent, COLOR.background],
	[COLOR.surface, COLOR.accent],
]);

/** The card without its headline and dek, by site name: drawn once per process, copied for each card. */
const backgrounds = new Map<string, Promise<Canvas>>();

async function background(siteName: string, faces: Typefaces): Promise<Canvas> {
	let drawn = backgrounds.get(siteName);
	if (!drawn) {
		drawn = (async () => {
			const rgb = await sharp(Buffer.from(backgroundSvg())).removeAlpha().raw().toBuffer();
			const canvas = canvasOfRgb(SHARE_IMAGE_WIDTH, SHARE_IMAGE_HEIGHT, rgb, PALETTE);
			const { padding, logoSize, nameGap, nameSize } = LAYOUT.footer;
			const style = { faces: faces.bold, size: nameSize, maxWidth: TEXT_WIDTH - logoSize - nameGap, maxLines: 1 };
			await drawLines(canvas, layoutText(siteName, style), style, {
				left: LAYOUT.inset + logoSize + nameGap,
				top: SHARE_IMAGE_HEIGHT - padding - logoSize,
				lineHeight: logoSize,
				colour: COLOR.text,
			});
			return canvas;
		})();
		backgrounds.set(siteName, drawn);
	}
	const { pixels, ...rest } = await drawn;
	return { ...rest, pixels: pixels.slice() };
}

/** A headline's size in pixels: large for short headlines, smaller as they grow (the schema allows 140 characters). */
function titleSize(title: string): number {
	if (title.length <= 50) return 72;
	if (title.length <= 80) return 62;
	if (title.length <= 110) return 54;
	return 48;
}

/**
 * Draws the card as a PNG: the red bar, the headline (three or four lines at most), the dek under it (three
 * lines), and the footer with the site's mark and name.
 */
export async function renderShareImage(
	{ title, dek, siteName }: ShareImageInput,
	fontList: readonly ShareImageFont[] = loadShareImageFonts(),
): Promise<Buffer> {
	// Each card is drawn once per build: libvips' cache of decoded images would only hold memory.
	sharp.cache(false);
	const faces = typefaces(fontList);
	const canvas = await background(siteName, faces);

	const size = titleSize(title);
	const titleStyle: TextStyle = {
		faces: faces.bold,
		size,
		letterSpacing: -0.01 * size,
		maxWidth: TEXT_WIDTH,
		maxLines: size >= 62 ? 3 : 4,
	};
	const titleLines = layoutText(title, titleStyle);
	const titleLineHeight = size * 1.15;
	await drawLines(canvas, titleLines, titleStyle, {
		left: LAYOUT.inset,
		top: LAYOUT.textTop,
		lineHeight: titleLineHeight,
		colour: COLOR.text,
	});

	const dekStyle: TextStyle = { faces: faces.regular, size: LAYOUT.dekSize, maxWidth: TEXT_WIDTH, maxLines: 3 };
	await drawLines(canvas, layoutText(dek, dekStyle), dekStyle, {
		left: LAYOUT.inset,
		top: LAYOUT.textTop + titleLines.length * titleLineHeight + LAYOUT.dekGap,
		lineHeight: LAYOUT.dekSize * 1.4,
		colour: COLOR.muted,
	});

	return encodePalettePng(canvas);
}
