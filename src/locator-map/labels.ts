import { boxesOverlap as overlaps, type Box } from '../utils/svg.ts';

export { overlaps, type Box };

/** A label to place next to a point, most important first. */
export interface LabelRequest {
	key: string;
	text: string;
	/** The point it names, in map units. */
	x: number;
	y: number;
	/** Room to leave around the point (the radius of its mark). */
	gap: number;
}

export type Anchor = 'start' | 'middle' | 'end';

/** A label where it goes: `x`, `y` and `anchor` as SVG `<text>` takes them, and the box it covers. */
export interface PlacedLabel {
	key: string;
	text: string;
	x: number;
	y: number;
	anchor: Anchor;
	box: Box;
}

export interface LabelOptions {
	/** Font size in map units. */
	fontSize: number;
	/** The area labels must stay inside. */
	bounds: Box;
	/** Boxes no label may cover: marks, an inset. */
	obstacles?: readonly Box[];
}

/** Whether a box stays inside `bounds` and covers none of the `taken` boxes. */
export function isFree(box: Box, bounds: Box, taken: readonly Box[]): boolean {
	return (
		box.x >= bounds.x &&
		box.y >= bounds.y &&
		box.x + box.width <= bounds.x + bounds.width &&
		box.y + box.height <= bounds.y + bounds.height &&
		!taken.some((other) => overlaps(box, other))
	);
}

/**
 * The box a label of `text` covers, for its size. `glyphWidth` is the average glyph width as a share of the font
 * size: labels in an SVG image use the reader's sans-serif font, not ours, so it errs wide.
 */
export function labelSize(text: string, fontSize: number, glyphWidth = 0.6): { width: number; height: number } {
	return { width: Math.ceil(text.length * fontSize * glyphWidth), height: Math.ceil(fontSize * 1.25) };
}

/**
 * Places each label at the first of eight positions around its point (right, left, above, below, then the
 * diagonals: the order cartographers prefer) where it stays inside the bounds and covers no other label and no
 * obstacle. Labels are placed in the order given, so earlier ones win. A label with no free position is
 * returned in `unplaced` rather than drawn over another.
 */
export function placeLabels(
	requests: readonly LabelRequest[],
	options: LabelOptions,
): { placed: PlacedLabel[]; unplaced: LabelRequest[] } {
	const { fontSize, bounds, obstacles = [] } = options;
	const placed: PlacedLabel[] = [];
	const unplaced: LabelRequest[] = [];
	for (const request of requests) {
		const { width, height } = labelSize(request.text, fontSize);
		const taken = [...obstacles, ...placed.map((label) => label.box)];
		const candidate = candidates(request, width, height, fontSize).find(({ box }) => isFree(box, bounds, taken));
		if (candidate) placed.push({ key: request.key, text: request.text, ...candidate });
		else unplaced.push(request);
	}
	return { placed, unplaced };
}

function candidates(
	{ x, y, gap }: LabelRequest,
	width: number,
	height: number,
	fontSize: number,
): { x: number; y: number; anchor: Anchor; box: Box }[] {
	const space = gap + 3;
	// SVG places text by its baseline; the box's top sits about one cap height above it.
	const baseline = (top: number) => top + fontSize * 0.95;
	const at = (anchor: Anchor, textX: number, top: number) => {
		const left = anchor === 'start' ? textX : anchor === 'end' ? textX - width : textX - width / 2;
		return { x: textX, y: baseline(top), anchor, box: { x: left, y: top, width, height } };
	};
	const middle = y - height / 2;
	return [
		at('start', x + space, middle),
		at('end', x - space, middle),
		at('middle', x, y - space - height),
		at('middle', x, y + space),
		at('start', x + space * 0.7, y - space * 0.7 - height),
		at('start', x + space * 0.7, y + space * 0.7),
		at('end', x - space * 0.7, y - space * 0.7 - height),
		at('end', x - space * 0.7, y + space * 0.7),
	];
}
