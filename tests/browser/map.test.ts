/*
 * The locator map as readers see it in Chromium: the right layout for the screen, loaded from our own host,
 * no horizontal scrolling from 320 px up, a palette that follows dark mode, and still there in print.
 * Screenshots of the map section land in test-results/browser/.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { describe, expect, test } from 'vitest';
import { BASE, articleSlugs, explainerUrl, readArticleFrontmatter } from '../helpers/built-site';
import { servedSiteInChromium } from '../helpers/served-site';
import { ARTIFACTS_DIR, watchedContext } from '../helpers/browser';

/** Every explainer that lists places, and so has a map. */
const withMaps = articleSlugs().filter((slug) => (readArticleFrontmatter(slug).places ?? []).length > 0);

const site = servedSiteInChromium();

/** Opens an explainer, scrolls to the map and waits for its image, as a reader scrolling down would. */
async function openMap(
	slug: string,
	width: number,
	colorScheme: 'light' | 'dark',
): Promise<{ page: Page; errors: string[] }> {
	const { context, report } = await watchedContext(site.browser, { viewport: { width, height: 800 }, colorScheme });
	const page = await context.newPage();
	await page.goto(new URL(explainerUrl(slug), site.server.origin).href);
	await page.locator('#map').scrollIntoViewIfNeeded();
	await page.waitForFunction(() => {
		const img = document.querySelector<HTMLImageElement>('#map img');
		return img?.complete && img.naturalWidth > 0;
	});
	return { page, errors: [...report.errors, ...report.failedResponses, ...report.offHostRequests] };
}

/** The mean brightness (0–255) of the map as drawn on screen. */
async function brightness(page: Page): Promise<number> {
	const { channels } = await sharp(await page.locator('#map img').screenshot()).stats();
	const [r, g, b] = channels.map((channel) => channel.mean);
	return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0);
}

test('some explainer lists places, so the maps are tested', () => {
	expect(withMaps.length).toBeGreaterThan(0);
});

describe.each(withMaps)('the map of %s', (slug) => {
	describe.each([
		{ width: 320, layout: 'narrow' },
		{ width: 375, layout: 'narrow' },
		{ width: 1280, layout: 'wide' },
	])('for a reader at $width px', ({ width, layout }) => {
		test(`is the ${layout} map, from our host, without scrolling sideways, in light and dark (screenshots saved)`, async () => {
			const shades: Record<string, number> = {};
			for (const scheme of ['light', 'dark'] as const) {
				const { page, errors } = await openMap(slug, width, scheme);
				const img = page.locator('#map img');
				expect(await img.evaluate((element: HTMLImageElement) => element.currentSrc)).toMatch(
					new RegExp(`^${site.server.origin}${BASE}explainers/${slug}/map-${layout}\\.svg$`),
				);
				const box = await img.boundingBox();
				expect(box?.width).toBeGreaterThan(width * 0.8 > 640 ? 600 : width * 0.8);
				expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
				expect(errors).toEqual([]);
				shades[scheme] = await brightness(page);
				mkdirSync(ARTIFACTS_DIR, { recursive: true });
				await page.locator('#map').screenshot({ path: join(ARTIFACTS_DIR, `map-${slug}-${width}-${scheme}.png`) });
				await page.context().close();
			}
			// The SVG carries its own dark palette, so a dark page does not show a glaring light map.
			expect(shades['dark']).toBeLessThan((shades['light'] ?? 0) - 60);
		});
	});

	test('is kept, with its list of places, by a reader printing the explainer', async () => {
		const { page } = await openMap(slug, 1280, 'light');
		await page.emulateMedia({ media: 'print' });
		expect(await page.locator('#map img').isVisible()).toBe(true);
		expect(await page.locator('#map figcaption').isVisible()).toBe(true);
		await page.context().close();
	});
});
