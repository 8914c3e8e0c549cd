/**
 * The locator map: this folder owns everything that decides, draws and serves the map of an explainer's places.
 *
 * - locator-map.ts (this file): what a map marks, shades and leaves off (the plan), how it is framed, and the SVG
 * - labels.ts: where labels go without covering each other
 * - atlas.ts: Natural Earth's country outlines (world-atlas), distances, which country a point is in
 * - projected-atlas.ts: the atlas projected, weighted for simplification and indexed once per process, so that a
 *   map reads only the arcs near its frame (a few milliseconds a map; `npx tsx bench/map-cost.ts` measures it)
 * - clip.ts: outlines clipped to a map's frame, and their SVG path data
 * - cache.ts: drawn maps kept on disk between builds, keyed by their inputs and a hash of the drawing code
 * - article-map.ts: an explainer's plan, title and image paths; LocatorMap.astro: the section on its page
 * - integration.ts: the build writes the SVG files beside their pages; route.ts serves them in the dev server
 */
import { geoMercator, type GeoProjection } from 'd3-geo';
import type { MultiPoint } from 'geojson';
import { AREA_KINDS, type PlaceData } from '../schemas/place.ts';
import { escapeXml } from '../utils/svg.ts';
import { distanceKm, EARTH_RADIUS_KM, type LonLat } from './atlas.ts';
import { pathData, ringsBounds, ringsContain, type Rings } from './clip.ts';
import { isFree, labelSize, placeLabels, type Box, type LabelRequest, type PlacedLabel } from './labels.ts';
import {
	bordersInFrame,
	countryPolygons,
	frameOf,
	landInFrame,
	mercator,
	polygonAt,
	polygonBox,
	polygonsInFrame,
	type ArcPolygon,
} from './projected-atlas.ts';

/** A place as an article lists it. */
export interface MapPlace {
	id: string;
	data: PlaceData;
}

/** Which places go where on an article's map. */
export interface MapPlan {
	/** Points marked with a dot and labelled, in the article's order. */
	marked: MapPlace[];
	/** Countries and territories shaded (on the map or, when outside it, in the inset). */
	shaded: MapPlace[];
	/** Places the story names that are too far from the rest to share a map with them (Washington, say). */
	beyond: MapPlace[];
}

/**
 * Places further than this from every other place start a group of their own; only the largest group is mapped.
 * A region such as the Levant and Iran spans about 1,500 km between neighbours; another continent is much further.
 */
export const REACH_KM = 2500;

/**
 * The map never shows less than this many kilometres along its shorter side (about 4.5° of latitude), so one place,
 * or two towns a few kilometres apart, still show their setting: the nearest cities, a border, a country's name.
 * At 400 km across the width, a wide map of two such towns showed 2.3° of latitude inside one country, unnamed.
 */
export const MIN_SPAN_KM = 500;

/**
 * A shaded country's label point joins the frame when it lies within this distance of a marked place or a shaded
 * territory: about the width of Iraq or Syria, so a neighbouring country is named, while a far or huge one (Yemen
 * beside Baghdad, Russia's label point beside Latakia) does not shrink the story's places into a corner; it is still
 * shaded where it reaches into the map, and whole in the inset.
 */
export const COUNTRY_FRAME_KM = 1000;

/** A rendering of the map for one range of screen widths. */
export interface MapVariant {
	width: number;
	height: number;
	/** Label size in map units (the SVG is shown at about its own width). */
	fontSize: number;
	/** Width and height of the inset. */
	inset: number;
}

/** One map for phones and one for wider screens, each laid out for its size (labels stay legible at both). */
export const MAP_VARIANTS = {
	narrow: { width: 320, height: 300, fontSize: 13, inset: 92 },
	wide: { width: 640, height: 400, fontSize: 14, inset: 140 },
} as const satisfies Record<string, MapVariant>;

export type MapVariantName = keyof typeof MAP_VARIANTS;

const lonLat = (place: MapPlace): LonLat => [place.data.coordinates.longitude, place.data.coordinates.latitude];
const isArea = (place: MapPlace) => AREA_KINDS.has(place.data.kind);

/**
 * Splits places into groups that are each within {@link REACH_KM} of another member, and returns the indexes of
 * the largest group (the first place's group wins a tie).
 */
export function mainGroup(points: readonly LonLat[], reachKm = REACH_KM): Set<number> {
	const group = points.map((_, index) => index);
	const root = (index: number): number =>
		group[index] === index ? index : (group[index] = root(group[index] ?? index));
	points.forEach((a, i) =>
		points.forEach((b, j) => {
			if (j > i && distanceKm(a, b) <= reachKm) group[root(j)] = root(i);
		}),
	);
	const sizes = new Map<number, number>();
	points.forEach((_, index) => sizes.set(root(index), (sizes.get(root(index)) ?? 0) + 1));
	let best: number | undefined;
	for (const [key, size] of sizes) if (best === undefined || size > (sizes.get(best) ?? 0)) best = key;
	return new Set(points.flatMap((_, index) => (root(index) === best ? [index] : [])));
}

/** Decides what the map marks, shades and leaves off. */
export function planLocatorMap(places: readonly MapPlace[]): MapPlan {
	const kept = mainGroup(places.map(lonLat));
	const near = places.filter((_, index) => kept.has(index));
	return {
		marked: near.filter((place) => !isArea(place)),
		shaded: near.filter(isArea),
		beyond: places.filter((_, index) => !kept.has(index)),
	};
}

/**
 * The polygons a shaded place covers, as the atlas's arcs: its country's, or for a territory the one it lies in
 * (the Gaza Strip, not the West Bank), or the country's first when it lies in none.
 */
function outlinePolygons(place: MapPlace): ArcPolygon[] | undefined {
	const polygons = countryPolygons([place.data.country].flat()[0] ?? '');
	if (!polygons || place.data.kind !== 'territory') return polygons;
	const part = polygons[polygonAt(polygons, lonLat(place))];
	return part ? [part] : undefined;
}

/**
 * The points the map is framed on. Marked places and shaded territories always count (a territory is small and
 * labelled like a place). A shaded country counts by its label point, which names it, not its outline, which for a
 * large country would make the map a map of that country; and only within {@link COUNTRY_FRAME_KM} of those places,
 * except that when no shaded place would be framed, the nearest country is, so the map can name one. A map of shaded
 * countries alone is framed on all their label points.
 */
export function framePoints(plan: MapPlan): LonLat[] {
	const countries = plan.shaded.filter((place) => place.data.kind === 'country');
	const territories = plan.shaded.filter((place) => place.data.kind !== 'country');
	const anchors = [...plan.marked, ...territories].map(lonLat);
	if (anchors.length === 0) return countries.map(lonLat);
	const distance = (country: MapPlace) => Math.min(...anchors.map((anchor) => distanceKm(anchor, lonLat(country))));
	const near = countries.filter((country) => distance(country) <= COUNTRY_FRAME_KM);
	const nearest = countries.reduce<MapPlace | undefined>(
		(best, country) => (best === undefined || distance(country) < distance(best) ? country : best),
		undefined,
	);
	// With no shaded place near, the nearest country still joins, so that the map names one.
	const framed = near.length === 0 && territories.length === 0 && nearest ? [nearest] : near;
	return [...anchors, ...framed.map(lonLat)];
}

/** A Mercator projection that fits `points` into the map with room for labels, never closer than {@link MIN_SPAN_KM}. */
export function fitProjection(points: readonly LonLat[], { width, height }: MapVariant): GeoProjection {
	const padX = Math.round(width * 0.14);
	const padY = Math.round(height * 0.12);
	const target: MultiPoint = { type: 'MultiPoint', coordinates: points.map((point) => [...point]) };
	const projection = geoMercator().fitExtent(
		[
			[padX, padY],
			[width - padX, height - padY],
		],
		target,
	);
	const [west, east] = [Math.min(...points.map((p) => p[0])), Math.max(...points.map((p) => p[0]))];
	const [south, north] = [Math.min(...points.map((p) => p[1])), Math.max(...points.map((p) => p[1]))];
	// Mercator is conformal: near latitude φ a pixel is cos(φ) × R / scale km in every direction, so the shorter side
	// shows MIN_SPAN_KM at this scale.
	const shorterSide = Math.min(width, height);
	const closest = (shorterSide * Math.cos(((south + north) / 2) * (Math.PI / 180))) / (MIN_SPAN_KM / EARTH_RADIUS_KM);
	if (points.length < 2 || projection.scale() > closest) {
		projection
			.scale(closest)
			.center([(west + east) / 2, (south + north) / 2])
			.translate([width / 2, height / 2]);
	}
	return projection.clipExtent([
		[0, 0],
		[width, height],
	]);
}

/**
 * The longitude/latitude box a projection shows in a `width` × `height` frame; its east runs past 180° when the map
 * crosses the antimeridian, so that east is always east of west.
 */
function viewOf(projection: GeoProjection, width: number, height: number): [LonLat, LonLat] {
	const [west, north] = projection.invert?.([0, 0]) ?? [-180, 90];
	const [invertedEast, south] = projection.invert?.([width, height]) ?? [180, -90];
	const east = invertedEast < west ? invertedEast + 360 : invertedEast;
	return [
		[west, south],
		[east, north],
	];
}

/**
 * Colours for light screens, dark screens and paper; the map is an image, so it cannot read the page's tokens.
 * Chromium prints an image with the palette it shows on screen (the print rules serve browsers that apply them);
 * both palettes keep labels at high contrast, and borders at 3:1 or more against the land and shading on either side.
 */
const STYLE = `
.sea{fill:#dce8ef}.land{fill:#f6f3ec}.shade{fill:#eccf9d}.border{fill:none;stroke:#726d65;stroke-width:.6;stroke-linejoin:round}
.mark{fill:#a3161b;stroke:#fff;stroke-width:1.5}.approx{fill:#a3161b33;stroke:#a3161b;stroke-width:1.5;stroke-dasharray:3 2}
text{font-family:system-ui,sans-serif;fill:#1b1b1b;stroke:#f6f3ec;stroke-width:3px;paint-order:stroke;stroke-linejoin:round}
.country{font-size:.8em;letter-spacing:.08em;fill:#4a4a4a;text-transform:uppercase}
.frame{fill:none;stroke:#555}.inset .sea{stroke:#555}.extent{fill:none;stroke:#a3161b;stroke-width:1.5}
@media (prefers-color-scheme:dark){.sea{fill:#14232d}.land{fill:#2b2d30}.shade{fill:#6d5530}.border{stroke:#b0b0b0}
.mark{fill:#ff8f87;stroke:#121212}.approx{fill:#ff8f8733;stroke:#ff8f87}text{fill:#ececec;stroke:#2b2d30}.country{fill:#c9c9c9}
.frame,.inset .sea{stroke:#b5b5b5}.extent{stroke:#ff8f87}}
@media print{.sea{fill:#fff}.land{fill:#f2f2f2}.shade{fill:#d9d9d9}.border{stroke:#777}.mark{fill:#000;stroke:#fff}
.approx{fill:none;stroke:#000}text{fill:#000;stroke:#fff}.country{fill:#333}.frame,.inset .sea,.extent{stroke:#000}}`
	.replace(/\n/g, '')
	.trim();

/** Detail smaller than this many square pixels is left out of the main map, and of the inset. */
const MAIN_PIXEL_AREA = 0.7;
const INSET_PIXEL_AREA = 1.5;

const MARK_RADIUS = 4;
const APPROXIMATE_RADIUS = 10;

/** What the map shows, in words: the SVG's `<desc>` and the reader's alternative to the image. */
export function describeMap(plan: MapPlan): string {
	// A place's name may have commas of its own ("Area of the attack, Syria–Jordan border").
	const list = (places: MapPlace[]) =>
		places.map(({ data }) => `${data.name}${data.approximate ? ' (approximate position)' : ''}`).join('; ');
	return [
		plan.marked.length > 0 && `Marked: ${list(plan.marked)}.`,
		plan.shaded.length > 0 && `Shaded: ${list(plan.shaded)}.`,
		'An inset shows the wider region.',
	]
		.filter(Boolean)
		.join(' ');
}

/** The inset's corner: the one with fewest marked places and territories near it, bottom left first on a tie. */
function insetCorner(points: readonly [number, number][], { width, height, inset }: MapVariant): Box {
	const margin = 6;
	const corners: Box[] = [
		{ x: margin, y: height - inset - margin, width: inset, height: inset },
		{ x: margin, y: margin, width: inset, height: inset },
		{ x: width - inset - margin, y: margin, width: inset, height: inset },
		{ x: width - inset - margin, y: height - inset - margin, width: inset, height: inset },
	];
	const clear = 24;
	const crowding = (box: Box) =>
		points.filter(
			([x, y]) =>
				x > box.x - clear && x < box.x + box.width + clear && y > box.y - clear && y < box.y + box.height + clear,
		).length;
	return corners.reduce((best, box) => (crowding(box) < crowding(best) ? box : best));
}

/**
 * What finds no room on a map: the marked places whose labels would cover another label, or (`shaded`) the shaded
 * places, none of which can be named.
 */
export function noRoomFor(places: readonly MapPlace[], shaded: boolean): string {
	const names = places.map((place) => place.data.label ?? place.data.name);
	return shaded
		? `the map has no room to name any of the shaded places (${names.join(', ')})`
		: `the map has no room to label ${names.map((name) => `"${name}"`).join(', ')} without covering another label`;
}

/** Thrown when labels have nowhere to go: a content error the editor can fix by shortening them. */
export class MapLabelError extends Error {
	/** The places that found no room. */
	readonly places: readonly MapPlace[];
	/** Whether they are the shaded places, none of which could be named, rather than marked ones. */
	readonly shaded: boolean;
	/** The layout they found no room on. */
	readonly variant: MapVariantName;

	constructor(places: readonly MapPlace[], shaded: boolean, variant: MapVariantName) {
		super(`${noRoomFor(places, shaded)} (${variant} map)`);
		this.places = places;
		this.shaded = shaded;
		this.variant = variant;
	}
}

/** Where everything on one layout of a map goes; throws {@link MapLabelError} when a label has no room. */
function layOutMap(plan: MapPlan, variantName: MapVariantName) {
	const variant = MAP_VARIANTS[variantName];
	const { width, height, fontSize } = variant;
	const projection = fitProjection(framePoints(plan), variant);
	const frame = frameOf(projection, width, height, MAIN_PIXEL_AREA);
	const outlines = plan.shaded.flatMap((place) => {
		const polygons = outlinePolygons(place);
		return polygons ? [{ place, polygons }] : [];
	});
	const shadedOutlines = outlines.map(({ place, polygons }) => ({
		place,
		rings: polygonsInFrame(polygons, frame),
	}));

	const pointOf = (place: MapPlace): [number, number] => {
		const point = projection(lonLat(place));
		return point ? [point[0], point[1]] : [Number.NaN, Number.NaN];
	};
	const projected = plan.marked.map(pointOf);
	const territories = shadedOutlines.filter(({ place }) => place.data.kind === 'territory');
	const insetBox = insetCorner([...projected, ...territories.map(({ place }) => pointOf(place))], variant);
	const markBoxes: Box[] = plan.marked.map((place, index) => {
		const [x, y] = projected[index] ?? pointOf(place);
		const radius = place.data.approximate ? APPROXIMATE_RADIUS : MARK_RADIUS;
		return { x: x - radius, y: y - radius, width: radius * 2, height: radius * 2 };
	});
	const bounds = { x: 3, y: 3, width: width - 6, height: height - 6 };
	const requests: LabelRequest[] = [
		...plan.marked.map((place, index) => {
			const [x, y] = projected[index] ?? pointOf(place);
			return {
				key: place.id,
				text: place.data.label ?? place.data.name,
				x,
				y,
				gap: place.data.approximate ? APPROXIMATE_RADIUS : MARK_RADIUS,
			};
		}),
		...territories.flatMap(({ place }) => {
			const point = projection(lonLat(place));
			return point
				? [{ key: place.id, text: place.data.label ?? place.data.name, x: point[0], y: point[1], gap: 2 }]
				: [];
		}),
	];
	const { placed, unplaced } = placeLabels(requests, {
		fontSize,
		bounds,
		obstacles: [insetBox, ...markBoxes],
	});
	const lostMarks = plan.marked.filter((place) => unplaced.some((request) => request.key === place.id));
	if (lostMarks.length > 0) throw new MapLabelError(lostMarks, false, variantName);
	const countryLabels = placeCountryLabels(
		shadedOutlines.filter(({ place }) => place.data.kind === 'country'),
		projection,
		{ fontSize: fontSize * 0.8, bounds, obstacles: [insetBox, ...markBoxes, ...placed.map((label) => label.box)] },
	);
	const namedTerritory = placed.some((label) => territories.some(({ place }) => place.id === label.key));
	if (shadedOutlines.length > 0 && !namedTerritory && countryLabels.length === 0) {
		throw new MapLabelError(
			shadedOutlines.map(({ place }) => place),
			true,
			variantName,
		);
	}
	return {
		view: viewOf(projection, width, height),
		frame,
		outlines,
		shadedOutlines,
		projected,
		pointOf,
		insetBox,
		placed,
		countryLabels,
	};
}

/**
 * Why the map of `plan` cannot be drawn, at either size: the errors {@link locatorMapSvg} would throw, found without
 * drawing it, so the content checks can report them in the explainer before a build.
 */
export function mapLabelErrors(plan: MapPlan): MapLabelError[] {
	return (Object.keys(MAP_VARIANTS) as MapVariantName[]).flatMap((variant) => {
		try {
			layOutMap(plan, variant);
			return [];
		} catch (error) {
			if (error instanceof MapLabelError) return [error];
			throw error;
		}
	});
}

/** What one map is drawn from, besides the code. */
export interface MapDrawing {
	plan: MapPlan;
	variant: MapVariantName;
	title: string;
}

/**
 * One map's SVG from what it is drawn from: the build's cache (cache.ts) and its background drawing process
 * (src/build/drawing-process.ts, which Node runs with this folder's files as they are) both draw with it.
 */
export const drawLocatorMap = ({ plan, variant, title }: MapDrawing): string => locatorMapSvg(plan, variant, title);

/**
 * Draws the locator map as a self-contained SVG document: sea, land, the shaded countries and territories, borders,
 * a dot (or a dashed circle, when the position is approximate) and a label for each marked place, and an inset with
 * the wider region and the map's extent.
 */
export function locatorMapSvg(plan: MapPlan, variantName: MapVariantName, title: string): string {
	const { width, height, fontSize } = MAP_VARIANTS[variantName];
	const { view, frame, outlines, shadedOutlines, projected, pointOf, insetBox, placed, countryLabels } = layOutMap(
		plan,
		variantName,
	);
	const shapes = [
		`<rect class="sea" width="${width}" height="${height}"/>`,
		`<path class="land" d="${pathData(landInFrame(frame), true)}"/>`,
		...shadedOutlines.flatMap(({ place, rings }) => shadeElement(place, pathData(rings, true))),
		`<path class="border" d="${pathData(bordersInFrame(frame), false)}"/>`,
		...plan.marked.map((place, index) => {
			const [x, y] = (projected[index] ?? pointOf(place)).map((value) => value.toFixed(1));
			const radius = place.data.approximate ? APPROXIMATE_RADIUS : MARK_RADIUS;
			return `<circle class="${place.data.approximate ? 'approx' : 'mark'}" data-place="${escapeXml(place.id)}" cx="${x}" cy="${y}" r="${radius}"/>`;
		}),
		...[...placed, ...countryLabels].map((label) =>
			textElement(label, countryLabels.includes(label) ? 'country' : 'label'),
		),
		insetSvg(outlines, insetBox, view),
	];
	return [
		`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-labelledby="map-title map-desc" font-size="${fontSize}">`,
		`<title id="map-title">${escapeXml(title)}</title>`,
		`<desc id="map-desc">${escapeXml(describeMap(plan))}</desc>`,
		`<style>${STYLE}</style>`,
		...shapes,
		'</svg>',
	].join('\n');
}

/** A shaded area, left out when none of it is in view. */
function shadeElement(place: MapPlace, d: string): string[] {
	return d ? [`<path class="shade" data-place="${escapeXml(place.id)}" d="${d}"/>`] : [];
}

function textElement(label: PlacedLabel, className: string): string {
	const anchor = label.anchor === 'start' ? '' : ` text-anchor="${label.anchor}"`;
	return `<text class="${className}" data-place="${escapeXml(label.key)}" x="${label.x.toFixed(1)}" y="${label.y.toFixed(1)}"${anchor}>${escapeXml(label.text)}</text>`;
}

/** Country names are set in capitals with extra letter spacing (`.country` in STYLE), so they run wider. */
const COUNTRY_GLYPH_WIDTH = 0.72;

/**
 * Names the shaded countries, in the article's order: each at its label point when that spot is free, else at the
 * free spot inside its outline nearest the label point, so a country whose label point is taken or off the map is
 * still named where it shows. A country with no free spot is left unnamed: the list under the map names them all.
 */
function placeCountryLabels(
	countries: readonly { place: MapPlace; rings: Rings }[],
	projection: GeoProjection,
	options: { fontSize: number; bounds: Box; obstacles: Box[] },
): PlacedLabel[] {
	const placed: PlacedLabel[] = [];
	for (const { place, rings } of countries) {
		const text = place.data.label ?? place.data.name;
		const size = labelSize(text.toUpperCase(), options.fontSize, COUNTRY_GLYPH_WIDTH);
		const boxAt = ([x, y]: [number, number]): Box => ({ x: x - size.width / 2, y: y - size.height / 2, ...size });
		const taken = [...options.obstacles, ...placed.map((label) => label.box)];
		const fits = (point: [number, number]) => isFree(boxAt(point), options.bounds, taken);
		const labelPoint = projection(lonLat(place));
		let spot = labelPoint && fits(labelPoint) ? labelPoint : undefined;
		for (const point of spot ? [] : gridOver(rings, size.height / 2, labelPoint)) {
			if (!fits(point) || !ringsContain(rings, point)) continue;
			spot = point;
			break;
		}
		if (!spot) continue;
		const [x, y] = spot;
		placed.push({ key: place.id, text, x, y: y + options.fontSize * 0.35, anchor: 'middle', box: boxAt(spot) });
	}
	return placed;
}

/**
 * Points `step` apart over the box of the part of an outline the map shows (`rings`, clipped to the map; callers
 * test which fall inside them), nearest `target` first, ties in the grid's order, so each map comes out the same.
 * They come in bands of growing distance, each sorted, so that a spot found near the target costs no sort of the
 * whole grid.
 */
function* gridOver(rings: Rings, step: number, target: [number, number] | null): Generator<[number, number]> {
	const bounds = ringsBounds(rings);
	if (!bounds) return;
	const [[x0, y0], [x1, y1]] = bounds;
	const [tx, ty] = target ?? [(x0 + x1) / 2, (y0 + y1) / 2];
	const [left, top] = [x0 + step / 2, y0 + step / 2];
	const columns = Math.max(0, Math.ceil((x1 - left) / step));
	const rows = Math.max(0, Math.ceil((y1 - top) / step));
	if (columns === 0 || rows === 0) return;
	const farthest = Math.hypot(
		Math.max(Math.abs(tx - x0), Math.abs(tx - x1)),
		Math.max(Math.abs(ty - y0), Math.abs(ty - y1)),
	);
	const index = (value: number, from: number, count: number) => Math.min(count - 1, Math.max(0, value - from));
	for (let inner = -1, outer = step * 4; inner < farthest; inner = outer, outer *= 2) {
		const band: { point: [number, number]; distance: number; order: number }[] = [];
		const [c0, c1] = [Math.floor((tx - outer - left) / step), Math.ceil((tx + outer - left) / step)];
		const [r0, r1] = [Math.floor((ty - outer - top) / step), Math.ceil((ty + outer - top) / step)];
		for (let row = index(r0, 0, rows); row <= index(r1, 0, rows); row++) {
			for (let column = index(c0, 0, columns); column <= index(c1, 0, columns); column++) {
				const point: [number, number] = [left + column * step, top + row * step];
				const distance = Math.hypot(point[0] - tx, point[1] - ty);
				if (distance > inner && distance <= outer) band.push({ point, distance, order: row * columns + column });
			}
		}
		band.sort((a, b) => a.distance - b.distance || a.order - b.order);
		for (const { point } of band) yield point;
	}
}

/** The wider region: every shaded place, with a rectangle where the main map sits. */
function insetSvg(
	outlines: readonly { place: MapPlace; polygons: ArcPolygon[] }[],
	box: Box,
	view: [LonLat, LonLat],
): string {
	const [[west, south], [east, north]] = view;
	const [viewWest, viewSouth] = mercator([west, south]);
	const [viewEast, viewNorth] = mercator([east, north]);
	// The outlines are framed whole, except their parts across the antimeridian (New Zealand's Chatham Islands, say,
	// seen from Sydney), which a Mercator map centred on the region draws at its far other end.
	const across = ([polygonWest, , polygonEast]: readonly number[]) =>
		Math.abs(((polygonWest ?? 0) + (polygonEast ?? 0)) / 2 - (viewWest + viewEast) / 2) > Math.PI;
	const projection = fitBoxes(
		[
			[viewWest, viewSouth, viewEast, viewNorth],
			...outlines.flatMap(({ polygons }) => polygons.map(polygonBox).filter((bounds) => !across(bounds))),
		],
		box,
		6,
	);
	const frame = frameOf(projection, box.width, box.height, INSET_PIXEL_AREA);
	// Parallels are straight in Mercator, so the main map's extent is a rectangle here too.
	const [x0, y0, x1, y1] = [
		frame.x + frame.scale * viewWest,
		frame.y - frame.scale * viewNorth,
		frame.x + frame.scale * viewEast,
		frame.y - frame.scale * viewSouth,
	];
	const round = (value: number) => value.toFixed(1);
	return [
		`<g class="inset" transform="translate(${box.x} ${box.y})">`,
		`<rect class="sea" width="${box.width}" height="${box.height}"/>`,
		`<path class="land" d="${pathData(landInFrame(frame), true)}"/>`,
		...outlines.flatMap(({ place, polygons }) => shadeElement(place, pathData(polygonsInFrame(polygons, frame), true))),
		`<rect class="extent" x="${round(x0)}" y="${round(y0)}" width="${round(x1 - x0)}" height="${round(y1 - y0)}"/>`,
		'</g>',
	].join('');
}

/**
 * A Mercator projection that fits boxes in Mercator's units (west, south, east, north) into `box` less `margin`, as
 * d3's `fitExtent` fits the outlines themselves, without streaming every point of them.
 */
function fitBoxes(boxes: readonly (readonly number[])[], box: Box, margin: number): GeoProjection {
	const west = Math.min(...boxes.map((b) => b[0] ?? Infinity));
	const south = Math.min(...boxes.map((b) => b[1] ?? Infinity));
	const east = Math.max(...boxes.map((b) => b[2] ?? -Infinity));
	const north = Math.max(...boxes.map((b) => b[3] ?? -Infinity));
	const [width, height] = [box.width - 2 * margin, box.height - 2 * margin];
	const scale = Math.min(width / (east - west), height / (north - south));
	return geoMercator()
		.scale(scale)
		.translate([margin + (width - scale * (west + east)) / 2, margin + (height + scale * (south + north)) / 2])
		.clipExtent([
			[0, 0],
			[box.width, box.height],
		]);
}
