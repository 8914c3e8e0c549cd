import { describe, expect, test } from 'vitest';
import GlossaryEntry, { type GlossaryActor } from '../../src/mentions/GlossaryEntry.astro';
import { render } from '../helpers/render';

const actor = (overrides: Partial<GlossaryActor> = {}): GlossaryActor => ({
	id: 'kataib-hezbollah',
	name: 'Kataib Hezbollah',
	kind: 'armed-group',
	aliases: [],
	summary: 'The most powerful pro-Iran militia in Iraq.',
	affiliations: [],
	mentions: [],
	...overrides,
});

describe('GlossaryEntry', () => {
	test('anchors the entry at actor-<id> under the actor’s name', async () => {
		const $ = await render(GlossaryEntry, { props: { actor: actor() } });
		const entry = $('div.entry');
		expect(entry.attr('id')).toBe('actor-kataib-hezbollah');
		expect(entry.children('h4').text()).toBe('Kataib Hezbollah');
		expect(entry.children('.entry__role').next('p').text()).toBe('The most powerful pro-Iran militia in Iraq.');
	});

	test('shows the role held on the story’s day, and the kind when there is none', async () => {
		const withRole = await render(GlossaryEntry, {
			props: { actor: actor({ id: 'pat-ryder', name: 'Pat Ryder', kind: 'person', role: 'Pentagon spokesman' }) },
		});
		expect(withRole('.entry__role').text()).toBe('Pentagon spokesman');

		const person = await render(GlossaryEntry, {
			props: { actor: actor({ id: 'pat-ryder', name: 'Pat Ryder', kind: 'person' }) },
		});
		expect(person('.entry__role').text()).toBe('Person');

		const agency = await render(GlossaryEntry, { props: { actor: actor({ kind: 'government-agency' }) } });
		expect(agency('.entry__role').text()).toBe('Government agency');
	});

	test('lists the aliases when there are some, and says nothing of them otherwise', async () => {
		const $ = await render(GlossaryEntry, { props: { actor: actor({ aliases: ['KH', 'Hezbollah Brigades'] }) } });
		expect($('.entry__aliases').text()).toBe('Also called KH, Hezbollah Brigades');

		const none = await render(GlossaryEntry, { props: { actor: actor() } });
		expect(none('.entry__aliases')).toHaveLength(0);
		expect(none('.entry').text()).not.toContain('Also called');
	});

	test('leaves out of “Also called” an alias that is the name, or an earlier alias, in other capitals', async () => {
		const $ = await render(GlossaryEntry, {
			props: { actor: actor({ aliases: ['KATAIB HEZBOLLAH', 'KH', 'Kataib hezbollah', 'kh', 'Hezbollah Brigades'] }) },
		});
		expect($('.entry__aliases').text()).toBe('Also called KH, Hezbollah Brigades');

		const onlyCapitals = await render(GlossaryEntry, { props: { actor: actor({ aliases: ['Kataib hezbollah'] }) } });
		expect(onlyCapitals('.entry').text()).not.toContain('Also called');
	});

	test('links each affiliation to its glossary entry when the other actor is on the page, and names it plainly otherwise', async () => {
		const $ = await render(GlossaryEntry, {
			props: {
				actor: actor({
					affiliations: [
						{ relation: 'part-of', name: 'Islamic Resistance in Iraq', anchor: 'actor-islamic-resistance-in-iraq' },
						{ relation: 'backed-by', name: 'Iran', anchor: 'actor-iran' },
						{ relation: 'opposed-to', name: 'Islamic State' },
					],
				}),
			},
		});
		const items = $('ul.entry__affiliations > li');
		expect(items.toArray().map((li) => $(li).text().replace(/\s+/g, ' ').trim())).toEqual([
			'Part of Islamic Resistance in Iraq',
			'Backed by Iran',
			'Opposed to Islamic State',
		]);
		expect(items.eq(0).children('a').attr('href')).toBe('#actor-islamic-resistance-in-iraq');
		expect(items.eq(0).children('a').text()).toBe('Islamic Resistance in Iraq');
		expect(items.eq(1).children('a').attr('href')).toBe('#actor-iran');
		expect(items.eq(2).find('a')).toHaveLength(0);
	});

	test('leaves out the affiliation list when the actor has none', async () => {
		const $ = await render(GlossaryEntry, { props: { actor: actor() } });
		expect($('ul')).toHaveLength(0);
	});

	test('links to each mention in the story, numbered in reading order and labelled for screen readers', async () => {
		const $ = await render(GlossaryEntry, {
			props: {
				actor: actor({
					mentions: ['mention-kataib-hezbollah-1', 'mention-kataib-hezbollah-2', 'mention-kataib-hezbollah-3'],
				}),
			},
		});
		const paragraph = $('p.entry__mentions');
		expect(paragraph.text()).toMatch(/^In the story:/);
		const links = paragraph
			.find('a')
			.toArray()
			.map((a) => [$(a).attr('href'), $(a).text(), $(a).attr('aria-label')]);
		expect(links).toEqual([
			['#mention-kataib-hezbollah-1', '1', 'Mention 1 of Kataib Hezbollah'],
			['#mention-kataib-hezbollah-2', '2', 'Mention 2 of Kataib Hezbollah'],
			['#mention-kataib-hezbollah-3', '3', 'Mention 3 of Kataib Hezbollah'],
		]);
	});

	test('says nothing about the story when the actor is never mentioned in it', async () => {
		const $ = await render(GlossaryEntry, { props: { actor: actor() } });
		expect($('.entry__mentions')).toHaveLength(0);
		expect($('.entry a')).toHaveLength(0);
	});
});
