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
