import { describe, expect, test } from 'vitest';
import SkipLink from '../../src/components/SkipLink.astro';
import { render } from '../helpers/render';

describe('SkipLink', () => {
	test('skips to #main by default', async () => {
		const $ = await render(SkipLink);
		const link = $('a.skip-link');
		expect(link).toHaveLength(1);
		expect(link.attr('href')).toBe('#main');
		expect(link.text()).toBe('Skip to content');
	});

	test('skips to the target it is given', async () => {
		const $ = await render(SkipLink, { props: { target: 'story' } });
		expect($('a.skip-link').attr('href')).toBe('#story');
	});
});
