import { describe, expect, test } from 'vitest';
import { DANA_REYES, problemsOf, smallExplainer } from '../helpers/small-explainer';

/*
 * A date whose day its month does not have, or a time past 23:59, is read by JavaScript as another day (30 February
 * as 2 March) or as no date at all: the checks refuse it at its field, so the page never shows a day the editor did
 * not write.
 */

describe('impossible dates', () => {
	test('a day past the end of its month is refused at its field, in every kind of date', () => {
		const fields = [
			'asOf: 2023-02-30',
			'timeline:',
			'  - date: 2023-11-31',
			'    text: Talks break down.',
			'  - date: 2024-01-10',
			'    text: Talks are announced.',
			'',
		].join('\n');
		expect(problemsOf(smallExplainer(fields))).toEqual([
			'asOf: "2023-02-30" is not a date: February 2023 has 28 days',
			'timeline[0].date: "2023-11-31" is not a date: November 2023 has 30 days',
		]);
		const withRole = `${DANA_REYES}roles:\n  - title: Spokesperson\n    from: 2017-02-29\n`;
		expect(problemsOf(smallExplainer(), { 'dana-reyes': withRole })).toEqual([
			'roles[0].from: "2017-02-29" is not a date: February 2017 has 28 days',
		]);
	});

	test('a moment on a day its month does not have, or past 23:59, is refused', () => {
		const publishedAt = (moment: string) =>
			problemsOf(smallExplainer().replace('published: 2024-01-30T20:00:00Z', `published: ${moment}`));
		expect(publishedAt('2024-02-30T20:00:00Z')).toEqual([
			'published: "2024-02-30T20:00:00Z" is not a date: February 2024 has 29 days',
		]);
		expect(publishedAt('2024-01-30T25:00:00Z')).toEqual([
			'published: "2024-01-30T25:00:00Z" is not a time: hours run from 00 to 23, minutes and seconds from 00 to 59',
		]);
		expect(publishedAt('2024-01-30T20:61:00+01:00')).toHaveLength(1);
	});

	test('the last day of each month, leap days included, is a date', () => {
		const fields = ['timeline:', '  - date: 2020-02-29', '    text: Talks begin.', ''].join('\n');
		expect(problemsOf(smallExplainer(fields))).toEqual([]);
		expect(problemsOf(smallExplainer('updated: 2024-01-31T23:59:59Z\n'))).toEqual([]);
	});
});
