/*
 * "How they are connected" as readers get it, on every explainer that has the section: at 320 px and at 1280 px,
 * in light and dark mode and in print. The graphic's text keeps its size (a graphic wider than the screen scrolls
 * inside its frame, never the page), the reader's own font fits each name and label in its box, text contrasts
 * with its box, the table fits the screen, and axe finds no WCAG 2.2 A or AA violation in the section.
 */
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { BASE, explainerUrl, articleSlugs, loadPage } from '../helpers/built-site';
import { servedSiteInChromium } from '../helpers/served-site';
import { WCAG_22_AA_TAGS, describeViolations } from '../helpers/browser';
import { connection } from '../helpers/connection';
import { render } from '../helpers/render';
import RelationsGraphic from '../../src/relations/RelationsGraphic.astro';
import type { Connection } from '../../src/relations/relations';

const explainers = articleSlugs()
	.map(explainerUrl)
	.filter((path) => loadPage(path)('section#connections').length > 0);

const site = servedSiteInChromium();

const READERS = {
	'320 px, light': { viewport: { width: 320, height: 640 }, colorScheme: 'light' },
	'1280 px, light': { viewport: { width: 1280, height: 800 }, colorScheme: 'light' },
	'1280 px, dark': { viewport: { width: 1280, height: 800 }, colorScheme: 'dark' },
} satisfies Record<string, BrowserContextOptions>;
type Reader = keyof typeof READERS;

async function open(path: string, reader: Reader): Promise<Page> {
	const { page } = await site.readers.get(reader, READERS[reader]);
	await page.emulateMedia({ media: 'screen' });
	await page.goto(new URL(path, site.server.origin).href);
	return page;
}

/** Runs in the page: how the section is laid out for the reader. */
function measureSection() {
	const section = document.querySelector('#connections')!;
	const svg = section.querySelector('svg')!;
	const frame = svg.parentElement!;
	const viewBoxWidth = svg.viewBox.baseVal.width;
	const fontSizes = [...svg.querySelectorAll('text')].map(
		(text) => parseFloat(getComputedStyle(text).fontSize) * (svg.getBoundingClientRect().width / viewBoxWidth),
	);
	// Each text's own drawn width, in the reader's font, against the box it is meant to fit in.
	const spills = [...svg.querySelectorAll('g')].flatMap((group) => {
		const rect = group.querySelector(':scope > rect');
		if (!(rect instanceof SVGRectElement)) return [];
		const box = rect.getBBox();
		return [...group.querySelectorAll('text')].flatMap((text) => {
			const drawn = text.getBBox();
			const inside =
				drawn.x >= box.x - 0.5 &&
				drawn.x + drawn.width <= box.x + box.width + 0.5 &&
				drawn.y >= box.y - 0.5 &&
				drawn.y + drawn.height <= box.y + box.height + 0.5;
			return inside ? [] : [`“${text.textContent}” spills out of its box`];
		});
	});
	frame.scrollLeft = frame.scrollWidth;
	const scrolledRight = svg.getBoundingClientRect().right;
	frame.scrollLeft = 0;
	// Phones get the column headings visually hidden, each cell labelled instead: the cells are what is read.
	const cells = [...section.querySelectorAll('td')].filter((cell) => cell.getBoundingClientRect().width > 0);
	return {
		pageOverflow: document.documentElement.scrollWidth - innerWidth,
		viewport: innerWidth,
		minFontSize: Math.min(...fontSizes),
		spills,
		svgWidth: svg.getBoundingClientRect().width,
		frameRight: frame.getBoundingClientRect().right,
		scrolledRight,
		frameFocusable: frame.tabIndex >= 0,
		cellsPastTheEdge: cells.filter((cell) => cell.getBoundingClientRect().right > innerWidth + 0.5).length,
	};
}

/** Runs in the page: the contrast of each text of the graphic with the fill of its box, lowest first. */
function textContrasts() {
	const channel = (value: number) => {
		const c = value / 255;
		return c <= 0.039_28 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
	};
	const luminance = (colour: string) => {
		const [r = 0, g = 0, b = 0] = (colour.match(/[\d.]+/g) ?? []).map(Number);
		return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
	};
	const svg = document.querySelector('#connections svg')!;
	return [...svg.querySelectorAll('g > rect')]
		.flatMap((rect) => {
			const text = rect.parentElement?.querySelector('text');
			if (!text) return [];
			const [a, b] = [luminance(getComputedStyle(text).fill), luminance(getComputedStyle(rect).fill)];
			return [(Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05)];
		})
		.sort((x, y) => x - y);
}

test('the explainers to check are found', () => {
	expect(explainers.length).toBeGreaterThan(0);
	expect(explainers.every((path) => path.startsWith(`${BASE}explainers/`))).toBe(true);
});

describe.each(explainers)('“How they are connected” on %s', (path) => {
	test.each(['320 px, light', '1280 px, light'] as const)(
		'reads at %s: text at full size in its boxes, the page not scrolling sideways, the table on screen',
		async (reader) => {
			const page = await open(path, reader);
			const measured = await page.evaluate(measureSection);
			expect(measured.pageOverflow, 'the page scrolls sideways').toBeLessThanOrEqual(0);
			expect(measured.minFontSize).toBeGreaterThanOrEqual(12);
			expect(measured.spills).toEqual([]);
			expect(measured.frameFocusable, 'the graphic’s frame takes the keyboard focus where it may scroll').toBe(
				measured.svgWidth > 288,
			);
			expect(measured.scrolledRight, 'scrolled to its end, the graphic’s right edge shows').toBeLessThanOrEqual(
				measured.frameRight + 0.5,
			);
			expect(measured.frameRight).toBeLessThanOrEqual(measured.viewport);
			expect(measured.cellsPastTheEdge, 'table cells past the edge of the screen').toBe(0);
		},
	);

	test.each(['320 px, light', '1280 px, light', '1280 px, dark'] as const)(
		'has no WCAG 2.2 A or AA violation (axe) at %s, and its graphic’s text contrasts at 4.5:1 or more',
		async (reader) => {
			const page = await open(path, reader);
			const results = await new AxeBuilder({ page }).include('#connections').withTags(WCAG_22_AA_TAGS).analyze();
			expect(describeViolations(results.violations)).toEqual([]);
			expect((await page.evaluate(textContrasts))[0]).toBeGreaterThanOrEqual(4.5);
		},
	);

	test('prints in black on white, the kinds still told apart by their lines', async () => {
		const page = await open(path, '1280 px, dark');
		await page.emulateMedia({ media: 'print', colorScheme: 'light' });
		const printed = await page.evaluate(() => {
			const svg = document.querySelector('#connections svg')!;
			return {
				lines: [...new Set([...svg.querySelectorAll('.relations__line')].map((line) => getComputedStyle(line).stroke))],
				texts: [...new Set([...svg.querySelectorAll('text')].map((text) => getComputedStyle(text).fill))],
			};
		});
		await page.emulateMedia({ media: 'screen' });
		expect(printed).toEqual({ lines: ['rgb(0, 0, 0)'], texts: ['rgb(0, 0, 0)'] });
	});
});

/*
 * Graphics of this test's own, rendered through Astro's container API and shown in a column as wide as the site's
 * (`--ex-measure`), with the component's own stylesheet and the site's: a reader's text spacing (WCAG 1.4.12) keeps
 * every name and label inside its box and the image, and a graphic wider than its column says so at every width.
 */
describe('a relations graphic of the test’s own', () => {
	const FIXTURES = {
		'a small one': {
			actors: [
				{ id: 'army', name: 'US Army' },
				{ id: 'country', name: 'WWW' },
			],
			connections: [connection('army', 'part-of', 'country')],
		},
		'one of long names and a changed relation': {
			actors: [
				{ id: 'group', name: 'Kataib Hezbollah' },
				{ id: 'army', name: 'US Army' },
				{ id: 'leader', name: 'Abu Hussein al-Hamidawi' },
				{ id: 'front', name: 'Islamic Resistance in Iraq' },
				{ id: 'patron', name: 'WMW Mumm' },
			],
			connections: [
				connection('group', 'opposed-to', 'army', [{ kind: 'allied-with', dates: '2017', reportedIn: [] }]),
				connection('leader', 'leads', 'group'),
				connection('group', 'member-of', 'front'),
				connection('patron', 'backs', 'group'),
			],
		},
		'one wider than the column, narrower than a wide screen': {
			actors: [
				{ id: 'hub', name: 'Council of the Northern Provinces' },
				...Array.from({ length: 4 }, (_, i) => ({ id: `member-${i}`, name: `Northern Province Number ${i + 1}` })),
			],
			connections: Array.from({ length: 4 }, (_, i) => connection(`member-${i}`, 'part-of', 'hub')),
		},
		'one wider than a wide screen': {
			actors: [
				{ id: 'hub', name: 'Council of the Northern Provinces' },
				...Array.from({ length: 9 }, (_, i) => ({ id: `member-${i}`, name: `Northern Province Number ${i + 1}` })),
			],
			connections: Array.from({ length: 9 }, (_, i) => connection(`member-${i}`, 'part-of', 'hub')),
		},
	} satisfies Record<string, { actors: { id: string; name: string }[]; connections: Connection[] }>;

	/** A stylesheet of the project as the browser gets it: `:global(x)` is x, and the component's classes are its own. */
	const stylesheet = (path: string) =>
		readFileSync(path, 'utf8')
			.replace(/^@import .*$/gm, '')
			.replace(/:global\(([^)]*)\)/g, '$1');
	const componentStyle = /<style>([\s\S]*)<\/style>/.exec(stylesheet('src/relations/RelationsGraphic.astro'))?.[1];
	const css = [
		stylesheet('src/styles/tokens.css'),
		stylesheet('src/styles/global.css'),
		componentStyle,
		// The page's frame: a main area with margins, and a column of text in it (BaseLayout, Section).
		'main { padding-inline: var(--ex-space-3); } .column { max-width: var(--ex-measure); margin-inline: auto; }',
	].join('\n');
	/** The text spacing WCAG 2.2 1.4.12 asks content to take without loss. */
	const TEXT_SPACING =
		'* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; } ' +
		'p { margin-block-end: 2em !important; }';

	async function openFixture(name: keyof typeof FIXTURES, width: number, spacing: boolean): Promise<Page> {
		const $ = await render(RelationsGraphic, { props: { ...FIXTURES[name], title: 'How they are connected' } });
		const page = await site.browser.newPage({ viewport: { width, height: 800 } });
		await page.setContent(
			`<!doctype html><html lang="en"><head><title>Fixture</title><style>${css}</style></head>` +
				`<body><main><div class="column">${$.html('figure')}</div></main></body></html>`,
		);
		if (spacing) await page.addStyleTag({ content: TEXT_SPACING });
		return page;
	}

	/** Runs in the page: each text past its box or past the image, as “text”: how far, in CSS pixels. */
	function textsOutside() {
		const svg = document.querySelector('svg')!;
		const image = svg.viewBox.baseVal;
		return [...svg.querySelectorAll<SVGTextElement>('g > text')].flatMap((text) => {
			const box = text.parentElement!.querySelector('rect')!.getBBox();
			const drawn = text.getBBox();
			const past = Math.max(
				box.x - drawn.x,
				drawn.x + drawn.width - (box.x + box.width),
				image.x - drawn.x,
				drawn.x + drawn.width - (image.x + image.width),
			);
			return past > 0.5 ? [`“${text.textContent}”: ${past.toFixed(1)} px`] : [];
		});
	}

	describe.each(Object.keys(FIXTURES) as (keyof typeof FIXTURES)[])('%s', (name) => {
		test.each([320, 1280])(
			'keeps every name and label inside its box and the image at %i px with 1.4.12 text spacing',
			async (width) => {
				const page = await openFixture(name, width, true);
				try {
					expect(await page.evaluate(textsOutside)).toEqual([]);
				} finally {
					await page.close();
				}
			},
		);

		test('opens a frame narrower than its graphic at 320 px on the first actor, whole in view', async () => {
			const page = await openFixture(name, 320, false);
			try {
				const opened = await page.evaluate((first) => {
					const frame = document.querySelector<HTMLElement>('.relations__scroll')!;
					const node = [...document.querySelectorAll('.relations__node')].find((group) =>
						group.textContent?.replace(/\s+/g, ' ').includes(first),
					)!;
					const [shown, box] = [frame.getBoundingClientRect(), node.getBoundingClientRect()];
					return {
						scrolls: frame.scrollWidth > frame.clientWidth,
						inView: box.left >= shown.left - 0.5 && box.right <= shown.right + 0.5,
					};
				}, FIXTURES[name].actors[0]!.name.split(' ')[0]!);
				expect(opened.inView).toBe(true);
				if (name === 'one wider than a wide screen') expect(opened.scrolls).toBe(true);
			} finally {
				await page.close();
			}
		});

		test('prints whole on an A4 page, scaled down to the column where wider', async () => {
			// An A4 page's printable width at the browser's default margins, in CSS pixels.
			const page = await openFixture(name, 718, false);
			try {
				await page.emulateMedia({ media: 'print' });
				const printed = await page.evaluate(() => {
					const frame = document.querySelector<HTMLElement>('.relations__scroll')!;
					const svg = document.querySelector('svg')!.getBoundingClientRect();
					const column = document.querySelector('.column')!.getBoundingClientRect();
					return {
						clipped: frame.scrollWidth > frame.clientWidth + 0.5,
						inColumn: svg.left >= column.left - 0.5 && svg.right <= column.right + 0.5,
						scaled: svg.width / document.querySelector('svg')!.viewBox.baseVal.width,
					};
				});
				expect(printed).toMatchObject({ clipped: false, inColumn: true });
				expect(printed.scaled).toBeLessThanOrEqual(1);
			} finally {
				await page.close();
			}
		});

		test.each([320, 768, 1280])(
			'shows whole at %i px where the page has room for it, in the column or beside it, else scrolls with its hint',
			async (width) => {
				const page = await openFixture(name, width, false);
				try {
					const shown = await page.evaluate(() => {
						const frame = document.querySelector<HTMLElement>('.relations__scroll')!;
						const hint = document.querySelector('.relations__hint');
						const main = document.querySelector('main')!;
						const padding = parseFloat(getComputedStyle(main).paddingInlineStart);
						const { left, right } = frame.getBoundingClientRect();
						return {
							scrolls: frame.scrollWidth > frame.clientWidth,
							hint: hint !== null && hint.checkVisibility() && hint.getBoundingClientRect().height > 0,
							focusable: frame.tabIndex >= 0,
							label: frame.getAttribute('aria-label'),
							graphicWidth: document.querySelector('svg')!.getBoundingClientRect().width,
							column: document.querySelector('.column')!.getBoundingClientRect().width,
							room: { left: padding, right: main.clientWidth - padding },
							frame: { left, right },
						};
					});
					const room = shown.room.right - shown.room.left;
					// Room for a scroll bar is kept (the CSS cannot tell whether the screen has one).
					if (shown.graphicWidth <= Math.max(shown.column, room - 24)) expect(shown.scrolls).toBe(false);
					if (shown.graphicWidth > room) expect(shown.scrolls).toBe(true);
					expect(shown.frame.left).toBeGreaterThanOrEqual(shown.room.left - 0.5);
					expect(shown.frame.right).toBeLessThanOrEqual(shown.room.right + 0.5);
					if (name === 'one wider than a wide screen') expect(shown.scrolls).toBe(true);
					if (name === 'one wider than the column, narrower than a wide screen' && width === 1280) {
						expect(shown.graphicWidth).toBeGreaterThan(shown.column);
						expect(shown.scrolls).toBe(false);
					}
					if (shown.scrolls) expect(shown).toMatchObject({ hint: true, focusable: true });
					expect(shown.label ?? '').not.toMatch(/scrolls/);
				} finally {
					await page.close();
				}
			},
		);
	});
});
