import { z } from 'astro/zod';
import { describe, expect, test } from 'vitest';
import { readStoryFacts } from '../../src/checks/story-facts/parse';
import { ActorSchema } from '../../src/schemas/actor';
import { ArticleSchema } from '../../src/schemas/article';
import { PlaceSchema } from '../../src/schemas/place';
import { searchRecords, type SearchableContent } from '../../src/search/records';

const article = (fields: Record<string, unknown>) => ArticleSchema(z.string()).parse(fields);

const STORY = [
	'## Why it matters',
	'',
	'<Mention actor="kataib-hezbollah">The group</Mention> said it would *stop*,',
	'the [Pentagon](https://example.org) said.',
	'',
	'- First item',
	'- Second item',
	'',
	'| Date | Place |',
	'| ---- | ----- |',
	'| 28 January | Tower 22 |',
	'',
	'```',
	'code is not text',
	'```',
	'',
	'{1 + 1}',
].join('\n');

const CONTENT: SearchableContent = {
	articles: [
		{
			id: 'suspension',
			story: readStoryFacts({ text: STORY, line: 1 }).readableText,
			data: article({
				title: 'Kataib Hezbollah suspends attacks',
				dek: 'The militia says it will stop.',
				published: '2024-01-30T20:00:00Z',
				sources: [{ name: 'AP' }, { name: 'Reuters' }],
				topics: ['Iraq'],
				actors: ['kataib-hezbollah', 'pat-ryder', 'gone'],
				keyFacts: ['First fact.', 'Second fact.', 'Third fact.'],
				quotes: [{ id: 'stop', speaker: 'pat-ryder', text: 'We will respond', setting: 'briefing' }],
				timeline: [
					{ date: '2024-01-28', text: 'A drone attack kills three soldiers.' },
					{ date: '2003', label: 'More than twenty years ago', text: 'The group is founded.' },
				],
				places: ['tower-22', 'jordan'],
				corrections: [{ date: '2024-01-31T09:00:00Z', text: 'An earlier version misspelt a name.' }],
				figures: [{ caption: 'Smoke over the base', credit: 'Reuters', alt: 'Smoke' }],
			}),
		},
		{
			id: 'earlier',
			story: 'An earlier story.',
			data: article({
				title: 'An earlier explainer',
				dek: 'Before the suspension.',
				published: '2024-01-20T08:00:00Z',
				sources: [{ name: 'EFE' }],
				topics: ['Iraq'],
				actors: ['pat-ryder'],
				keyFacts: ['One.', 'Two.', 'Three.'],
				quotes: [{ id: 'earlier', speaker: 'pat-ryder', text: 'An earlier quote', setting: 'briefing' }],
			}),
		},
	],
	actors: [
		{
			id: 'pat-ryder',
			data: ActorSchema().parse({
				name: 'Pat Ryder',
				kind: 'person',
				aliases: ['Ryder'],
				summary: 'The Pentagon spokesman.',
				roles: [
					{ title: 'Pentagon press secretary', from: '2022-08' },
					{ title: 'Air Force spokesman', from: '2019', to: '2021' },
				],
				affiliations: [{ relation: 'works-for', actor: 'pentagon' }],
			}),
		},
		{
			id: 'kataib-hezbollah',
			data: ActorSchema().parse({ name: 'Kataib Hezbollah', kind: 'armed-group', summary: 'A militia in Iraq.' }),
		},
		{
			id: 'pentagon',
			data: ActorSchema().parse({ name: 'The Pentagon', kind: 'government-agency', summary: 'The US defense HQ.' }),
		},
	],
	places: [
		{
			id: 'tower-22',
			data: PlaceSchema().parse({
				name: 'Tower 22, Jordan',
				kind: 'site',
				coordinates: { latitude: 33.3, longitude: 38.7 },
				country: ['Jordan', 'Syria'],
				approximate: 'The story gives no exact site.',
			}),
		},
		{
			id: 'jordan',
			data: PlaceSchema().parse({
				name: 'Jordan',
				kind: 'country',
				coordinates: { latitude: 31.95, longitude: 35.93 },
				country: 'Jordan',
			}),
		},
	],
};

const recordOf = (url: string) => searchRecords(CONTENT).find((record) => record.url === url);

describe('the search records', () => {
	test('are every explainer by id, then every actor by id, at their addresses from the site’s root', () => {
		expect(searchRecords(CONTENT).map(({ url, title }) => ({ url, title }))).toEqual([
			{ url: '/explainers/earlier/', title: 'An earlier explainer' },
			{ url: '/explainers/suspension/', title: 'Kataib Hezbollah suspends attacks' },
			{ url: '/actors/kataib-hezbollah/', title: 'Kataib Hezbollah' },
			{ url: '/actors/pat-ryder/', title: 'Pat Ryder' },
			{ url: '/actors/pentagon/', title: 'The Pentagon' },
		]);
	});

	test('hold an explainer’s headline, standfirst, key facts, story, places, timeline, who’s who, credits and corrections', () => {
		expect(recordOf('/explainers/suspension/')?.content.split('\n')).toEqual([
			'Kataib Hezbollah suspends attacks.',
			'The militia says it will stop.',
			'First fact.',
			'Second fact.',
			'Third fact.',
			'Why it matters.',
			'The group said it would stop, the Pentagon said.',
			'First item.',
			'Second item.',
			'Date.',
			'Place.',
			'28 January.',
			'Tower 22.',
			'Tower 22, Jordan.',
			'Jordan–Syria.',
			'The story gives no exact site.',
			// A place's country is left out when its name says it: no "Jordan. Jordan."
			'Jordan.',
			'28 January 2024: A drone attack kills three soldiers.',
			'More than twenty years ago: The group is founded.',
			'Kataib Hezbollah.',
			'Armed group.',
			'A militia in Iraq.',
			'Pat Ryder.',
			'Pentagon press secretary.',
			'Ryder.',
			'The Pentagon spokesman.',
			'AP, Reuters.',
			'Smoke over the base Reuters.',
			'An earlier version misspelt a name.',
		]);
	});

	test('hold an actor’s kind, other names, summary, roles, connections, and their explainers and quotes, newest first', () => {
		expect(recordOf('/actors/pat-ryder/')?.content.split('\n')).toEqual([
			'Pat Ryder.',
			'Person.',
			'Ryder.',
			'The Pentagon spokesman.',
			'Pentagon press secretary.',
			'Air Force spokesman.',
			'Works for The Pentagon.',
			'Kataib Hezbollah suspends attacks.',
			'An earlier explainer.',
			'We will respond.',
			'An earlier quote.',
		]);
	});

	test('hold the connections other actors’ files record to an actor, as its page reads them from its side', () => {
		// Only Pat Ryder's file records that he works for the Pentagon; the page credits it to his explainers.
		expect(recordOf('/actors/pentagon/')?.content.split('\n')).toEqual([
			'The Pentagon.',
			'Government agency.',
			'The US defense HQ.',
			'Employs Pat Ryder.',
			'Kataib Hezbollah suspends attacks.',
			'An earlier explainer.',
		]);
	});

	test('give an explainer the role its actor held on the story’s day, not the latest', () => {
		const earlier = {
			...CONTENT,
			articles: CONTENT.articles.map((item) =>
				item.id === 'suspension'
					? { ...item, data: { ...item.data, published: new Date('2020-06-01T00:00:00Z') } }
					: item,
			),
		};
		const content = searchRecords(earlier).find((record) => record.url === '/explainers/suspension/')?.content;
		expect(content).toContain('Air Force spokesman');
		expect(content).not.toContain('Pentagon press secretary');
	});
});
