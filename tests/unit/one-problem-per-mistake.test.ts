import { mkdtempSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { checkContent, checkFiles } from '../../src/checks';
import { parseContentFile, type Collection } from '../../src/checks/content-files';
import { formatProblem } from '../../src/checks/problem';
import { BAD_CONTENT_FIXTURES, badContentFor } from '../helpers/bad-content';

/** Every file of the bad-content base, with texts of some replaced in turn: `[find, replace]` pairs by file. */
function contentWith(edits: Record<string, [find: string, replace: string][]>) {
	const base = join(BAD_CONTENT_FIXTURES, '_base');
	return readdirSync(base, { recursive: true, withFileTypes: true })
		.filter((entry) => entry.isFile())
		.map((entry) => {
			const path = join(entry.parentPath, entry.name).slice(base.length + 1);
			let text = readFileSync(join(base, path), 'utf8');
			for (const [find, replace] of edits[path] ?? []) {
				if (!text.includes(find)) throw new Error(`"${find}" is not in ${path}`);
				text = text.replace(find, replace);
			}
			return parseContentFile(path.split('/')[0] as Collection, path, Buffer.from(text));
		});
}

describe('every check together', () => {
	test.each(['Dana-Reyes', 'Dana Reyes', 'dana_reyes', 'dana-reyse'])(
		'report an actor listed as "%s" once, with the id meant, and nothing it causes elsewhere',
		(written) => {
			const problems = checkFiles(contentWith({ 'articles/story.mdx': [['  - dana-reyes\n', `  - ${written}\n`]] }));
			expect(problems.map(formatProblem)).toEqual([
				`articles/story.mdx:11:5 actors[1]: no actor "${written}" — did you mean "dana-reyes"?\n` +
					'    → change it to "dana-reyes"',
			]);
		},
	);

	test('report a source written as its name alone once, and not at each claim that names it', () => {
		const claim = 'claims:\n  - id: pause\n    claimant: dana-reyes\n    paraphrase: A pause.\n    status: claimed\n';
		const problems = checkFiles(
			contentWith({
				'articles/story.mdx': [
					['  - name: Wire\n', '  - Wire\n'],
					['timeline:\n', `${claim}    sources: [Wire]\ntimeline:\n`],
				],
			}),
		);
		expect(problems.map(formatProblem)).toEqual([
			'articles/story.mdx:6:5 sources[0]: should be fields, each `name: value` on a line of its own, not text\n' +
				'    → write it as `name: Wire` after the `- `, with any other fields on lines of their own below; ' +
				'see `sources[0]` in the field reference of docs/editing.md',
		]);
	});

	test('report a summary that ends before it starts once, not also as no summary holding on the story’s day', () => {
		const problems = checkFiles(
			contentWith({
				'actors/dana-reyes.yaml': [
					[
						'summary: The leader of the Northern Front.',
						'summary:\n  - text: The leader of the Northern Front.\n    from: 2025\n    to: 2020',
					],
				],
			}),
		);
		expect(problems.map(formatProblem)).toEqual([
			'actors/dana-reyes.yaml:8:5 summary[0].to: it ends (2020) before it starts (2025)\n' +
				'    → swap `from` and `to`, or correct the year',
		]);
	});

	test('report a relation recorded one way in one file and the other way in another, unless dated apart', () => {
		const theOtherWay = (dates: string, frontDates = '') =>
			contentWith({
				'actors/dana-reyes.yaml': [
					['roles:', `affiliations:\n  - relation: led-by\n    actor: northern-front${dates}\nroles:`],
				],
				'actors/northern-front.yaml': [['    actor: dana-reyes', `    actor: dana-reyes${frontDates}`]],
			});
		expect(checkFiles(theOtherWay('')).map(formatProblem)).toEqual([
			'actors/northern-front.yaml:7:5 affiliations[0]: “Dana Reyes leads Northern Front”, but ' +
				'actors/dana-reyes.yaml records “Northern Front leads Dana Reyes” for the same time\n' +
				'    → keep the one the sources give and remove the other, or date both with `from` and `to` if each held ' +
				'at a different time',
		]);
		// Led by the group until 2019, then its leader: each held at a different time.
		const problemsOf = (dates: string, frontDates: string) =>
			checkFiles(theOtherWay(dates, frontDates)).map(formatProblem);
		expect(problemsOf('\n    from: 2015\n    to: 2019', '\n    from: 2020')).toEqual([]);
		// Dated by the explainer that reports it (1 March 2024), after the other way round ended.
		expect(problemsOf('\n    reportedIn: story', '\n    to: 2023')).toEqual([]);
		// A handover within a year: the one ends in 2020, the other starts in 2020.
		expect(problemsOf('\n    from: 2015\n    to: 2020', '\n    from: 2020')).toEqual([]);
	});

	test('report an `updated` that is no date once, not also as missing beside a correction', () => {
		const correction =
			'corrections:\n  - date: 2024-03-02T09:00:00Z\n    text: An earlier version gave the wrong day.\n';
		const problems = checkFiles(
			contentWith({ 'articles/story.mdx': [['quotes:\n', `updated: yesterday\n${correction}quotes:\n`]] }),
		);
		expect(problems.map((problem) => `${problem.field}: ${problem.message}`)).toEqual([
			'updated: write a date and time with a time zone, e.g. 2024-01-30T20:00:00Z',
		]);
	});

	test('report each of a story’s MDX mistakes, not only the first MDX stops at', () => {
		const problems = checkFiles(
			contentWith({
				'articles/story.mdx': [
					['said on Friday', 'said on {Friday'],
					['See the [timeline]', 'See <!-- the --> the [timeline]'],
				],
			}),
		);
		expect(problems.map((problem) => `${problem.line}:${problem.column} ${problem.message}`)).toEqual([
			'33:28 MDX syntax error: this `{` has no `}` to close it',
			'37:38 MDX syntax error: an HTML comment `<!-- … -->` cannot be written in MDX',
		]);
	});

	test('take two slogans, each in its quotation marks, for words of the story, not for one quote in marks', () => {
		const slogans = '“No retreat” and “no surrender”';
		const quote = (text: string, chanted = slogans) =>
			checkFiles(
				contentWith({
					'articles/story.mdx': [
						['said its leader, Dana Reyes.', `said its leader, Dana Reyes. Its fighters chanted ${chanted}.`],
						['text: We pause our operations today', `text: ${text}`],
					],
				}),
			).map((problem) => `${problem.field}: ${problem.message}`);
		expect(quote(`'${slogans}'`)).toEqual([]);
		const straight = "'No retreat' and 'no surrender'";
		expect(quote(`"${straight}"`, straight)).toEqual([]);
		expect(quote(`"'We pause our operations today'"`)).toEqual([
			'quotes[0].text: the words are written with quotation marks, which the page adds itself',
		]);
		expect(quote('“We pause our operations today”')).toEqual([
			'quotes[0].text: the words are written with quotation marks, which the page adds itself',
		]);
	});

	test('report a frontmatter YAML cannot read once, not also at the story’s links to the page’s sections', () => {
		const problems = checkFiles(
			contentWith({ 'articles/story.mdx': [['dek: A short', 'dek: A short\ndek: A short']] }),
		);
		expect(problems.map((problem) => `${problem.line}: ${problem.message}`)).toEqual([
			'4: YAML syntax error: `dek` is written twice: it is already on line 3',
		]);
	});

	test.each([
		[
			'articles/story.mdx',
			'timeline:',
			'24: `# timeline:` is a comment, so the lines below it are read as more of `quotes`',
		],
		[
			'actors/dana-reyes.yaml',
			'roles:',
			'6: `# roles:` is a comment, so the lines below it are read as more of `summary`',
		],
	])('report a field whose line alone was put in a comment once, at the comment (%s)', (file, field, reported) => {
		const problems = checkFiles(contentWith({ [file]: [[field, `# ${field}`]] }));
		expect(problems.map((problem) => `${problem.line}: ${problem.message}`)).toEqual([reported]);
	});

	test('take no note in a list, no field commented out whole and no field written elsewhere for a field left out', () => {
		const problems = checkFiles(
			contentWith({
				'articles/story.mdx': [
					['  - id: reyes-pause', '# pulled:\n  - id: reyes-pause'],
					['timeline:\n  - date: 2020', '# corrections:\n#   - date: 2020\ntimeline:\n  - date: 2020'],
					['keyFacts:', '# keyFacts:\n  # the three facts:\nkeyFacts:'],
				],
			}),
		);
		expect(problems).toEqual([]);
	});

	test.each([
		[
			'title: The Northern Front pauses its attacks',
			'title: The Northern Front pauses its attacks #NoPause',
			'2:46 the words from “#NoPause” are read as a YAML comment and left out of the value',
			'put the whole value in quotes, "The Northern Front pauses its attacks #NoPause": in quotes, every character is text',
		],
		[
			'  - Ostland doubts the announcement.',
			'  - &Ostland doubts the announcement.',
			'16:5 “&Ostland” is read as a YAML anchor and left out of the value',
			'put the whole value in quotes, "&Ostland doubts the announcement.": in quotes, every character is text',
		],
		[
			'  - Ostland doubts the announcement.',
			'  - !Ostland doubts the announcement.',
			'16:5 “!Ostland” is read as a YAML tag and left out of the value',
			'put the whole value in quotes, "!Ostland doubts the announcement.": in quotes, every character is text',
		],
		[
			'  - name: Wire',
			'  - name: *AP',
			'6:11 “*AP” is read as a YAML alias, a repeat of a value marked “&AP”, and none is',
			'put the whole value in quotes, "*AP": in quotes, every character is text',
		],
		[
			'  - name: Wire',
			'  - name: &AP',
			'6:11 “&AP” is read as a YAML anchor and left out of the value',
			'put the whole value in quotes, "&AP": in quotes, every character is text',
		],
		[
			'  - name: Wire',
			'  - name: @AP',
			'6:11 YAML syntax error: a value cannot start with “@” in YAML, which keeps it for its own use',
			'put the whole value in quotes, "@AP": in quotes, every character is text',
		],
		[
			'  - name: Wire',
			'  - name: | AP',
			'6:11 YAML syntax error: `|` starts a value written on the lines below it, so the words after it on this line cannot be read',
			'put the whole value in quotes, or write it on the next lines, indented under the field',
		],
	])(
		'report words YAML reads as its markup and leaves out of a value (%j → %j), once',
		(find, replace, reported, hint) => {
			const problems = checkFiles(contentWith({ 'articles/story.mdx': [[find, replace]] }));
			expect(problems.map((problem) => `${problem.line}:${problem.column} ${problem.message}`)).toEqual([reported]);
			expect(problems[0]?.hint).toBe(hint);
		},
	);

	test('take a YAML comment after a space, a quoted #, an aliased anchor and a date’s comment as written', () => {
		const problems = checkFiles(
			contentWith({
				'articles/story.mdx': [
					['title: The Northern Front pauses its attacks', 'title: The Northern Front pauses its attacks # short'],
					['  - Its leader, Dana Reyes, announced the pause.', '  - "Its leader, Dana Reyes, announced the pause. #1"'],
					['  - date: 2020\n', '  - date: 2020 #founded\n'],
					['  - Ostland doubts the announcement.', '  - &doubt Ostland doubts the announcement.'],
					['    text: Fighting grows.', '    text: *doubt'],
				],
			}),
		);
		expect(problems.map((problem) => `${problem.line}:${problem.column} ${problem.message}`)).toEqual([]);
	});

	test.each([
		['We pause -- our operations today', 'We pause — our operations today'],
		['We pause — our operations today', 'We pause -- our operations today'],
	])('take a quote %j as the story’s %j: both print an em dash', (quote, story) => {
		const problems = checkFiles(
			contentWith({
				'articles/story.mdx': [
					['text: We pause our operations today', `text: ${quote}`],
					['“We pause our operations today,”', `“${story},”`],
				],
			}),
		);
		expect(problems).toEqual([]);
	});

	test('report a topic listed twice in other capitals or spacing once, at the second', () => {
		const problems = checkFiles(
			contentWith({
				'articles/story.mdx': [
					['topics:\n  - Testing\n', 'topics:\n  - Testing\n  - testing\n  - Middle  East\n  - Middle East\n'],
				],
			}),
		);
		expect(problems.map((problem) => `${problem.line}:${problem.column} ${problem.message}`)).toEqual([
			'9:5 "testing" is listed twice',
			'11:5 "Middle East" is listed twice',
		]);
	});

	test.each([
		[
			'---\ntitle:',
			'----\ntitle:',
			'1:1 this line, “----”, was meant to open the frontmatter, which takes exactly `---`',
		],
		[
			'pause.\n---\n',
			'pause.\n—\n',
			'31:1 this line, “—”, was meant to close the frontmatter, which takes exactly `---`',
		],
		[
			'pause.\n---\n',
			'pause.\n----\n',
			'31:1 this line, “----”, was meant to close the frontmatter, which takes exactly `---`',
		],
	])('report a frontmatter line written %j → %j at that line', (find, replace, reported) => {
		const problems = checkFiles(contentWith({ 'articles/story.mdx': [[find, replace]] }));
		expect(problems.map((problem) => `${problem.line}:${problem.column} ${problem.message}`)).toEqual([reported]);
	});

	test.each([
		[
			'  - Ostland doubts the announcement.',
			'  - *Ostland* doubts the announcement.',
			'16:5 YAML syntax error: a value cannot start with “*” in YAML, which reads it as a repeat of another value',
		],
		[
			'  - Ostland doubts the announcement.',
			'  – Ostland doubts the announcement.',
			'16:3 YAML syntax error: this list item starts with “–”, where YAML takes a hyphen, `- `',
		],
		[
			'  - Ostland doubts the announcement.',
			'  • Ostland doubts the announcement.',
			'16:3 YAML syntax error: this list item starts with “•”, where YAML takes a hyphen, `- `',
		],
		['  - date: 2024-02\n', '  - date:\n', '27:5 is empty: write YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2024-01-28'],
	])('name what is wrong with %j written as %j', (find, replace, reported) => {
		const problems = checkFiles(contentWith({ 'articles/story.mdx': [[find, replace]] }));
		expect(problems.map((problem) => `${problem.line}:${problem.column} ${problem.message}`)).toEqual([reported]);
	});

	test('report once, at `published`, dates after its UTC day that are not after the day written', () => {
		const problems = checkFiles(
			contentWith({
				'articles/story.mdx': [['published: 2024-03-01T12:00:00Z', 'published: 2024-03-01T08:00:00+09:00']],
			}),
		);
		expect(problems.map((problem) => `${problem.line}:${problem.column} ${problem.message}`)).toEqual([
			'4:1 2024-03-01T08:00:00+09:00 is 2024-02-29 in UTC, the day the site dates the page, so 2 dates of the quotes and timeline (2024-03-01) are after it',
		]);
		expect(problems[0]?.hint).toBe(
			'date them by UTC days (2024-02-29), or give `published` a time that is 2024-03-01 in UTC too, e.g. 2024-03-01T12:00:00Z',
		);
	});

	test('report a field written at the margin below the map it belongs to once, not also as missing there', () => {
		const problems = checkFiles(contentWith({ 'places/valletta.yaml': [['  longitude: 14.51', 'longitude: 14.51']] }));
		expect(problems.map((problem) => `${problem.line}:${problem.column} ${problem.message}`)).toEqual([
			'5:1 `longitude` is a field of `coordinates`, but is not indented under it',
		]);
		expect(problems[0]?.hint).toBe('indent it under `coordinates:` as its other fields are');
	});

	test('tell an editor to name a quoted actor the story never names, not to remove them from `actors`', () => {
		const problems = checkFiles(
			contentWith({
				'articles/story.mdx': [
					['said its leader, Dana Reyes.', 'said its leader.'],
					['  - Its leader, Dana Reyes, announced the pause.', '  - Its leader announced the pause.'],
					['    text: Dana Reyes announces a pause.', '    text: The leader announces a pause.'],
				],
			}),
		);
		expect(problems.map((problem) => problem.hint)).toEqual([
			'name them in the text (add an alias to content/actors/dana-reyes.yaml if the story uses another name, or use ' +
				'<Mention actor="dana-reyes">): they are quoted, so they stay in `actors`',
		]);
	});

	test('report a summary reported in no explainer there is once, at its `reportedIn`, not also as no summary', () => {
		const summary = 'summary:\n  - text: The leader of the Northern Front.\n    reportedIn: stroy\n';
		const problems = checkFiles(
			contentWith({ 'actors/dana-reyes.yaml': [['summary: The leader of the Northern Front.\n', summary]] }),
		);
		expect(problems.map((problem) => `${problem.line}:${problem.column} ${problem.message}`)).toEqual([
			'7:5 no explainer "stroy" — did you mean "story"?',
		]);
	});

	test('name a Cyrillic letter among Latin ones in an id, where "did you mean" would show the same word', () => {
		const problems = checkFiles(
			contentWith({ 'articles/story.mdx': [['    speaker: dana-reyes', '    speaker: dana-re\u0443es']] }),
		);
		expect(problems.map((problem) => problem.message)).toEqual([
			'no actor "dana-re\u0443es": it holds a Cyrillic “\u0443” (U+0443) at character 8, which looks like "y" — did you mean "dana-reyes"?',
		]);
	});

	test('report a list written as one line of text once, not also as too long for a list', () => {
		const keyFacts =
			'keyFacts:\n  - The Northern Front said it would pause its attacks.\n' +
			'  - Its leader, Dana Reyes, announced the pause.\n  - Ostland doubts the announcement.\n';
		const problems = checkFiles(
			contentWith({ 'articles/story.mdx': [[keyFacts, 'keyFacts: The Northern Front paused. Ostland doubts it.\n']] }),
		);
		expect(problems.map((problem) => `${problem.field}: ${problem.message}`)).toEqual([
			'keyFacts: should be a list, not text',
		]);
	});

	test.each([
		['Ostland doubts { the announcement. See', '37:16 MDX syntax error: this `{` has no `}` to close it'],
		['Ostland <em>doubts the announcement. See', '37:9 MDX syntax error: <em> is not closed in its paragraph'],
	])('check the rest of a story MDX cannot read (%j): its quotes, mentions and links', (broken, syntaxError) => {
		const problems = checkFiles(
			contentWith({
				'articles/story.mdx': [
					['text: We pause our operations today', 'text: We pause all our operations today'],
					['Ostland doubts the announcement. See', broken],
				],
			}),
		);
		expect(problems.map((problem) => `${problem.line}:${problem.column} ${problem.message}`)).toEqual([
			'20:5 these words do not appear word for word in the story; the story has “We pause our operations today” ' +
				'at line 33',
			syntaxError,
		]);
	});

	test('find in the paragraphs MDX cannot read what other checks look for: quoted words, names, headings', () => {
		const problems = checkFiles(
			contentWith({
				'articles/story.mdx': [
					['  - Ostland doubts the announcement.', '  - A neighbour doubts the announcement.'],
					['text: We pause our operations today', 'text: doubts the announcement'],
					['said its leader, Dana Reyes.', 'said its leader, Dana Reyes. [Why](#why-it-matters).'],
					['## Why it matters\n\nOstland doubts the', '## Why it matters\nOstland doubts { the'],
				],
			}),
		);
		expect(problems.map((problem) => `${problem.line}:${problem.column} ${problem.message}`)).toEqual([
			'36:16 MDX syntax error: this `{` has no `}` to close it',
		]);
	});

	test.each([
		[
			'actors: [northern-front, dana-reyes ostland]\n',
			'9:26 actors[1]: "dana-reyes ostland" is 2 actors’ ids run together',
		],
		['actors: northern-front, dana-reyes, ostland\n', '9:1 actors: should be a list, not text'],
	])('report a mistyped actors list (%j) once, not also at the quotes and names it lists', (actors, problem) => {
		const listed = 'actors:\n  - northern-front\n  - dana-reyes\n  - ostland\n';
		const problems = checkFiles(contentWith({ 'articles/story.mdx': [[listed, actors]] }));
		expect(problems.map((found) => `${found.line}:${found.column} ${found.field}: ${found.message}`)).toEqual([
			problem,
		]);
	});

	test('report two roles that both start before the story, and neither ends, with the date to add', () => {
		const spokesperson =
			'  - title: Spokesperson of the Northern Front\n    organization: northern-front\n    from: 2020\n';
		const problems = checkFiles(
			contentWith({ 'actors/dana-reyes.yaml': [['    from: 2020', `    from: 2020\n${spokesperson}`]] }),
		);
		expect(problems.map((problem) => `${problem.field}: ${problem.hint}`)).toEqual([
			'roles[0]: both have a `from` date, and neither says which came later: give the one that ended a `to` date',
		]);
	});

	test('report an actor listed with a colon after its id once, not also as named in the story but not listed', () => {
		const problems = checkFiles(contentWith({ 'articles/story.mdx': [['  - ostland\n', '  - ostland:\n']] }));
		expect(problems.map((problem) => `${problem.field}: ${problem.message}`)).toEqual([
			'actors[2]: should be text, not fields: YAML reads a word followed by a colon as a field name',
		]);
	});

	test.each([
		[
			'  - ostland\n',
			'\u00A0\u00A0- ostland\n',
			'12:1 YAML syntax error: this line is indented with a non-breaking space (U+00A0), which YAML does not read as a space',
		],
		[
			'title: The',
			'title:\u00A0The',
			'2:7 YAML syntax error: the space after this field’s colon is a non-breaking space (U+00A0), which YAML does not ' +
				'read as a space',
		],
		[
			'  - dana-reyes\n',
			'  - dana\u200B-reyes\n',
			'11:5 no actor "dana\u200B-reyes": it holds a zero-width space (U+200B) at character 5, which looks like ' +
				'nothing — did you mean "dana-reyes"?',
		],
		[
			'    date: 2024-03-01\n',
			'    date: 2024\u201103-01\n',
			'22:5 "2024\u201103-01" is not a date: write YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2024-01-28',
		],
	])('report a character pasted in that only looks right (%j → %j) as that character', (find, replace, problem) => {
		const problems = checkFiles(contentWith({ 'articles/story.mdx': [[find, replace]] }));
		expect(problems.map((found) => `${found.line}:${found.column} ${found.message}`)).toEqual([problem]);
		expect(problems[0]?.hint).toMatch(/retype it|replace it|change it to "dana-reyes"/);
	});

	test('report an actor file saved again under another name that gives the same id once, at the copy', () => {
		const files = contentWith({});
		const actor = files.find((file) => file.path === 'actors/dana-reyes.yaml');
		const copy = parseContentFile('actors', 'actors/Dana Reyes.yaml', Buffer.from(actor?.text ?? ''));
		expect(checkFiles([...files, copy]).map((problem) => `${problem.file}: ${problem.message}`)).toEqual([
			'actors/Dana Reyes.yaml: duplicate slug "dana-reyes": actors/dana-reyes.yaml has the same id',
		]);
	});

	test('suggest the renamed file of an actor whose new name adds a word to the old', () => {
		const files = contentWith({}).map((file) =>
			file.path === 'actors/dana-reyes.yaml'
				? parseContentFile('actors', 'actors/dana-reyes-leader.yaml', Buffer.from(file.text))
				: file,
		);
		expect(checkFiles(files).map((problem) => `${problem.field}: ${problem.message}`)).toEqual([
			'affiliations[0].actor: no actor "dana-reyes" — did you mean "dana-reyes-leader"?',
			'actors[1]: no actor "dana-reyes" — did you mean "dana-reyes-leader"?',
			'quotes[0].speaker: no actor "dana-reyes" — did you mean "dana-reyes-leader"?',
		]);
	});

	test.each([
		['“We pause our operations from today,”', 'We pause our operations from today'],
		['“We are pausing our operations today,”', 'We are pausing our operations today'],
	])('show the story’s passage a quote differs from (%s), whole', (inStory, passage) => {
		const problems = checkFiles(contentWith({ 'articles/story.mdx': [['“We pause our operations today,”', inStory]] }));
		expect(problems.map((problem) => `${problem.field}: ${problem.message}`)).toEqual([
			`quotes[0].text: these words do not appear word for word in the story; the story has “${passage}” at line 33`,
		]);
	});

	test('report a file with old Mac line endings once, where the first line ends', () => {
		const actor = contentWith({}).find((file) => file.path === 'actors/ostland.yaml');
		const saved = parseContentFile(
			'actors',
			'actors/ostland.yaml',
			Buffer.from((actor?.text ?? '').replace(/\n/g, '\r')),
		);
		const others = contentWith({}).filter((file) => file.path !== 'actors/ostland.yaml');
		expect(
			checkFiles([...others, saved]).map((problem) => `${problem.file}:${problem.line}:${problem.column}`),
		).toEqual([`actors/ostland.yaml:1:${(actor?.text.indexOf('\n') ?? 0) + 1}`]);
	});

	test.each([
		[
			'a paragraph holding a tag and a link',
			'“We <em>pause</em> our operations today,” said [its leader](https://example.org), {Dana Reyes.',
		],
		[
			'a flow element closed after a blank line',
			'<blockquote>\n“We pause our operations today,” <!-- check -->\n\n</blockquote>',
		],
		[
			'a paragraph followed by a code fence',
			'Words <!-- x -->.\n```text\na\n\nb\n```\n\nThe Northern Front: “We pause our operations today,” said Dana Reyes.',
		],
	])('report only the MDX error of %s, not the quote in it or a tag it leaves alone', (_, paragraph) => {
		const problems = checkFiles(
			contentWith({
				'articles/story.mdx': [
					[
						'The Northern Front said on Friday that it would pause its attacks. “We pause our operations today,” said its leader, Dana Reyes.',
						paragraph,
					],
				],
			}),
		);
		expect(problems.map((problem) => problem.message)).toEqual([expect.stringMatching(/^MDX syntax error: /)]);
	});

	test.each([
		// A non-breaking space in valid YAML text above the line YAML cannot read is not that line's mistake.
		[
			'actors/ostland.yaml',
			'summary: A country that doubts the Northern Front.\n',
			'summary: >\n  A country\n  \u00A0that doubts.\naliases\n',
			/Implicit map keys/,
		],
		// A look-alike in a value of the wrong kind is not why it is wrong: a list written as text.
		[
			'articles/story.mdx',
			'keyFacts:\n  - The Northern Front said it would pause its attacks.\n',
			'keyFacts: The Front paused \u2013 Ostland doubts it.\nfacts:\n  - The Northern Front said it would pause its attacks.\n',
			/write a list/,
		],
	])('give the hint of the mistake, not of a pasted character beside it (%s)', (file, find, replace, hint) => {
		const problems = checkFiles(contentWith({ [file]: [[find, replace]] })).filter((problem) => problem.file === file);
		expect(problems[0]?.message.includes('non-breaking') || problems[0]?.hint?.includes('en dash')).toBe(false);
		expect(`${problems[0]?.message} ${problems[0]?.hint}`).toMatch(hint);
	});

	test.each([
		['  - dana-reyes\n', '  - reyes\n', 'actors[1]: no actor "reyes"'],
		[
			'    speaker: dana-reyes',
			'    speaker: dana-reyes northern-front',
			'quotes[0].speaker: no actor "dana-reyes northern-front"',
		],
	])(
		'suggest no other actor for an id that is part of one, or two ids where one goes (%j)',
		(find, replace, message) => {
			const problems = checkFiles(contentWith({ 'articles/story.mdx': [[find, replace]] }));
			expect(problems.map((problem) => `${problem.field}: ${problem.message}`)).toContain(message);
		},
	);

	test('judge no link from another explainer to a heading MDX could not read, nor an unread single-quoted mention', () => {
		const files = contentWith({
			'articles/story.mdx': [
				['  - Ostland doubts the announcement.', '  - A neighbour doubts the announcement.'],
				[
					'## Why it matters\n\nOstland doubts the',
					"## Why it matters\n<Mention actor='ostland'>They</Mention> doubt { the",
				],
			],
		});
		const other = parseContentFile(
			'articles',
			'articles/other.mdx',
			Buffer.from(
				(contentWith({}).find((file) => file.path === 'articles/story.mdx')?.text ?? '')
					.replace('title: The Northern Front pauses its attacks', 'title: Another explainer')
					.replace('See the [timeline](#timeline).', 'See [why](/explainers/story/#why-it-matters).'),
			),
		);
		expect(
			checkFiles([...files, other]).map((problem) => `${problem.file}:${problem.line} ${problem.message}`),
		).toEqual(['articles/story.mdx:36 MDX syntax error: this `{` has no `}` to close it']);
	});

	test.each(['our  \noperations', 'our\\\noperations', 'our<br />operations'])(
		'find a quote across a line break in the story (%j)',
		(broken) => {
			const problems = checkFiles(
				contentWith({ 'articles/story.mdx': [['“We pause our operations today,”', `“We pause ${broken} today,”`]] }),
			);
			expect(problems.map((problem) => problem.message)).toEqual([]);
		},
	);

	test('check the rest of a story past a <br> and a </Mention> in the paragraph after its <Mention>', () => {
		const problems = checkFiles(
			contentWith({
				'articles/story.mdx': [
					['text: We pause our operations today', 'text: We pause all our operations today'],
					[
						'## Why it matters\n\nOstland doubts',
						'A <br> break.\n\n<Mention actor="ostland">Ostland\n\ndoubts</Mention>',
					],
				],
			}),
		);
		expect(problems.map((problem) => `${problem.line}:${problem.column} ${problem.message}`)).toEqual([
			'20:5 these words do not appear word for word in the story; the story has “We pause our operations today” ' +
				'at line 33',
			'35:3 MDX syntax error: <br> must close itself in MDX',
			'37:1 MDX syntax error: <Mention> is not closed in its paragraph',
			'39:7 MDX syntax error: </Mention> closes no tag opened in its paragraph',
		]);
	});

	test.each(['FIXME', 'XXX', 'TK', 'Todo:', 'Lorem ipsum'])('report a note to finish the story, %s', (note) => {
		const problems = checkFiles(contentWith({ 'articles/story.mdx': [['See the', `${note} See the`]] }));
		expect(problems.map((problem) => problem.message)).toEqual([
			`the story still holds “${note}”, a note to finish it`,
		]);
	});

	test.each([
		['We never attack', 'We never attacked', 'We never attack'],
		['We pause our operations today', 'We pause our operations tomorrow', 'We pause our operations today'],
	])('show the passage of the story to the word that differs (%s, quoted as %s)', (story, quoted, passage) => {
		const problems = checkFiles(
			contentWith({
				'articles/story.mdx': [
					['“We pause our operations today,”', `“${story},”`],
					['text: We pause our operations today', `text: ${quoted}`],
				],
			}),
		);
		expect(problems.map((problem) => problem.message)).toEqual([
			`these words do not appear word for word in the story; the story has “${passage}” at line 33`,
		]);
	});

	test('report a quote copied with its Markdown emphasis once, as Markdown, not also as not in the story', () => {
		const problems = checkFiles(
			contentWith({
				'articles/story.mdx': [
					['“We pause our operations today,”', '“We *pause* our operations today,”'],
					['text: We pause our operations today', 'text: We *pause* our operations today'],
				],
			}),
		);
		expect(problems.map((problem) => problem.message)).toEqual([expect.stringMatching(/^`\*pause\*` is Markdown/)]);
	});

	test('tell the actor meant by a misspelt <Mention>, in the hint too', () => {
		const problems = checkFiles(
			contentWith({
				'articles/story.mdx': [
					['Ostland doubts the announcement. See', '<Mention actor="ostlnd">Ostland</Mention> doubts. See'],
				],
			}),
		);
		expect(problems.map((problem) => `${problem.message} → ${problem.hint}`)).toEqual([
			'<Mention actor="ostlnd">: no actor "ostlnd" — did you mean "ostland"? → change it to <Mention actor="ostland">',
		]);
	});

	test('report links and footnotes Markdown would show as typed, and pass those it makes', () => {
		const written = 'Ostland doubts [the Wire][wirre] and[^2] [empty](). Valid: [ref][wire], [sic], a note[^1]. See';
		const problems = checkFiles(
			contentWith({
				'articles/story.mdx': [
					['Ostland doubts the announcement. See', written],
					['(#timeline).\n', '(#timeline).\n\n[wire]: https://example.org/wire\n\n[^1]: A real footnote.\n'],
				],
			}),
		);
		expect(problems.map((problem) => `${problem.line}:${problem.column} ${problem.message}`)).toEqual([
			'37:16 “[the Wire][wirre]” links to [wirre], which no line `[wirre]: https://…` defines',
			'37:37 the footnote [^2] has no text, so readers would see “[^2]”',
			'37:42 this link has no address',
		]);
	});

	test('say a quote differs from the story by its punctuation only, and show the story’s', () => {
		const problems = checkFiles(
			contentWith({
				'articles/story.mdx': [['text: We pause our operations today', 'text: We pause our operations today!']],
			}),
		);
		expect(problems.map((problem) => problem.message)).toEqual([
			'these words do not appear word for word in the story; the story has the same words with other punctuation, ' +
				'“We pause our operations today,” at line 33',
		]);
	});

	test('say a quote differs from the story by its capitals, not its punctuation, when they differ', () => {
		const problems = checkFiles(
			contentWith({
				'articles/story.mdx': [['text: We pause our operations today', 'text: we pause our operations today']],
			}),
		);
		expect(problems.map((problem) => problem.message)).toEqual([
			'these words do not appear word for word in the story; the story has the same words with other capitals, ' +
				'“We pause our operations today,” at line 33',
		]);
	});

	test('check the headings of a story MDX cannot read whole, but for their levels', () => {
		const problems = checkFiles(
			contentWith({
				'articles/story.mdx': [
					['## Why it matters\n\nOstland doubts the', '# Why it matters\n\n#### Details\n\nOstland doubts { the'],
				],
			}),
		);
		expect(problems.map((problem) => `${problem.line}:${problem.column} ${problem.message}`)).toEqual([
			'35:1 "# Why it matters": the headline is the page\'s one `#` heading',
			'39:16 MDX syntax error: this `{` has no `}` to close it',
		]);
	});

	test('send an <img> in the story to `figures`, as a Markdown image is', () => {
		const problems = checkFiles(
			contentWith({ 'articles/story.mdx': [['See the', '<img src="./photo.png" alt="A photo" /> See the']] }),
		);
		expect(problems.map((problem) => `${problem.message} → ${problem.hint}`)).toEqual([
			'<img> is not allowed in a story → a photo or a graphic goes in `figures`, with its `image`, `alt`, `caption` and `credit`',
		]);
	});

	test('report a code fence never closed once, not the quotes and names it swallows', () => {
		const problems = checkFiles(
			contentWith({
				'articles/story.mdx': [['The Northern Front said on Friday', '```\nThe Northern Front said on Friday']],
			}),
		);
		expect(problems.map((problem) => `${problem.line}:${problem.column} ${problem.message}`)).toEqual([
			'33:1 this code fence is never closed, so all of the story after it would show as code',
		]);
		// Closed, it is no problem.
		const closed = '```\ncode\n```\n\nThe Northern Front said on Friday';
		expect(checkFiles(contentWith({ 'articles/story.mdx': [['The Northern Front said on Friday', closed]] }))).toEqual(
			[],
		);
	});

	test('report a <Mention> of an actor not listed once, not also the actor’s name elsewhere in the story', () => {
		const problems = checkFiles(
			contentWith({
				'articles/story.mdx': [
					['  - ostland\n', ''],
					['  - Ostland doubts the announcement.', '  - A neighbour doubts the announcement.'],
					[
						'Ostland doubts the announcement. See',
						'<Mention actor="ostland">Ostland</Mention> doubts. Ostland says so. See',
					],
				],
			}),
		);
		expect(problems.map((problem) => `${problem.severity}: ${problem.message}`)).toEqual([
			'error: <Mention actor="ostland">: "ostland" is not listed in `actors`',
		]);
	});

	test.each([
		['Pro-Ostland voices doubt the announcement.', []],
		['The Ostland-backed voices doubt the announcement.', []],
		[
			'Ostlandish voices doubt the announcement.',
			['"ostland" is listed but never named in the story, key facts, timeline or captions'],
		],
	])('count an actor named in a hyphenated word as named, not in a longer word: %s', (sentence, messages) => {
		const problems = checkFiles(
			contentWith({
				'articles/story.mdx': [
					['  - Ostland doubts the announcement.', '  - A neighbour doubts the announcement.'],
					['Ostland doubts the announcement.', sentence],
				],
			}),
		);
		expect(problems.map((problem) => problem.message)).toEqual(messages);
	});

	test('leave a field’s comparisons and ampersands alone: they are text, not tags or references', () => {
		const problems = checkFiles(
			contentWith({
				'articles/story.mdx': [
					['  - Ostland doubts the announcement.', '  - Ostland says 3 < 4, R&D > 2 & AT&T; it doubts Q&As; and J&J;.'],
				],
			}),
		);
		expect(problems).toEqual([]);
	});

	test('report a template’s TODO left in a date field once, as a note, not also as a date that is not one', () => {
		const problems = checkFiles(
			contentWith({
				'articles/story.mdx': [['published: 2024-03-01T12:00:00Z\n', 'published: 2024-03-01T12:00:00Z\nasOf: TODO\n']],
			}),
		);
		expect(problems.map((problem) => `${problem.field}: ${problem.message}`)).toEqual([
			'asOf: still holds “TODO”, a note to finish it',
		]);
	});

	test.each([
		['−14.51', 'a minus sign (U+2212)'],
		['–14.51', 'an en dash (U+2013)'],
	])('name the dash that makes a number text: %s', (written, character) => {
		const problems = checkFiles(
			contentWith({ 'places/valletta.yaml': [['longitude: 14.51', `longitude: ${written}`]] }),
		);
		expect(problems.map((problem) => [problem.message, problem.hint])).toEqual([
			[
				'should be a number, not text',
				`it holds ${character} at character 1, which looks like "-": replace it with the character you mean`,
			],
		]);
	});

	test.each([
		['title: The', 'title:The', '2:1 YAML syntax error: there is no space after `title:`'],
		['  - dana-reyes\n', '  -dana-reyes\n', '11:3 YAML syntax error: this list item has no space after its `-`'],
		[
			'title: The',
			'title: "We pause" says the',
			'2:8 YAML syntax error: the quotes at the start of this value close before its end, and YAML reads no further',
		],
	])('name the YAML slip in a file with Windows line endings too: %s → %s', (find, replace, reported) => {
		const files = contentWith({ 'articles/story.mdx': [[find, replace]] }).map((file) =>
			file.path === 'articles/story.mdx'
				? parseContentFile('articles', file.path, Buffer.from(file.text.replace(/\n/g, '\r\n')))
				: file,
		);
		expect(checkFiles(files).map((problem) => `${problem.line}:${problem.column} ${problem.message}`)).toEqual([
			reported,
		]);
	});

	test('leave an address on a line of its own to the indentation message, not a missing space after `https:`', () => {
		const problems = checkFiles(
			contentWith({
				'articles/story.mdx': [
					['dek: A short', 'dek: the statement is at\nhttps://front.example/statement\nsummary: A short'],
				],
			}),
		);
		expect(problems.map((problem) => problem.message)).toEqual([
			'YAML syntax error: this line has no `:` after its field name',
		]);
	});

	test('say a hashtag topic is read as a comment, and how to quote it', () => {
		const problems = checkFiles(contentWith({ 'articles/story.mdx': [['  - Testing', '  - #MeToo']] }));
		expect(problems.map((problem) => [problem.message, problem.hint])).toEqual([
			[
				'is empty: YAML reads a `#` after the dash as the start of a comment',
				'put the whole value in quotes: - "#MeToo"',
			],
		]);
	});

	test('report a field left out as missing, though a field of its own begins with its name', () => {
		const claim =
			'claims:\n  - id: pause\n    claimant: dana-reyes\n    paraphrase: A pause.\n    statusBy: ostland\n' +
			'    sources: [Wire]\n';
		const problems = checkFiles(contentWith({ 'articles/story.mdx': [['timeline:\n', `${claim}timeline:\n`]] }));
		expect(problems.map((problem) => `${problem.field}: ${problem.message}`)).toContainEqual(
			'claims[0].status: is required but missing',
		);
	});

	test('report a field written under another name once, with the name it means', () => {
		const problems = checkFiles(
			contentWith({
				'places/valletta.yaml': [
					['  latitude:', '  lat:'],
					['  longitude:', '  lon:'],
				],
			}),
		);
		expect(problems.map((problem) => `${problem.field}: ${problem.message}`)).toEqual([
			'coordinates.lat: unknown field `lat` — did you mean "latitude"?',
			'coordinates.lon: unknown field `lon` — did you mean "longitude"?',
		]);
	});

	test('report an alias that is another actor’s name once, at the alias, whichever file comes first', () => {
		const problems = checkFiles(
			contentWith({ 'actors/northern-front.yaml': [['  - the Front\n', '  - the Front\n  - Ostland\n']] }),
		);
		expect(problems.map((problem) => `${problem.file} ${problem.field}: ${problem.message.split(',')[0]}`)).toEqual([
			expect.stringMatching(/actors\/northern-front\.yaml aliases\[1\]: "Ostland" is also a name of \S+ostland\.yaml$/),
		]);
	});

	test('take an id written as its file name, with the extension, for the id', () => {
		const problems = checkFiles(contentWith({ 'articles/story.mdx': [['  - dana-reyes\n', '  - dana-reyes.yaml\n']] }));
		expect(problems.map((problem) => `${problem.field}: ${problem.message}`)).toEqual([
			'actors[1]: no actor "dana-reyes.yaml" — did you mean "dana-reyes"?',
		]);
	});

	test('say how topic pages are named for a link to a topic no explainer lists', () => {
		const problems = checkFiles(contentWith({ 'articles/story.mdx': [['(#timeline)', '(/topics/iraq/)']] }));
		expect(problems.map((problem) => problem.hint)).toEqual([
			'a topic has a page when an explainer lists it in `topics`: /topics/<topic in lower case, hyphens for spaces>/',
		]);
	});

	test('report a heading underlined with === once, as the editor wrote it, not as a `#` heading never typed', () => {
		const problems = checkFiles(
			contentWith({ 'articles/story.mdx': [['## Why it matters\n', 'Why it matters\n==============\n']] }),
		);
		expect(problems.map((problem) => [problem.message, problem.hint])).toEqual([
			[
				'"Why it matters" is a heading: the line of `===` right under it makes it one',
				'write the heading as `## Why it matters`',
			],
		]);
	});

	test('tell an underlined heading by its lines, not by how its first line starts', () => {
		const story = ['> ## What they said', '#1 reason to doubt\n---'].join('\n\n');
		const problems = checkFiles(contentWith({ 'articles/story.mdx': [['## Why it matters\n', `${story}\n`]] }));
		expect(problems.map((problem) => `${problem.line}:${problem.column} ${problem.message}`)).toEqual([
			'37:1 "#1 reason to doubt" is a heading: the line of `---` right under it makes it one',
		]);
	});

	test('report the headings Markdown makes, or does not make, against what the editor meant', () => {
		const story = [
			'##Why it matters',
			'A paragraph meant to end before a dividing line\n---',
			'##',
			'\\##Escaped on purpose, and #Freedom, a hashtag.',
		].join('\n\n');
		const problems = checkFiles(contentWith({ 'articles/story.mdx': [['## Why it matters\n', `${story}\n`]] }));
		expect(problems.map((problem) => `${problem.line}:${problem.column} ${problem.message}`)).toEqual([
			'35:1 "##Why it matters" shows as text, not a heading: a heading has a space after its `##`',
			'37:1 "A paragraph meant to end before a dividing line" is a heading: the line of `---` right under it makes it one',
			'40:1 "##" is a heading with no words',
		]);
	});

	test('refuse an import without `from`, or without a space before its path', () => {
		const imports = "import '../src/components/SkipLink.astro';\nimport X from'./x.astro';\n";
		const problems = checkFiles(
			contentWith({ 'articles/story.mdx': [['---\n\nThe Northern Front', `---\n\n${imports}\nThe Northern Front`]] }),
		);
		expect(problems.map(formatProblem).map((line) => line.split('\n')[0])).toEqual([
			'articles/story.mdx:33:1 import from "../src/components/SkipLink.astro": a story may not import anything',
			'articles/story.mdx:34:1 import from "./x.astro": a story may not import anything',
		]);
	});

	test('refuse an import of one of the site’s own components, which exists, as any other import', () => {
		// The path is relative to the story as the checks name it (articles/story.mdx): it reaches the real file.
		const component = '../src/components/SkipLink.astro';
		const problems = checkFiles(
			contentWith({
				'articles/story.mdx': [
					['---\n\nThe Northern Front', `---\n\nimport Skip from '${component}';\n\n<Skip />\n\nThe Northern Front`],
				],
			}),
		);
		expect(problems.map((problem) => problem.message)).toEqual([
			`import from "${component}": a story may not import anything`,
			'there is no <Skip> component for stories: the only one is <Mention>',
		]);
	});

	test.each([
		[
			'[the timeline](https://example.com/the timeline.html)',
			'“[the timeline](https://example.com/the timeline.html)” shows as text, not a link: its address has a space',
		],
		[
			'[the timeline](#the timeline)',
			'“[the timeline](#the timeline)” shows as text, not a link: its address has a space',
		],
		[
			'[the timeline] (https://example.com/)',
			'“[the timeline] (https://example.com/)” shows as text, not a link: a space stands between `]` and `(`',
		],
		[
			'[the statement] (https://www.defense.gov/News/Releases/)',
			'“[the statement] (https://www.defense.gov/News/Releases/)” shows as text, not a link: a space stands between `]` and `(`',
		],
		[
			'[the timeline] (https://en.wikipedia.org/wiki/Georgia_(country))',
			'“[the timeline] (https://en.wikipedia.org/wiki/Georgia_(country))” shows as text, not a link: a space stands between `]` and `(`',
		],
	])('report a link Markdown leaves as text, %s, once, where it starts', (written, message) => {
		const problems = checkFiles(contentWith({ 'articles/story.mdx': [['[timeline](#timeline)', written]] }));
		expect(problems.map(formatProblem)).toEqual([expect.stringMatching(/^articles\/story\.mdx:37:42 /)]);
		expect(problems.map((problem) => problem.message)).toEqual([message]);
	});

	test('report every link left as text, and none made of brackets in separate cells, items or escaped', () => {
		const table = '| Year | Note |\n| --- | --- |\n| 2024 [sic] | [1] and more |\n';
		const list = '- He said [sic]\n- [Later] he denied it, as [the wire][wirre] and [the post][postt] said.\n';
		const escaped = 'As \\[Reuters\\] (https://www.reuters.com/) said, [the slogan] (#Freedom) spread.\n';
		const problems = checkFiles(
			contentWith({
				'articles/story.mdx': [['## Why it matters\n', `${table}\n${list}\n${escaped}\n## Why it matters\n`]],
			}),
		);
		expect(problems.map((problem) => problem.message)).toEqual([
			'“[the wire][wirre]” links to [wirre], which no line `[wirre]: https://…` defines',
			'“[the post][postt]” links to [postt], which no line `[postt]: https://…` defines',
		]);
	});

	test('report links left as text beside the addresses GFM links, where each starts', () => {
		const sentence =
			'[The notice] (https://example.org/a) and [www.example.org] (https://example.org/b), *or [press@example.org] ' +
			'(mailto:press@example.org)*; not \\[www.example.org\\] (https://example.org/c).';
		const problems = checkFiles(contentWith({ 'articles/story.mdx': [['See the [timeline](#timeline).', sentence]] }));
		expect(problems.map((problem) => `${problem.line}:${problem.column} ${problem.message.split('”')[0]}”`)).toEqual([
			'37:34 “[The notice] (https://example.org/a)”',
			'37:75 “[www.example.org] (https://example.org/b)”',
			'37:122 “[press@example.org] (mailto:press@example.org)”',
		]);
	});

	test('report a link left as text after an escape or a character reference, on its line or in an item', () => {
		const story =
			'Costs rose 5\\* in a year, as [the report] (https://example.org/report) says.\n\n' +
			'A &amp; B, see [the note] (https://example.org/note) here.\n\n' +
			'- Costs\n  rose \\* again, as [the ledger] (https://example.org/ledger) says.\n\n' +
			'Not \\[the brackets\\] (https://example.org/escaped), shown as typed.\n\n';
		const problems = checkFiles(
			contentWith({ 'articles/story.mdx': [['## Why it matters\n', `${story}## Why it matters\n`]] }),
		);
		expect(problems.map((problem) => `${problem.line}:${problem.column} ${problem.message.split('”')[0]}”`)).toEqual([
			'35:30 “[the report] (https://example.org/report)”',
			'37:16 “[the note] (https://example.org/note)”',
			'40:21 “[the ledger] (https://example.org/ledger)”',
		]);
	});

	test('check links to this site written in full, refuse the editor’s own computer, know actor pages and the feed', () => {
		const links =
			'[a](/actors/dana-reyes/#roles), [b](/rss.xml), [c](https://explainers.example.org/explainers/stroy/), ' +
			'[d](http://localhost:4321/explainers/story/#timeline), [e](https://explainers.example.org/explainers/story/#timeline), ' +
			'[f](/actors/dana-reyes/#rolez) and [g](https://example.org/x).';
		const problems = checkFiles(contentWith({ 'articles/story.mdx': [['See the [timeline](#timeline).', links]] }));
		expect(problems.map((problem) => `${problem.column} ${problem.message}`)).toEqual([
			'81 link to "https://explainers.example.org/explainers/stroy/": no such page on this site — did you mean "/explainers/story/"?',
			'136 link to "http://localhost:4321/explainers/story/#timeline": localhost is the computer it was written on, which readers cannot reach',
			'255 link to "/actors/dana-reyes/#rolez": the page has no anchor "#rolez" — did you mean "#roles"?',
		]);
	});

	test('report a link with no words to show, written in Markdown or as a tag, at its start or address', () => {
		const links = 'See [](https://example.org/a), [ ](#timeline) and <a href="https://example.org/b"></a>.';
		const problems = checkFiles(contentWith({ 'articles/story.mdx': [['See the [timeline](#timeline).', links]] }));
		expect(problems.map((problem) => `${problem.column} ${problem.message}`)).toEqual([
			'38 this link has no words, so readers would find nothing to follow and screen readers an empty link',
			'65 this link has no words, so readers would find nothing to follow and screen readers an empty link',
			'87 this link has no words, so readers would find nothing to follow and screen readers an empty link',
		]);
	});

	test('report a table with no `| --- |` line and bullets pasted as “•”, not a table or a lone bullet', () => {
		const blocks =
			'| Who | Says |\n| Ostland | doubts it |\n\n• first point\n• second point\n\n' +
			'| Real | Table |\n| --- | --- |\n| a | b |\n\n• a lone bullet is text\n\n';
		const problems = checkFiles(
			contentWith({ 'articles/story.mdx': [['## Why it matters\n', `${blocks}## Why it matters\n`]] }),
		);
		expect(problems.map((problem) => `${problem.line}:${problem.column} ${problem.message}`)).toEqual([
			'35:1 these rows between bars show as text: a table needs a line such as `| --- | --- |` under its first row',
			'38:1 these lines start with “•”, which Markdown does not take for a list: they show as one paragraph',
		]);
	});

	test('report a link address written in curly quotes as such, not as a missing page', () => {
		const links = 'See [x](“https://example.org/a”) and [y](“/explainers/story/”).';
		const problems = checkFiles(contentWith({ 'articles/story.mdx': [['See the [timeline](#timeline).', links]] }));
		expect(problems.map((problem) => `${problem.column} ${problem.message} → ${problem.hint}`)).toEqual([
			'38 link to "“https://example.org/a”": the address is in quotes, which it would keep as part of it → write it without them: (https://example.org/a)',
			'71 link to "“/explainers/story/”": the address is in quotes, which it would keep as part of it → write it without them: (/explainers/story/)',
		]);
	});

	test('report a tag whose id the page gives to its own parts, and a source address with a space', () => {
		const story =
			'See <span id="main">the</span> <a id="timeline" href="#timeline">timeline</a> and <span id="my-note">x</span>.';
		const problems = checkFiles(
			contentWith({
				'articles/story.mdx': [
					['See the [timeline](#timeline).', story],
					['  - name: Wire\n', '  - name: Wire\n    url: https://wire.example/a story\n'],
				],
			}),
		);
		expect(problems.map((problem) => `${problem.line}:${problem.column} ${problem.message}`)).toEqual([
			'7:5 an address has no spaces: check that it was copied whole',
			'38:44 <span id="main">: the page already gives this id to a part of the page',
			'38:68 <a id="timeline">: the page already gives this id to the section “How we got here”',
		]);
	});

	test('report a footnote the text never refers to, which the page leaves out, not one it refers to', () => {
		const notes = 'A claim.[^1]\n\n[^1]: The source.\n\n[^note]: A note nobody cites.\n\n';
		const problems = checkFiles(
			contentWith({ 'articles/story.mdx': [['## Why it matters\n', `${notes}## Why it matters\n`]] }),
		);
		expect(problems.map((problem) => `${problem.line}:${problem.column} ${problem.message}`)).toEqual([
			'39:1 the footnote [^note] is never referred to in the text, so the page leaves it out',
		]);
	});

	test('check a link written as a tag as a Markdown link is checked, once, at its address', () => {
		const tags =
			'Read <a HREF="javascript:alert(1)">one</a>, <a href="#timelines">two</a>, <a href="www.example.org">three</a>, ' +
			'<a href={"javascript:alert(2)"}>four</a> and <a href="https://example.org/">five</a>.';
		const problems = checkFiles(contentWith({ 'articles/story.mdx': [['See the [timeline](#timeline).', tags]] }));
		expect(problems.map((problem) => `${problem.column} ${problem.message}`)).toEqual([
			'42 link to "javascript:alert(1)": a story may not link to "javascript:" addresses',
			'81 link to "#timelines": the page has no anchor "#timelines" — did you mean "#timeline"?',
			'111 link to "www.example.org": a web address must start with https://',
			'148 <a href>: the address must be in quotes',
		]);
	});

	test('report bold never closed and a link with no closing parenthesis, not stars the editor escaped', () => {
		const story =
			'Ostland doubts it **strongly, says the Wire. See [the notice](https://example.org/a. Then ** the pause ** ' +
			'and \\*\\*escaped\\*\\*.';
		const problems = checkFiles(
			contentWith({ 'articles/story.mdx': [['Ostland doubts the announcement. See', `${story} See`]] }),
		);
		expect(problems.map((problem) => `${problem.column} ${problem.message}`)).toEqual([
			'19 `**` shows as typed: Markdown found no bold to close here',
			'50 “[the notice](https://example.org/a.” shows as text, not a link: its address has no closing `)`',
			'91 `**` shows as typed: Markdown found no bold to close here',
			'104 `**` shows as typed: Markdown found no bold to close here',
		]);
		expect(problems[1]?.hint).toBe('close it: (https://example.org/a)');
	});

	test('leave editorial brackets and a parenthesis after them alone', () => {
		const problems = checkFiles(
			contentWith({
				'articles/story.mdx': [
					[
						'See the [timeline](#timeline).',
						'It said [the front] (which it did not name) would stop. See the [timeline](#timeline).',
					],
				],
			}),
		);
		expect(problems).toEqual([]);
	});
});

describe('an item pasted into the wrong list', () => {
	test('report a quote pasted under `claims` once, naming the list it belongs to', () => {
		const problems = checkFiles(contentWith({ 'articles/story.mdx': [['quotes:\n', 'claims:\n']] }));
		expect(problems.map(formatProblem)).toEqual([
			'articles/story.mdx:18:5 claims[0]: its fields (id, speaker, text, setting, date, pull) are those of an item of ' +
				'`quotes`, not of `claims`\n' +
				'    → move it under `quotes:`, or write the fields of `claims`: see the field reference of docs/editing.md',
		]);
	});

	test('still name each field of a claim that no other list takes', () => {
		const claim = 'claims:\n  - id: pause\n    claimant: dana-reyes\n    paraphrase: A pause.\n    status: claimed\n';
		const problems = checkFiles(
			contentWith({
				'articles/story.mdx': [['timeline:\n', `${claim}    sources: [Wire]\n    speaker: x\ntimeline:\n`]],
			}),
		);
		expect(problems.map(formatProblem)).toEqual([
			'articles/story.mdx:30:5 claims[0].speaker: unknown field `speaker`\n' +
				'    → check its spelling against docs/editing.md, or remove it',
		]);
	});
});

describe('a file manager’s copy of an entry', () => {
	test.each([
		['file-managers-copy-of-an-explainer', 'articles/story copy.mdx'],
		['file-managers-copy-of-an-actor', 'actors/ostland 2.yaml'],
	])('report %s once, at the copy, and nothing it repeats of the original', (name, copy) => {
		const workspace = mkdtempSync(join(tmpdir(), 'copy-'));
		try {
			const { dir } = badContentFor(name, workspace);
			const problems = checkContent(dir, workspace);
			expect(problems.map((problem) => problem.file)).toEqual([join(name, copy)]);
		} finally {
			rmSync(workspace, { recursive: true, force: true });
		}
	});

	test.each(['story 2.mdx', 'story copy.mdx', 'story - Copy.mdx', 'story (1).mdx'])(
		'leave "%s" an explainer of its own when there is no story.mdx beside it',
		(name) => {
			const workspace = mkdtempSync(join(tmpdir(), 'copy-'));
			try {
				const { dir } = badContentFor('file-managers-copy-of-an-explainer', workspace);
				rmSync(join(dir, 'articles/story.mdx'));
				renameSync(join(dir, 'articles/story copy.mdx'), join(dir, 'articles', name));
				const problems = checkContent(dir, workspace).map(formatProblem);
				expect(problems.join('\n')).not.toContain('looks like a copy');
				expect(problems.join('\n')).toContain(`"${name}" is published as`);
			} finally {
				rmSync(workspace, { recursive: true, force: true });
			}
		},
	);
});

describe('a name typed with a letter of another alphabet', () => {
	test('report the letter where the story names a listed actor only so, not the actor as never named', () => {
		const problems = checkFiles(
			contentWith({
				'articles/story.mdx': [
					['  - Ostland doubts', '  - Оstland doubts'],
					['\nOstland doubts', '\nОstland doubts'],
				],
			}),
		);
		expect(problems.map(formatProblem)).toEqual([
			'articles/story.mdx:37:1 "Оstland" holds a Cyrillic “О” (U+041E) at character 1, which looks like "O": ' +
				'it does not name "ostland"\n' +
				'    → retype the word in Latin letters: a keyboard set to another language types letters that look the same',
		]);
	});

	test('leave a name in another alphabet alone', () => {
		const problems = checkFiles(
			contentWith({
				'actors/ostland.yaml': [['name: Ostland', 'name: Ostland\naliases:\n  - Остланд']],
				'articles/story.mdx': [
					['  - Ostland doubts', '  - Остланд doubts'],
					['\nOstland doubts', '\nОстланд doubts'],
				],
			}),
		);
		expect(problems.map(formatProblem)).toEqual([]);
	});
});

describe('two explainers of one day', () => {
	/** The base explainer again under another slug, of the same day, and a third explainer of that day too. */
	const sameDay = (files: ReturnType<typeof contentWith>, ...slugs: string[]) => {
		const story = files.find((file) => file.path === 'articles/story.mdx')!;
		return [
			...files,
			...slugs.map((slug) =>
				parseContentFile(
					'articles',
					`articles/${slug}.mdx`,
					Buffer.from(
						story.text.replace(
							'title: The Northern Front pauses its attacks',
							`title: The Northern Front pauses its attacks (${slug})`,
						),
					),
				),
			),
		];
	};
	const summaries =
		'summary:\n  - text: The leader of the Northern Front.\n    reportedIn: story\n' +
		'  - text: The leader who announced the pause.\n    reportedIn: pause-day\n';

	test('let each describe an actor in a summary of its own', () => {
		const files = sameDay(
			contentWith({ 'actors/dana-reyes.yaml': [['summary: The leader of the Northern Front.\n', summaries]] }),
			'pause-day',
		);
		expect(checkFiles(files).map(formatProblem)).toEqual([]);
	});

	test('report the two summaries on a third explainer of that day, which reports neither', () => {
		const files = sameDay(
			contentWith({ 'actors/dana-reyes.yaml': [['summary: The leader of the Northern Front.\n', summaries]] }),
			'pause-day',
			'third-day',
		);
		expect(checkFiles(files).map(formatProblem)).toEqual([
			'actors/dana-reyes.yaml:6:5 summary[0]: summary[0] and summary[1] both hold on the date of ' +
				'articles/third-day.mdx (1 March 2024), and their dates cannot say which is current\n' +
				'    → each is tied to an explainer of its own, both of one day: give the older one an earlier `from` date, ' +
				'so the dates say which is current',
		]);
	});
});

describe('a field written at another level than its own', () => {
	test('report a field of the file indented under a list item as misplaced, not as unknown', () => {
		const problems = checkFiles(
			contentWith({
				'articles/story.mdx': [
					[
						'    text: Dana Reyes announces a pause.\n',
						'    text: Dana Reyes announces a pause.\n    dateline: Valletta\n',
					],
				],
			}),
		);
		expect(problems.map(formatProblem)).toEqual([
			'articles/story.mdx:31:5 timeline[2].dateline: `dateline` is a field of the file itself, but is indented ' +
				'under `timeline[2]`\n' +
				'    → move `dateline:` out to the start of the line, as the file’s other fields are, and its lines with it',
		]);
	});

	test('report a field of list items written at the file’s margin as belonging to those items', () => {
		const problems = checkFiles(
			contentWith({ 'actors/dana-reyes.yaml': [['roles:\n', 'reportedIn: story\nroles:\n']] }),
		);
		expect(problems.map(formatProblem)).toEqual([
			'actors/dana-reyes.yaml:6:1 reportedIn: `reportedIn` is a field of each item of `summary`, `roles` or ' +
				'`affiliations`, not of the file itself\n' +
				'    → indent it under the item it belongs to, with that item’s other fields',
		]);
	});
});

describe('a date written in another order or without its zone', () => {
	test.each([
		['    date: 2024-03-01\n', '    date: 25-12-2023\n', '22:5 quotes[0].date', 'write it year first: 2023-12-25'],
		[
			'    date: 2024-03-01\n',
			'    date: 01/03/2024\n',
			'22:5 quotes[0].date',
			'write it year first: 2024-03-01 or 2024-01-03',
		],
		[
			'published: 2024-03-01T12:00:00Z\n',
			'published: 2024-03-01 12:00\n',
			'4:1 published',
			'add its time zone: 2024-03-01T12:00:00Z if the time is UTC, or +01:00 and so on instead of Z',
		],
	])('hint the date "%s" written as "%s" in the order the field takes', (find, replace, where, hint) => {
		const [problem, ...more] = checkFiles(contentWith({ 'articles/story.mdx': [[find, replace]] })).map(formatProblem);
		expect(more).toEqual([]);
		expect(problem).toMatch(new RegExp(`^articles/story\\.mdx:${RegExp.escape(where)}: `));
		expect(problem?.split('\n')[1]).toBe(`    → ${hint}`);
	});
});

describe('two facts the dates cannot order', () => {
	test('say two roles tied to one explainer are, and to tie the newer one to its own', () => {
		const roles =
			'roles:\n  - title: Leader of the Northern Front\n    reportedIn: story\n' +
			'  - title: Spokeswoman of the Northern Front\n    reportedIn: story\n';
		const problems = checkFiles(
			contentWith({
				'actors/dana-reyes.yaml': [
					[
						'roles:\n  - title: Leader of the Northern Front\n    organization: northern-front\n    from: 2020\n',
						roles,
					],
				],
			}),
		);
		expect(problems.map(formatProblem)).toEqual([
			'actors/dana-reyes.yaml:7:5 roles[0]: roles[0] “Leader of the Northern Front” and roles[1] “Spokeswoman of the ' +
				'Northern Front” both hold on the date of articles/story.mdx (1 March 2024), and their dates cannot say which ' +
				'is current\n' +
				'    → both are tied to story: tie the newer one to the explainer that first reports it instead, or give the ' +
				'older one a `to` date',
		]);
	});
});

describe('a date after the explainer’s day', () => {
	test.each([
		[
			'',
			'a quote is reported by the story: check the date; what was said after the explainer’s day belongs in a new explainer (never change `published`)',
		],
		[
			'asOf: 2024-03-01\n',
			'a quote is reported by the story: check the date, or move `asOf` to that day if every fact of the explainer holds as of then',
		],
	])('never advise changing `published` (%j)', (asOf, hint) => {
		const problems = checkFiles(
			contentWith({
				'articles/story.mdx': [
					['published: 2024-03-01T12:00:00Z\n', `published: 2024-03-01T12:00:00Z\n${asOf}`],
					['    date: 2024-03-01\n', '    date: 2024-03-05\n'],
				],
			}),
		).map(formatProblem);
		expect(problems).toHaveLength(1);
		expect(problems[0]?.split('\n')[1]).toBe(`    → ${hint}`);
	});
});

test('read "story 2025.mdx" beside story.mdx as an explainer of its own, not a copy', () => {
	const workspace = mkdtempSync(join(tmpdir(), 'copy-'));
	try {
		const { dir } = badContentFor('file-managers-copy-of-an-explainer', workspace);
		renameSync(join(dir, 'articles/story copy.mdx'), join(dir, 'articles/story 2025.mdx'));
		const problems = checkContent(dir, workspace).map(formatProblem).join('\n');
		expect(problems).not.toContain('looks like a copy');
		// Read as an entry: it repeats the original's headline, which the duplicate check reports.
		expect(problems).toContain('has the same headline');
	} finally {
		rmSync(workspace, { recursive: true, force: true });
	}
});

describe('what a review of the day’s hints found', () => {
	const report = (edits: Parameters<typeof contentWith>[0]) => checkFiles(contentWith(edits)).map(formatProblem);

	test('suggest only days that exist, and the day alone where a field takes no time', () => {
		const [impossible] = report({ 'articles/story.mdx': [['    date: 2024-03-01\n', '    date: 31-02-2024\n']] });
		expect(impossible?.split('\n')[1]).toBe('    → see `quotes[0].date` in the field reference of docs/editing.md');
		const [timed] = report({ 'articles/story.mdx': [['    date: 2024-03-01\n', '    date: 2024-03-01 15:00\n']] });
		expect(timed?.split('\n')[1]).toBe('    → write the day alone: 2024-03-01');
	});

	test('report one stray field of an item as unknown, not the item as pasted into another list', () => {
		const correction = 'corrections:\n  - date: 2024-03-02T09:00:00Z\n    text: A fix.\n    label: Correction\n';
		const problems = report({
			'articles/story.mdx': [
				['published: 2024-03-01T12:00:00Z\n', 'published: 2024-03-01T12:00:00Z\nupdated: 2024-03-02T09:00:00Z\n'],
				['timeline:\n', `${correction}timeline:\n`],
			],
		});
		expect(problems).toHaveLength(1);
		expect(problems[0]).toMatch(/corrections\[0\]\.label: unknown field `label`/);
	});

	test('name the ligature, not an ellipsis that the story has too', () => {
		const problems = report({
			'articles/story.mdx': [
				['    text: We pause our operations today\n', '    text: We pause … our ﬁnal operations today\n'],
				['“We pause our operations today,”', '“We pause … our final operations today,”'],
			],
		});
		expect(problems).toHaveLength(1);
		expect(problems[0]).toContain('the words hold “ﬁ” (U+FB01), where the story has “fi”');
	});

	test('say a name wholly in another alphabet holds its letters, never "undefined"', () => {
		const problems = report({
			'actors/ostland.yaml': [['name: Ostland', 'name: Ostland\naliases:\n  - KOMET']],
			'articles/story.mdx': [
				['  - Ostland doubts', '  - КОМЕТ doubts'],
				['\nOstland doubts', '\nКОМЕТ doubts'],
			],
		});
		expect(problems).toEqual([
			'articles/story.mdx:37:1 "КОМЕТ" holds letters of another alphabet: it does not name "ostland"\n' +
				'    → retype the word in Latin letters: a keyboard set to another language types letters that look the same',
		]);
	});

	test('suggest no other entity for a one-word id that another begins with, as iraq for iraqi-government', () => {
		const problems = report({ 'articles/story.mdx': [['  - northern-front\n', '  - north\n']] });
		expect(problems.find((problem) => problem.includes('no actor "north"'))).not.toContain('did you mean');
	});
});

test('warn of a fact that ends before the explainer that reports it, which no explainer shows as current', () => {
	const problems = checkFiles(
		contentWith({
			'actors/northern-front.yaml': [
				[
					'    actor: dana-reyes\n',
					'    actor: dana-reyes\n  - relation: allied-with\n    actor: ostland\n    to: 2023-12\n    reportedIn: story\n',
				],
			],
		}),
	);
	expect(problems.map(formatProblem)).toEqual([
		'actors/northern-front.yaml:11:5 affiliations[1].to: it ends (December 2023) before the explainer that reports ' +
			'it (story, 1 March 2024), so no explainer shows it as current\n' +
			'    → check the `to` date; if the story reports something that had already ended, keep it: the actor’s ' +
			'page lists it',
	]);
	expect(problems[0]?.severity).toBe('warning');
});
