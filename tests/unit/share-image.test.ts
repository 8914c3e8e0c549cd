import sharp from 'sharp';
import { describe, expect, test } from 'vitest';
import { renderShareImage } from '../../src/utils/share-image';
import { SHARE_IMAGE_HEIGHT, SHARE_IMAGE_WIDTH } from '../../src/utils/share-image-size';

const CARD = {
	title: 'Kataib Hezbollah says it is suspending attacks on US forces',
	dek: 'Who is who, who said what, and how we got here.',
	siteName: 'The Explainer Desk',
};

/** The card as raw RGBA pixels, with a reader of one pixel's colour as `#rrggbb`. */
async function drawnCard(card = CARD) {
	const png = await renderShareImage(card);
	const { data, info } = await sharp(png).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
	const colourAt = (x: number, y: number) => {
		const offset = (y * info.width + x) * info.channels;
		return `#${[0, 1, 2].map((channel) => data[offset + channel]!.toString(16).padStart(2, '0')).join('')}`;
	};
	return { png, info, colourAt };
}

describe('the share image', () => {
	test('is a 1200×630 PNG', async () => {
		const { png, info } = await drawnCard();
		expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
		expect([info.width, info.height]).toEqual([SHARE_IMAGE_WIDTH, SHARE_IMAGE_HEIGHT]);
	});

	test('has the red bar at the top, the white page, and the footer band with its rule inside the card', async () => {
		const { colourAt } = await drawnCard();
		expect(colourAt(600, 4)).toBe('#a3161b');
		expect(colourAt(1100, 480)).toBe('#ffffff');
		// The footer is 98 px tall (a 2 px rule over 24 + 48 + 24): all of it inside the card, down to its last row.
		expect(colourAt(1100, SHARE_IMAGE_HEIGHT - 97)).toBe('#d6d3cc');
		expect(colourAt(1100, SHARE_IMAGE_HEIGHT - 60)).toBe('#f4f2ee');
		expect(colourAt(1100, SHARE_IMAGE_HEIGHT - 1)).toBe('#f4f2ee');
	});

	test("draws the site's mark in the footer's slot: a red square with a white E, left of the site's name", async () => {
		const { colourAt } = await drawnCard();
		const top = SHARE_IMAGE_HEIGHT - 24 - 48;
		// The square's left edge, away from its rounded corners, and the E's upright stroke (x 9 to 13.5 of 32).
		expect(colourAt(76, top + 24)).toBe('#a3161b');
		expect(colourAt(72 + Math.round((11 * 48) / 32), top + 24)).toBe('#ffffff');
		// Outside the square, left of it, is the footer band.
		expect(colourAt(60, top + 24)).toBe('#f4f2ee');
	});

	test('draws the headline in dark ink under the bar', async () => {
		const { colourAt } = await drawnCard();
		const row = Array.from({ length: 900 }, (_, x) => colourAt(72 + x, 110));
		expect(row).toContain('#1b1b1b');
	});

	test("writes the site's name in dark ink in the footer, right of the mark", async () => {
		const { colourAt } = await drawnCard();
		const band = SHARE_IMAGE_HEIGHT - 24 - 48;
		const ink = Array.from({ length: 48 }, (_, y) =>
			Array.from({ length: 300 }, (_, x) => colourAt(138 + x, band + y)),
		).flat();
		expect(ink).toContain('#1b1b1b');
		// Nothing of it right of where a name of 18 letters can reach.
		expect(Array.from({ length: 48 }, (_, y) => colourAt(700, band + y)).every((colour) => colour === '#f4f2ee')).toBe(
			true,
		);
	});

	test('keeps the longest headline and dek the schema allows above the footer, clamped, and the page white around them', async () => {
		const words = (count: number, word: string) => Array.from({ length: count }, () => word).join(' ');
		const { colourAt } = await drawnCard({
			...CARD,
			title: words(20, 'Hezbollah').slice(0, 140),
			dek: words(60, 'Jordan'),
		});
		const footerTop = SHARE_IMAGE_HEIGHT - 98;
		// The 24 rows above the footer's rule, and the 60 px margins left and right, hold no ink.
		for (let y = footerTop - 24; y < footerTop; y++)
			for (let x = 0; x < SHARE_IMAGE_WIDTH; x += 3) expect(colourAt(x, y), `${x},${y}`).toBe('#ffffff');
		for (let y = 20; y < footerTop; y += 2) {
			expect(colourAt(40, y)).toBe('#ffffff');
			expect(colourAt(SHARE_IMAGE_WIDTH - 40, y)).toBe('#ffffff');
		}
		expect(colourAt(1100, footerTop + 1)).toBe('#d6d3cc');
	});
});
