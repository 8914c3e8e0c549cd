import { describe, expect, test } from 'vitest';
import SourcesAndCredits from '../../src/components/SourcesAndCredits.astro';
import { render } from '../helpers/render';

const sources = [{ name: 'AP' }, { name: 'EFE' }, { name: 'Reuters' }];
const wirePhoto = { caption: 'Mourners in Baghdad on 29 January.', credit: 'AFP / Ahmad al-Rubaye' };
const secondWirePhoto = { caption: 'The Tower 22 base.', credit: 'Planet Labs' };
const shownPhoto = { image: { src: '/tower-22.jpg' }, caption: 'A shown photo.', credit: 'Reuters / Someone' };

describe('SourcesAndCredits', () => {
	test('is the "Sources and credits" section', async () => {
		const $ = await render(SourcesAndCredits, { props: { sources, figures: [] } });
		expect($('section#sources > h2').text()).toBe('Sources and credits');
	});

	test('credits the reporting it draws on in words', async () => {
		const $ = await render(SourcesAndCredits, { props: { sources, figures: [] } });
		expect($('#sources p').first().text()).toBe('This explainer draws on reporting by AP, EFE and Reuters.');

		const one = await render(SourcesAndCredits, { props: { sources: [{ name: 'Reuters' }], figures: [] } });
		expect(one('#sources p').first().text()).toBe('This explainer draws on reporting by Reuters.');
	});

	test('links the name of a source that has a web address, in the sentence', async () => {
		const $ = await render(SourcesAndCredits, {
			props: { sources: [{ name: 'AP' }, { name: 'Reuters', url: 'https://www.reuters.com/world/' }], figures: [] },
		});
		expect($('#sources p').first().text()).toBe('This explainer draws on reporting by AP and Reuters.');
		const links = $('#sources p a');
		expect(links).toHaveLength(1);
		expect(links.attr('href')).toBe('https://www.reuters.com/world/');
		expect(links.text()).toBe('Reuters');
		expect($('#sources ul')).toHaveLength(0);
	});

	test('lists the sources that have a note, each name (linked when it has a web address) and its note', async () => {
		const statement = {
			name: 'The White House',
			url: 'https://www.whitehouse.gov/briefing-room/',
			note: 'Statement reproduced in full; a work of the US Government, public domain',
		};
		const memo = { name: 'Pentagon memo', note: 'Quoted in part' };
		const $ = await render(SourcesAndCredits, { props: { sources: [...sources, statement, memo], figures: [] } });
		const paragraphs = $('#sources p');
		expect(paragraphs.eq(0).text()).toBe('This explainer draws on reporting by AP, EFE and Reuters.');
		expect(paragraphs.eq(1).text()).toBe('It also draws on:');
		const items = $('#sources ul.sources > li');
		expect(items.toArray().map((li) => $(li).text().replace(/\s+/g, ' ').trim())).toEqual([
			'The White House: Statement reproduced in full; a work of the US Government, public domain',
			'Pentagon memo: Quoted in part',
		]);
		expect(items.eq(0).find('a').attr('href')).toBe(statement.url);
		expect(items.eq(0).find('a').text()).toBe('The White House');
		expect(items.eq(0).find('.sources__note').text()).toBe(statement.note);
		expect(items.eq(1).find('a')).toHaveLength(0);
		expect($('#sources').text()).not.toContain('reporting by AP, EFE, Reuters, The White House');
	});

	test('leads the list alone when every source has a note', async () => {
		const $ = await render(SourcesAndCredits, {
			props: { sources: [{ name: 'The White House', note: 'Statement reproduced in full' }], figures: [] },
		});
		expect($('#sources p').first().text()).toBe('This explainer draws on:');
		expect($('#sources').text()).not.toContain('reporting by');
		expect($('#sources ul.sources > li').text().replace(/\s+/g, ' ').trim()).toBe(
			'The White House: Statement reproduced in full',
		);
	});

	test('credits photos that have no image under sources', async () => {
		const $ = await render(SourcesAndCredits, { props: { sources, figures: [wirePhoto, secondWirePhoto] } });
		expect($('#sources p').eq(1).text()).toBe('Photos that ran with the wire report, not reproduced here:');
		const items = $('#sources ul.credits > li');
		expect(items.toArray().map((li) => $(li).text().replace(/\s+/g, ' ').trim())).toEqual([
			'Mourners in Baghdad on 29 January. Photo: AFP / Ahmad al-Rubaye',
			'The Tower 22 base. Photo: Planet Labs',
		]);
		expect(items.first().find('.credits__credit').text()).toBe('Photo: AFP / Ahmad al-Rubaye');
	});

	test('does not credit here a photo the page shows', async () => {
		const $ = await render(SourcesAndCredits, { props: { sources, figures: [shownPhoto, wirePhoto] } });
		const items = $('ul.credits > li');
		expect(items).toHaveLength(1);
		expect(items.text()).toContain('AFP / Ahmad al-Rubaye');
		expect($('#sources').text()).not.toContain('Reuters / Someone');
	});

	test('says nothing about photos when every photo is shown or there are none', async () => {
		for (const figures of [[], [shownPhoto]]) {
			const $ = await render(SourcesAndCredits, { props: { sources, figures } });
			expect($('ul.credits')).toHaveLength(0);
			expect($('#sources p')).toHaveLength(1);
			expect($('#sources').text()).not.toContain('Photos that ran');
		}
	});
});
