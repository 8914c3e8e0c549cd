/**
 * The share card (README.md): its size, layout and fonts, drawn with takumi. Node runs this file itself in the
 * background drawing process (src/build/drawing-process.ts, its type stripping), so it imports only Node's modules,
 * and loads takumi to draw.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import type { MeasuredNode, Node, Renderer } from '@takumi-rs/core';
import { digestOfSources } from '../utils/disk-cache.ts';

/** 1.91:1, the size Open Graph and X crop to. */
export const SHARE_IMAGE_WIDTH = 1200;
export const SHARE_IMAGE_HEIGHT = 630;

/** What the card shows. */
export interface ShareImageInput {
	/** The explainer's headline. */
	title: string;
	/** The explainer's dek, under the headline. */
	dek: string;
	/** The site's name, at the foot of the card. */
	siteName: string;
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

/** The site's mark (a white E on a red square), from the project's folder like the fonts. */
const MARK_FILE = 'public/favicon.svg';

/**
 * The Noto Sans files the card uses, regular and bold: Latin, then Latin Extended (names such as Erdoğan) as the
 * family a missing character is looked up in next.
 */
export const FONT_FILES = [
	{ name: 'Noto Sans', file: 'noto-sans-latin-400-normal.woff', weight: 400 },
	{ name: 'Noto Sans', file: 'noto-sans-latin-700-normal.woff', weight: 700 },
	{ name: 'Noto Sans Latin Extended', file: 'noto-sans-latin-ext-400-normal.woff', weight: 400 },
	{ name: 'Noto Sans Latin Extended', file: 'noto-sans-latin-ext-700-normal.woff', weight: 700 },
] as const;

/**
 * Node's require from the project (the working folder, as for the content). takumi is loaded with it, when the first
 * card is drawn, not imported: pages take the card's size from this file without loading the renderer, and the build
 * draws the cards the child process left after Vite's module runner, which would load an import, has closed.
 */
export const projectRequire = (root = process.cwd()) => createRequire(resolve(root, 'package.json'));

/** The fonts, from @fontsource/noto-sans in the project. */
function fonts(root?: string) {
	const require = projectRequire(root);
	return FONT_FILES.map(({ name, file, weight }) => ({
		name,
		weight,
		style: 'normal',
		data: readFileSync(require.resolve(`@fontsource/noto-sans/files/${file}`)),
	}));
}

/** A headline's size in pixels: large for short headlines, smaller as they grow (the schema allows 140 characters). */
function titleSize(title: string): number {
	if (title.length <= 50) return 72;
	if (title.length <= 80) return 62;
	if (title.length <= 110) return 54;
	return 48;
}

/** The card as takumi's node tree: the red bar, the headline and dek (each clamped with an ellipsis), the footer. */
function cardNode({ title, dek, siteName }: ShareImageInput, mark: string): Node {
	const size = titleSize(title);
	const box = (style: object, children: Node[] = []): Node => ({ type: 'container', style, children });
	const text = (content: string, style: object): Node => ({
		type: 'text',
		text: content,
		style: { overflowWrap: 'break-word', textOverflow: 'ellipsis', ...style },
	});
	return box(
		{
			display: 'flex',
			flexDirection: 'column',
			width: SHARE_IMAGE_WIDTH,
			height: SHARE_IMAGE_HEIGHT,
			backgroundColor: COLOR.background,
			color: COLOR.text,
			fontFamily: "'Noto Sans', 'Noto Sans Latin Extended'",
		},
		[
			box({ height: 16, flexShrink: 0, backgroundColor: COLOR.accent }),
			box({ display: 'flex', flexDirection: 'column', flexGrow: 1, padding: '56px 72px 0' }, [
				text(title, {
					fontSize: size,
					fontWeight: 700,
					lineHeight: 1.15,
					letterSpacing: '-0.01em',
					lineClamp: size >= 62 ? 3 : 4,
				}),
				text(dek, { marginTop: 28, fontSize: 30, lineHeight: 1.4, color: COLOR.muted, lineClamp: 3 }),
			]),
			box({ height: 2, flexShrink: 0, backgroundColor: COLOR.rule }),
			box(
				{ display: 'flex', alignItems: 'center', flexShrink: 0, padding: '24px 72px', backgroundColor: COLOR.surface },
				[
					{ type: 'image', src: mark, width: 48, height: 48, style: { width: 48, height: 48 } },
					text(siteName, { marginLeft: 18, fontSize: 30, fontWeight: 700, lineClamp: 1 }),
				],
			),
		],
	);
}

/** takumi with the card's fonts, and the mark: loaded once per process. */
let drawing: Promise<{ renderer: Renderer; mark: string }> | undefined;

function loadRenderer() {
	drawing ??= (async () => {
		const { Renderer } = projectRequire()('@takumi-rs/core') as typeof import('@takumi-rs/core');
		const renderer = new Renderer();
		for (const font of fonts()) await renderer.registerFont(font);
		return { renderer, mark: readFileSync(resolve(MARK_FILE), 'utf8') };
	})();
	return drawing;
}

/** Draws the card as a PNG. The same input gives the same bytes. */
export async function renderShareImage(input: ShareImageInput): Promise<Buffer> {
	const { renderer, mark } = await loadRenderer();
	return renderer.render(cardNode(await textsOnCard(input), mark), { ...CARD_SIZE, format: 'png' });
}

const CARD_SIZE = { width: SHARE_IMAGE_WIDTH, height: SHARE_IMAGE_HEIGHT };

/**
 * What the card draws of `input`: a headline or dek it cannot hold whole is cut after a whole word, with an
 * ellipsis, where takumi's own clamp would cut into the last word the ellipsis leaves no room for ("what Washingt…").
 */
export async function textsOnCard(input: ShareImageInput): Promise<ShareImageInput> {
	const { renderer, mark } = await loadRenderer();
	const fields = ['title', 'dek'] as const;
	const cut = new Set<(typeof fields)[number]>();
	let fitted = input;
	// The first cut keeps what the card shows; each later pass drops a word until the ellipsis fits beside the rest.
	for (let pass = 0; pass < 8; pass++) {
		const measured = await renderer.measure(cardNode(fitted, mark), CARD_SIZE);
		const nodes = measured.children[1]?.children ?? [];
		const next = { ...fitted };
		fields.forEach((field, index) => {
			const shown = shownWords(nodes[index]);
			if (shown === undefined || shown.length >= squeezed(fitted[field]).length) return;
			next[field] = cut.has(field) ? fitted[field].replace(/\s*\S+…$/, '…') : `${shown}…`;
			cut.add(field);
		});
		if (fields.every((field) => next[field] === fitted[field])) return fitted;
		fitted = next;
	}
	return fitted;
}

const squeezed = (words: string) => words.replace(/\s+/g, ' ').trim();

/** The words a measured text node shows, before any ellipsis its clamp adds. */
const shownWords = (node: MeasuredNode | undefined) => node && squeezed(node.runs.map((run) => run.text).join(''));

/** What draws a card besides its text, from the project's folder: a change to any of them redraws every card. */
const DRAWING_SOURCES = ['src/share-image/card.ts', MARK_FILE, 'node_modules/@takumi-rs/core/package.json'];

/**
 * A digest of the code that draws the cards (this file, takumi's version), the mark and the fonts' bytes, for the
 * cache key; when a source cannot be read, one that matches no earlier build.
 */
export function drawingDigest(root = process.cwd()): string {
	return digestOfSources(
		DRAWING_SOURCES,
		root,
		fonts(root).map((font) => font.data),
	);
}
