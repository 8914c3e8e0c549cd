import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { countriesByName } from '../../src/locator-map/atlas';
import {
	ATLAS_SPELLING_EXAMPLES,
	atlasNameFor,
	COUNTRY_ALIASES,
	countryKey,
} from '../../src/locator-map/country-names';

describe('other names for the atlas’s countries', () => {
	test('each names a country the atlas has', () => {
		const atlas = countriesByName();
		expect(Object.keys(COUNTRY_ALIASES).filter((name) => !atlas.has(name))).toEqual([]);
	});

	test('the examples an editor is shown are the atlas’s names', () => {
		expect(ATLAS_SPELLING_EXAMPLES.filter((name) => !countriesByName().has(name))).toEqual([]);
	});

	test('no name, the atlas’s own or another, stands for two countries', () => {
		const names = [
			...[...countriesByName().keys()].map((name) => [name, name] as const),
			...Object.entries(COUNTRY_ALIASES).flatMap(([name, aliases]) => aliases.map((alias) => [alias, name] as const)),
		];
		const countriesByKey = new Map<string, Set<string>>();
		for (const [written, name] of names) {
			const key = countryKey(written);
			countriesByKey.set(key, (countriesByKey.get(key) ?? new Set()).add(name));
		}
		expect([...countriesByKey].filter(([, countries]) => countries.size > 1)).toEqual([]);
	});

	test.each([
		// As the editor review found them.
		['Gaza', 'Palestine'],
		['West Bank', 'Palestine'],
		['Palestinian Territories', 'Palestine'],
		['United States', 'United States of America'],
		['USA', 'United States of America'],
		['US', 'United States of America'],
		['UK', 'United Kingdom'],
		['Türkiye', 'Turkey'],
		['Syrian Arab Republic', 'Syria'],
		['Russian Federation', 'Russia'],
		['Czech Republic', 'Czechia'],
		['Ivory Coast', "Côte d'Ivoire"],
		['DRC', 'Dem. Rep. Congo'],
		['Burma', 'Myanmar'],
		['Persia', 'Iran'],
		['South Sudan', 'S. Sudan'],
		// Written otherwise: matching ignores case, accents, punctuation and a leading "the".
		['U.S.A.', 'United States of America'],
		['u.k.', 'United Kingdom'],
		['Turkiye', 'Turkey'],
		['Cote d’Ivoire', "Côte d'Ivoire"],
		['COTE D IVOIRE', "Côte d'Ivoire"],
		['Bosnia & Herzegovina', 'Bosnia and Herz.'],
		['The Gambia', 'Gambia'],
		['syria', 'Syria'],
		['Sao Tome and Principe', 'São Tomé and Principe'],
		['Guinea Bissau', 'Guinea-Bissau'],
	])('%s is the atlas’s %s', (written, name) => {
		expect(atlasNameFor(written)).toBe(name);
	});

	test('a name that is no country is matched to none', () => {
		expect([atlasNameFor('Narnia'), atlasNameFor('Korea'), atlasNameFor('')]).toEqual([
			undefined,
			undefined,
			undefined,
		]);
	});
});

/** The names of the comma-separated paragraph after `marker`, joined across the lines it is wrapped over. */
function namesListedAfter(text: string, marker: string): string[] {
	const [paragraph = ''] = text
		.slice(text.indexOf(marker) + marker.length)
		.trim()
		.split(/\n\s*\n/);
	return paragraph.replace(/\s+/g, ' ').replace(/\.$/, '').split(', ');
}

describe('the country names listed in docs/editing.md', () => {
	test('are the atlas’s, every one of them', () => {
		const guide = readFileSync('docs/editing.md', 'utf8');
		const marker = '<!-- atlas country names -->';
		expect(guide, `docs/editing.md has no ${marker}`).toContain(marker);
		expect(namesListedAfter(guide, marker).toSorted()).toEqual([...countriesByName().keys()].toSorted());
	});
});
