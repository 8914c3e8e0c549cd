/**
 * The atlas ready to draw, prepared once per process ({@link prepareAtlas}): Natural Earth's arcs projected into
 * Mercator's own units (longitude in radians; ln tan(π/4 + φ/2) for latitude), each point weighted by the area it
 * adds there (Visvalingam's effective area), each arc's box, and the land and the borders as lists of arcs. A map at
 * any scale and centre then reads only the arcs near its frame, keeps the points that weigh enough for its scale,
 * and multiplies them by its scale plus its offset: no TopoJSON decoding, simplification or d3 stream per map.
 */
import type { GeoProjection } from 'd3-geo';
import { appendTo } from '../utils/append-to.ts';
import { once } from '../utils/once.ts';
import { countryTopology, type LonLat } from './atlas.ts';
import { clipLine, clipRing, ringArea, ringContains, type Rings } from './clip.ts';

const RADIANS = Math.PI / 180;

/** Mercator runs to infinity at the poles; points beyond this latitude are drawn at it (always off a locator map). */
const MAX_LATITUDE = 89.5;

/** A point in Mercator's own units, north up: d3's `geoMercator` draws it at `[x + k·X, y − k·Y]`. */
export function mercator([longitude, latitude]: LonLat): [number, number] {
	const phi = Math.max(-MAX_LATITUDE, Math.min(MAX_LATITUDE, latitude)) * RADIANS;
	return [longitude * RADIANS, Math.log(Math.tan(Math.PI / 4 + phi / 2))];
}

/** A ring as TopoJSON gives it: arc references (`i` is arc i forward, `~i` arc i backward). */
export type ArcRing = number[];

/** A polygon: its outer ring, then its holes. */
export type ArcPolygon = ArcRing[];

/** Everything about the atlas that does not depend on the map. */
interface PreparedAtlas {
	/** Every arc's points one after another, X and Y interleaved, in Mercator's units. */
	points: Float64Array;
	/** Each point's weight: the area, in Mercator's units squared, below which a map leaves it out (ends: ∞). */
	weights: Float64Array;
	/** Where each arc's points start in `weights` (and at twice that in `points`); one more for the end. */
	starts: Int32Array;
	/** Each arc's box: west, south, east, north. */
	boxes: Float64Array;
	/** The points of every arc that weigh at least some area, for a few areas from none to ∞ (the ends alone). */
	tiers: Tier[];
	/** Each country's polygons, by Natural Earth name. */
	countries: Map<string, ArcPolygon[]>;
	/** The coasts and land borders of the union of every country, as rings: filled together, the land. */
	land: ArcRing[];
	/** Each land ring's box: west, south, east, north. */
	landBoxes: Float64Array;
	/** The arcs two countries share: the borders. */
	borders: number[];
}

let preparations = 0;

/** The atlas ready to draw: prepared on first use, once per process, whatever the maps' scales and places. */
export const prepareAtlas = once((): PreparedAtlas => {
	preparations += 1;
	const topology = countryTopology();
	const { scale, translate } = topology.transform ?? { scale: [1, 1], translate: [0, 0] };
	const starts = new Int32Array(topology.arcs.length + 1);
	topology.arcs.forEach((arc, index) => (starts[index + 1] = (starts[index] ?? 0) + arc.length));
	const total = starts[topology.arcs.length] ?? 0;
	const points = new Float64Array(total * 2);
	const boxes = new Float64Array(topology.arcs.length * 4);
	// Plain loops and no arrays per point: this runs once, before the engine has optimised anything.
	const [scaleX, scaleY, translateX, translateY] = [scale[0], scale[1], translate[0], translate[1]];
	const limit = Math.log(Math.tan(Math.PI / 4 + (MAX_LATITUDE * RADIANS) / 2));
	topology.arcs.forEach((arc, index) => {
		let x = 0;
		let y = 0;
		let at = (starts[index] ?? 0) * 2;
		let west = Infinity;
		let south = Infinity;
		let east = -Infinity;
		let north = -Infinity;
		for (const delta of arc) {
			x += delta[0] ?? 0;
			y += delta[1] ?? 0;
			const X = (x * scaleX + translateX) * RADIANS;
			const Y = Math.max(
				-limit,
				Math.min(limit, Math.log(Math.tan(Math.PI / 4 + ((y * scaleY + translateY) * RADIANS) / 2))),
			);
			points[at++] = X;
			points[at++] = Y;
			if (X < west) west = X;
			if (X > east) east = X;
			if (Y < south) south = Y;
			if (Y > north) north = Y;
		}
		boxes[index * 4] = west;
		boxes[index * 4 + 1] = south;
		boxes[index * 4 + 2] = east;
		boxes[index * 4 + 3] = north;
	});
	const countries = new Map<string, ArcPolygon[]>();
	for (const geometry of topology.objects.countries.geometries) {
		if (geometry.type === 'Polygon') countries.set(geometry.properties?.name ?? '', [geometry.arcs]);
		if (geometry.type === 'MultiPolygon') countries.set(geometry.properties?.name ?? '', geometry.arcs);
	}
	const weights = effectiveAreas(points, starts);
	const tiers = tiersOf(weights, starts);
	const { land, borders } = landAndBorders(countries, points, starts);
	const landBoxes = new Float64Array(land.length * 4);
	land.forEach((ring, index) => landBoxes.set(boxOfArcs(ring, boxes), index * 4));
	return { points, weights, starts, boxes, tiers, countries, land, landBoxes, borders };
});

/** How many times this process has prepared the atlas: once, however many maps it draws. */
export function atlasPreparations(): number {
	return preparations;
}

/**
 * Visvalingam–Whyatt: each point's weight is the area of the triangle it makes with its neighbours when it is
 * removed, smallest first, never less than a point removed before it; so keeping the points that weigh at least
 * some area simplifies every arc for a scale, and arcs that share ends still meet.
 */
function effectiveAreas(points: Float64Array, starts: Int32Array): Float64Array {
	const weights = new Float64Array(points.length / 2);
	const previous = new Int32Array(weights.length);
	const next = new Int32Array(weights.length);
	const heap = new Int32Array(weights.length);
	const slot = new Int32Array(weights.length);
	// Plain loops and no arrays per point: this runs once, before the engine has optimised anything.
	const area = (i: number) => {
		const a = (previous[i] ?? 0) * 2;
		const b = i * 2;
		const c = (next[i] ?? 0) * 2;
		const ax = points[a] ?? 0;
		const ay = points[a + 1] ?? 0;
		return (
			Math.abs(
				(ax - (points[c] ?? 0)) * ((points[b + 1] ?? 0) - ay) - (ax - (points[b] ?? 0)) * ((points[c + 1] ?? 0) - ay),
			) / 2
		);
	};
	let size = 0;
	const weightAt = (position: number) => weights[heap[position] ?? 0] ?? 0;
	const place = (position: number, point: number) => {
		heap[position] = point;
		slot[point] = position;
	};
	const up = (position: number) => {
		const point = heap[position] ?? 0;
		while (position > 0) {
			const parent = (position - 1) >> 1;
			if (weightAt(parent) <= (weights[point] ?? 0)) break;
			place(position, heap[parent] ?? 0);
			position = parent;
		}
		place(position, point);
	};
	const down = (position: number) => {
		const point = heap[position] ?? 0;
		for (;;) {
			let child = position * 2 + 1;
			if (child >= size) break;
			if (child + 1 < size && weightAt(child + 1) < weightAt(child)) child += 1;
			if (weightAt(child) >= (weights[point] ?? 0)) break;
			place(position, heap[child] ?? 0);
			position = child;
		}
		place(position, point);
	};
	const update = (point: number) => {
		weights[point] = area(point);
		const position = slot[point] ?? 0;
		up(position);
		down(slot[point] ?? 0);
	};
	for (let arc = 0; arc + 1 < starts.length; arc++) {
		const first = starts[arc] ?? 0;
		const last = (starts[arc + 1] ?? 0) - 1;
		weights[first] = weights[last] = Infinity;
		size = 0;
		for (let point = first + 1; point < last; point++) {
			previous[point] = point - 1;
			next[point] = point + 1;
			weights[point] = area(point);
			place(size, point);
			up(size++);
		}
		let floor = 0;
		while (size > 0) {
			const point = heap[0] ?? 0;
			place(0, heap[--size] ?? 0);
			if (size > 0) down(0);
			if ((weights[point] ?? 0) < floor) weights[point] = floor;
			else floor = weights[point] ?? 0;
			const before = previous[point] ?? 0;
			const after = next[point] ?? 0;
			next[before] = after;
			previous[after] = before;
			if (before !== first) update(before);
			if (after !== last) update(after);
		}
	}
	return weights;
}

/** The points of every arc that weigh at least `minWeight`: their indexes, and where each arc's start. */
interface Tier {
	minWeight: number;
	points: Int32Array;
	starts: Int32Array;
}

/**
 * Every arc's points at a few weights, 16 times apart over the range the maps use, and ∞, which keeps only the ends:
 * a map then reads the points of the heaviest tier that has all it keeps, not every point of every arc it crosses.
 */
function tiersOf(weights: Float64Array, starts: Int32Array): Tier[] {
	const minWeights = [1e-9, 16e-9, 256e-9, 4096e-9, 65536e-9, 1048576e-9, Infinity];
	const tiers: Tier[] = [{ minWeight: 0, points: Int32Array.from(weights, (_, index) => index), starts }];
	for (const minWeight of minWeights) {
		const below = tiers[tiers.length - 1] ?? { points: new Int32Array(), starts };
		const kept = new Int32Array(below.points.length);
		const tierStarts = new Int32Array(starts.length);
		let count = 0;
		for (let arc = 0; arc + 1 < starts.length; arc++) {
			for (let at = below.starts[arc] ?? 0; at < (below.starts[arc + 1] ?? 0); at++) {
				const point = below.points[at] ?? 0;
				if ((weights[point] ?? 0) >= minWeight) kept[count++] = point;
			}
			tierStarts[arc + 1] = count;
		}
		tiers.push({ minWeight, points: kept.slice(0, count), starts: tierStarts });
	}
	return tiers;
}

/**
 * The land and the borders, from which countries use each arc: an arc only one country uses is coast (or a border
 * with no neighbour in the atlas), one two countries use is a border. The coast arcs, joined end to end in the
 * direction their country runs, are rings whose union, filled with SVG's nonzero rule, is the land.
 */
function landAndBorders(
	countries: ReadonlyMap<string, ArcPolygon[]>,
	points: Float64Array,
	starts: Int32Array,
): { land: ArcRing[]; borders: number[] } {
	const users = new Map<number, { country: number; reference: number }[]>();
	[...countries.values()].forEach((polygons, country) => {
		for (const ring of polygons.flat()) {
			for (const reference of ring) {
				appendTo(users, reference < 0 ? ~reference : reference, { country, reference });
			}
		}
	});
	const coast: number[] = [];
	const borders: number[] = [];
	for (const [arc, uses] of users) {
		if (uses.length === 1) coast.push(uses[0]?.reference ?? arc);
		else if (new Set(uses.map((use) => use.country)).size > 1) borders.push(arc);
	}
	return { land: joinRings(coast, points, starts), borders: borders.sort((a, b) => a - b) };
}

/** Arcs joined end to end into rings, each arc once, in their order when there is a choice. */
function joinRings(references: readonly number[], points: Float64Array, starts: Int32Array): ArcRing[] {
	const end = (reference: number, atStart: boolean) => {
		const arc = reference < 0 ? ~reference : reference;
		const forward = reference >= 0 === atStart;
		const at = (forward ? (starts[arc] ?? 0) : (starts[arc + 1] ?? 0) - 1) * 2;
		return `${points[at]},${points[at + 1]}`;
	};
	const byStart = new Map<string, number[]>();
	for (const reference of references) appendTo(byStart, end(reference, true), reference);
	const used = new Set<number>();
	const rings: ArcRing[] = [];
	for (const first of references) {
		if (used.has(first)) continue;
		const ring = [first];
		used.add(first);
		const home = end(first, true);
		let last = first;
		while (end(last, false) !== home) {
			const following = byStart.get(end(last, false))?.find((reference) => !used.has(reference));
			if (following === undefined) break;
			ring.push(following);
			used.add(following);
			last = following;
		}
		rings.push(ring);
	}
	return rings;
}

/** The polygons of a country, by its Natural Earth name. */
export function countryPolygons(name: string): ArcPolygon[] | undefined {
	return prepareAtlas().countries.get(name);
}

type Box4 = [west: number, south: number, east: number, north: number];

/** The box of arcs in Mercator's units: west, south, east, north. */
function boxOfArcs(ring: ArcRing, boxes: Float64Array): Box4 {
	const box: Box4 = [Infinity, Infinity, -Infinity, -Infinity];
	for (const reference of ring) {
		const at = (reference < 0 ? ~reference : reference) * 4;
		box[0] = Math.min(box[0], boxes[at] ?? Infinity);
		box[1] = Math.min(box[1], boxes[at + 1] ?? Infinity);
		box[2] = Math.max(box[2], boxes[at + 2] ?? -Infinity);
		box[3] = Math.max(box[3], boxes[at + 3] ?? -Infinity);
	}
	return box;
}

/** A polygon's box in Mercator's units (its outer ring bounds it): west, south, east, north. */
export function polygonBox([outer = []]: ArcPolygon): Box4 {
	return boxOfArcs(outer, prepareAtlas().boxes);
}

/** Which of a country's polygons a point lies in (the West Bank or the Gaza Strip, say); the first when none. */
export function polygonAt(polygons: readonly ArcPolygon[], point: LonLat): number {
	if (polygons.length < 2) return 0;
	const [x, y] = mercator(point);
	const full = (ring: ArcRing) => ringPoints(ring, 0, undefined);
	const found = polygons.findIndex(
		([outer = [], ...holes]) =>
			ringContains(full(outer), x, y) && !holes.some((hole) => ringContains(full(hole), x, y)),
	);
	return Math.max(0, found);
}

/** Where a map puts Mercator's units: `[x + scale·X, y − scale·Y]`, clipped to `width` × `height`. */
export interface Frame {
	scale: number;
	x: number;
	y: number;
	width: number;
	height: number;
	/** Points of less weight than this are left out: detail smaller than about so many square pixels. */
	minWeight: number;
}

/**
 * The frame of a d3 Mercator projection (not rotated, as every map here) drawn `width` × `height`, leaving out
 * detail smaller than about `pixelArea` square pixels.
 */
export function frameOf(projection: GeoProjection, width: number, height: number, pixelArea: number): Frame {
	const [x, y] = projection([0, 0]) ?? [0, 0];
	const scale = projection.scale();
	return { scale, x, y, width, height, minWeight: pixelArea / (scale * scale) };
}

/** The frame's view in Mercator's units: west, south, east, north. */
function viewOf({ scale, x, y, width, height }: Frame): Box4 {
	return [-x / scale, (y - height) / scale, (width - x) / scale, y / scale];
}

/** Whether a box lies wholly outside another (each west, south, east, north). */
function apart(boxes: ArrayLike<number>, at: number, view: Box4): boolean {
	return (
		(boxes[at + 2] ?? 0) < view[0] ||
		(boxes[at] ?? 0) > view[2] ||
		(boxes[at + 3] ?? 0) < view[1] ||
		(boxes[at + 1] ?? 0) > view[3]
	);
}

/** Which sides of a view a point lies beyond: 1 west, 2 east, 4 south, 8 north; 0 inside it. */
function sidesOf(x: number, y: number, view: Box4): number {
	return (x < view[0] ? 1 : x > view[2] ? 2 : 0) | (y < view[1] ? 4 : y > view[3] ? 8 : 0);
}

/**
 * A ring's points (or a line's, not `closed`) in Mercator's units that weigh at least `minWeight`; a ring's closing
 * point, which repeats its first, is left out. With a `view`, points in a row beyond the same side of it are drawn as
 * the straight line from the first to the last of them, which lies beyond that side too, so what a ring covers and a
 * line shows inside the view does not change while a continent's far coasts cost nothing; an arc wholly beyond one
 * side (its box apart from the view) is not even read, only its ends.
 */
function ringPoints(ring: ArcRing, minWeight: number, view: Box4 | undefined, closed = true): number[] {
	const { points, weights, boxes, tiers } = prepareAtlas();
	const ends = tiers[tiers.length - 1];
	const tier = tiers.findLast((candidate) => candidate.minWeight <= minWeight) ?? tiers[0];
	const out: number[] = [];
	if (!ends || !tier) return out;
	// How many points at the end of `out` lie beyond a side in common (`sides`), and the last one's sides.
	let run = 0;
	let sides = 0;
	let lastSides = 0;
	for (const reference of ring) {
		const arc = reference < 0 ? ~reference : reference;
		// An arc's ends weigh ∞: they are in every tier, and alone in the last.
		const read = view !== undefined && apart(boxes, arc * 4, view) ? ends : tier;
		const first = read.starts[arc] ?? 0;
		const last = (read.starts[arc + 1] ?? 0) - 1;
		const step = reference < 0 ? -1 : 1;
		const [from, to] = reference < 0 ? [last, first] : [first, last];
		for (let at = out.length > 0 ? from + step : from; at !== to + step; at += step) {
			const point = read.points[at] ?? 0;
			if ((weights[point] ?? 0) < minWeight) continue;
			const x = points[point * 2] ?? 0;
			const y = points[point * 2 + 1] ?? 0;
			if (!view) {
				out.push(x, y);
				continue;
			}
			const here = sidesOf(x, y, view);
			if (run >= 2 && (sides & here) !== 0) {
				// The last point was in the middle of a row beyond a side: this one takes its place.
				out[out.length - 2] = x;
				out[out.length - 1] = y;
				sides &= here;
			} else {
				out.push(x, y);
				const shared = run >= 1 ? lastSides & here : 0;
				run = shared !== 0 ? 2 : 1;
				sides = shared !== 0 ? shared : here;
			}
			lastSides = here;
		}
	}
	if (closed && out.length >= 4 && out[0] === out[out.length - 2] && out[1] === out[out.length - 1]) out.length -= 2;
	return out;
}

/** Mercator's units to the frame's, in place. */
function toFrame(points: number[], { scale, x, y }: Frame): number[] {
	for (let i = 0; i < points.length; i += 2) {
		points[i] = x + scale * (points[i] ?? 0);
		points[i + 1] = y - scale * (points[i + 1] ?? 0);
	}
	return points;
}

/** Rings in the frame, clipped to it: a ring that misses the frame is left out, one around it becomes its edge. */
function ringsInFrame(rings: readonly ArcRing[], ringBoxes: Float64Array, frame: Frame): Rings {
	const { boxes } = prepareAtlas();
	const view = viewOf(frame);
	const [centreX, centreY] = [(view[0] + view[2]) / 2, (view[1] + view[3]) / 2];
	const out: Rings = [];
	for (let index = 0; index < rings.length; index++) {
		const ring = rings[index] ?? [];
		if (apart(ringBoxes, index * 4, view)) continue;
		const points = ringPoints(ring, frame.minWeight, view);
		// A ring none of whose arcs reach into the view either surrounds it or misses it.
		const reaches = ring.some((reference) => !apart(boxes, (reference < 0 ? ~reference : reference) * 4, view));
		if (!reaches && !ringContains(points, centreX, centreY)) continue;
		const clipped = clipRing(toFrame(points, frame), frame.width, frame.height);
		// Clipping leaves a ring that only runs along the frame with no area: nothing to draw.
		if (clipped.length >= 6 && Math.abs(ringArea(clipped)) > 0.01) out.push(clipped);
	}
	return out;
}

/** Polygons in the frame, clipped to it, one list of points (x, y interleaved) per ring shown. */
export function polygonsInFrame(polygons: readonly ArcPolygon[], frame: Frame): Rings {
	const { boxes } = prepareAtlas();
	const rings = polygons.flat();
	const ringBoxes = new Float64Array(rings.length * 4);
	rings.forEach((ring, index) => ringBoxes.set(boxOfArcs(ring, boxes), index * 4));
	return ringsInFrame(rings, ringBoxes, frame);
}

/** The land in the frame, clipped to it: rings to fill together with the nonzero rule. */
export function landInFrame(frame: Frame): Rings {
	const { land, landBoxes } = prepareAtlas();
	return ringsInFrame(land, landBoxes, frame);
}

/** The borders between countries in the frame, as lines clipped to it. */
export function bordersInFrame(frame: Frame): Rings {
	const { borders, boxes } = prepareAtlas();
	const view = viewOf(frame);
	return borders.flatMap((arc) =>
		apart(boxes, arc * 4, view)
			? []
			: clipLine(toFrame(ringPoints([arc], frame.minWeight, view, false), frame), frame.width, frame.height),
	);
}
