import { describe, expect, test } from 'vitest';
import { dayOf, earliestDay, formatPartialDate, latestDay } from '../../src/utils/partial-dates';
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
