/**
 * Outlines in a map's frame: clipping rings and lines to the frame, their SVG path data, and the box and inside of a
 * shaded outline (where its name can go). Points are flat arrays, x and y interleaved, in map units.
 */

/** Rings or lines, each a flat array x0, y0, x1, y1, … */
export type Rings = number[][];

/** The points of a ring on one side of a line `x = bound` (axis 0) or `y = bound` (axis 1): one Sutherland–Hodgman pass. */
function clipSide(ring: readonly number[], axis: 0 | 1, bound: number, keepBelow: boolean): number[] {
	const out: number[] = [];
	const count = ring.length;
	if (count === 0) return out;
	let px = ring[count - 2] ?? 0;
	let py = ring[count - 1] ?? 0;
	let previousIn = keepBelow ? (axis === 0 ? px : py) <= bound : (axis === 0 ? px : py) >= bound;
	for (let i = 0; i < count; i += 2) {
		const x = ring[i] ?? 0;
		const y = ring[i + 1] ?? 0;
		const value = axis === 0 ? x : y;
		const isIn = keepBelow ? value <= bound : value >= bound;
		if (isIn !== previousIn) {
			const start = axis === 0 ? px : py;
			const t = (bound - start) / (value - start);
			if (axis === 0) out.push(bound, py + t * (y - py));
			else out.push(px + t * (x - px), bound);
		}
		if (isIn) out.push(x, y);
		px = x;
		py = y;
		previousIn = isIn;
	}
	return out;
}

/** The box of flat points: x0, y0, x1, y1. */
function boxOf(points: readonly number[]): [number, number, number, number] {
	let x0 = Infinity;
	let y0 = Infinity;
	let x1 = -Infinity;
	let y1 = -Infinity;
	for (let i = 0; i < points.length; i += 2) {
		const x = points[i] ?? 0;
		const y = points[i + 1] ?? 0;
		if (x < x0) x0 = x;
		if (x > x1) x1 = x;
		if (y < y0) y0 = y;
		if (y > y1) y1 = y;
	}
	return [x0, y0, x1, y1];
}

/**
 * A ring clipped to the frame `[0, width] × [0, height]` (Sutherland–Hodgman). The ring may come back with edges
 * along the frame that enclose nothing; filled, it covers exactly the part of the ring inside the frame.
 */
export function clipRing(ring: number[], width: number, height: number): number[] {
	const [x0, y0, x1, y1] = boxOf(ring);
	if (x0 >= 0 && y0 >= 0 && x1 <= width && y1 <= height) return ring;
	if (x1 < 0 || y1 < 0 || x0 > width || y0 > height) return [];
	let out = ring;
	if (x0 < 0) out = clipSide(out, 0, 0, false);
	if (x1 > width) out = clipSide(out, 0, width, true);
	if (y0 < 0) out = clipSide(out, 1, 0, false);
	if (y1 > height) out = clipSide(out, 1, height, true);
	return out;
}

/** A line clipped to the frame `[0, width] × [0, height]` (Liang–Barsky on each segment): the pieces inside it. */
export function clipLine(line: readonly number[], width: number, height: number): Rings {
	const pieces: Rings = [];
	let current: number[] | undefined;
	for (let i = 2; i < line.length; i += 2) {
		const ax = line[i - 2] ?? 0;
		const ay = line[i - 1] ?? 0;
		const dx = (line[i] ?? 0) - ax;
		const dy = (line[i + 1] ?? 0) - ay;
		let t0 = 0;
		let t1 = 1;
		let visible = true;
		// Liang–Barsky: the segment's run between entering and leaving each side's half-plane (west, east, north, south).
		for (let side = 0; side < 4; side++) {
			const p = side === 0 ? -dx : side === 1 ? dx : side === 2 ? -dy : dy;
			const q = side === 0 ? ax : side === 1 ? width - ax : side === 2 ? ay : height - ay;
			if (p === 0) {
				if (q < 0) visible = false;
			} else if (p < 0) t0 = Math.max(t0, q / p);
			else t1 = Math.min(t1, q / p);
		}
		if (!visible || t0 > t1) {
			current = undefined;
			continue;
		}
		if (!current || t0 > 0) {
			current = [ax + t0 * dx, ay + t0 * dy];
			pieces.push(current);
		}
		current.push(ax + t1 * dx, ay + t1 * dy);
		if (t1 < 1) current = undefined;
	}
	return pieces;
}

/** A coordinate to a tenth, in tenths: d3's `geoPath().digits(1)` writes it as this over 10 (`12.3`, `-0.5`, `7`). */
const tenths = (value: number) => Math.round(value * 10);

/**
 * SVG path data for rings (`closed`, each ending in Z) or lines, to a tenth of a unit; a point that rounds to the
 * one before it is left out, and a ring that rounds to less than a triangle, or a line to less than a segment. A line
 * that starts where the one before it ended carries on from it.
 */
export function pathData(rings: Rings, closed: boolean): string {
	let d = '';
	// Where the last line drawn ended: a line that starts there carries on from it.
	let endX = Number.NaN;
	let endY = Number.NaN;
	for (const ring of rings) {
		let part = '';
		let count = 0;
		let lastX = Number.NaN;
		let lastY = Number.NaN;
		let firstX = Number.NaN;
		let firstY = Number.NaN;
		// The part before the last point, for a ring whose last point rounds to its first.
		let beforeLast = '';
		for (let i = 0; i < ring.length; i += 2) {
			const x = tenths(ring[i] ?? 0);
			const y = tenths(ring[i + 1] ?? 0);
			if (x === lastX && y === lastY) continue;
			if (count === 0) {
				firstX = x;
				firstY = y;
			}
			beforeLast = part;
			if (count > 0 || closed || x !== endX || y !== endY) {
				part += (count === 0 ? 'M' : 'L') + x / 10 + ',' + y / 10;
			}
			lastX = x;
			lastY = y;
			count += 1;
		}
		if (closed && count > 1 && lastX === firstX && lastY === firstY) {
			part = beforeLast;
			count -= 1;
		}
		if (count < (closed ? 3 : 2)) continue;
		d += closed ? `${part}Z` : part;
		if (!closed) {
			endX = lastX;
			endY = lastY;
		}
	}
	return d;
}

/** The box rings cover, `[[x0, y0], [x1, y1]]` as d3's `path.bounds` gives it, or nothing for no rings. */
export function ringsBounds(rings: Rings): [[number, number], [number, number]] | undefined {
	if (rings.length === 0) return undefined;
	const boxes = rings.map(boxOf);
	return [
		[Math.min(...boxes.map((box) => box[0])), Math.min(...boxes.map((box) => box[1]))],
		[Math.max(...boxes.map((box) => box[2])), Math.max(...boxes.map((box) => box[3]))],
	];
}

/** Whether a point lies inside a ring (even-odd rule), both in the same units. */
export function ringContains(ring: ArrayLike<number>, x: number, y: number): boolean {
	let inside = false;
	for (let i = 0, j = ring.length - 2; i < ring.length; j = i, i += 2) {
		const xi = ring[i] ?? 0;
		const yi = ring[i + 1] ?? 0;
		const yj = ring[j + 1] ?? 0;
		if (yi > y !== yj > y && x < (((ring[j] ?? 0) - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
	}
	return inside;
}

/** Whether a point lies inside rings (even-odd: a hole's points are outside). */
export function ringsContain(rings: Rings, [x, y]: [number, number]): boolean {
	return rings.reduce((inside, ring) => inside !== ringContains(ring, x, y), false);
}

/** A ring's area (positive or negative with its direction). */
export function ringArea(ring: readonly number[]): number {
	let twice = 0;
	for (let i = 0, j = ring.length - 2; i < ring.length; j = i, i += 2) {
		twice += (ring[j] ?? 0) * (ring[i + 1] ?? 0) - (ring[i] ?? 0) * (ring[j + 1] ?? 0);
	}
	return twice / 2;
}
