/*
 * A mention's preview card as WCAG 2.2 asks of content shown on hover or focus (1.4.13): the reader dismisses it
 * with Escape without moving the pointer or the focus, it stays while hovered or focused until then, and it comes
 * back on the next hover or focus; it never covers the focused link's ring (2.4.11). On a touch screen, the tap
 * button over a mention covers all its text, even for a name that would wrap onto two lines, and a tap on it opens
 * the card. The explainers and mentions are chosen from the built content, never assumed; the test build's content
 * includes the tests' own explainer (tests/fixtures/test-build/), which has a mention of each kind tested here.
 */
import type { Locator, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { BASE, builtSiteDir, loadPage } from '../helpers/built-site';
import { pageOpener, servedSiteInChromium } from '../helpers/served-site';
import { VIEWPORTS, tabUntil, watchedContext, type BrowserReport } from '../helpers/browser';
import { listSitePages } from '../helpers/static-server';

/** The explainers whose story has a mention: a story may name its actors only in the key facts or timeline. */
const explainers = listSitePages(builtSiteDir(), { base: BASE })
	.filter((page) => page.startsWith(`${BASE}explainers/`))
	.filter((page) => loadPage(page)('a.mention__link').length > 0);
const [explainer = `${BASE}explainers/`] = explainers;

/** The mention with the longest text of all explainers: the one most likely to wrap onto two lines. */
const longest = explainers
	.flatMap((path) =>
		loadPage(path)('a.mention__link')
			.toArray()
			.map((link) => ({ path, id: link.attribs['id'] ?? '', length: loadPage(path)(link).text().length })),
	)
	.reduce((a, b) => (b.length > a.length ? b : a), { path: explainer, id: '', length: 0 });

/** The small phone of the review: names like "White House" wrap onto two lines at this width. */
const PHONE = { width: 360, height: 740 };

const site = servedSiteInChromium();
const reports: BrowserReport[] = [];

/** A fresh page in a watched context; the context's report is checked after each journey. */
const open = pageOpener(site, reports);

/** The element that has the focus, by id, and whether the pointer is over `mention`: what Escape must not move. */
const focusAndHover = (page: Page, mention: Locator) =>
	Promise.all([
		page.evaluate(() => document.activeElement?.id),
		mention.evaluate((element) => element.matches(':hover')),
	]);

test('some explainer has a mention in its story', () => {
	expect(explainers.length).toBeGreaterThan(0);
});

describe.each([VIEWPORTS.narrow, VIEWPORTS.wide])('a reader with a pointer at $width px', (viewport) => {
	test('opens a card by keyboard focus, hides it with Escape with the focus left on the link, and sees it again on the next focus', async () => {
		const page = await open(explainer, { viewport });
		await tabUntil(page, 'a.mention__link');
		const link = page.locator('a.mention__link:focus');
		const id = await link.getAttribute('id');
		const mention = page.locator('.mention', { has: page.locator(`[id="${id}"]`) });
		const card = mention.locator('.mention__card');
		expect(await card.isVisible(), 'the card shows on focus').toBe(true);
		await page.waitForTimeout(500);
		expect(await card.isVisible(), 'the card stays while the link has the focus').toBe(true);

		await page.keyboard.press('Escape');
		expect(await card.isVisible(), 'Escape hides the card').toBe(false);
		expect(await page.evaluate(() => document.activeElement?.id), 'the focus stays on the link').toBe(id);
		expect(await link.evaluate((element) => element.matches(':focus-visible'))).toBe(true);
		await page.keyboard.press('Escape');
		expect(await card.isVisible(), 'a second Escape leaves it hidden').toBe(false);

		await page.keyboard.press('Shift+Tab');
		expect(await card.isVisible()).toBe(false);
		await page.keyboard.press('Tab');
		expect(await page.evaluate(() => document.activeElement?.id)).toBe(id);
		expect(await card.isVisible(), 'the card shows again when the link takes the focus again').toBe(true);
		await page.context().close();
	});

	test('opens a card on hover, hides it with Escape with the pointer left on the mention, and sees it again on the next hover', async () => {
		const page = await open(explainer, { viewport });
		const mention = page.locator('.mention').first();
		const link = mention.locator('a.mention__link');
		const card = mention.locator('.mention__card');
		await link.hover();
		expect(await card.isVisible(), 'the card shows on hover').toBe(true);
		await page.waitForTimeout(500);
		expect(await card.isVisible(), 'the card stays while hovered').toBe(true);
		const before = await focusAndHover(page, mention);

		await page.keyboard.press('Escape');
		expect(await card.isVisible(), 'Escape hides the card').toBe(false);
		expect(await focusAndHover(page, mention), 'the focus and the pointer stay where they were').toEqual(before);
		const box = await link.boundingBox();
		if (!box) throw new Error('The mention link has no box');
		await page.mouse.move(box.x + 2, box.y + box.height / 2, { steps: 3 });
		expect(await card.isVisible(), 'moving the pointer within the mention leaves the card hidden').toBe(false);

		await page.mouse.move(0, 0, { steps: 5 });
		await link.hover();
		expect(await card.isVisible(), 'the card shows again on the next hover').toBe(true);
		// Still hoverable: the pointer moves onto the card's own link and the card stays.
		const more = await card.locator('a.mention__more').boundingBox();
		if (!more) throw new Error('The card’s glossary link has no box');
		await page.mouse.move(more.x + 5, more.y + more.height / 2, { steps: 30 });
		expect(await card.isVisible(), 'the card stays while the pointer moves onto it').toBe(true);
		await page.keyboard.press('Escape');
		expect(await card.isVisible(), 'Escape hides the card with the pointer on it').toBe(false);
		await page.context().close();
	});

	test('keeps the card of the longest mention while the pointer moves from the start of its name onto the card', async () => {
		const page = await open(longest.path, { viewport });
		const mention = page.locator('.mention', { has: page.locator(`[id="${longest.id}"]`) });
		const card = mention.locator('.mention__card');
		await mention.scrollIntoViewIfNeeded();
		const [start] = await mention
			.locator('a.mention__link')
			.evaluate((link) =>
				[...link.getClientRects()].filter((rect) => rect.width > 0).map((rect) => ({ ...rect.toJSON() })),
			);
		if (!start) throw new Error(`${longest.id} has no box`);
		await page.mouse.move(start.left + 2, start.top + start.height / 2, { steps: 5 });
		expect(await card.isVisible(), 'the card shows on hover').toBe(true);
		const more = await card.locator('a.mention__more').boundingBox();
		if (!more) throw new Error('The card’s glossary link has no box');
		await page.mouse.move(more.x + more.width - 5, more.y + more.height / 2, { steps: 30 });
		expect(await card.isVisible(), 'the card stays while the pointer moves onto it').toBe(true);
		await page.context().close();
	});

	test('shows the whole focus ring of a mention’s link above its card', async () => {
		const page = await open(explainer, { viewport });
		await tabUntil(page, 'a.mention__link');
		const measured = await page.evaluate(() => {
			const link = document.activeElement as HTMLElement;
			const card = link.parentElement?.querySelector('.mention__card');
			if (!card) throw new Error('The focused mention has no card');
			const style = getComputedStyle(link);
			const ring = parseFloat(style.outlineWidth) + parseFloat(style.outlineOffset);
			return {
				ringBottom: link.getBoundingClientRect().bottom + ring,
				cardTop: card.getBoundingClientRect().top,
				ring,
			};
		});
		expect(measured.ring, 'the link has a focus ring').toBeGreaterThanOrEqual(2);
		expect(measured.cardTop, JSON.stringify(measured)).toBeGreaterThanOrEqual(measured.ringBottom);
		await page.context().close();
	});
});

describe(`a reader on a ${PHONE.width} px touch screen`, () => {
	const touch = { viewport: PHONE, hasTouch: true, isMobile: true };

	/**
	 * The first explainer with mentions whose name wraps onto two lines at the phone's width (a name longer than a
	 * line), and their ids. Measured once, for both tests.
	 */
	let wrapping: Promise<{ path: string; ids: string[] }> | undefined;
	const wrappingMentions = () =>
		(wrapping ??= (async () => {
			const { context } = await watchedContext(site.browser, { viewport: PHONE });
			const page = await context.newPage();
			try {
				for (const path of explainers) {
					await page.goto(new URL(path, site.server.origin).href);
					const ids = await page.evaluate(() =>
						[...document.querySelectorAll<HTMLElement>('a.mention__link')]
							.filter((link) => [...link.getClientRects()].filter((rect) => rect.width > 0).length > 1)
							.map((link) => link.id),
					);
					if (ids.length > 0) return { path, ids };
				}
				throw new Error(
					`No mention of any explainer wraps onto two lines at ${PHONE.width} px: the tests' own explainer ` +
						'(tests/fixtures/test-build/) should have one',
				);
			} finally {
				await context.close();
			}
		})());

	test('taps the button over a mention that wraps onto two lines, and its card opens; every button covers its whole name', async () => {
		const { path, ids } = await wrappingMentions();
		const page = await open(path, touch);
		const covers = await page.evaluate(() =>
			[...document.querySelectorAll('.mention')].map((mention) => {
				const button = mention.querySelector('.mention__toggle') as HTMLElement;
				const link = mention.querySelector('.mention__link') as HTMLElement;
				const box = button.getBoundingClientRect();
				const lines = [...link.getClientRects()].filter((rect) => rect.width > 0);
				const inside = (line: DOMRect) =>
					line.left >= box.left - 1 &&
					line.right <= box.right + 1 &&
					line.top >= box.top - 1 &&
					line.bottom <= box.bottom + 1;
				const problem =
					box.width === 0 || box.height === 0
						? 'the button has no size'
						: !lines.every(inside)
							? 'a line of the name is outside the button'
							: undefined;
				return { id: link.id, box: `${box.width}×${box.height} px`, problem };
			}),
		);
		expect(covers.map(({ id }) => id)).toEqual(expect.arrayContaining(ids));
		expect(covers.filter(({ problem }) => problem)).toEqual([]);

		for (const id of ids) {
			const mention = page.locator('.mention', { has: page.locator(`[id="${id}"]`) });
			const card = mention.locator('.mention__card');
			const link = mention.locator('a.mention__link');
			await link.scrollIntoViewIfNeeded();
			// A finger lands on the middle of the name's first line, where the link is: the button above it takes the tap.
			const [line] = await link.evaluate((element) =>
				[...element.getClientRects()].filter((rect) => rect.width > 0).map((rect) => ({ ...rect.toJSON() })),
			);
			if (!line) throw new Error(`${id} has no box`);
			await page.touchscreen.tap(line.left + line.width / 2, line.top + line.height / 2);
			expect(new URL(page.url()).hash, `${id}: the tap opens the card instead of following the link`).toBe('');
			expect(await card.evaluate((element) => element.matches(':popover-open')), `${id}: the card is open`).toBe(true);
			expect(await card.isVisible()).toBe(true);
			await page.keyboard.press('Escape');
			expect(await card.evaluate((element) => element.matches(':popover-open')), `${id}: Escape closes it`).toBe(false);
		}
		await page.context().close();
	});

	test('shows each card a keyboard’s focus opens within the screen, and the page never scrolls sideways', async () => {
		const page = await open(longest.path, touch);
		await tabUntil(page, 'a.mention__link');
		const outside = await page.evaluate(() =>
			[...document.querySelectorAll<HTMLElement>('a.mention__link')].flatMap((link) => {
				link.focus();
				const card = link.parentElement!.querySelector('.mention__card')!.getBoundingClientRect();
				const page = document.documentElement;
				return card.width === 0 || card.left < 0 || card.right > innerWidth || page.scrollWidth > page.clientWidth
					? [`${link.id}: card ${Math.round(card.left)}–${Math.round(card.right)} px, page ${page.scrollWidth} px`]
					: [];
			}),
		);
		expect(outside).toEqual([]);
		await page.context().close();
	});

	test('tabs to the button over a mention that wraps, and its focus ring surrounds the whole name', async () => {
		const {
			path,
			ids: [id],
		} = await wrappingMentions();
		const page = await open(path, touch);
		await tabUntil(page, `.mention:has([id="${id}"]) button.mention__toggle`);
		const ring = await page.evaluate((linkId) => {
			const button = document.activeElement as HTMLElement;
			const link = document.getElementById(linkId) as HTMLElement;
			const style = getComputedStyle(button);
			const box = button.getBoundingClientRect();
			const name = link.getBoundingClientRect();
			return {
				focusVisible: button.matches(':focus-visible'),
				outline: style.outlineStyle !== 'none' ? parseFloat(style.outlineWidth) : 0,
				width: box.width,
				nameWidth: name.width,
				height: box.height,
				nameHeight: name.height,
			};
		}, id ?? '');
		expect(ring.focusVisible).toBe(true);
		expect(ring.outline, 'an outline of 2 px or more').toBeGreaterThanOrEqual(2);
		expect(ring.width, 'the ring is as wide as the name').toBeGreaterThanOrEqual(ring.nameWidth - 1);
		expect(ring.height, 'the ring is as tall as the name').toBeGreaterThanOrEqual(ring.nameHeight - 1);
		await page.context().close();
	});
});

describe.each([PHONE, VIEWPORTS.narrow])('a reader of a phone $width px wide', (viewport) => {
	test('finds the punctuation after each mention on the line where the name ends, even a name longer than a line', async () => {
		const stranded: string[] = [];
		let checked = 0;
		for (const path of explainers) {
			const page = await open(path, { viewport });
			const found = await page.evaluate(() => {
				let checked = 0;
				const stranded = [...document.querySelectorAll<HTMLElement>('a.mention__link')].flatMap((link) => {
					// The text a reader sees next: the card and the tap button are not in the line.
					const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT, {
						acceptNode: (node) =>
							link.contains(node) || node.parentElement?.closest('.mention__card, .mention__toggle')
								? NodeFilter.FILTER_REJECT
								: NodeFilter.FILTER_ACCEPT,
					});
					walker.currentNode = link;
					const next = walker.nextNode();
					const text = next?.textContent ?? '';
					if (!next || !/^[,.;:!?…)\]”’]/.test(text)) return [];
					const range = document.createRange();
					range.setStart(next, 0);
					range.setEnd(next, 1);
					const mark = range.getBoundingClientRect();
					const end = [...link.getClientRects()].filter((rect) => rect.width > 0).at(-1);
					if (!end) return [];
					checked += 1;
					if (Math.abs(mark.top - end.top) < end.height / 2) return [];
					return [`"${text[0]}" after ${link.id} starts the next line`];
				});
				return { stranded, checked };
			});
			stranded.push(...found.stranded.map((text) => `${path}: ${text}`));
			checked += found.checked;
			await page.context().close();
		}
		expect(stranded).toEqual([]);
		expect(checked, 'mentions followed by punctuation').toBeGreaterThan(0);
	});
});

test('the mention cards met no console error, CSP violation, failed response or request off 127.0.0.1', () => {
	expect(reports.length).toBeGreaterThan(0);
	expect(
		reports.flatMap((report) => [
			...report.errors,
			...report.cspViolations,
			...report.failedResponses,
			...report.offHostRequests,
		]),
	).toEqual([]);
});
