import { describe, expect, test } from 'vitest';
import KeyFacts from '../../src/components/KeyFacts.astro';
import { render } from '../helpers/render';

const facts = [
	'Kataib Hezbollah announced it was suspending its attacks on US forces.',
	'The group had claimed the drone attack of 28 January.',
	'Washington is not convinced.',
];

describe('KeyFacts', () => {
	test('puts the facts in a "Key facts" section the table of contents can link to', async () => {
		const $ = await render(KeyFacts, { props: { facts } });
		const section = $('section#key-facts');
		expect(section).toHaveLength(1);
		expect(section.attr('aria-labelledby')).toBe('key-facts-heading');
		expect(section.find('h2#key-facts-heading').text()).toBe('Key facts');
	});

	test('lists each fact as its own item, in the given order', async () => {
		const $ = await render(KeyFacts, { props: { facts } });
		const items = $('#key-facts ul.key-facts > li')
			.toArray()
			.map((li) => $(li).text());
		expect(items).toEqual(facts);
	});

	test('renders a fact as text, not as HTML', async () => {
		const $ = await render(KeyFacts, { props: { facts: ['More than <b>150</b> attacks.', 'Two.', 'Three.'] } });
		expect($('ul.key-facts b')).toHaveLength(0);
		expect($('ul.key-facts li').first().text()).toBe('More than <b>150</b> attacks.');
	});
});
