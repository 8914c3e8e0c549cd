/*
 * Accessibility in a real browser. axe-core with the WCAG 2.2 A and AA rules on every page of the site (its
 * sitemap, or every built page until it has one) at 1280 px in light mode; on one page of each kind (home,
 * explainer, actor, topic, search, 404…) also in dark mode and at 375 px, and on explainers with a preview card
 * open (journeys.test.ts checks contrast in dark mode at 375 px). The keyboard, on one page of each kind at both
 * widths: every interactive element reachable with Tab, each in view with a visible focus indicator painted on
 * screen (not clipped by a section that skips its layout off screen), and a skip link that works. What varies between pages of one kind is their text, which the light-mode run covers.
 */
import AxeBuilder from '@axe-core/playwright';
import type { BrowserContextOptions, Page } from 'playwright-core';
import sharp from 'sharp';
import { describe, expect, test } from 'vitest';
import { BASE, builtSiteDir, loadPage } from '../helpers/built-site';
import { servedSiteInChromium } from '../helpers/served-site';
import { VIEWPORTS, WCAG_22_AA_TAGS, describeViolations, onePerKind, watchedContext } from '../helpers/browser';
import { listSitePages, readerRequest } from '../helpers/static-server';

const pages = listSitePages(builtSiteDir(), { base: BASE });
const kinds = onePerKind(pages, BASE);

const site = servedSiteInChromium();

const READERS = {
	'1280 px, light': { viewport: VIEWPORTS.wide, colorScheme: 'light' },
	'1280 px, dark': { viewport: VIEWPORTS.wide, colorScheme: 'dark' },
	'375 px, light': { viewport: VIEWPORTS.narrow, colorScheme: 'light' },
} satisfies Record<string, BrowserContextOptions>;
type Reader = keyof typeof READERS;

/** Opens a page of the site in the reader's (shared) browser tab, checking the host's status. */
async function open(path: string, reader: Reader): Promise<Page> {
	const { page } = await site.readers.get(reader, READERS[reader]);
	const request = readerRequest(path, { base: BASE });
	const response = await page.goto(new URL(request.path, site.server.origin).href);
	expect(response?.status(), request.path).toBe(request.status);
	return page;
}

/** axe's WCAG 2.2 A and AA violations on the page as it is now, one line per failing element. */
async function wcagViolations(page: Page): Promise<string[]> {
	const results = await new AxeBuilder({ page }).withTags(WCAG_22_AA_TAGS).analyze();
	return describeViolations(results.violations);
}

test('the pages to check are found (sitemap, or every built page until there is one)', () => {
	expect(pages).toContain(BASE);
	expect(pages.some((page) => page.startsWith(`${BASE}explainers/`))).toBe(true);
});

test('one page of each kind is found, the home page and an explainer among them', () => {
	expect(kinds).toContain(BASE);
	expect(kinds.filter((page) => page.startsWith(`${BASE}explainers/`))).toHaveLength(1);
});

describe.each(pages)('the page %s', (path) => {
	test('has no WCAG 2.2 A or AA violation (axe) at 1280 px, light', async () => {
		expect(await wcagViolations(await open(path, '1280 px, light'))).toEqual([]);
	});
});

describe.each(kinds)('the page %s, for its kind of page', (path) => {
	test.each(['1280 px, dark', '375 px, light'] as const)(
		'has no WCAG 2.2 A or AA violation (axe) at %s',
		async (reader) => {
			expect(await wcagViolations(await open(path, reader))).toEqual([]);
		},
	);

	test.each([VIEWPORTS.wide, VIEWPORTS.narrow])(
		'reaches every interactive element with Tab at $width px, each in view with a visible focus indicator',
		async (viewport) => {
			const page = await open(path, viewport === VIEWPORTS.wide ? '1280 px, light' : '375 px, light');
			const expected = await markInteractiveElements(page);
			expect(expected.length, 'the page has interactive elements').toBeGreaterThan(0);

			const reached: Focused[] = [];
			for (let presses = 0; presses < expected.length + 20; presses++) {
				await page.keyboard.press('Tab');
				const focused = await describeFocus(page);
				if (!focused) {
					if (reached.length > 0) break; // Past the last element: the focus left the page.
					continue;
				}
				if (reached.some((seen) => seen.index === focused.index)) break; // Round again.
				if (focused.inView) focused.unpainted = await unpaintedOutlineSides(page);
				reached.push(focused);
			}

			const reachedIndexes = new Set(reached.map((focused) => focused.index));
			expect(
				expected.filter((_, index) => !reachedIndexes.has(String(index))),
				'never reached with Tab',
			).toEqual([]);
			expect(
				reached.filter((focused) => focused.index === null).map((focused) => focused.element),
				'took the focus but is not a visible interactive element',
			).toEqual([]);
			expect(
				reached.filter((focused) => !focused.indicator).map((focused) => `${focused.element}: ${focused.style}`),
				'no visible focus indicator (an outline of 2 px or more, at 3:1 against the background)',
			).toEqual([]);
			expect(
				reached.filter((focused) => !focused.inView).map((focused) => focused.element),
				'focused out of view or under another element',
			).toEqual([]);
			expect(
				reached
					.filter((focused) => focused.unpainted.length > 0)
					.map((focused) => `${focused.element}: ${focused.unpainted.join(', ')}`),
				'a side of the focus outline is not painted on screen (clipped or covered)',
			).toEqual([]);
		},
	);

	test('has a skip link that is the first Tab stop, shows when focused, and moves the focus to the main content', async () => {
		const page = await open(path, '375 px, light');
		await page.keyboard.press('Tab');
		const skip = page.locator('a.skip-link:focus');
		expect(await skip.count(), 'the first Tab stop is the skip link').toBe(1);
		const rect = await skip.evaluate((element) => {
			const { top, bottom, left, right } = element.getBoundingClientRect();
			return { top, bottom, left, right, width: innerWidth, height: innerHeight };
		});
		expect(rect.top).toBeGreaterThanOrEqual(0);
		expect(rect.left).toBeGreaterThanOrEqual(0);
		expect(rect.bottom).toBeLessThanOrEqual(rect.height);
		expect(rect.right).toBeLessThanOrEqual(rect.width);

		await page.keyboard.press('Enter');
		await page.waitForURL((url) => url.hash === '#main', { timeout: 5_000 });
		expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
		await page.keyboard.press('Tab');
		expect(
			await page.evaluate(() => Boolean(document.activeElement?.closest('main'))),
			'the next Tab stop is inside the main content, past the header',
		).toBe(true);
	});
});

describe('the explainers, in the states a reader opens', () => {
	// A story may name its actors only in the key facts or the timeline: then it has no mention, and no card.
	const explainers = pages
		.filter((page) => page.startsWith(`${BASE}explainers/`))
		.filter((page) => loadPage(page)('a.mention__link').length > 0);

	test('some explainer has mentions with cards to open', () => {
		expect(explainers.length).toBeGreaterThan(0);
	});

	test.each(explainers)('%s has no WCAG 2.2 A or AA violation with a mention’s card open by keyboard', async (path) => {
		const page = await open(path, '1280 px, light');
		await page.locator('a.mention__link').first().focus();
		await page.keyboard.press('Shift+Tab');
		await page.keyboard.press('Tab');
		expect(await page.locator('.mention__card:visible').count(), 'a card is open').toBe(1);
		expect(await wcagViolations(page)).toEqual([]);
	});

	test.each(explainers)(
		'%s has no WCAG 2.2 A or AA violation on a touch screen, with a mention’s card open as a sheet',
		async (path) => {
			const { context } = await watchedContext(site.browser, {
				viewport: VIEWPORTS.narrow,
				hasTouch: true,
				isMobile: true,
			});
			const page = await context.newPage();
			await page.goto(new URL(path, site.server.origin).href);
			expect(await wcagViolations(page), 'with the tap buttons shown').toEqual([]);
			await page.locator('button.mention__toggle').first().tap();
			expect(await page.locator('.mention__card:popover-open').count(), 'a card is open').toBe(1);
			expect(await wcagViolations(page), 'with the sheet open').toEqual([]);
			await page.context().close();
		},
	);
});

/**
 * Marks every element a keyboard user should reach (rendered, not inert, not disabled, not taken out of the
 * Tab order) with `data-tab-check="<n>"`, and returns their descriptions in document order.
 */
async function markInteractiveElements(page: Page): Promise<string[]> {
	return page.evaluate(() => {
		const candidates = document.querySelectorAll<HTMLElement>(
			'a[href], area[href], button, input:not([type="hidden"]), select, textarea, summary, iframe, audio[controls], video[controls], [tabindex], [contenteditable]:not([contenteditable="false"])',
		);
		const interactive = [...candidates].filter(
			(element) =>
				element.tabIndex >= 0 &&
				!element.matches(':disabled') &&
				!element.closest('[inert]') &&
				element.checkVisibility({ visibilityProperty: true, opacityProperty: false }),
		);
		return interactive.map((element, index) => {
			element.dataset['tabCheck'] = String(index);
			return `<${element.tagName.toLowerCase()}> ${(element.getAttribute('href') ?? '').slice(0, 60)} ${(element.textContent ?? '').trim().slice(0, 40)}`;
		});
	});
}

interface Focused {
	/** The element's `data-tab-check` mark, or null when it was not marked as interactive. */
	index: string | null;
	element: string;
	/** Whether the focused element shows an outline of 2 px or more at 3:1 against its background. */
	indicator: boolean;
	style: string;
	/** Whether the element is inside the viewport and not covered by another element. */
	inView: boolean;
	/** The sides (left, right) of its outline whose middle the screen does not show in the outline's colour. */
	unpainted: string[];
}

/** The focused element and whether a reader can see it and its focus indicator; null when nothing is. */
async function describeFocus(page: Page): Promise<Focused | null> {
	return page.evaluate(() => {
		const element = document.activeElement as HTMLElement | null;
		if (!element || element === document.body || element === document.documentElement) return null;

		const rgba = (colour: string) => {
			const [r = 0, g = 0, b = 0, a = 1] = (colour.match(/[\d.]+/g) ?? []).map(Number);
			return { r, g, b, a: colour.startsWith('rgba') ? a : 1 };
		};
		const luminance = (colour: string) => {
			const { r, g, b } = rgba(colour);
			const channel = (value: number) => {
				const c = value / 255;
				return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
			};
			return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
		};
		const contrast = (a: string, b: string) => {
			const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
			return (light + 0.05) / (dark + 0.05);
		};
		/** The first opaque background colour behind the element: its own or an ancestor's, else the canvas. */
		const backdrop = (start: Element | null) => {
			for (let node = start; node; node = node.parentElement) {
				const colour = getComputedStyle(node).backgroundColor;
				if (rgba(colour).a >= 0.99) return colour;
			}
			return matchMedia('(prefers-color-scheme: dark)').matches ? 'rgb(0, 0, 0)' : 'rgb(255, 255, 255)';
		};

		const style = getComputedStyle(element);
		const outlineWidth = parseFloat(style.outlineWidth) || 0;
		const outline =
			style.outlineStyle !== 'none' &&
			outlineWidth >= 2 &&
			rgba(style.outlineColor).a > 0.5 &&
			contrast(style.outlineColor, backdrop(element.parentElement)) >= 3;

		const box = element.getClientRects()[0] ?? element.getBoundingClientRect();
		const [x, y] = [box.left + box.width / 2, box.top + box.height / 2];
		const inViewport = box.bottom > 0 && box.top < innerHeight && box.right > 0 && box.left < innerWidth;
		const hit = inViewport ? document.elementFromPoint(x, y) : null;
		const tag = `<${element.tagName.toLowerCase()}> ${(element.getAttribute('href') ?? '').slice(0, 60)} ${(element.textContent ?? '').trim().slice(0, 40)}`;
		return {
			index: element.dataset['tabCheck'] ?? null,
			element: tag,
			indicator: element.matches(':focus-visible') && outline,
			style: `outline ${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor} on ${backdrop(element.parentElement)}`,
			inView: inViewport && hit !== null && (hit === element || element.contains(hit)),
			unpainted: [],
		};
	});
}

/**
 * The sides of the focused element's outline that the screen does not show: the pixel in the middle of the ring, at
 * the middle of its first line box's left side and its last line box's right side, is not the outline's colour.
 * A ring beyond the viewport's edge has none to check; an element with no outline has failed already.
 */
async function unpaintedOutlineSides(page: Page): Promise<string[]> {
	const ring = await page.evaluate(() => {
		const element = document.activeElement as HTMLElement;
		const style = getComputedStyle(element);
		const width = parseFloat(style.outlineWidth) || 0;
		const rects = [...element.getClientRects()];
		const [first, last] = [rects[0], rects.at(-1)];
		if (style.outlineStyle === 'none' || width < 2 || !first || !last) return null;
		const out = parseFloat(style.outlineOffset) + width / 2;
		const [r = 0, g = 0, b = 0] = (style.outlineColor.match(/[\d.]+/g) ?? []).map(Number);
		return {
			colour: [r, g, b],
			sides: {
				left: [first.left - out, first.top + first.height / 2],
				right: [last.right + out, last.top + last.height / 2],
			},
			viewport: [innerWidth, innerHeight],
		};
	});
	if (!ring) return [];
	const unpainted: string[] = [];
	const [viewportWidth, viewportHeight] = ring.viewport as [number, number];
	for (const [side, [x = 0, y = 0]] of Object.entries(ring.sides)) {
		if (x < 0 || y < 0 || x >= viewportWidth || y >= viewportHeight) continue;
		const shot = await page.screenshot({ clip: { x: Math.floor(x), y: Math.floor(y), width: 1, height: 1 } });
		const pixel = [...(await sharp(shot).removeAlpha().raw().toBuffer())];
		const distance = pixel.reduce((sum, value, channel) => sum + Math.abs(value - (ring.colour[channel] ?? 0)), 0);
		if (distance > 60) unpainted.push(`${side} is rgb(${pixel.join(', ')}), not rgb(${ring.colour.join(', ')})`);
	}
	return unpainted;
}
