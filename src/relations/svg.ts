/**
 * The relations graphic as SVG text, from a layout (layout.ts). Each kind of relation has a line style and line
 * ends of its own besides its colour, and every line carries its words, so kinds are told apart in print, in
 * greyscale and without colour vision. Colours come from the page's stylesheet (classes, no inline style, which the
 * content security policy forbids), so the graphic follows dark mode and print with the page.
 */
import { escapeXml } from '../utils/svg';
import { round, TEXT, type GraphLayout, type PlacedText } from './layout';
import { SYMMETRIC_KINDS, type RelationKind } from './kinds';

/** How a kind's line is drawn besides its colour: width, dashes, and what ends it. */
interface LineStyle {
	width: number;
	dashes?: string;
	/** The mark at the object's end, and at the subject's too for a kind that reads both ways. */
	end: 'arrow' | 'open-arrow' | 'dot' | 'bar';
}

export const LINE_STYLES: Record<RelationKind, LineStyle> = {
	'part-of': { width: 1.5, end: 'open-arrow' },
	'member-of': { width: 1.5, dashes: '6 3', end: 'open-arrow' },
	'works-for': { width: 1.5, dashes: '1.5 3', end: 'arrow' },
	leads: { width: 3, end: 'arrow' },
	backs: { width: 2, dashes: '10 3 2 3', end: 'arrow' },
	'allied-with': { width: 3, end: 'dot' },
	'opposed-to': { width: 2, dashes: '8 4', end: 'bar' },
};

/** The marks that end lines, drawn pointing right, the tip at (10, 5); sized in SVG units, whatever the line's width. */
const MARKS: Record<LineStyle['end'], { shape: string; size: number }> = {
	arrow: { shape: '<path d="M0 0L10 5L0 10z"/>', size: 10 },
	'open-arrow': { shape: '<path d="M1 1L10 5L1 9" fill="none" stroke-width="1.5"/>', size: 10 },
	dot: { shape: '<circle cx="6" cy="5" r="4"/>', size: 8 },
	bar: { shape: '<path d="M8 0h2v10h-2z"/>', size: 9 },
};

export interface GraphicText {
	/** Ids in the page start with it. */
	idPrefix: string;
	title: string;
	description: string;
}

/** Lines of text centred in their box, at a font size. */
function textLines({ lines, box }: PlacedText, fontSize: number, padding: number): string {
	const lineHeight = fontSize * TEXT.lineHeight;
	const x = round(box.x + box.width / 2);
	// The baseline sits where a line box of this height puts it: half the leading, then the ascent.
	const baseline = (index: number) =>
		round(box.y + padding + index * lineHeight + (lineHeight - fontSize) / 2 + fontSize * 0.8);
	return lines
		.map((line, index) => `<text x="${x}" y="${baseline(index)}" font-size="${fontSize}">${escapeXml(line)}</text>`)
		.join('');
}

/** The graphic, `relations[i]` describing `layout.edges[i]`; a changed relation's label is bold. */
export function relationsSvg(
	layout: GraphLayout,
	relations: readonly { kind: RelationKind; changed: boolean }[],
	text: GraphicText,
): string {
	const { idPrefix } = text;
	const kinds = [...new Set(relations.map((relation) => relation.kind))].sort();
	const markerId = (kind: RelationKind) => `${idPrefix}-end-${kind}`;
	const markers = kinds.map((kind) => {
		const { shape, size } = MARKS[LINE_STYLES[kind].end];
		return (
			`<marker id="${markerId(kind)}" class="relations__mark relations__mark--${kind}" viewBox="0 0 10 10" ` +
			`refX="10" refY="5" markerWidth="${size}" markerHeight="${size}" ` +
			`markerUnits="userSpaceOnUse" orient="auto-start-reverse">${shape}</marker>`
		);
	});
	const lines = layout.edges.map((edge, index) => {
		const { kind } = relations[index]!;
		const style = LINE_STYLES[kind];
		const d = edge.points.map((point, i) => `${i === 0 ? 'M' : 'L'}${point.x} ${point.y}`).join('');
		const marker = `url(#${markerId(kind)})`;
		const ends = `${SYMMETRIC_KINDS.has(kind) ? ` marker-start="${marker}"` : ''} marker-end="${marker}"`;
		const dashes = style.dashes ? ` stroke-dasharray="${style.dashes}"` : '';
		return `<path class="relations__line relations__line--${kind}" d="${d}" fill="none" stroke-width="${style.width}"${dashes}${ends}/>`;
	});
	const labels = layout.edges.map((edge, index) => {
		const { box } = edge.label;
		const changed = relations[index]!.changed ? ' relations__label--changed' : '';
		return (
			`<g class="relations__label${changed}"><rect x="${box.x}" y="${box.y}" width="${box.width}" height="${box.height}" rx="2"/>` +
			`${textLines(edge.label, TEXT.labelFontSize, TEXT.labelPadding)}</g>`
		);
	});
	const nodes = layout.nodes.map(
		(node) =>
			`<g class="relations__node"><rect x="${node.box.x}" y="${node.box.y}" width="${node.box.width}" height="${node.box.height}" rx="4"/>` +
			`${textLines(node, TEXT.nodeFontSize, TEXT.nodePadding)}</g>`,
	);
	return (
		`<svg xmlns="http://www.w3.org/2000/svg" class="relations__graphic" viewBox="0 0 ${layout.width} ${layout.height}" ` +
		`width="${layout.width}" height="${layout.height}" role="img" aria-labelledby="${idPrefix}-title ${idPrefix}-desc">` +
		`<title id="${idPrefix}-title">${escapeXml(text.title)}</title>` +
		`<desc id="${idPrefix}-desc">${escapeXml(text.description)}</desc>` +
		`<defs>${markers.join('')}</defs>` +
		`<g text-anchor="middle">${lines.join('')}${labels.join('')}${nodes.join('')}</g></svg>`
	);
}
