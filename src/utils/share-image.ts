/**
 * The share image of an explainer: a 1200×630 PNG with its headline, dek and the site's name, the picture link
 * previews show (Open Graph `og:image`, X's `summary_large_image` card). satori lays the card out as SVG, with the
 * text drawn as shapes of the bundled Noto Sans, so the picture is the same on every machine; sharp turns it
 * into a PNG. Drawing one costs about 25 ms, so builds go through the cache in share-image-cache.ts and draw the
 * missing ones in a worker thread (share-image-drawer.ts).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

/** The size link previews ask for: 1.91:1, the size Open Graph and X crop to. */
export const SHARE_IMAGE_WIDTH = 1200;
export const SHARE_IMAGE_HEIGHT = 630;

/**
 * Bump this whenever the card's design changes (layout, colours, sizes, anything in {@link shareImageCard} or
 * {@link renderShareImage}): it is part of the cache key, so every image is drawn again on the next build.
 */
export const SHARE_IMAGE_TEMPLATE_VERSION = 3;

/** What the card shows. */
export interface ShareImageInput {
	/** The explainer's headline. */
	title: string;
	/** The explainer's dek, under the headline. */
	dek: string;
	/** The site's name, at the foot of the card. */
	siteName: string;
}

/** A font satori draws with. satori reads TTF, OTF and WOFF, not WOFF2. */
export interface ShareImageFont {
	name: string;
	data: Buffer;
	weight: 400 | 700;
	style: 'normal';
}

/** The Noto Sans files the card uses: regular and bold, Latin and Latin Extended (names such as Erdoğan). */
const FONT_FILES = [
	{ name: 'Noto Sans', file: 'noto-sans-latin-400-normal.woff', weight: 400 },
	{ name: 'Noto Sans', file: 'noto-sans-latin-700-normal.woff', weight: 700 },
	// satori looks a missing glyph up in the next family of the list, not in another file of the same family.
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
			style: 'normal',
		}));
	}
	return fonts;
}

/** A digest of the fonts' bytes, for the cache key: another font version draws other images. */
export function fontDigest(list: readonly ShareImageFont[]): string {
	const hash = createHash('sha256');
	for (const font of list)
		hash.update(`${font.name}/${font.weight}/${font.style}/${font.data.length}:`).update(font.data);
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

/** A node of satori's element tree: what JSX would produce, written as plain objects. */
interface CardNode {
	type: string;
	props: {
		style?: Record<string, string | number>;
		children?: string | CardNode | CardNode[];
		[attribute: string]: unknown;
	};
}

const node = (type: string, style: Record<string, string | number>, children?: CardNode['props']['children']) => ({
	type,
	props: children === undefined ? { style } : { style, children },
});

/** The footer: a band with the site's mark and name, anchored to the card's foot. */
const FOOTER = { padding: 24, rule: 2, logoSize: 48, inset: 72 } as const;

/**
 * The site's mark, as in public/favicon.svg (a white E on a red square), placed over the footer's empty slot.
 * It is added to satori's SVG rather than given to satori: satori would embed it as an image with a mask, which
 * sharp draws through a full-size scratch surface, a third of the cost of the whole card.
 */
const logoSvg = (): string => {
	const { padding, logoSize, inset } = FOOTER;
	const y = SHARE_IMAGE_HEIGHT - padding - logoSize;
	return (
		`<svg x="${inset}" y="${y}" width="${logoSize}" height="${logoSize}" viewBox="0 0 32 32">` +
		`<rect width="32" height="32" rx="6" fill="${COLOR.accent}"/>` +
		'<path d="M9 8h14v3.5h-9.5v3H21V18h-7.5v3H23v3.5H9z" fill="#ffffff"/></svg>'
	);
};

/** A headline's size in pixels: large for short headlines, smaller as they grow (the schema allows 140 characters). */
function titleSize(title: string): number {
	if (title.length <= 50) return 72;
	if (title.length <= 80) return 62;
	if (title.length <= 110) return 54;
	return 48;
}

/**
 * The card's layout: a red bar, the headline, the dek under it, and the site's name at the foot. Bars are boxes
 * of colour, not borders: satori draws a border through clip paths, which cost sharp a full-size surface each.
 */
export function shareImageCard({ title, dek, siteName }: ShareImageInput): CardNode {
	const size = titleSize(title);
	return node(
		'div',
		{
			display: 'flex',
			flexDirection: 'column',
			width: SHARE_IMAGE_WIDTH,
			height: SHARE_IMAGE_HEIGHT,
			backgroundColor: COLOR.background,
			fontFamily: "'Noto Sans', 'Noto Sans Latin Extended'",
			color: COLOR.text,
		},
		[
			node('div', { display: 'flex', height: 16, flexShrink: 0, backgroundColor: COLOR.accent }),
			node('div', { display: 'flex', flexDirection: 'column', flexGrow: 1, padding: `56px ${FOOTER.inset}px 0` }, [
				node(
					'div',
					{
						display: 'block',
						fontSize: size,
						fontWeight: 700,
						lineHeight: 1.15,
						letterSpacing: '-0.01em',
						lineClamp: size >= 62 ? 3 : 4,
					},
					title,
				),
				node(
					'div',
					{
						display: 'block',
						marginTop: 28,
						fontSize: 30,
						lineHeight: 1.4,
						color: COLOR.muted,
						lineClamp: 3,
					},
					dek,
				),
			]),
			node('div', { display: 'flex', height: FOOTER.rule, flexShrink: 0, backgroundColor: COLOR.rule }),
			node(
				'div',
				{
					display: 'flex',
					alignItems: 'center',
					flexShrink: 0,
					padding: `${FOOTER.padding}px ${FOOTER.inset}px`,
					backgroundColor: COLOR.surface,
				},
				[
					node('div', { display: 'flex', width: FOOTER.logoSize, height: FOOTER.logoSize }),
					node('div', { display: 'flex', marginLeft: 18, fontSize: 30, fontWeight: 700 }, siteName),
				],
			),
		],
	);
}

/** Draws the card as a PNG: satori lays it out as SVG, sharp rasterises and compresses it. */
export async function renderShareImage(input: ShareImageInput, fontList = loadShareImageFonts()): Promise<Buffer> {
	// Loaded here, not with the module: pages read the sizes above without loading the renderer.
	const [{ default: satori }, { default: sharp }] = await Promise.all([import('satori'), import('sharp')]);
	const svg = await satori(shareImageCard(input) as Parameters<typeof satori>[0], {
		width: SHARE_IMAGE_WIDTH,
		height: SHARE_IMAGE_HEIGHT,
		fonts: [...fontList],
	});
	// Full colour at zlib level 4: about 63 kB a card, drawn in 25 ms (level 6 made it 58 kB in 27 ms). A 256-colour
	// palette made the file half that size but tripled the time, and only the link previews' servers fetch the file.
	// Each card is drawn once per build: libvips' cache of decoded images would only hold memory.
	sharp.cache(false);
	const withLogo = svg.replace(/<\/svg>$/, `${logoSvg()}</svg>`);
	return sharp(Buffer.from(withLogo)).png({ compressionLevel: 4 }).toBuffer();
}
