import { describe, expect, test } from 'vitest';
import { checkContext } from '../../src/checks/check';
import { parseContentFile } from '../../src/checks/content-files';
import { placeCheck } from '../../src/checks/place-check';
import { formatProblem } from '../../src/checks/problem';

/** Every problem, in full, the place check reports for Valletta with `country` written as `country` (YAML). */
function countryProblems(country: string): string[] {
	const yaml = `name: Valletta\nkind: city\ncoordinates:\n  latitude: 35.9\n  longitude: 14.51\ncountry: ${country}\n`;
	const file = parseContentFile('places', 'places/valletta.yaml', Buffer.from(yaml));
	return placeCheck(checkContext([file], () => undefined)).map(formatProblem);
}

const NO_SUGGESTION_HINT =
	'    → write the country as the atlas names it, e.g. "United States of America", "Dem. Rep. Congo", "Palestine"; ' +
	'docs/editing.md lists every name under "Country names"';

describe('the place check on a country the atlas does not have', () => {
	test('gives the atlas’s name for another name of the country, not a lookalike', () => {
		expect(countryProblems('Gaza')).toEqual([
			'places/valletta.yaml:6:1 country: the map has no country "Gaza" — the atlas calls it "Palestine"\n' +
				'    → change it to "Palestine"',
		]);
	});

	test('does so for each country of a border area', () => {
		expect(countryProblems('\n  - Israel\n  - West Bank')).toEqual([
			'places/valletta.yaml:8:5 country[1]: the map has no country "West Bank" — the atlas calls it "Palestine"\n' +
				'    → change it to "Palestine"',
		]);
	});

	test('says where the atlas’s names are when none is close to what was written', () => {
		expect(countryProblems('Narnia')).toEqual([
			`places/valletta.yaml:6:1 country: the map has no country "Narnia"\n${NO_SUGGESTION_HINT}`,
		]);
	});

	test.each(['Golan', 'Dubai', 'Java', 'Goa', 'CA'])(
		'suggests no country for "%s": more than one letter in four is not as written',
		(written) => {
			expect(countryProblems(written)).toEqual([
				`places/valletta.yaml:6:1 country: the map has no country "${written}"\n${NO_SUGGESTION_HINT}`,
			]);
		},
	);

	test.each([
		['Malt', 'Malta'],
		['Syira', 'Syria'],
		['Isreal', 'Israel'],
		['Phillipines', 'Philippines'],
		['Untied States', 'United States of America'],
	])('still suggests a country for a typo: %s', (written, meant) => {
		expect(countryProblems(written)).toEqual([
			`places/valletta.yaml:6:1 country: the map has no country "${written}" — did you mean "${meant}"?\n` +
				`    → change it to "${meant}"`,
		]);
	});
});
