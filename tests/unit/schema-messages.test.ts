import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { checkContext } from '../../src/checks/check';
import { parseContentFile, type Collection } from '../../src/checks/content-files';
import { formatProblem } from '../../src/checks/problem';
import { schemaCheck } from '../../src/checks/schema-check';
import { BAD_CONTENT_FIXTURES } from '../helpers/bad-content';

/**
 * What the schema check says of one mistake in a file of the bad-content base, e.g. `actors/ostland.yaml`: every
 * problem it reports, in full, so a test also fails when a mistake gets a second, wrong problem.
 */
function problems(file: string, find: string, replace: string): string[] {
	const text = readFileSync(join(BAD_CONTENT_FIXTURES, '_base', file), 'utf8');
	if (!text.includes(find)) throw new Error(`"${find}" is not in ${file}`);
	const collection = file.split('/')[0] as Collection;
	const parsed = parseContentFile(collection, file, Buffer.from(text.replace(find, replace)));
	return schemaCheck(checkContext([parsed], () => undefined)).map(formatProblem);
}

const missing = (where: string, field: string) =>
	`${where} ${field}: is required but missing\n` +
	`    → add \`${field.replace(/.*\./, '')}:\` — see docs/editing.md for what it takes`;

describe('the schema check', () => {
	test('says a misspelt field is the field it means, once, not also missing or "undefined"', () => {
		expect(problems('articles/story.mdx', '    setting: statement', '    settting: statement')).toEqual([
			'articles/story.mdx:21:5 quotes[0].settting: unknown field `settting` — did you mean "setting"?\n' +
				'    → rename it to `setting`',
		]);
		expect(problems('actors/northern-front.yaml', 'relation: led-by', 'relaton: led-by')).toEqual([
			'actors/northern-front.yaml:7:5 affiliations[0].relaton: unknown field `relaton` — did you mean "relation"?\n' +
				'    → rename it to `relation`',
		]);
	});

	test.each([
		{ file: 'actors/ostland.yaml', find: 'kind: country\n', at: '1:1', field: 'kind' },
		{ file: 'places/valletta.yaml', find: 'kind: city\n', at: '1:1', field: 'kind' },
		{ file: 'places/valletta.yaml', find: 'country: Malta', at: '1:1', field: 'country' },
		{
			file: 'actors/ostland.yaml',
			find: 'summary: A country that doubts the Northern Front.',
			at: '1:1',
			field: 'summary',
		},
		{ file: 'articles/story.mdx', find: 'date: 2020\n    ', at: '25:5', field: 'timeline[0].date' },
	])('says $field is missing when it is left out of $file', ({ file, find, at, field }) => {
		expect(problems(file, find, '')).toEqual([missing(`${file}:${at}`, field)]);
	});

	test('says a field with fixed values written with none is empty, not "null"', () => {
		const claim =
			'claims:\n  - id: front-pause\n    claimant: dana-reyes\n    quote: We pause\n    status:\n    sources: [Wire]\n';
		expect(problems('articles/story.mdx', 'timeline:\n', `${claim}timeline:\n`)).toEqual([
			'articles/story.mdx:28:5 claims[0].status: is empty\n' +
				'    → write one of: claimed, disputed, denied, confirmed, not-independently-verified',
		]);
		expect(problems('actors/ostland.yaml', 'kind: country', 'kind:')).toEqual([
			'actors/ostland.yaml:2:1 kind: is empty\n' +
				'    → write one of: person, armed-group, coalition, government, government-agency, military, organization, country',
		]);
	});

	test('says a claim without a status is missing one', () => {
		const claim = 'claims:\n  - id: front-pause\n    claimant: dana-reyes\n    quote: We pause\n    sources: [Wire]\n';
		expect(problems('articles/story.mdx', 'timeline:\n', `${claim}timeline:\n`)).toEqual([
			missing('articles/story.mdx:25:5', 'claims[0].status'),
		]);
	});

	test.each(['30/01/2024', '30-01-2024T20:00:00Z', '2024-01-30 8pm GMT'])(
		'says once how to write a date and time written as %s',
		(written) => {
			const advice = (field: string) =>
				`${field}: write a date and time with a time zone, e.g. 2024-01-30T20:00:00Z\n` +
				`    → see \`${field}\` in the field reference of docs/editing.md`;
			const published = 'published: 2024-03-01T12:00:00Z\n';
			const corrections = `corrections:\n  - date: ${written}\n    text: A fix.\n`;
			expect(
				problems('articles/story.mdx', published, `published: ${written}\nupdated: ${written}\n${corrections}`),
			).toEqual([
				`articles/story.mdx:4:1 ${advice('published')}`,
				`articles/story.mdx:5:1 ${advice('updated')}`,
				`articles/story.mdx:7:5 ${advice('corrections[0].date')}`,
			]);
		},
	);
	describe('reports a field that takes several forms in the form it was written in', () => {
		const summary = 'summary: A country that doubts the Northern Front.';
		const reference = (field: string) => `    → see \`${field}\` in the field reference of docs/editing.md`;

		test('a list of dated summaries: each item’s problems at their own lines', () => {
			expect(problems('actors/ostland.yaml', summary, 'summary:\n  - txt: A country.\n    from: 2020')).toEqual([
				'actors/ostland.yaml:4:5 summary[0].txt: unknown field `txt` — did you mean "text"?\n' +
					'    → rename it to `text`',
			]);
			expect(problems('actors/ostland.yaml', summary, 'summary:\n  - text: A country.\n    from: 30/01/2024')).toEqual([
				'actors/ostland.yaml:5:5 summary[0].from: "30/01/2024" is not a date: write YYYY, YYYY-MM or YYYY-MM-DD, ' +
					'e.g. 2024-01-28\n    → write it year first: 2024-01-30',
			]);
		});

		test('a list of countries: how many it lists and takes', () => {
			const problem = 'places/valletta.yaml:6:1 country: lists 4 items; it takes at most 3';
			expect(problems('places/valletta.yaml', 'country: Malta', 'country: [Iran, Iraq, Syria, Jordan]')).toEqual([
				`${problem}\n    → remove 1, keeping what matters most`,
			]);
		});

		test.each([
			['summary:\n  text: A country.\n  from: 2020', 'fields: YAML reads a word followed by a colon as a field name'],
			['summary: 42', 'the number 42'],
		])('a value of none of its forms, as %j: the forms it takes', (written, what) => {
			expect(problems('actors/ostland.yaml', summary, written)).toEqual([
				`actors/ostland.yaml:3:1 summary: should be text or a list, not ${what}\n${reference('summary')}`,
			]);
		});
	});

	test.each([
		{
			figure: '  - image: ./photo.jpg\n    alt: ""\n    caption: A photo.\n    credit: AFP\n',
			at: '26:5 figures[0].alt',
		},
		{ figure: '  - caption: A photo.\n    credit: ""\n', at: '26:5 figures[0].credit' },
	])('does not advise leaving out empty text that cannot be: $at', ({ figure, at }) => {
		expect(problems('articles/story.mdx', 'timeline:\n', `figures:\n${figure}timeline:\n`)).toEqual([
			`articles/story.mdx:${at}: is empty\n    → write the text`,
		]);
	});

	test('advises leaving out empty text that may be', () => {
		expect(
			problems(
				'articles/story.mdx',
				'timeline:\n',
				'figures:\n  - alt: ""\n    caption: A photo.\n    credit: AFP\ntimeline:\n',
			),
		).toEqual(['articles/story.mdx:25:5 figures[0].alt: is empty\n    → write the text, or leave the field out']);
	});

	test.each([
		['2023-12-25T10:00:00Z', 'see `asOf` in the field reference of docs/editing.md'],
		['25/12/2023', 'write it year first: 2023-12-25'],
	])('tells asOf written as %s to write the full day', (written, hint) => {
		const published = 'published: 2024-03-01T12:00:00Z\n';
		expect(problems('articles/story.mdx', published, `${published}asOf: ${written}\n`)).toEqual([
			`articles/story.mdx:5:1 asOf: "${written}" is not a date: write the full day as YYYY-MM-DD, e.g. 2023-12-25\n` +
				`    → ${hint}`,
		]);
	});

	test.each([
		['7:5 sources[0].URL', 'url', 'articles/story.mdx', 'name: Wire', 'name: Wire\n    URL: x'],
		['13:1 keyfacts', 'keyFacts', 'articles/story.mdx', 'keyFacts:', 'keyfacts:'],
		['19:5 quotes[0].Speaker', 'speaker', 'articles/story.mdx', 'speaker:', 'Speaker:'],
		['8:5 roles[0].organisation', 'organization', 'actors/dana-reyes.yaml', 'organization:', 'organisation:'],
	])('asks whether the unknown field at %s is %s', (at, meant, file, find, replace) => {
		const written = at.replace(/.*[ .]/, '');
		expect(problems(file, find, replace)).toContain(
			`${file}:${at}: unknown field \`${written}\` — did you mean "${meant}"?\n    → rename it to \`${meant}\``,
		);
	});

	test('says an optional text field written with nothing after it is empty, and may be left out', () => {
		expect(problems('articles/story.mdx', '    pull: true', '    context:\n    pull: true')).toEqual([
			'articles/story.mdx:23:5 quotes[0].context: is empty\n    → write the text, or leave the field out',
		]);
	});

	test('says how to write a dated summary written as text: its words go in `text`', () => {
		expect(
			problems('actors/dana-reyes.yaml', 'summary: The leader of the Northern Front.', 'summary:\n  - The leader.'),
		).toEqual([
			'actors/dana-reyes.yaml:6:5 summary[0]: should be fields, each `name: value` on a line of its own, not text\n' +
				'    → write it as `text: The leader.` after the `- `, with any other fields on lines of their own below; ' +
				'see `summary[0]` in the field reference of docs/editing.md',
		]);
	});

	test.each([
		['state', ''],
		['ctiy', ' — did you mean "city"?'],
	])('suggests a value of a list only a typo away: %s', (written, suggestion) => {
		expect(problems('places/valletta.yaml', 'kind: city', `kind: ${written}`)[0]).toMatch(
			new RegExp(
				`^places/valletta.yaml:2:1 kind: "${written}" is not one of the values it takes${suggestion.replace(/[?"]/g, '\\$&')}\\n`,
			),
		);
	});

	test('suggests the status meant, without listing the statuses twice', () => {
		const claim = 'claims:\n  - id: pause\n    claimant: dana-reyes\n    paraphrase: A pause.\n    sources: [wire]\n';
		expect(
			problems('articles/story.mdx', 'timeline:\n', `${claim}    status: not independently verified\ntimeline:\n`),
		).toEqual([
			'articles/story.mdx:29:5 claims[0].status: "not independently verified" is not a status: write one of ' +
				'claimed, disputed, denied, confirmed, not-independently-verified, as the story reports it — did you mean ' +
				'"not-independently-verified"?\n    → change it to "not-independently-verified"',
		]);
	});

	test('says an empty list may be left out where the field is optional, and not where it is required', () => {
		const list = 'write a list: each item on a line of its own, starting with `- `, indented under the field';
		expect(problems('articles/story.mdx', 'timeline:\n', 'places:\ntimeline:\n')).toEqual([
			`articles/story.mdx:24:1 places: is empty\n    → ${list}, or leave the field out`,
		]);
		expect(problems('articles/story.mdx', 'topics:\n  - Testing\n', 'topics:\n')).toEqual([
			`articles/story.mdx:7:1 topics: is empty\n    → ${list}`,
		]);
	});

	test.each([
		['35,9', 'write 35.9, with a decimal point'],
		['35°54′N', 'write decimal degrees, e.g. 35.9 for 35°54′ (degrees plus minutes ÷ 60), negative south and west'],
	])('says how to write a latitude written as %s', (written, hint) => {
		expect(problems('places/valletta.yaml', 'latitude: 35.9', `latitude: ${written}`)).toEqual([
			`places/valletta.yaml:4:3 coordinates.latitude: should be a number, not text\n    → ${hint}`,
		]);
	});

	test('says to leave out the end of a role that still holds, written as "present"', () => {
		expect(problems('actors/dana-reyes.yaml', '    from: 2020', '    from: 2020\n    to: present')).toEqual([
			'actors/dana-reyes.yaml:10:5 roles[0].to: "present" is not a date: write YYYY, YYYY-MM or YYYY-MM-DD, ' +
				'e.g. 2024-01-28\n    → leave `to` out while it still holds: an item without `to` holds from its `from` on',
		]);
	});

	test.each([
		[
			'  - Ostland doubts the announcement.',
			'  - Ostland says: it is a trick.',
			'16:5 keyFacts[2]',
			'put the whole text in quotes, "like this"',
		],
		['  - ostland\n', '  - ostland:\n', '12:5 actors[2]', 'remove the colon after “ostland”'],
	])('says text that YAML read as a field (%j → %j) is one, and how to keep it text', (find, replace, at, hint) => {
		expect(problems('articles/story.mdx', find, replace)).toEqual([
			`articles/story.mdx:${at}: should be text, not fields: YAML reads a word followed by a colon as a field ` +
				`name\n    → ${hint}`,
		]);
	});

	test.each(['true', '2023.11'])('says a date written as %s is not a date, and how to write one', (written) => {
		expect(problems('articles/story.mdx', '  - date: 2020\n', `  - date: ${written}\n`)).toEqual([
			`articles/story.mdx:25:5 timeline[0].date: ${written} is not a date: write YYYY, YYYY-MM or YYYY-MM-DD, ` +
				'e.g. 2024-01-28\n    → see `timeline[0].date` in the field reference of docs/editing.md',
		]);
	});
});
