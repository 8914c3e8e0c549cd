import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { geoContains, geoDistance } from 'd3-geo';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { once } from '../utils/once.ts';

/** The country outlines of Natural Earth at 1:50m, as world-atlas ships them: detailed enough for a region. */
const ATLAS_FILE = 'world-atlas/countries-50m.json';

export const EARTH_RADIUS_KM = 6371;

export type CountryTopology = Topology<{ countries: GeometryCollection<{ name: string }> }>;
export type CountryFeature = Feature<Polygon | MultiPolygon, { name: string }>;

/** The world's countries as TopoJSON, read once per process. */
export const countryTopology = once(
	() => JSON.parse(readFileSync(createRequire(import.meta.url).resolve(ATLAS_FILE), 'utf8')) as CountryTopology,
);

/** Every country's outline, by its Natural Earth name. */
export const countriesByName = once((): ReadonlyMap<string, CountryFeature> => {
	const world = countryTopology();
	return new Map(
		feature(world, world.objects.countries).features.flatMap((country) =>
			country.geometry && (country.geometry.type === 'Polygon' || country.geometry.type === 'MultiPolygon')
				? [[country.properties.name, country as CountryFeature]]
				: [],
		),
	);
});

/** A point as d3-geo takes it: `[longitude, latitude]`. */
export type LonLat = [number, number];

/** Great-circle distance in kilometres. */
export function distanceKm(a: LonLat, b: LonLat): number {
	return geoDistance(a, b) * EARTH_RADIUS_KM;
}

/**
 * How far a point is from a country, in km: 0 inside it, else the distance to its nearest outline vertex. A coastal
 * city can sit a little offshore of a generalised coastline, so callers allow a tolerance.
 */
export function distanceToCountryKm(point: LonLat, country: CountryFeature): number {
	if (geoContains(country, point)) return 0;
	const { geometry } = country;
	const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
	let nearest = Infinity;
	for (const vertex of polygons.flat(2)) nearest = Math.min(nearest, distanceKm(point, vertex as LonLat));
	return nearest;
}

/** The country a point lies in, if any (for messages such as "that is in Somalia"). */
export function countryAt(point: LonLat): string | undefined {
	for (const [name, country] of countriesByName()) if (geoContains(country, point)) return name;
	return undefined;
}
