import { describe, expect, test } from 'vitest';
import Corrections from '../../src/components/Corrections.astro';
import { SITE } from '../../src/site';
import { render } from '../helpers/render';

describe('Corrections', () => {
	test('is the "Corrections" section', async () => {
		const $ = await render(Corrections, { props: { corrections: [] } });
		const section = $('section#corrections');
		expect(section.attr('aria-labelledby')).toBe('corrections-heading');
		expect(section.children('h2#corrections-heading').text()).toBe('Corrections');
	});

	test('says there are no corrections when there are none', async () => {
		const $ = await render(Corrections, { props: { corrections: [] } });
		expect($('#corrections > p').first().text()).toBe('This explainer has not been corrected.');
		expect($('ul.corrections')).toHaveLength(0);
	});

	test('tells readers where to report an error, with or without corrections', async () => {
		for (const corrections of [[], [{ date: new Date('2024-01-31T09:00:00Z'), text: 'A name was misspelt.' }]]) {
			const $ = await render(Corrections, { props: { corrections } });
			const report = $('#corrections > p').last();
			expect(report.text().replace(/\s+/g, ' ').trim()).toBe(
				`If you see an error, write to ${SITE.correctionsEmail} and we will correct it here.`,
			);
			expect(report.find('a').attr('href')).toBe(`mailto:${SITE.correctionsEmail}`);
		}
	});

	test('lists each correction, oldest first, with when it was made as <time> with ISO datetime', async () => {
		const $ = await render(Corrections, {
			props: {
				// Listed newest first in the file: the page puts them in the order they happened.
				corrections: [
					{ date: new Date('2024-02-02T17:45:00Z'), text: 'Pat Ryder is a brigadier general, not a colonel.' },
					{ date: new Date('2024-01-31T09:00:00Z'), text: 'An earlier version gave the wrong number of attacks.' },
				],
			},
		});
		expect($('#corrections > p')).toHaveLength(1);
		const items = $('ul.corrections > li');
		expect(items.toArray().map((li) => $(li).text())).toEqual([
			'31 January 2024 at 09:00 UTC: An earlier version gave the wrong number of attacks.',
			'2 February 2024 at 17:45 UTC: Pat Ryder is a brigadier general, not a colonel.',
		]);
		expect(items.toArray().map((li) => $(li).children('time').attr('datetime'))).toEqual([
			'2024-01-31T09:00:00.000Z',
			'2024-02-02T17:45:00.000Z',
		]);
	});
});
