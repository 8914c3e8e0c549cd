import { load } from 'cheerio';
import { geoContains, type GeoProjection } from 'd3-geo';
import { describe, expect, test, vi } from 'vitest';
import type { PlaceData } from '../../src/schemas/place';
import { countriesByName, countryAt, distanceKm, distanceToCountryKm, type LonLat } from '../../src/locator-map/atlas';
import {
	COUNTRY_FRAME_KM,
	fitProjection,
	framePoints,
	locatorMapSvg,
	mainGroup,
	MAP_VARIANTS,
	MapLabelError,
	MIN_SPAN_KM,
	planLocatorMap,
	type MapPlace,
	type MapVariant,
} from '../../src/locator-map/locator-map';
import { ringsContain, type Rings } from '../../src/locator-map/clip';
import { overlaps } from '../../src/locator-map/labels';
import { landInFrame, mercator, type Frame } from '../../src/locator-map/projected-atlas';

const BAGHDAD: LonLat = [44.37, 33.31];
const TEHRAN: LonLat = [51.39, 35.69];
const WASHINGTON: LonLat = [-77.04, 38.9];

const place = (id: string, data: Partial<PlaceData> & Pick<PlaceData, 'kind' | 'country'>, at: LonLat): MapPlace => ({
	id,
	data: { name: id, coordinates: { longitude: at[0], latitude: at[1] }, ...data },
});

/**
 * A crowded explainer's places, the test's own: a site on a border, two cities, six countries, a territory, a place
 * too far to share the map (Washington) and one far enough south to need the map extended (Yemen).
 */
const MIDDLE_EAST_PLACES: MapPlace[] = [
	place(
		'border-attack',
		{ kind: 'site', country: ['Syria', 'Jordan'], name: 'Area of the drone attack', label: 'Drone attack, 28 Jan.' },
		[37.4, 32.6],
	),
	place('tehran', { kind: 'city', country: 'Iran', name: 'Tehran' }, TEHRAN),
	place('washington', { kind: 'city', country: 'United States of America', name: 'Washington' }, WASHINGTON),
	place('iraq', { kind: 'country', country: 'Iraq', name: 'Iraq' }, [42.6, 31.9]),
	place('syria', { kind: 'country', country: 'Syria', name: 'Syria' }, [38.5, 35]),
	place('jordan', { kind: 'country', country: 'Jordan', name: 'Jordan' }, [36.9, 31.3]),
	place('lebanon', { kind: 'country', country: 'Lebanon', name: 'Lebanon' }, [35.85, 33.9]),
	place('yemen', { kind: 'country', country: 'Yemen', name: 'Yemen' }, [47.6, 15.6]),
	place('iran', { kind: 'country', country: 'Iran', name: 'Iran' }, [49.6, 33.4]),
	place('gaza-strip', { kind: 'territory', country: 'Palestine', name: 'Gaza Strip' }, [34.38, 31.42]),
];

describe('the atlas', () => {
	test('measures great-circle distances in kilometres', () => {
		expect(distanceKm(BAGHDAD, TEHRAN)).toBeGreaterThan(650);
		expect(distanceKm(BAGHDAD, TEHRAN)).toBeLessThan(750);
	});

	test('knows which country a point is in, and how far a point is from one', () => {
		expect(countryAt(BAGHDAD)).toBe('Iraq');
		const iraq = countriesByName().get('Iraq');
		if (!iraq) throw new Error('the atlas has no Iraq');
		expect(distanceToCountryKm(BAGHDAD, iraq)).toBe(0);
		expect(distanceToCountryKm(TEHRAN, iraq)).toBeGreaterThan(100);
	});
});

describe('planning a map', () => {
	test('keeps places within reach of each other and leaves a distant one off', () => {
		expect([...mainGroup([BAGHDAD, TEHRAN, WASHINGTON])]).toEqual([0, 1]);
		expect([...mainGroup([WASHINGTON, BAGHDAD, TEHRAN])]).toEqual([1, 2]);
	});

	test('marks points, shades countries and territories, and lists far places apart, in the article’s order', () => {
		const plan = planLocatorMap([
			place('tehran', { kind: 'city', country: 'Iran' }, TEHRAN),
			place('washington', { kind: 'city', country: 'United States of America' }, WASHINGTON),
			place('iraq', { kind: 'country', country: 'Iraq' }, [42.6, 31.9]),
			place('baghdad', { kind: 'city', country: 'Iraq' }, BAGHDAD),
		]);
		expect(plan.marked.map((p) => p.id)).toEqual(['tehran', 'baghdad']);
		expect(plan.shaded.map((p) => p.id)).toEqual(['iraq']);
		expect(plan.beyond.map((p) => p.id)).toEqual(['washington']);
	});

	test('describes each place whole, an approximate position beside its own name', () => {
		const plan = planLocatorMap([
			place(
				'attack',
				{
					name: 'Area of the attack, Syria–Jordan border',
					kind: 'site',
					country: 'Jordan',
					approximate: 'The story gives no exact site.',
				},
				[38.79, 33.32],
			),
			place('baghdad', { name: 'Baghdad', kind: 'city', country: 'Iraq' }, BAGHDAD),
			place('iraq', { name: 'Iraq', kind: 'country', country: 'Iraq' }, [42.6, 31.9]),
		]);
		const $ = load(locatorMapSvg(plan, 'wide', 'Map'), { xml: true });
		expect($('svg > desc').text()).toBe(
			'Marked: Area of the attack, Syria–Jordan border (approximate position); Baghdad. Shaded: Iraq. ' +
				'An inset shows the wider region.',
		);
	});

	test.each(['narrow', 'wide'] as const)(
		'shades only the part of a country a territory lies in: the Gaza Strip, not the West Bank (%s)',
		(variant) => {
			const plan = planLocatorMap([
				place('gaza', { kind: 'territory', country: 'Palestine' }, [34.38, 31.42]),
				place('jerusalem', { kind: 'city', country: 'Israel' }, [35.21, 31.77]),
			]);
			const $ = load(locatorMapSvg(plan, variant, 'Map'), { xml: true });
			const shade = ringsOf($('svg > path.shade[data-place="gaza"]').attr('d') ?? '');
			const projection = fitProjection(framePoints(plan), MAP_VARIANTS[variant]);
			const at = (point: LonLat) => projection(point) ?? [Number.NaN, Number.NaN];
			expect(ringsContain(shade, at([34.4, 31.45]))).toBe(true);
			expect(ringsContain(shade, at([35.2, 31.9]))).toBe(false);
		},
	);
});

describe('the projection', () => {
	test('fits every place inside the map with a margin', () => {
		const points: LonLat[] = [BAGHDAD, TEHRAN, [37.4, 32.6], [41.92, 36.99]];
		for (const variant of Object.values(MAP_VARIANTS)) {
			const projection = fitProjection(points, variant);
			for (const point of points) {
				const [x, y] = projection(point) ?? [Number.NaN, Number.NaN];
				expect(x).toBeGreaterThanOrEqual(variant.width * 0.1);
				expect(x).toBeLessThanOrEqual(variant.width * 0.9);
				expect(y).toBeGreaterThanOrEqual(variant.height * 0.1);
				expect(y).toBeLessThanOrEqual(variant.height * 0.9);
			}
		}
	});

	test.each(Object.keys(MAP_VARIANTS) as (keyof typeof MAP_VARIANTS)[])(
		'does not zoom in closer than the minimum span on a single place, along either side (%s)',
		(variant) => {
			const spans = shownKm(fitProjection([BAGHDAD], MAP_VARIANTS[variant]), MAP_VARIANTS[variant]);
			expect(Math.min(spans.across, spans.down)).toBeGreaterThanOrEqual(MIN_SPAN_KM * 0.95);
			// The minimum is a floor, not a fixed zoom: the shorter side shows about that much, no more.
			expect(Math.min(spans.across, spans.down)).toBeLessThan(MIN_SPAN_KM * 1.1);
		},
	);
});

/** How far the map reaches across its middle, west to east and north to south, in km. */
function shownKm(projection: GeoProjection, { width, height }: MapVariant): { across: number; down: number } {
	const at = (x: number, y: number): LonLat => {
		const point = projection.invert?.([x, y]);
		if (!point) throw new Error('the projection cannot invert');
		return point;
	};
	return {
		across: distanceKm(at(0, height / 2), at(width, height / 2)),
		down: distanceKm(at(width / 2, 0), at(width / 2, height)),
	};
}

/** Whether a projected point lies on a map of this size. */
const onMap = ([x, y]: [number, number], { width, height }: MapVariant) =>
	x >= 0 && x <= width && y >= 0 && y <= height;

/** The country names a drawn map shows, by place id. */
function countryLabels(svg: string): string[] {
	const $ = load(svg, { xml: true });
	return $('text.country')
		.map((_, element) => $(element).attr('data-place'))
		.get();
}

const VARIANTS = Object.keys(MAP_VARIANTS) as (keyof typeof MAP_VARIANTS)[];

describe('framing the map', () => {
	// Two towns in northern Iraq, about 40 km apart, and the label point of Iraq, 430 km to the south.
	const QAYYARAH = place('qayyarah', { kind: 'town', country: 'Iraq' }, [43.12, 35.8]);
	const MAKHMOUR = place('makhmour', { kind: 'town', country: 'Iraq' }, [43.59, 35.78]);
	const IRAQ = place('iraq', { kind: 'country', country: 'Iraq' }, [42.6, 31.9]);
	const SYRIA = place('syria', { kind: 'country', country: 'Syria' }, [38.5, 35.0]);
	const YEMEN = place('yemen', { kind: 'country', country: 'Yemen' }, [47.6, 15.6]);
	const at = (p: MapPlace): LonLat => [p.data.coordinates.longitude, p.data.coordinates.latitude];

	test('the fixture towns are close together', () => {
		expect(distanceKm(at(QAYYARAH), at(MAKHMOUR))).toBeLessThan(50);
	});

	test.each(VARIANTS)(
		'two nearby towns in a shaded country: the frame holds the country’s label point and the map names it (%s)',
		(variant) => {
			const plan = planLocatorMap([QAYYARAH, MAKHMOUR, IRAQ]);
			const projection = fitProjection(framePoints(plan), MAP_VARIANTS[variant]);
			const labelPoint = projection(at(IRAQ));
			if (!labelPoint) throw new Error('Iraq’s label point does not project');
			expect(onMap(labelPoint, MAP_VARIANTS[variant])).toBe(true);
			const spans = shownKm(projection, MAP_VARIANTS[variant]);
			expect(Math.min(spans.across, spans.down)).toBeGreaterThanOrEqual(MIN_SPAN_KM * 0.95);
			expect(countryLabels(locatorMapSvg(plan, variant, 'Map'))).toContain('iraq');
		},
	);

	test.each(VARIANTS)('two nearby towns and nothing shaded: at least the minimum span (%s)', (variant) => {
		const plan = planLocatorMap([QAYYARAH, MAKHMOUR]);
		const spans = shownKm(fitProjection(framePoints(plan), MAP_VARIANTS[variant]), MAP_VARIANTS[variant]);
		expect(Math.min(spans.across, spans.down)).toBeGreaterThanOrEqual(MIN_SPAN_KM * 0.95);
		expect(() => locatorMapSvg(plan, variant, 'Map')).not.toThrow();
	});

	test('frames a shaded country near the marked places, not one far from them', () => {
		expect(distanceKm(at(YEMEN), at(QAYYARAH))).toBeGreaterThan(COUNTRY_FRAME_KM);
		const points = framePoints(planLocatorMap([QAYYARAH, MAKHMOUR, SYRIA, YEMEN]));
		expect(points).toContainEqual(at(SYRIA));
		expect(points).not.toContainEqual(at(YEMEN));
	});

	test.each(VARIANTS)(
		'frames and names the nearest shaded country when every one is far from the marked places (%s)',
		(variant) => {
			const baghdad = place('baghdad', { kind: 'city', country: 'Iraq' }, BAGHDAD);
			const plan = planLocatorMap([baghdad, YEMEN]);
			expect(plan.shaded.map((p) => p.id)).toEqual(['yemen']);
			expect(framePoints(plan)).toContainEqual(at(YEMEN));
			expect(countryLabels(locatorMapSvg(plan, variant, 'Map'))).toEqual(['yemen']);
		},
	);

	test.each(VARIANTS)(
		'names a shaded country inside its outline when a marked place covers its label point (%s)',
		(variant) => {
			const covering = place('nukhayb', { kind: 'town', country: 'Iraq', label: 'Nukhayb' }, at(IRAQ));
			const plan = planLocatorMap([covering, IRAQ]);
			const svg = locatorMapSvg(plan, variant, 'Map');
			const $ = load(svg, { xml: true });
			const label = $('text.country[data-place="iraq"]');
			expect(label.length).toBe(1);
			const projection = fitProjection(framePoints(plan), MAP_VARIANTS[variant]);
			const [labelX, labelY] = projection(at(IRAQ)) ?? [Number.NaN, Number.NaN];
			const [x, y] = [Number(label.attr('x')), Number(label.attr('y'))];
			expect(Math.hypot(x - labelX, y - labelY)).toBeGreaterThan(1);
			const iraq = countriesByName().get('Iraq');
			const position = projection.invert?.([x, y]);
			if (!iraq || !position) throw new Error('no Iraq or no position');
			expect(geoContains(iraq, position)).toBe(true);
		},
	);

	test('stops the build when no shaded place can be named: a column of labelled towns covers Lebanon', () => {
		const towns = Array.from({ length: 6 }, (_, index) =>
			place(`t${index}`, { kind: 'town', country: 'Lebanon', label: String.fromCharCode(65 + index) }, [
				35.3 + index * 0.2,
				33.1 + index * 0.3,
			]),
		);
		const plan = planLocatorMap([...towns, place('lebanon', { kind: 'country', country: 'Lebanon' }, [35.85, 33.9])]);
		expect(() => locatorMapSvg(plan, 'narrow', 'Map')).toThrow(MapLabelError);
		expect(() => locatorMapSvg(plan, 'narrow', 'Map')).toThrow(/no room to name any of the shaded places \(lebanon\)/);
	});

	test('draws the same map byte for byte, in the same process and in a fresh one', async () => {
		const plan = planLocatorMap([QAYYARAH, MAKHMOUR, IRAQ, SYRIA]);
		const first = locatorMapSvg(plan, 'wide', 'Map');
		expect(locatorMapSvg(structuredClone(plan), 'wide', 'Map')).toBe(first);
		vi.resetModules();
		const fresh = await import('../../src/locator-map/locator-map');
		expect(fresh.locatorMapSvg(structuredClone(plan), 'wide', 'Map')).toBe(first);
	});
});

/** The Levant and Iraq, from 34°E 29°N to 48°E 38°N, drawn at a Mercator `scale`, without detail under 0.7 px². */
function levantFrame(scale: number): Frame {
	const [west, south] = mercator([34, 29]);
	const [east, north] = mercator([48, 38]);
	return {
		scale,
		x: -west * scale,
		y: north * scale,
		width: (east - west) * scale,
		height: (north - south) * scale,
		minWeight: 0.7 / scale ** 2,
	};
}

/** The rings of a path's data as pathData writes them (`M x,y L x,y … Z`). */
function ringsOf(d: string): Rings {
	return d
		.split('Z')
		.filter(Boolean)
		.map((ring) =>
			ring
				.split(/[ML]/)
				.filter(Boolean)
				.flatMap((point) => point.split(',').map(Number)),
		);
}

describe('simplification', () => {
	test('keeps fewer points for a smaller map', () => {
		const points = (scale: number) => landInFrame(levantFrame(scale)).reduce((sum, ring) => sum + ring.length, 0);
		expect(points(500)).toBeLessThan(points(4000));
	});
});

describe('the prepared atlas', () => {
	test('is prepared once per process, however many maps are drawn at whatever scales and places', async () => {
		vi.resetModules();
		const atlas = await import('../../src/locator-map/projected-atlas');
		const { locatorMapSvg: draw } = await import('../../src/locator-map/locator-map');
		expect(atlas.atlasPreparations()).toBe(0);
		const plans = [
			[place('baghdad', { kind: 'city', country: 'Iraq' }, BAGHDAD)],
			[
				place('tehran', { kind: 'city', country: 'Iran' }, TEHRAN),
				place('iran', { kind: 'country', country: 'Iran' }, [54, 32.5]),
			],
			[
				place('kyiv', { kind: 'city', country: 'Ukraine' }, [30.52, 50.45]),
				place('moscow', { kind: 'city', country: 'Russia' }, [37.62, 55.76]),
			],
			[
				place('sydney', { kind: 'city', country: 'Australia' }, [151.21, -33.87]),
				place('auckland', { kind: 'city', country: 'New Zealand' }, [174.76, -36.85]),
			],
			[place('washington', { kind: 'city', country: 'United States of America' }, WASHINGTON)],
			planLocatorMap(MIDDLE_EAST_PLACES),
		].map((places) => (Array.isArray(places) ? planLocatorMap(places) : places));
		for (const plan of plans) for (const variant of VARIANTS) draw(plan, variant, 'Map');
		expect(atlas.atlasPreparations()).toBe(1);
		for (const plan of plans) for (const variant of VARIANTS) draw(plan, variant, 'Another map');
		expect(atlas.atlasPreparations()).toBe(1);
	});

	test('draws the land of countries across the antimeridian: Russia around Moscow, and its border with Ukraine', () => {
		const plan = planLocatorMap([
			place('kyiv', { kind: 'city', country: 'Ukraine' }, [30.52, 50.45]),
			place('moscow', { kind: 'city', country: 'Russia' }, [37.62, 55.76]),
		]);
		for (const variant of VARIANTS) {
			const $ = load(locatorMapSvg(plan, variant, 'Map'), { xml: true });
			const land = ringsOf($('svg > path.land').attr('d') ?? '');
			const moscow = $('circle[data-place="moscow"]');
			expect(ringsContain(land, [Number(moscow.attr('cx')), Number(moscow.attr('cy'))])).toBe(true);
			expect($('path.border').attr('d')?.length ?? 0).toBeGreaterThan(100);
		}
	});
});

describe('the map’s colours', () => {
	/** WCAG's relative luminance of a `#rrggbb` colour. */
	const luminance = (hex: string) => {
		const [r, g, b] = [1, 3, 5].map((at) => {
			const channel = Number.parseInt(hex.slice(at, at + 2), 16) / 255;
			return channel <= 0.04045 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
		});
		return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
	};
	const contrast = (a: string, b: string) => {
		const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
		return (light! + 0.05) / (dark! + 0.05);
	};

	test.each(['light', 'dark'] as const)(
		'draw borders at 3:1 or more against the land and the shaded countries on either side (%s)',
		(scheme) => {
			const plan = planLocatorMap([place('baghdad', { kind: 'city', country: 'Iraq' }, BAGHDAD)]);
			const style = load(locatorMapSvg(plan, 'wide', 'Map'), { xml: true })('style').text();
			const dark = style.slice(style.indexOf('@media (prefers-color-scheme:dark)'));
			const rules =
				scheme === 'dark' ? dark.slice(0, dark.indexOf('@media print')) : style.slice(0, style.indexOf('@media'));
			const colour = (selector: string, property: 'fill' | 'stroke') =>
				new RegExp(String.raw`\.${selector}\{[^}]*${property}:(#[0-9a-f]{6})`).exec(rules)?.[1] ?? 'missing';
			const border = colour('border', 'stroke');
			expect(contrast(border, colour('land', 'fill'))).toBeGreaterThanOrEqual(3);
			expect(contrast(border, colour('shade', 'fill'))).toBeGreaterThanOrEqual(3);
		},
	);
});

describe('a crowded explainer’s map', () => {
	const plan = planLocatorMap(MIDDLE_EAST_PLACES);

	test('leaves the place too far to share the map off it, and marks the others', () => {
		expect(plan.beyond.map((p) => p.id)).toEqual(['washington']);
		expect(plan.marked.length).toBeGreaterThan(0);
	});

	test.each(Object.keys(MAP_VARIANTS) as (keyof typeof MAP_VARIANTS)[])(
		'at the %s size, marks and labels every place without overlapping labels',
		(variant) => {
			const $ = load(locatorMapSvg(plan, variant, 'Map'), { xml: true });
			const labels = plan.marked.map((p) => $(`text[data-place="${p.id}"]`));
			expect(labels.map((label) => label.text())).toEqual(plan.marked.map((p) => p.data.label ?? p.data.name));
			for (const p of plan.marked) expect($(`circle[data-place="${p.id}"]`).length).toBe(1);
			expect($('[data-place="washington"]').length).toBe(0);
			const shaded = new Set(
				$('path.shade')
					.map((_, element) => $(element).attr('data-place'))
					.get(),
			);
			expect([...shaded].sort()).toEqual(plan.shaded.map((p) => p.id).sort());
			const boxes = $('text')
				.map((_, element) => {
					const x = Number($(element).attr('x'));
					const y = Number($(element).attr('y'));
					const anchor = $(element).attr('text-anchor') ?? 'start';
					const width = $(element).text().length * MAP_VARIANTS[variant].fontSize * 0.55;
					const left = anchor === 'start' ? x : anchor === 'end' ? x - width : x - width / 2;
					return { x: left, y: y - MAP_VARIANTS[variant].fontSize, width, height: MAP_VARIANTS[variant].fontSize };
				})
				.get();
			for (const a of boxes) for (const b of boxes) if (a !== b) expect(overlaps(a, b)).toBe(false);
		},
	);

	test('stops the build with the place’s name when a label cannot fit', () => {
		const crowded = planLocatorMap(
			Array.from({ length: 14 }, (_, index) =>
				place(`p${index}`, { kind: 'town', country: 'Iraq', label: `A rather long town name ${index}` }, [
					44 + (index % 2) * 0.01,
					33 + index * 0.01,
				]),
			),
		);
		expect(() => locatorMapSvg(crowded, 'narrow', 'Map')).toThrow(MapLabelError);
		expect(() => locatorMapSvg(crowded, 'narrow', 'Map')).toThrow(/no room to label "A rather long town name \d+"/);
	});
});
