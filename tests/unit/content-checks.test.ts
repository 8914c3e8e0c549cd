import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { checkContent, checkFiles } from '../../src/checks';
import { parseContentFile } from '../../src/checks/content-files';
import { formatProblem } from '../../src/checks/problem';

const seedPath = 'content/articles/kataib-hezbollah-suspends-attacks.mdx';
const seed = readFileSync(seedPath, 'utf8');
const actor = (id: string, yaml = `name: ${id}\nkind: person\nsummary: Someone.\n`) =>
	parseContentFile('actors', `content/actors/${id}.yaml`, Buffer.from(yaml));
const article = (text: string, path = 'content/articles/x.mdx') =>
	parseContentFile('articles', path, Buffer.from(text));
/** The ids a list field of the seed's frontmatter holds. */
const seedList = (field: string) =>
	[...(new RegExp(`^${field}:\\n((?: {2}- .+\\n)+)`, 'm').exec(seed)?.[1] ?? '').matchAll(/^ {2}- ([a-z-]+)$/gm)].map(
		(match) => match[1] ?? '',
	);
/** The actor and place files the seed explainer lists, as the checks read them. */
const seedActors = () => [
	...seedList('actors').map((id) => actor(id, readFileSync(`content/actors/${id}.yaml`, 'utf8'))),
	...seedList('places').map((id) =>
		parseContentFile('places', `content/places/${id}.yaml`, readFileSync(`content/places/${id}.yaml`)),
	),
];

describe('content checks', () => {
	test('find nothing wrong with the seed explainer and its actors', () => {
		expect(checkContent('content').map(formatProblem)).toEqual([]);
	});

	test('name the file, line, column and field of an unknown actor, with the likely intended id', () => {
		const broken = seed.replace('    speaker: pat-ryder', '    speaker: pat-rider');
		const line = broken.split('\n').findIndex((text) => text === '    speaker: pat-rider') + 1;
		const problems = checkFiles([article(broken), ...seedActors()]);
		expect(problems.map(formatProblem)).toEqual([
			`content/articles/x.mdx:${line}:5 quotes[4].speaker: no actor "pat-rider" — did you mean "pat-ryder"?\n    → change it to "pat-ryder"`,
		]);
	});

	test('report every problem in one run, in file order', () => {
		const broken = seed
			.replace('title: Kataib', 'headline: Kataib')
			.replace('  - iran\n', '  - irann\n')
			.replace('published: 2024-01-30T20:00:00Z', "published: '2024-01-30'");
		const problems = checkFiles([article(broken), ...seedActors()]);
		const tehranLine = broken.split('\n').findIndex((line) => line.startsWith('With support from Tehran')) + 1;
		expect(problems.map((problem) => [problem.line, problem.field, problem.message])).toEqual([
			[2, 'title', 'is required but missing'],
			[2, 'headline', 'unknown field `headline`'],
			[6, 'published', expect.stringContaining('write a date and time with a time zone')],
			[19, 'actors[3]', 'no actor "irann" — did you mean "iran"?'],
			[tehranLine, undefined, '"Tehran" names the actor "iran", who is not listed in `actors`'],
		]);
	});

	test('reject an update dated before the first publication, at the `updated` field', () => {
		const broken = seed.replace(
			'published: 2024-01-30T20:00:00Z',
			'published: 2024-01-30T20:00:00Z\nupdated: 2024-01-29T08:00:00Z',
		);
		const [problem] = checkFiles([article(broken), ...seedActors()]);
		expect(problem).toMatchObject({ file: 'content/articles/x.mdx', line: 7, column: 1, field: 'updated' });
		expect(problem?.message).toMatch(/before `published`/);
	});

	test('reject two files whose names give the same slug, naming both', () => {
		const problems = checkFiles([
			article(seed, 'content/articles/story.mdx'),
			article(seed, 'content/articles/Story.mdx'),
			...seedActors(),
		]);
		expect(problems.map((problem) => [problem.file, problem.message])).toEqual([
			['content/articles/story.mdx', 'duplicate slug "story": content/articles/Story.mdx has the same id'],
			['content/articles/Story.mdx', 'duplicate slug "story": content/articles/story.mdx has the same id'],
		]);
	});

	test('check references between actors, in roles and affiliations', () => {
		const leader = actor(
			'leader',
			'name: Leader\nkind: person\nsummary: Leads.\nroles:\n  - title: Chief\n    organization: grup\naffiliations:\n  - relation: leads\n    actor: group\n',
		);
		const problems = checkFiles([leader, actor('group')]);
		expect(problems.map((problem) => `${problem.line}:${problem.column} ${problem.field} ${problem.message}`)).toEqual([
			'6:5 roles[0].organization no actor "grup" — did you mean "group"?',
		]);
	});

	test('report YAML syntax errors at their line instead of the end of the frontmatter', () => {
		const broken = seed.replace('dek: >-', 'dek: "unclosed');
		const [problem] = checkFiles([article(broken)]);
		expect(problem).toMatchObject({
			line: 3,
			column: 6,
			message: expect.stringMatching(/^YAML syntax error: .*never closed/),
		});
	});
});
