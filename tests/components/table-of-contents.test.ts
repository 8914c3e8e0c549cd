import { describe, expect, test } from 'vitest';
import TableOfContents from '../../src/components/TableOfContents.astro';
import { render } from '../helpers/render';

const sections = [
	{ id: 'key-facts', title: 'Key facts' },
	{ id: 'story', title: 'The story' },
	{ id: 'whos-who', title: 'Who’s who' },
	{ id: 'corrections', title: 'Corrections' },
];

describe('TableOfContents', () => {
	test('is a navigation landmark named for the explainer', async () => {
		const $ = await render(TableOfContents, { props: { sections } });
		expect($('nav')).toHaveLength(1);
		expect($('nav').attr('aria-label')).toBe('In this explainer');
	});

	test('links to each section by its anchor, in the given order', async () => {
		const $ = await render(TableOfContents, { props: { sections } });
		const links = $('nav ul > li > a')
			.toArray()
			.map((a) => [$(a).attr('href'), $(a).text()]);
		expect(links).toEqual([
			['#key-facts', 'Key facts'],
			['#story', 'The story'],
			['#whos-who', 'Who’s who'],
			['#corrections', 'Corrections'],
		]);
	});

	test('is left out of print', async () => {
		const $ = await render(TableOfContents, { props: { sections } });
		expect($('nav').hasClass('no-print')).toBe(true);
	});
});
