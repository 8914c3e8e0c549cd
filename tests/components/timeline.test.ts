import { describe, expect, test } from 'vitest';
import Timeline from '../../src/components/Timeline.astro';
import { render } from '../helpers/render';

describe('Timeline', () => {
	test('shows each date only as precisely as the source gives it', async () => {
		const $ = await render(Timeline, {
			props: {
				events: [
					{ date: '2017', qualifier: 'on', text: 'A year.' },
					{ date: '2023-11', qualifier: 'on', text: 'A month.' },
					{ date: '2024-01-28', qualifier: 'before', text: 'A day.' },
					{ date: '2014', qualifier: 'before', label: 'More than a decade ago', text: 'Vague.' },
				],
			},
		});
		const dates = $('li .when')
			.toArray()
			.map((date) => [date.tagName, $(date).attr('datetime'), $(date).text().trim()]);
		expect(dates).toEqual([
			['time', '2017', '2017'],
			['time', '2023-11', 'November 2023'],
			// A date only bounded by the source gets no machine-readable date, which would state the bound as the date.
			['span', undefined, 'Before 28 January 2024'],
			['span', undefined, 'More than a decade ago'],
		]);
		expect($('ol li p').first().text()).toBe('A year.');
	});
});
