import { geoContains } from 'd3-geo';
import { countriesByName, countryAt, distanceToCountryKm, type LonLat } from '../locator-map/atlas';
import { ATLAS_SPELLING_EXAMPLES, atlasNameFor, atlasNamesByKey, countryKey } from '../locator-map/country-names';
import { problemAt, OWN_FILE, scoped } from './check';
import type { ContentFile } from './content-files';
import type { Problem } from './problem';
import { closest, didYouMean } from './suggest';

/**
 * How far outside its country's outline a place may sit: the atlas is generalised, so a port can fall a few
 * kilometres out to sea. An approximate position may be further off. Inside another country's outline the
 * generalised border still allows a little, but no more: a town a few kilometres over the border is in the
 * other country.
 */
const OUTLINE_TOLERANCE_KM = { exact: 25, approximate: 75, insideAnotherCountry: 5 } as const;

/** The fields of a place file this check reads, when they have the right types. */
function placeFields(file: ContentFile) {
	const data = (file.data ?? {}) as Record<string, unknown>;
	const coordinates = data['coordinates'] as { latitude?: unknown; longitude?: unknown } | undefined;
	const country = data['country'];
	const countries = typeof country === 'string' ? [country] : Array.isArray(country) ? country : [];
	return {
		name: typeof data['name'] === 'string' ? data['name'] : file.id,
		approximate: data['approximate'] !== undefined,
		countries: countries.map((value, index) => ({
			value,
			path: typeof country === 'string' ? ['country'] : ['country', index],
		})),
		point:
			typeof coordinates?.latitude === 'number' &&
			typeof coordinates.longitude === 'number' &&
			Math.abs(coordinates.latitude) <= 90 &&
			Math.abs(coordinates.longitude) <= 180
				? ([coordinates.longitude, coordinates.latitude] as LonLat)
				: undefined,
	};
}

/** The atlas country a misspelt one likely means: the closest of its names and aliases, if close enough. */
function countrySuggestion(written: string): string | undefined {
	const nearest = closest(countryKey(written), atlasNamesByKey().keys());
	return nearest === undefined ? undefined : atlasNamesByKey().get(nearest);
}

/**
 * What to tell an editor of a country the atlas does not have: its atlas name if the editor wrote another name for
 * it, else a likely intended name, else where the atlas's names are listed.
 */
function unknownCountry(written: string): Pick<Problem, 'message' | 'hint'> {
	const message = `the map has no country "${written}"`;
	const alias = atlasNameFor(written);
	if (alias) return { message: `${message} — the atlas calls it "${alias}"`, hint: `change it to "${alias}"` };
	const suggestion = countrySuggestion(written);
	if (suggestion) return { message: `${message}${didYouMean(suggestion)}`, hint: `change it to "${suggestion}"` };
	const examples = ATLAS_SPELLING_EXAMPLES.map((name) => `"${name}"`).join(', ');
	return {
		message,
		hint: `write the country as the atlas names it, e.g. ${examples}; docs/editing.md lists every name under "Country names"`,
	};
}

/** Each country must be one the atlas draws, and the coordinates must lie in one of them. */
function checkPlace(file: ContentFile): Problem[] {
	const atlas = countriesByName();
	const { name, approximate, countries, point } = placeFields(file);
	const problems: Problem[] = [];
	for (const { value, path } of countries) {
		if (typeof value !== 'string' || atlas.has(value)) continue;
		problems.push(problemAt(file, path, unknownCountry(value)));
	}
	const known = countries.flatMap(({ value }) => (typeof value === 'string' ? (atlas.get(value) ?? []) : []));
	if (problems.length > 0 || !point || known.length === 0) return problems;
	// Most places lie inside a country they name; only the others are looked up among all the atlas's countries.
	if (known.some((country) => geoContains(country, point))) return problems;
	const where = countryAt(point);
	const inAnother = where !== undefined && !countries.some(({ value }) => value === where);
	const tolerance = approximate
		? OUTLINE_TOLERANCE_KM.approximate
		: inAnother
			? OUTLINE_TOLERANCE_KM.insideAnotherCountry
			: OUTLINE_TOLERANCE_KM.exact;
	if (known.some((country) => distanceToCountryKm(point, country) <= tolerance)) return problems;
	const named = countries.map(({ value }) => String(value)).join(' or ');
	const swapped: LonLat = [point[1], point[0]];
	const swappedFits = known.some((country) => distanceToCountryKm(swapped, country) <= OUTLINE_TOLERANCE_KM.exact);
	problems.push(
		problemAt(file, ['coordinates'], {
			message: `${name} is not in ${named}: its coordinates (${point[1]}, ${point[0]}) fall ${where ? `in ${where}` : 'outside every country'}`,
			hint: swappedFits
				? 'latitude and longitude look swapped: exchange the two numbers'
				: 'check the coordinates against a gazetteer (decimal degrees, north and east positive) or correct `country`',
		}),
	);
	return problems;
}

/** Places must be where they say they are. */
export const placeCheck = scoped(OWN_FILE, ({ files }) =>
	files.flatMap((file) => (file.collection === 'places' && file.syntaxErrors.length === 0 ? checkPlace(file) : [])),
);
