import { load } from 'cheerio';
import { geoContains } from 'd3-geo';
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { PlaceSchema, type PlaceData } from '../../src/schemas/place';
import { countriesByName, countryAt, distanceKm, distanceToCountryKm, type LonLat } from '../../src/utils/atlas';
import {
	fitProjection,
	locatorMapSvg,
	mainGroup,
	MAP_VARIANTS,
	MapLabelError,
	MIN_SPAN_KM,
	outlineOf,
	planLocatorMap,
	simplifiedFor,
	type MapPlace,
} from '../../src/utils/locator-map';
import { overlaps } from '../../src/utils/map-labels';

const BAGHDAD: LonLat = [44.37, 33.31];
const TEHRAN: LonLat = [51.39, 35.69];
const WASHINGTON: LonLat = [-77.04, 38.9];

const place = (id: string, data: Partial<PlaceData> & Pick<PlaceData, 'kind' | 'country'>, at: LonLat): MapPlace => ({
	id,
	data: { name: id, coordinates: { longitude: at[0], latitude: at[1] }, ...data },
});

/** The seed explainer's places, read from content/ as the site reads them. */
function seedPlaces(): MapPlace[] {
	const article = readFileSync('content/articles/kataib-hezbollah-suspends-attacks.mdx', 'utf8');
	const ids = parse(article.split('---')[1] ?? '').places as string[];
	return ids.map((id) => ({ id, data: PlaceSchema().parse(parse(readFileSync(`content/places/${id}.yaml`, 'utf8'))) }));
}

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

	test('shades only the part of a country a territory lies in: the Gaza Strip, not the West Bank', () => {
		const gaza = outlineOf(place('gaza', { kind: 'territory', country: 'Palestine' }, [34.38, 31.42]));
		if (!gaza) throw new Error('no outline for the Gaza Strip');
		expect(geoContains(gaza, [34.4, 31.45])).toBe(true);
		expect(geoContains(gaza, [35.2, 31.9])).toBe(false);
	});
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

	test('does not zoom in closer than the minimum span on a single place', () => {
		const { width } = MAP_VARIANTS.wide;
		const projection = fitProjection([BAGHDAD], MAP_VARIANTS.wide);
		const west = projection.invert?.([0, width / 2]);
		const east = projection.invert?.([width, width / 2]);
		if (!west || !east) throw new Error('the projection cannot invert');
		expect(distanceKm(west, east)).toBeGreaterThanOrEqual(MIN_SPAN_KM * 0.95);
	});
});

describe('simplification', () => {
	test('keeps fewer points for a smaller map', () => {
		const points = (scale: number) => simplifiedFor(scale, 34).arcs.reduce((sum, arc) => sum + arc.length, 0);
		expect(points(500)).toBeLessThan(points(4000));
	});
});

describe('the seed explainer’s map', () => {
	const plan = planLocatorMap(seedPlaces());

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
