import { describe, expect, test } from 'vitest';
import LocatorMap from '../../src/locator-map/LocatorMap.astro';
import { planLocatorMap, type MapPlace } from '../../src/locator-map/locator-map';
import type { PlaceData } from '../../src/schemas/place';
import { render } from '../helpers/render';

const place = (id: string, data: Omit<PlaceData, 'coordinates'> & { at: [number, number] }): MapPlace => {
	const { at, ...rest } = data;
	return { id, data: { ...rest, coordinates: { latitude: at[0], longitude: at[1] } } as PlaceData };
};

const places = [
	place('amman', { name: 'Amman', kind: 'city', country: 'Jordan', at: [31.95, 35.93] }),
	place('border-site', {
		name: 'Attack site on the Syria–Jordan border',
		kind: 'site',
		country: ['Syria', 'Jordan'],
		at: [32.6, 37.4],
	}),
	place('irbid', { name: 'Irbid', kind: 'city', country: 'Jordan', at: [32.55, 35.85] }),
	// A country's name inside another word is not that country: "Jordanian" does not say Jordan.
	place('camp', { name: 'Jordanian camp', kind: 'site', country: 'Jordan', at: [32.3, 36.2] }),
	place('port-of-spain', {
		name: 'Port of Spain, Trinidad and Tobago',
		kind: 'city',
		country: 'Trinidad and Tobago',
		at: [10.66, -61.51],
	}),
];

async function caption() {
	const $ = await render(LocatorMap, {
		props: { slug: 'fixture', plan: planLocatorMap(places), title: 'Locator map for “A fixture”' },
	});
	return {
		marked: $('figcaption li')
			.toArray()
			.map((item) => $(item).text().replace(/\s+/g, ' ').trim()),
		beyond: $('figcaption [data-beyond]').text().replace(/\s+/g, ' ').trim(),
	};
}

describe('LocatorMap’s list of places', () => {
	test('gives each place’s country after its name, unless the name already says where it is', async () => {
		const { marked, beyond } = await caption();
		expect(marked).toEqual([
			'Amman (Jordan)',
			'Attack site on the Syria–Jordan border',
			'Irbid (Jordan)',
			'Jordanian camp (Jordan)',
		]);
		expect(beyond).toBe('Also named, too far away to show: Port of Spain, Trinidad and Tobago.');
	});
});
