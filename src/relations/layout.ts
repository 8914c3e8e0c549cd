/**
 * Where the relations graphic puts each actor and each relation's label, by a layered layout (@dagrejs/dagre):
 * organisations above their parts and staff, leaders and backers above what they lead or back. Every label is a
 * box of its own in the layout, so by construction no label covers a node or another label; {@link findOverlaps}
 * checks it all the same, and a layout that breaks it throws rather than print text over text. The same graph gives
 * the same layout, to the decimal, on every build.
 */
import { Graph, layout } from '@dagrejs/dagre';
import { boxesOverlap, type Box } from '../utils/svg';

export interface GraphNode {
	id: string;
	name: string;
}

/** A relation to draw, from its subject to its object. */
export interface GraphEdge {
	subject: string;
	object: string;
	words: string;
	/** Whether the object goes above the subject (an organisation above its parts), not below. */
	objectAbove: boolean;
}

interface Point {
	x: number;
	y: number;
}

/** Text wrapped to lines, centred in its box. */
export interface PlacedText {
	lines: string[];
	box: Box;
}

export interface GraphLayout {
	width: number;
	height: number;
	nodes: (PlacedText & { id: string })[];
	/** Each edge's `points` run from the subject's box to the object's. */
	edges: { subject: string; object: string; points: Point[]; label: PlacedText }[];
}

/**
 * Each printable ASCII character's advance width, from the space (U+0020) to the tilde (U+007E), in thousandths of
 * the font size: DejaVu Sans Bold's, measured in Chromium. The reader's sans-serif font draws the text, not one we
 * ship, so boxes are sized for the widest of the usual ones (DejaVu Sans, the Linux fallback, is wider than Segoe UI,
 * San Francisco, Roboto, Noto Sans and Arial), in bold, which names and changed labels are drawn in.
 */
const ASCII_WIDTHS = [
	349, 457, 521, 838, 696, 1002, 873, 307, 458, 458, 523, 838, 380, 416, 380, 366, 696, 696, 696, 696, 696, 696, 696,
	696, 696, 696, 400, 400, 838, 838, 838, 581, 1000, 774, 763, 734, 831, 684, 684, 821, 837, 373, 373, 775, 638, 996,
	837, 851, 733, 851, 771, 721, 683, 813, 774, 1104, 771, 725, 726, 458, 366, 458, 838, 500, 500, 675, 716, 593, 716,
	679, 436, 716, 712, 343, 343, 666, 343, 1042, 712, 688, 716, 716, 494, 596, 479, 712, 652, 924, 646, 652, 583, 712,
	366, 712, 838,
] as const;

/** Sizes in SVG units, which the page shows one to one with CSS pixels. */
export const TEXT = {
	nodeFontSize: 14,
	labelFontSize: 12,
	lineHeight: 1.25,
	/** A character outside printable ASCII ("→", "é", "—"), as a share of the font size: the widest ASCII's. */
	otherGlyphWidth: 1.104,
	/**
	 * The text spacing a reader may set (WCAG 2.2 1.4.12), as shares of the font size: every box has room for it,
	 * on top of the font's own widths.
	 */
	letterSpacing: 0.12,
	wordSpacing: 0.16,
	/** The longest line, in characters, before a name or a label wraps. */
	nodeLineChars: 16,
	labelLineChars: 18,
	nodePadding: 6,
	labelPadding: 2,
} as const;

/**
 * Room between ranks for a line to show its dashes and its ends on both sides of a label; and a margin around the
 * whole, so that text in a font wider still than the one measured runs into it instead of being cut at the edge.
 */
const SPACING = { nodesep: 16, edgesep: 12, ranksep: 26, marginx: 8, marginy: 4 } as const;

/** Words in lines of at most `max` characters; a longer word gets a line of its own. */
export function wrapWords(text: string, max: number): string[] {
	const lines: string[] = [];
	for (const word of text.split(/\s+/).filter(Boolean)) {
		const last = lines.at(-1);
		if (last !== undefined && last.length + 1 + word.length <= max) lines[lines.length - 1] = `${last} ${word}`;
		else lines.push(word);
	}
	return lines;
}

/**
 * The width a line takes at a font size in the widest usual font ({@link ASCII_WIDTHS}) with the reader's text
 * spacing at its WCAG 1.4.12 values: 0.12 em after every character, 0.16 em more for every space.
 */
export function textWidth(line: string, fontSize: number): number {
	let ems = 0;
	for (const character of line) {
		const code = character.codePointAt(0) ?? 0;
		ems += (ASCII_WIDTHS[code - 32] ?? TEXT.otherGlyphWidth * 1000) / 1000 + TEXT.letterSpacing;
		if (character === ' ') ems += TEXT.wordSpacing;
	}
	return ems * fontSize;
}

/** The box that a text's lines take at a font size, with padding on every side. */
export function textSize(lines: readonly string[], fontSize: number, padding: number) {
	const longest = Math.max(0, ...lines.map((line) => textWidth(line, fontSize)));
	return {
		width: Math.ceil(longest + 2 * padding),
		height: round(lines.length * fontSize * TEXT.lineHeight + 2 * padding),
	};
}

/** One decimal: enough for a screen, and the same text on every build. */
export const round = (value: number) => Math.round(value * 10) / 10;

/** The pairs of boxes, by index, that overlap. */
export function findOverlaps(boxes: readonly Box[]): [number, number][] {
	const pairs: [number, number][] = [];
	boxes.forEach((box, i) => {
		for (let j = i + 1; j < boxes.length; j++) if (boxesOverlap(box, boxes[j]!)) pairs.push([i, j]);
	});
	return pairs;
}

/** A node or an edge's label as dagre sizes it, and places it by its centre. */
interface DagreBox {
	width: number;
	height: number;
	x?: number;
	y?: number;
}

/** The box of a node or label dagre placed, from its centre and size. */
const boxAround = ({ x = 0, y = 0, width, height }: DagreBox): Box => ({
	x: round(x - width / 2),
	y: round(y - height / 2),
	width,
	height,
});

/** Lays out `nodes` and `edges` (whose ends must be among the nodes), top to bottom. */
export function layoutGraph(nodes: readonly GraphNode[], edges: readonly GraphEdge[]): GraphLayout {
	const graph = new Graph<object, DagreBox, DagreBox & { labelpos: 'c'; points?: Point[] }>({ multigraph: true });
	graph.setGraph({ rankdir: 'TB', ...SPACING });
	const named = nodes.map(({ id, name }) => ({ id, lines: wrapWords(name, TEXT.nodeLineChars) }));
	for (const { id, lines } of named) {
		graph.setNode(id, textSize(lines, TEXT.nodeFontSize, TEXT.nodePadding));
	}
	const labels = edges.map((edge) => wrapWords(edge.words, TEXT.labelLineChars));
	edges.forEach((edge, index) => {
		const [from, to] = edge.objectAbove ? [edge.object, edge.subject] : [edge.subject, edge.object];
		const size = textSize(labels[index] ?? [], TEXT.labelFontSize, TEXT.labelPadding);
		graph.setEdge(from, to, { ...size, labelpos: 'c' }, String(index));
	});
	layout(graph);
	const placedNodes = named.map(({ id, lines }) => ({ id, lines, box: boxAround(graph.node(id)) }));
	const placedEdges = edges.map((edge, index) => {
		const [from, to] = edge.objectAbove ? [edge.object, edge.subject] : [edge.subject, edge.object];
		const placed = graph.edge(from, to, String(index));
		const points = (placed.points ?? []).map(({ x, y }) => ({ x: round(x), y: round(y) }));
		return {
			subject: edge.subject,
			object: edge.object,
			points: edge.objectAbove ? points.reverse() : points,
			label: { lines: labels[index] ?? [], box: boxAround(placed) },
		};
	});
	const boxes = [...placedNodes.map((node) => node.box), ...placedEdges.map((edge) => edge.label.box)];
	const overlaps = findOverlaps(boxes);
	if (overlaps.length > 0) {
		throw new Error(`The relations graphic's layout put ${overlaps.length} label(s) over another one.`);
	}
	const { width = 0, height = 0 } = graph.graph() as { width?: number; height?: number };
	return { width: Math.ceil(width), height: Math.ceil(height), nodes: placedNodes, edges: placedEdges };
}
