import { describe, expect, test } from 'vitest';
import { checkFiles } from '../../src/checks';
import { parseContentFile } from '../../src/checks/content-files';

/*
 * A date whose day its month does not have, or a time past 23:59, is read by JavaScript as another day (30 February
 * as 2 March) or as no date at all: the checks refuse it at its field, so the page never shows a day the editor did
 * not write. Content of this file's own: one explainer and the actor it lists.
 */

const actor = (yaml: string) => parseContentFile('actors', 'content/actors/dana-reyes.yaml', Buffer.from(yaml));
const ACTOR = 'name: Dana Reyes\nkind: person\nsummary: A spokesperson.\n';

const explainer = (fields: string) =>
	parseContentFile(
		'articles',
		'content/articles/x.mdx',
		Buffer.from(`---
title: Dana Reyes says the talks will resume
dek: An explainer written for the date checks' tests.
published: 2024-01-30T20:00:00Z
sources:
  - name: Wire
topics:
  - Testing
actors:
  - dana-reyes
keyFacts:
  - The talks will resume.
  - Dana Reyes said so.
  - No date is set.
${fields}---

Dana Reyes said the talks would resume.
`),
	);

/** The problems of the explainer with `fields` and the actor, as `field: message`. */
const problems = (fields: string, actorYaml = ACTOR) =>
	checkFiles([explainer(fields), actor(actorYaml)]).map((problem) => `${problem.field}: ${problem.message}`);

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
		expect(problems(fields)).toEqual([
			'asOf: "2023-02-30" is not a date: February 2023 has 28 days',
			'timeline[0].date: "2023-11-31" is not a date: November 2023 has 30 days',
		]);
		const roles = `${ACTOR}roles:\n  - title: Spokesperson\n    from: 2017-02-29\n`;
		expect(problems('', roles)).toEqual(['roles[0].from: "2017-02-29" is not a date: February 2017 has 28 days']);
	});

	test('a moment on a day its month does not have, or past 23:59, is refused', () => {
		const at = (published: string) =>
			checkFiles([
				parseContentFile(
					'articles',
					'content/articles/x.mdx',
					Buffer.from(explainer('').text.replace('2024-01-30T20:00:00Z', published)),
				),
				actor(ACTOR),
			]).map((problem) => `${problem.field} ${problem.line}: ${problem.message}`);
		expect(at('2024-02-30T20:00:00Z')).toEqual([
			'published 4: "2024-02-30T20:00:00Z" is not a date: February 2024 has 29 days',
		]);
		expect(at('2024-01-30T25:00:00Z')).toEqual([
			'published 4: "2024-01-30T25:00:00Z" is not a time: hours run from 00 to 23, minutes and seconds from 00 to 59',
		]);
		expect(at('2024-01-30T20:61:00+01:00')).toHaveLength(1);
	});

	test('the last day of each month, leap days included, is a date', () => {
		const fields = ['timeline:', '  - date: 2020-02-29', '    text: Talks begin.', ''].join('\n');
		expect(problems(fields)).toEqual([]);
		expect(problems('updated: 2024-01-31T23:59:59Z\n')).toEqual([]);
	});
});
