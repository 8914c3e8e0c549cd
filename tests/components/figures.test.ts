import { describe, expect, test } from 'vitest';
import Figures from '../../src/components/Figures.astro';
import photo from './fixtures/photo-800x600.png';
import { render } from '../helpers/render';

const withImage = {
	image: photo,
	alt: 'A grey field standing in for the border crossing.',
	caption: 'The border crossing.',
	credit: 'Wire / Photographer',
};
const captionOnly = { caption: 'Dana Reyes speaks to reporters.', credit: 'Daily' };

describe('Figures', () => {
	test('shows a figure with an image: the image with its alt text, the caption and the credit', async () => {
		const $ = await render(Figures, { props: { figures: [withImage] } });
		expect($('figure')).toHaveLength(1);
		const img = $('figure img');
		expect(img.attr('alt')).toBe(withImage.alt);
		expect(img.attr('loading')).toBe('lazy');
		expect(Number(img.attr('width'))).toBe(800);
		expect(Number(img.attr('height'))).toBe(600);
		expect($('figcaption').text().replace(/\s+/g, ' ').trim()).toBe('The border crossing. Photo: Wire / Photographer');
	});

	test('offers widths no wider than the file, and the file’s own', async () => {
		const $ = await render(Figures, { props: { figures: [withImage] } });
		const widths = ($('figure img').attr('srcset') ?? '').split(',').map((entry) => entry.trim().split(' ')[1]);
		expect(widths).toEqual(['360w', '720w', '800w']);
	});

	test('leaves a figure without an image to the credits (no empty frame)', async () => {
		const $ = await render(Figures, { props: { figures: [captionOnly, withImage] } });
		expect($('figure')).toHaveLength(1);
		expect($.text()).not.toContain(captionOnly.caption);
	});
});
