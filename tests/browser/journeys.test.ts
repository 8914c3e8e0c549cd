/*
 * Reader journeys through an explainer in a real browser, at 375 px and 1280 px: from the home page to the
 * explainer, a mention's preview card (hover, keyboard, tap), the glossary entry, the actor's page and back; pull
 * quotes to their speakers; print; dark mode. Full-page screenshots land in test-results/browser/. Search (an
 * actor's alias finds the explainer) has its own journey in search.test.ts.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import {
	BASE,
	articleSlugs,
	asTyped,
	explainerUrl,
	listingPages,
	loadPage,
	readActor,
	readArticleFrontmatter,
} from '../helpers/built-site';
import { pageOpener, servedSiteInChromium } from '../helpers/served-site';
import { VIEWPORTS, describeViolations, saveScreenshot, tabUntil, type BrowserReport } from '../helpers/browser';

/** How many mentions the journey's explainer needs: hovering over every card means something only with several. */
const MENTIONS = 6;

/**
 * The explainer the journeys go through, chosen from the content: the one with the most mentions in its story among
 * those with a pull quote and at least {@link MENTIONS} mentions (the first by slug on a tie). The journeys test what
 * every explainer page does; the file fails to load when no explainer has what they need.
 */
const SLUG = (() => {
	const [chosen] = articleSlugs()
		.filter((slug) => readArticleFrontmatter(slug).quotes.some((quote) => quote.pull))
		.map((slug) => ({ slug, mentions: loadPage(explainerUrl(slug))('.mention').length }))
		.filter(({ mentions }) => mentions >= MENTIONS)
		.sort((a, b) => b.mentions - a.mentions || a.slug.localeCompare(b.slug));
	if (!chosen) {
		throw new Error(
			`No explainer has a pull quote and ${MENTIONS} mentions or more: the tests’ own explainer ` +
				'(tests/fixtures/test-build/) should be one',
		);
	}
	return chosen.slug;
})();
const article = readArticleFrontmatter(SLUG);

const site = servedSiteInChromium();
const reports: BrowserReport[] = [];

/** A fresh page in a watched context; the context's report is checked after each journey. */
const open = pageOpener(site, reports);

/** The actor id a mention or speaker link leads to (`#actor-<id>`). */
async function actorOf(link: Locator): Promise<string> {
	const href = (await link.getAttribute('href')) ?? '';
	const id = /^#actor-(.+)$/.exec(href)?.[1];
	if (!id) throw new Error(`${href} is not a link to a glossary entry`);
	return id;
}

/** Where an element is, relative to the viewport, once the browser has laid it out. */
async function rectOf(locator: Locator) {
	return locator.evaluate((element) => {
		const { top, bottom, left, right } = element.getBoundingClientRect();
		return { top, bottom, left, right, viewportWidth: innerWidth, viewportHeight: innerHeight };
	});
}

/** Whether a reader sees the element's top: inside the viewport, not scrolled away. */
async function inViewport(locator: Locator): Promise<boolean> {
	const rect = await rectOf(locator);
	return rect.bottom > 0 && rect.top >= 0 && rect.top < rect.viewportHeight && rect.right > 0;
}

/** Checks that the page now shows the glossary entry of `id`, headed by the actor's name. */
async function expectGlossaryEntry(page: Page, id: string): Promise<void> {
	await page.waitForURL((url) => url.hash === `#actor-${id}`, { timeout: 5_000 });
	const entry = page.locator(`[id="actor-${id}"]`);
	expect(await entry.evaluate((element) => element.matches(':target'))).toBe(true);
	const heading = entry.locator('h4');
	expect(asTyped(await heading.innerText())).toBe(asTyped(readActor(id).name));
	expect(await inViewport(heading), `the heading of #actor-${id} is in view`).toBe(true);
}

/**
 * From the glossary entry of `id`, follows its link to the actor's page (by click or tap), checks the page is the
 * actor's and lists the explainer, and comes back to the entry.
 */
async function visitActorPageAndReturn(page: Page, id: string, how: 'click' | 'tap'): Promise<void> {
	const profile = page.locator(`[id="actor-${id}"] a[href$="/actors/${id}/"]`);
	expect(await profile.count(), `the glossary entry of ${id} links to the actor’s page`).toBe(1);
	await (how === 'tap' ? profile.tap() : profile.click());
	await page.waitForURL((url) => url.pathname === `${BASE}actors/${id}/`, { timeout: 5_000 });
	expect(asTyped(await page.locator('h1').innerText())).toBe(asTyped(readActor(id).name));
	// The explainer is on the actor's page or, when the actor features in many, on one of the pages after it.
	const listed = listingPages(`${BASE}actors/${id}/`).some(
		(listing) => loadPage(listing)(`#explainers a[href="${explainerUrl(SLUG)}"]`).length > 0,
	);
	expect(listed, 'the actor’s pages list the explainer').toBe(true);
	await page.goBack();
	await expectGlossaryEntry(page, id);
}

/** Checks that a card is shown, names the actor, and fits across the viewport. */
async function expectCardShown(card: Locator, id: string): Promise<void> {
	expect(await card.isVisible()).toBe(true);
	expect(asTyped(await card.locator('.mention__name').innerText())).toBe(asTyped(readActor(id).name));
	const rect = await rectOf(card);
	expect(rect.left, 'the card starts inside the viewport').toBeGreaterThanOrEqual(0);
	expect(rect.right, 'the card ends inside the viewport').toBeLessThanOrEqual(rect.viewportWidth);
}

describe.each([VIEWPORTS.narrow, VIEWPORTS.wide])('a reader on a screen $width px wide', (viewport) => {
	const explainer = explainerUrl(SLUG);

	test('goes from the home page to the explainer by its headline', async () => {
		const page = await open(BASE, { viewport });
		// The home page lists a page of explainers at a time: the reader goes on to the next page until it is there.
		const link = page.locator(`main a[href="${explainer}"]`).first();
		while ((await link.count()) === 0) {
			const next = page.locator('main nav a[rel="next"]');
			expect(await next.count(), 'the home page or a page after it lists the explainer').toBe(1);
			const href = await next.getAttribute('href');
			await Promise.all([page.waitForURL((url) => url.pathname === href), next.click()]);
		}
		expect(asTyped(await link.innerText()), 'the link is the headline').toBe(asTyped(article.title));
		await link.click();
		await page.waitForURL((url) => url.pathname === explainer);
		expect(asTyped(await page.locator('h1').innerText())).toBe(asTyped(article.title));
		await page.context().close();
	});

	test('sees a mention’s preview card on hover, moves onto it, clicks through to the glossary entry and the actor’s page, and comes back', async () => {
		const page = await open(explainer, { viewport });
		const mention = page.locator('.mention').nth(1);
		const link = mention.locator('a.mention__link');
		const card = mention.locator('.mention__card');
		const id = await actorOf(link);
		// A hover-capable reader follows the link itself; the tap button stays hidden.
		expect(await mention.locator('button.mention__toggle').isVisible()).toBe(false);
		expect(await card.isVisible()).toBe(false);

		await link.hover();
		await expectCardShown(card, id);
		await page.mouse.move(0, 0, { steps: 10 });
		expect(await card.isVisible(), 'the card leaves with the pointer').toBe(false);

		// The pointer travels, as a hand moves it, from the mention to the card's link without losing the card.
		await link.hover();
		const more = card.locator('a.mention__more');
		const target = await more.boundingBox();
		if (!target) throw new Error('The card’s glossary link has no box');
		await page.mouse.move(target.x + 5, target.y + target.height / 2, { steps: 30 });
		expect(await card.isVisible(), 'the card stays while the pointer moves onto it').toBe(true);
		await page.mouse.down();
		await page.mouse.up();
		await expectGlossaryEntry(page, id);
		await visitActorPageAndReturn(page, id, 'click');
		await page.goBack();
		expect(new URL(page.url()).hash).toBe('');
		expect(await inViewport(link), 'back in the story, at the mention').toBe(true);
		await page.context().close();
	});

	test('follows a mention’s own link with a click', async () => {
		const page = await open(explainer, { viewport });
		const link = page.locator('a.mention__link').first();
		const id = await actorOf(link);
		await link.click();
		await expectGlossaryEntry(page, id);
		await page.context().close();
	});

	test('sees every mention’s card whole, inside the viewport, on hover', async () => {
		const page = await open(explainer, { viewport });
		const mentions = await page.locator('.mention').all();
		expect(mentions.length).toBeGreaterThanOrEqual(MENTIONS);
		for (const mention of mentions) {
			const link = mention.locator('a.mention__link');
			await link.hover();
			await expectCardShown(mention.locator('.mention__card'), await actorOf(link));
		}
		await page.context().close();
	});

	test('opens a mention’s card with the keyboard, follows it to the glossary entry with Enter and comes back', async () => {
		const page = await open(explainer, { viewport });
		await tabUntil(page, 'a.mention__link');
		const link = page.locator('a.mention__link:focus');
		const id = await actorOf(link);
		const card = page.locator('.mention:has(a.mention__link:focus) .mention__card');
		await expectCardShown(card, id);
		expect(await link.getAttribute('aria-describedby')).toBe(await card.getAttribute('id'));

		await page.keyboard.press('Enter');
		await expectGlossaryEntry(page, id);
		await page.goBack();
		expect(new URL(page.url()).hash).toBe('');
		expect(await inViewport(page.locator(`a.mention__link[href="#actor-${id}"]`).first())).toBe(true);
		await page.context().close();
	});

	test('follows each pull quote to its speaker’s glossary entry', async () => {
		const page = await open(explainer, { viewport });
		const pulled = article.quotes.filter((quote) => quote.pull);
		expect(pulled.length).toBeGreaterThan(0);
		for (const quote of pulled) {
			const figure = page.locator(`figure[id="quote-${quote.id}"]`);
			expect(asTyped(await figure.locator('blockquote').innerText())).toContain(asTyped(quote.text).slice(0, 40));
			const speaker = figure.locator('a.attribution__speaker');
			expect(asTyped(await speaker.innerText())).toBe(asTyped(readActor(quote.speaker).name));
			await speaker.click();
			await expectGlossaryEntry(page, quote.speaker);
			await page.goBack();
			expect(await inViewport(speaker), `back at the quote ${quote.id}`).toBe(true);
		}
		await page.context().close();
	});

	test('prints the explainer without navigation, with its quotes and sources', async () => {
		const page = await open(explainer, { viewport });
		await page.emulateMedia({ media: 'print' });
		for (const hidden of ['.skip-link', 'header.site-header', 'nav[aria-label="Site"]', 'nav.toc']) {
			expect(await page.locator(hidden).isVisible(), `${hidden} is hidden in print`).toBe(false);
		}
		expect(await page.locator('button.mention__toggle:visible, .mention__card:visible').count()).toBe(0);
		expect(await page.locator('h1').isVisible()).toBe(true);
		const quotes = page.locator('#who-said-what figure.pull-quote');
		expect(await quotes.count()).toBe(article.quotes.filter((quote) => quote.pull).length);
		for (const quote of await quotes.all()) expect(await quote.isVisible()).toBe(true);
		const phrases = page.locator('#who-said-what .phrases li');
		expect(await phrases.count()).toBe(article.quotes.filter((quote) => !quote.pull).length);
		for (const quote of await phrases.all()) expect(await quote.isVisible()).toBe(true);
		const sources = page.locator('#sources');
		expect(await sources.isVisible()).toBe(true);
		for (const source of article.sources) expect(await sources.innerText()).toContain(source.name);
		await page.context().close();
	});

	test('prints from a dark system in the light palette: every text at least 4.5:1 on white paper', async () => {
		const page = await open(explainer, { viewport, colorScheme: 'dark' });
		await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
		const printed = await page.evaluate(() => {
			const colours = new Set<string>();
			for (const element of document.querySelectorAll('main *')) {
				const hasText = [...element.childNodes].some((node) => node.nodeType === 3 && node.textContent?.trim());
				if (hasText && element.getClientRects().length > 0) colours.add(getComputedStyle(element).color);
			}
			const heading = getComputedStyle(document.querySelector('main h2') ?? document.body);
			return { colours: [...colours], headingBreakAfter: heading.breakAfter };
		});
		expect(printed.colours.length).toBeGreaterThan(0);
		for (const colour of printed.colours) {
			expect(1.05 / (luminance(colour) + 0.05), `${colour} on white`).toBeGreaterThanOrEqual(4.5);
		}
		expect(printed.headingBreakAfter).toBe('avoid');
		await page.context().close();
	});

	for (const colorScheme of ['light', 'dark'] as const) {
		test(`reads the explainer in ${colorScheme} mode with readable contrast, even with a card open (screenshot saved)`, async () => {
			const page = await open(explainer, { viewport, colorScheme });
			const colours = await page.evaluate(() => {
				const style = getComputedStyle(document.body);
				return { background: style.backgroundColor, text: style.color };
			});
			expect(luminance(colours.background) < 0.2, `background ${colours.background}`).toBe(colorScheme === 'dark');
			expect(luminance(colours.text) > 0.5, `text ${colours.text}`).toBe(colorScheme === 'dark');
			await saveScreenshot(page, `explainer-${viewport.width}-${colorScheme}`);

			/** axe's colour-contrast rule over the page, or only the part a state changed. */
			const contrast = async (state: string, part?: string) => {
				const axe = new AxeBuilder({ page }).withRules(['color-contrast']);
				const results = await (part ? axe.include(part) : axe).analyze();
				expect(results.passes.length + results.violations.length, `${state}: axe checked some text`).toBeGreaterThan(0);
				expect(describeViolations(results.violations), state).toEqual([]);
			};
			await contrast('the page');
			await tabUntil(page, 'a.mention__link');
			const link = page.locator('a.mention__link:focus');
			await contrast('with a mention’s card open', `#${await link.getAttribute('aria-describedby')}`);
			const id = await actorOf(link);
			await page.keyboard.press('Enter');
			await expectGlossaryEntry(page, id);
			await contrast('with a glossary entry highlighted', `#actor-${id}`);
			await page.context().close();
		});
	}
});

describe('a reader on a 375 px touch screen', () => {
	const touch = { viewport: VIEWPORTS.narrow, hasTouch: true, isMobile: true };

	test('taps a mention to open its card as a bottom sheet, taps through to the glossary entry and the actor’s page, and comes back', async () => {
		const page = await open(explainerUrl(SLUG), touch);
		const mention = page.locator('.mention').first();
		const link = mention.locator('a.mention__link');
		const card = mention.locator('.mention__card');
		const id = await actorOf(link);
		expect(await mention.locator('button.mention__toggle').isVisible(), 'the tap button covers the link').toBe(true);

		await link.scrollIntoViewIfNeeded();
		const box = await link.boundingBox();
		if (!box) throw new Error('The mention link has no box');
		await page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2);
		expect(new URL(page.url()).hash, 'the tap opens the card instead of following the link').toBe('');
		expect(await card.evaluate((element) => element.matches(':popover-open'))).toBe(true);
		await expectCardShown(card, id);
		const sheet = await rectOf(card);
		expect(sheet.bottom, 'the sheet sits on the bottom edge').toBeCloseTo(sheet.viewportHeight, 0);
		expect(sheet.left).toBe(0);
		expect(sheet.right).toBe(sheet.viewportWidth);

		await card.locator('a.mention__more').tap();
		await expectGlossaryEntry(page, id);
		const heading = await rectOf(page.locator(`[id="actor-${id}"] h4`));
		const sheetNow = await card.evaluate((element) =>
			element.matches(':popover-open') ? element.getBoundingClientRect().top : Infinity,
		);
		expect(heading.bottom, 'the entry’s heading is not under the sheet').toBeLessThanOrEqual(sheetNow);

		// A tap outside the sheet closes it (light dismiss).
		await page.touchscreen.tap(5, 5);
		expect(await card.evaluate((element) => element.matches(':popover-open'))).toBe(false);
		expect(await card.isVisible()).toBe(false);

		await visitActorPageAndReturn(page, id, 'tap');
		await page.goBack();
		expect(new URL(page.url()).hash).toBe('');
		expect(await inViewport(link), 'back in the story, at the mention').toBe(true);
		await page.context().close();
	});
});

test('the journeys met no console error, CSP violation, failed response or request off 127.0.0.1', () => {
	expect(reports.length).toBeGreaterThan(0);
	const problems = reports.flatMap((report) => [
		...report.errors,
		...report.cspViolations,
		...report.failedResponses,
		...report.offHostRequests,
	]);
	expect(problems).toEqual([]);
});

/** The relative luminance (WCAG) of a computed `rgb()`/`rgba()` colour. */
function luminance(colour: string): number {
	const [r = 0, g = 0, b = 0] = (colour.match(/[\d.]+/g) ?? []).slice(0, 3).map((part) => {
		const channel = Number(part) / 255;
		return channel <= 0.04045 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
	});
	return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
