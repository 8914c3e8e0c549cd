import { describe, expect, test } from 'vitest';
import { checkContent, checkFiles } from '../../src/checks';
import { parseContentFile } from '../../src/checks/content-files';
import { describeProblems, formatProblem, type Problem } from '../../src/checks/problem';

/*
 * The checks' behaviour is tested on content of this file's own: an explainer and the actors it lists. The real
 * content changes as editors add and edit explainers, so it is only checked for being valid, whatever it holds.
 */

const actor = (id: string, yaml = `name: ${id}\nkind: person\nsummary: Someone.\n`) =>
	parseContentFile('actors', `content/actors/${id}.yaml`, Buffer.from(yaml));
const article = (text: string, path = 'content/articles/x.mdx') =>
	parseContentFile('articles', path, Buffer.from(text));

/** The actors the fixture explainer lists: one of them named in the story only by an alias ("Tehran"). */
const ACTORS = () => [
	actor(
		'pentagon',
		'name: Pentagon\nkind: government-agency\nsummary: The headquarters of the US Department of Defense.\n',
	),
	actor(
		'pat-ryder',
		'name: Pat Ryder\nkind: person\naliases:\n  - Ryder\nsummary: The Pentagon’s spokesman.\nroles:\n  - title: Pentagon spokesman\n    organization: pentagon\n',
	),
	actor('iran', 'name: Iran\nkind: country\naliases:\n  - Tehran\nsummary: A country that backs the armed groups.\n'),
];

/** A valid explainer: every check passes on it with {@link ACTORS}. */
const EXPLAINER = `---
title: The Pentagon says it will respond
dek: >-
  An explainer written for the content checks' tests, which break it one way at a time.
published: 2024-01-30T20:00:00Z
sources:
  - name: Wire
topics:
  - Testing
actors:
  - pentagon
  - pat-ryder
  - iran
keyFacts:
  - The Pentagon says the United States will respond to the attacks.
  - Its spokesman, Pat Ryder, gave no date.
  - The response has no date yet.
quotes:
  - id: ryder-response
    speaker: pat-ryder
    text: We will respond at the opportune moment of our choosing
    setting: press-conference
    pull: true
---

The Pentagon spokesman Pat Ryder said the United States would respond to the attacks on its forces. “We will respond at the opportune moment of our choosing,” Ryder said.

With support from Tehran, the armed groups have carried out more than 150 attacks.
`;

/** The line (from 1) of the fixture's text that `matches`; fails when none does. */
function lineOf(text: string, matches: (line: string) => boolean): number {
	const index = text.split('\n').findIndex(matches);
	if (index < 0) throw new Error('the fixture has no such line');
	return index + 1;
}

/** The fixture with `find` replaced; fails when `find` is not in it, so a fixture edit cannot void a test. */
function broken(find: string, replace: string, text = EXPLAINER): string {
	if (!text.includes(find)) throw new Error(`"${find}" is not in the fixture`);
	return text.replace(find, replace);
}

describe('content checks', () => {
	test('find nothing wrong with the content, however many explainers and actors it holds', () => {
		expect(checkContent('content').map(formatProblem)).toEqual([]);
	});

	test('find nothing wrong with this file’s fixture explainer and its actors', () => {
		expect(checkFiles([article(EXPLAINER), ...ACTORS()]).map(formatProblem)).toEqual([]);
	});

	test('name the file, line, column and field of an unknown actor, with the likely intended id', () => {
		const text = broken('    speaker: pat-ryder', '    speaker: pat-rider');
		const line = lineOf(text, (candidate) => candidate === '    speaker: pat-rider');
		const problems = checkFiles([article(text), ...ACTORS()]);
		expect(problems.map(formatProblem)).toEqual([
			`content/articles/x.mdx:${line}:5 quotes[0].speaker: no actor "pat-rider" — did you mean "pat-ryder"?\n    → change it to "pat-ryder"`,
		]);
	});

	test('point an explainer still listing a renamed actor file’s old id to the actors’ files before a new one', () => {
		const [pentagon, ryder] = ACTORS();
		const renamed = actor('persia', 'name: Iran\nkind: country\naliases:\n  - Tehran\nsummary: A country.\n');
		const problems = checkFiles([article(EXPLAINER), pentagon!, ryder!, renamed]);
		expect(problems.filter((problem) => problem.field === 'actors[2]').map(formatProblem)).toEqual([
			`content/articles/x.mdx:${lineOf(EXPLAINER, (line) => line === '  - iran')}:5 actors[2]: no actor "iran"\n` +
				'    → use the file name of an actor in content/actors/, without .yaml (its new name, if the file was ' +
				'renamed), or add content/actors/iran.yaml (npm run new:actor -- "Name")',
		]);
	});

	test('name the alias too long to find in the stories, at its line', () => {
		const long = 'Islamic Resistance '.repeat(11).trim();
		const yaml = `name: Iran\nkind: country\naliases:\n  - Tehran\n  - ${long}\nsummary: A country.\n`;
		const problems = checkFiles([article(EXPLAINER), ...ACTORS().slice(0, 2), actor('iran', yaml)]);
		expect(problems.map(formatProblem)).toEqual([
			`content/actors/iran.yaml:5:5 aliases[1]: a name of ${long.length} characters is too long to find in the stories\n    → shorten it to 200 characters or fewer; say the rest in \`summary\``,
		]);
	});

	test('report every problem in one run, in file order', () => {
		const text = broken(
			'published: 2024-01-30T20:00:00Z',
			"published: '2024-01-30'",
			broken('  - iran\n', '  - irann\n', broken('title: The Pentagon', 'headline: The Pentagon')),
		);
		const problems = checkFiles([article(text), ...ACTORS()]);
		const headline = lineOf(text, (line) => line.startsWith('headline:'));
		expect(problems.map((problem) => [problem.line, problem.field, problem.message])).toEqual([
			[headline, 'title', 'is required but missing'],
			[headline, 'headline', 'unknown field `headline`'],
			[
				lineOf(text, (line) => line.startsWith('published:')),
				'published',
				expect.stringContaining('write a date and time with a time zone'),
			],
			// Not also "Tehran" naming an unlisted "iran": the misspelt entry is the one mistake.
			[lineOf(text, (line) => line === '  - irann'), 'actors[2]', 'no actor "irann" — did you mean "iran"?'],
		]);
	});

	test('say in plain words what a field holds and what it takes, where zod’s own wording would show', () => {
		const text = broken(
			'    setting: press-conference',
			'    setting: press-conferense',
			broken(
				'  - Its spokesman, Pat Ryder, gave no date.',
				'  - Its spokesman: Pat Ryder, who gave no date.',
				broken('topics:\n  - Testing\n', 'topics: []\n'),
			),
		);
		const problems = checkFiles([article(text), ...ACTORS()]);
		expect(problems.map((problem) => [problem.field, problem.message, problem.hint])).toEqual([
			['topics', 'lists 0 items; it takes at least 1', 'add 1 more'],
			[
				'keyFacts[1]',
				'should be text, not fields: YAML reads a word followed by a colon as a field name',
				expect.stringContaining('put the whole text in quotes'),
			],
			[
				'quotes[0].setting',
				'"press-conferense" is not one of the values it takes — did you mean "press-conference"?',
				'change it to "press-conference"',
			],
		]);
		expect(problems.map((problem) => problem.message).join('\n')).not.toMatch(/Invalid|Too (?:small|big)|expected/);
	});

	test('report an actor’s empty name at its file, and not also the explainers that list it as never named', () => {
		const nameless = actor('iran', 'name: ""\nkind: country\nsummary: A country.\n');
		const problems = checkFiles([article(EXPLAINER), ...ACTORS().slice(0, 2), nameless]);
		expect(problems.map((problem) => [problem.file, problem.field, problem.message])).toEqual([
			['content/actors/iran.yaml', 'name', 'is empty'],
		]);
	});

	test('reject an update dated before the first publication, at the `updated` field', () => {
		const text = broken(
			'published: 2024-01-30T20:00:00Z',
			'published: 2024-01-30T20:00:00Z\nupdated: 2024-01-29T08:00:00Z',
		);
		const [problem] = checkFiles([article(text), ...ACTORS()]);
		expect(problem).toMatchObject({
			file: 'content/articles/x.mdx',
			line: lineOf(text, (line) => line.startsWith('updated:')),
			column: 1,
			field: 'updated',
		});
		expect(problem?.message).toMatch(/before `published`/);
	});

	test('reject the second of two files whose names give the same slug, naming the first', () => {
		const problems = checkFiles([
			article(EXPLAINER, 'content/articles/story.mdx'),
			article(EXPLAINER, 'content/articles/Story.mdx'),
			...ACTORS(),
		]);
		expect(problems.map((problem) => [problem.file, problem.message])).toEqual([
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

	test.each([
		['an unclosed quote', 'name: "Pat Ryder\n', 1, 'YAML syntax error: '],
		['a tab as indentation', 'name: Pat Ryder\nkind: person\naliases:\n\t- Ryder\n', 4, 'YAML syntax error: '],
	])('report an actor file with %s once, not as never named in the stories that list it', (_, yaml, line, gist) => {
		const [pentagon, , iran] = ACTORS();
		const problems = checkFiles([article(EXPLAINER), pentagon!, actor('pat-ryder', yaml), iran!]);
		expect(problems.map((problem) => [problem.file, problem.line, problem.message])).toEqual([
			['content/actors/pat-ryder.yaml', line, expect.stringContaining(gist)],
		]);
	});

	test('report an explainer with no story once, not its quotes, claims and actors as missing from the story', () => {
		const claim = [
			'claims:',
			'  - id: ryder-response',
			'    claimant: pat-ryder',
			'    quote: We will respond at the opportune moment of our choosing',
			'    status: claimed',
			'    sources: [Wire]',
			'---',
		].join('\n');
		const withClaim = broken('pull: true\n---', `pull: true\n${claim}`);
		expect(checkFiles([article(withClaim), ...ACTORS()]).map(formatProblem)).toEqual([]);
		const text = withClaim.slice(0, withClaim.indexOf('\n---\n', 4) + '\n---\n'.length);
		const problems = checkFiles([article(text), ...ACTORS()]);
		expect(problems.map((problem) => [problem.file, problem.line, problem.message])).toEqual([
			['content/articles/x.mdx', text.split('\n').length, 'the article has frontmatter but no story'],
		]);
	});

	test('report the story’s MDX syntax error with the frontmatter’s YAML syntax error, both at once', () => {
		const text = broken(
			'dek: >-',
			'dek: "unclosed',
			broken('With support from Tehran', 'With support from <Mention>Tehran'),
		);
		const problems = checkFiles([article(text), ...ACTORS()]);
		expect(problems.map((problem) => [problem.line, problem.message.split(':')[0]])).toEqual([
			[lineOf(text, (line) => line.startsWith('dek:')), 'YAML syntax error'],
			[lineOf(text, (line) => line.startsWith('With support from')), 'MDX syntax error'],
		]);
	});

	test.each([
		['an actor’s page', '/actors/pat-rider/', '/actors/pat-ryder/', '"/actors/pat-ryder/"'],
		[
			'an explainer',
			'/explainers/pentagon-sayz/#timeline',
			'/explainers/pentagon-says/',
			'"/explainers/pentagon-says/#timeline"',
		],
	])('suggest the page a link to %s that does not exist likely meant', (_, url, meant, corrected) => {
		const text = broken('With support from Tehran', `With support from [Tehran](${url})`);
		const line = lineOf(text, (candidate) => candidate.startsWith('With support from'));
		const problems = checkFiles([article(text, 'content/articles/pentagon-says.mdx'), ...ACTORS()]);
		expect(problems.map(formatProblem)).toEqual([
			`content/articles/pentagon-says.mdx:${line}:19 link to "${url}": no such page on this site — did you mean "${meant}"?\n` +
				`    → change the link to ${corrected}`,
		]);
	});

	test.each(['/actors/iran/', '/actors/', '/topics/', '/topics/testing/', '/search/', '/'])(
		'accept a link to a page the site has: %s',
		(url) => {
			const text = broken('With support from Tehran', `With support from [Tehran](${url})`);
			expect(checkFiles([article(text), ...ACTORS()]).map(formatProblem)).toEqual([]);
		},
	);

	test('refuse a link to a topic no explainer has', () => {
		const text = broken('With support from Tehran', 'With support from [Tehran](/topics/tehran/)');
		expect(checkFiles([article(text), ...ACTORS()]).map((problem) => problem.message)).toEqual([
			'link to "/topics/tehran/": no such page on this site',
		]);
	});

	test('say which component a story may use when it uses another, and how to keep its words without it', () => {
		const text = broken('the armed groups have', 'the armed groups <Callout>have</Callout>');
		const line = lineOf(text, (candidate) => candidate.startsWith('With support from Tehran'));
		expect(checkFiles([article(text), ...ACTORS()]).map(formatProblem)).toEqual([
			`content/articles/x.mdx:${line}:44 there is no <Callout> component for stories: the only one is <Mention>\n` +
				'    → delete the <Callout> tags and keep the words between them, in **bold** or _italic_ if they should ' +
				'stand out; to link an actor, write <Mention actor="id">…</Mention>',
		]);
	});

	test('report a stray `{` at the brace itself, not where its paragraph ends, with how to escape it', () => {
		const text = broken(
			'With support from Tehran, the armed groups have carried out more than 150 attacks.',
			'With support from Tehran {/* a note */}, the armed groups { have carried out\nmore than 150 attacks.',
		);
		const line = lineOf(text, (candidate) => candidate.startsWith('With support from Tehran'));
		expect(checkFiles([article(text), ...ACTORS()])).toEqual([
			{
				severity: 'error',
				file: 'content/articles/x.mdx',
				line,
				column: text.split('\n')[line - 1]!.lastIndexOf('{') + 1,
				message: 'MDX syntax error: this `{` has no `}` to close it',
				hint: 'delete it if it was typed by mistake; to show a brace in the text, write it as `\\{`',
			},
		]);
	});

	test.each([
		{
			mistake: 'a `{` that a later `}` closes around words',
			replace: 'the armed groups { have carried out } more than',
			at: '{',
			message: 'MDX syntax error: the words after this `{` are read as code, which they are not',
			hint: 'to show braces in the text, write them as `\\{` and `\\}`',
		},
		{
			mistake: 'a `<` before a number',
			replace: 'the armed groups have carried out <151 attacks, more than',
			at: '<',
			message: 'MDX syntax error: this `<` starts a tag that the text after it does not finish',
			hint: 'to show `<` in the text, write it as `\\<`; a tag is written whole, e.g. <Mention actor="id">…</Mention>',
		},
		{
			mistake: 'a tag left open',
			replace: 'the armed groups <Mention actor="iran">have carried out more than',
			at: '<',
			message: 'MDX syntax error: <Mention> is not closed in its paragraph',
			hint: 'add </Mention> where the words it wraps end, in the same paragraph',
		},
	])('report $mistake at that character, in plain words, with how to fix it', ({ replace, at, message, hint }) => {
		const text = broken('the armed groups have carried out more than', replace);
		const line = lineOf(text, (candidate) => candidate.startsWith('With support from Tehran'));
		expect(checkFiles([article(text), ...ACTORS()])).toEqual([
			{
				severity: 'error',
				file: 'content/articles/x.mdx',
				line,
				column: text.split('\n')[line - 1]!.indexOf(at) + 1,
				message,
				hint,
			},
		]);
	});

	test.each([
		{
			mistake: 'a tab as indentation',
			find: '    speaker: pat-ryder',
			replace: '\tspeaker: pat-ryder',
			column: 1,
			message: 'YAML syntax error: this line is indented with a tab, and YAML indents with spaces only',
			hint: 'replace the tab with spaces, lined up with the lines around it; the lines after it may be fine once this is fixed',
		},
		{
			mistake: 'a key indented 5 spaces instead of 4',
			find: '    speaker: pat-ryder',
			replace: '     speaker: pat-ryder',
			column: 1,
			message: 'YAML syntax error: this line is indented 5 spaces, more than the field above it (4)',
			hint: "indent it as the field above it, with 4 spaces: as it is, YAML reads it as part of that field's value; the lines after it may be fine once this is fixed",
		},
		{
			mistake: 'an unclosed quote',
			find: 'title: The Pentagon says it will respond',
			replace: 'title: "The Pentagon says it will respond',
			column: 8,
			message: 'YAML syntax error: the " that opens this value is never closed',
			hint: 'add a closing " at the end of the value',
		},
		{
			mistake: 'a field written twice',
			find: 'published: 2024-01-30T20:00:00Z',
			replace: 'published: 2024-01-30T20:00:00Z\ntitle: Again',
			column: 1,
			message: 'YAML syntax error: `title` is written twice: it is already on line 2',
			hint: 'remove one of the two `title:`, keeping the value you mean',
		},
	])('report $mistake in the frontmatter as one problem, at its line, in plain words', (mistake) => {
		const text = broken(mistake.find, mistake.replace);
		const line = lineOf(text, (candidate) => candidate === mistake.replace.split('\n').at(-1));
		expect(checkFiles([article(text), ...ACTORS()])).toEqual([
			{
				severity: 'error',
				file: 'content/articles/x.mdx',
				line,
				column: mistake.column,
				message: mistake.message,
				hint: mistake.hint,
			},
		]);
	});

	test('report YAML syntax errors at their line instead of the end of the frontmatter', () => {
		const text = broken('dek: >-', 'dek: "unclosed');
		const [problem] = checkFiles([article(text)]);
		expect(problem).toMatchObject({
			line: lineOf(text, (line) => line.startsWith('dek:')),
			column: 6,
			message: expect.stringMatching(/^YAML syntax error: .*never closed/),
		});
	});
});

describe('the report', () => {
	const problem = (severity: Problem['severity'], message: string): Problem => ({
		severity,
		file: 'content/articles/x.mdx',
		line: 3,
		column: 1,
		message,
	});

	test('lists the errors first and the warnings under a line of their own, which colour alone would not tell', () => {
		expect(
			describeProblems([problem('warning', 'a name is not listed'), problem('error', 'no actor "x"')]).split('\n'),
		).toEqual([
			'1 error and 1 warning in the content:',
			'content/articles/x.mdx:3:1 no actor "x"',
			'Warnings, which do not stop the build:',
			'content/articles/x.mdx:3:1 a name is not listed',
		]);
		expect(describeProblems([problem('warning', 'a name is not listed')]).split('\n')).toEqual([
			'0 errors and 1 warning in the content:',
			'content/articles/x.mdx:3:1 a name is not listed',
		]);
	});
});
