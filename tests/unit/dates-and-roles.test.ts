import { describe, expect, test } from 'vitest';
import { dayOf, earliestDay, formatPartialDate, latestDay } from '../../src/utils/partial-dates';
import { rolesOn } from '../../src/utils/roles';
import { idFromFileName } from '../../src/utils/ids';
import { listInWords } from '../../src/utils/words';

describe('partial dates', () => {
	test('are written only as precisely as they are known', () => {
		expect(formatPartialDate('2017')).toBe('2017');
		expect(formatPartialDate('2023-11')).toBe('November 2023');
		expect(formatPartialDate('2024-01-08')).toBe('8 January 2024');
	});

	test('cover every day they can mean', () => {
		expect([earliestDay('2023'), latestDay('2023')]).toEqual(['2023-01-01', '2023-12-31']);
		expect([earliestDay('2023-11'), latestDay('2023-11')]).toEqual(['2023-11-01', '2023-11-31']);
		expect([earliestDay('2024-01-28'), latestDay('2024-01-28')]).toEqual(['2024-01-28', '2024-01-28']);
	});

	test('take the UTC day of a moment', () => {
		expect(dayOf(new Date('2024-01-30T23:30:00-05:00'))).toBe('2024-01-31');
	});
});

describe('rolesOn', () => {
	const roles = [
		{ title: 'Vice President', from: '2009-01-20', to: '2017-01-20' },
		{ title: 'President', from: '2021-01-20', to: '2025-01-20' },
		{ title: 'Senator', to: '2009-01' },
	];

	test('gives the role held on the day', () => {
		expect(rolesOn(roles, '2024-01-30').map((role) => role.title)).toEqual(['President']);
		expect(rolesOn(roles, '2015-06-01').map((role) => role.title)).toEqual(['Vice President']);
	});

	test('gives no role between two posts', () => {
		expect(rolesOn(roles, '2019-03-01')).toEqual([]);
	});

	test('counts a role with no dates as held, since the source gives none', () => {
		expect(rolesOn([{ title: 'Pentagon spokesman' }], '2024-01-30').map((role) => role.title)).toEqual([
			'Pentagon spokesman',
		]);
	});

	test('counts a role as held on a day only known to the month when it may have been', () => {
		expect(rolesOn(roles, '2009-01').map((role) => role.title)).toEqual(['Vice President', 'Senator']);
	});
});

describe('idFromFileName', () => {
	test('turns a file name into a lower-case hyphenated id', () => {
		expect(idFromFileName({ entry: 'content/articles/Kataib Hezbollah_suspends.mdx' })).toBe(
			'kataib-hezbollah-suspends',
		);
		expect(idFromFileName({ entry: 'Açaí.yaml' })).toBe('acai');
	});
});

describe('listInWords', () => {
	test('joins items as a sentence does', () => {
		expect([listInWords(['AP']), listInWords(['AP', 'EFE']), listInWords(['AP', 'EFE', 'Reuters'])]).toEqual([
			'AP',
			'AP and EFE',
			'AP, EFE and Reuters',
		]);
	});
});
