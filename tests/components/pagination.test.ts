import { describe, expect, test } from 'vitest';
import Pagination from '../../src/components/Pagination.astro';
import { render } from '../helpers/render';

const props = (number: number, count: number) => ({ number, count, listingPath: '/topics/iraq/', label: 'Iraq' });

describe('Pagination', () => {
	test('is a named navigation landmark that says which page this is', async () => {
		const $ = await render(Pagination, { props: props(2, 3) });
		expect($('nav').attr('aria-label')).toBe('Iraq, page 2 of 3');
		expect($('nav').text().replace(/\s+/g, ' ')).toContain('Page 2 of 3');
	});

	test('links the page before and the page after, page 1 at the listing’s own URL', async () => {
		const $ = await render(Pagination, { props: props(2, 3) });
		expect($('a[rel="prev"]').attr('href')).toBe('/topics/iraq/');
		expect($('a[rel="next"]').attr('href')).toBe('/topics/iraq/page/3/');
	});

	test('has no link before the first page or after the last', async () => {
		const first = await render(Pagination, { props: props(1, 3) });
		expect(first('a[rel="prev"]')).toHaveLength(0);
		expect(first('a[rel="next"]').attr('href')).toBe('/topics/iraq/page/2/');
		const last = await render(Pagination, { props: props(3, 3) });
		expect(last('a[rel="next"]')).toHaveLength(0);
		expect(last('a[rel="prev"]').attr('href')).toBe('/topics/iraq/page/2/');
	});

	test('shows nothing when the listing fits on one page', async () => {
		const $ = await render(Pagination, { props: props(1, 1) });
		expect($('nav')).toHaveLength(0);
	});
});
