import { describe, expect, test } from 'vitest';
import { createNameMatcher } from '../../src/mentions/name-matcher';

const find = createNameMatcher([
	{ id: 'united-states', names: ['United States', 'US'] },
	{ id: 'us-army', names: ['US Army'] },
	{ id: 'iran', names: ['Iran'] },
	{ id: 'white-house', names: ["Joe Biden's Administration"] },
	{ id: 'joe-biden', names: ['Joe Biden'] },
]);
const names = (text: string) => find(text).map((match) => [match.id, text.slice(match.start, match.end)]);

describe('createNameMatcher', () => {
	test('prefers the longest name where names overlap', () => {
		expect(names('The US Army and the US.')).toEqual([
			['us-army', 'US Army'],
			['united-states', 'US'],
		]);
	});

	test('matches whole words only, and case-sensitively', () => {
		expect(names('Tell us about USA, Irani food and IRAN.')).toEqual([]);
	});

	test('does not treat a hyphenated compound as a mention', () => {
		expect(names('A pro-Iran militia and Iran-backed groups; Iran.')).toEqual([['iran', 'Iran']]);
	});

	test('takes a no-break space or a line break between a name’s words for a space, either way round', () => {
		expect(names('The United\u00A0States, then the United\nStates.')).toEqual([
			['united-states', 'United\u00A0States'],
			['united-states', 'United\nStates'],
		]);
		const written = createNameMatcher([{ id: 'front', names: ['Northern\u00A0Front'] }]);
		expect(written('The Northern Front said').map((match) => match.id)).toEqual(['front']);
	});

	test('treats curly and straight apostrophes alike', () => {
		expect(names('Joe Biden’s Administration and Joe Biden')).toEqual([
			['white-house', 'Joe Biden’s Administration'],
			['joe-biden', 'Joe Biden'],
		]);
	});

	test('matches a name followed by a possessive', () => {
		expect(names("Iran's allies")).toEqual([['iran', 'Iran']]);
	});

	test('finds a name that starts inside a longer one glued to the word before it', () => {
		const find = createNameMatcher([
			{ id: 'us-army', names: ['US Army'] },
			{ id: 'army', names: ['Army'] },
		]);
		const text = 'The xUS Army said so.';
		expect(find(text).map((match) => [match.id, text.slice(match.start, match.end)])).toEqual([['army', 'Army']]);
	});

	test('treats a letter outside the Basic Multilingual Plane before a name as part of the word', () => {
		expect(names('\u{1D400}US and 𝐀Iran, but US.')).toEqual([['united-states', 'US']]);
	});

	test('finds nothing when there are no actors', () => {
		expect(createNameMatcher([])('United States')).toEqual([]);
	});
});
