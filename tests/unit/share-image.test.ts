import { charactersCardCannotDraw } from '../../src/share-image/coverage';
import sharp from 'sharp';
import { describe, expect, test } from 'vitest';
import {
	renderShareImage,
	textsOnCard,
	SHARE_IMAGE_HEIGHT,
	SHARE_IMAGE_WIDTH,
	type ShareImageInput,
} from '../../src/share-image/card';

const CARD: ShareImageInput = {
	title: 'Kataib Hezbollah says it is suspending attacks on US forces',
	dek: 'Who is who, who said what, and how we got here.',
	siteName: 'The Explainer Desk',
};

/** The footer's top edge: a 2 px rule over a band of 24 + 48 + 24 px. */
const FOOTER_TOP = SHARE_IMAGE_HEIGHT - 98;

/** The card decoded to RGB, with a reader of one pixel's colour as `#rrggbb` and a test for dark ink. */
async function drawnCard(card = CARD) {
	const png = await renderShareImage(card);
	const { data, info } = await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true });
	const at = (x: number, y: number) => (y * info.width + x) * info.channels;
	const colourAt = (x: number, y: number) =>
		`#${[0, 1, 2].map((channel) => data[at(x, y) + channel]!.toString(16).padStart(2, '0')).join('')}`;
	/** The headline's ink (#1b1b1b), not the dek's grey (#555555) nor its antialiased edges. */
	const isDark = (x: number, y: number) => [0, 1, 2].every((channel) => data[at(x, y) + channel]! < 0x40);
	return { png, data, info, colourAt, isDark };
}

/** The rows of the text area (above the footer, inside the margins) that hold dark ink. */
function darkRows({ isDark }: Awaited<ReturnType<typeof drawnCard>>): number[] {
	const rows: number[] = [];
	for (let y = 16; y < FOOTER_TOP; y++) {
		for (let x = 72; x < SHARE_IMAGE_WIDTH - 72; x++) {
			if (isDark(x, y)) {
				rows.push(y);
				break;
			}
		}
	}
	return rows;
}

describe('the share image', () => {
	test('is a PNG that decodes to 1200×630', async () => {
		const { png, info } = await drawnCard();
		expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
		expect([info.width, info.height]).toEqual([SHARE_IMAGE_WIDTH, SHARE_IMAGE_HEIGHT]);
	});

	test('is the same bytes for the same input, and other bytes for another headline', async () => {
		const [first, again, other] = await Promise.all([
			renderShareImage(CARD),
			renderShareImage({ ...CARD }),
			renderShareImage({ ...CARD, title: 'Another headline' }),
		]);
		expect(again.equals(first)).toBe(true);
		expect(other.equals(first)).toBe(false);
	});

	test('has the red bar at the top, the white page, and the footer band with its rule inside the card', async () => {
		const { colourAt } = await drawnCard();
		expect(colourAt(600, 4)).toBe('#a3161b');
		expect(colourAt(1100, 480)).toBe('#ffffff');
		expect(colourAt(1100, FOOTER_TOP + 1)).toBe('#d6d3cc');
		expect(colourAt(1100, SHARE_IMAGE_HEIGHT - 60)).toBe('#f4f2ee');
		expect(colourAt(1100, SHARE_IMAGE_HEIGHT - 1)).toBe('#f4f2ee');
	});

	test("draws the site's mark in the footer: a red square with a white E, left of the site's name", async () => {
		const { colourAt, isDark } = await drawnCard();
		const top = SHARE_IMAGE_HEIGHT - 24 - 48;
		// The square's left edge, away from its rounded corners, and the E's upright stroke (x 9 to 13.5 of 32).
		expect(colourAt(76, top + 24)).toBe('#a3161b');
		expect(colourAt(72 + Math.round((11 * 48) / 32), top + 24)).toBe('#ffffff');
		expect(colourAt(60, top + 24)).toBe('#f4f2ee');
		// The name in dark ink right of the mark, and nothing right of where a name of 18 letters can reach.
		const name = Array.from({ length: 48 }, (_, y) => Array.from({ length: 300 }, (_, x) => isDark(138 + x, top + y)));
		expect(name.flat()).toContain(true);
		expect(Array.from({ length: 48 }, (_, y) => colourAt(700, top + y)).every((c) => c === '#f4f2ee')).toBe(true);
	});

	test('draws the headline in dark ink under the bar, where a card without it is white', async () => {
		const card = await drawnCard();
		const blank = await drawnCard({ ...CARD, title: '' });
		const inked = (drawn: typeof card) =>
			Array.from({ length: 900 }, (_, x) => drawn.isDark(72 + x, 110)).filter(Boolean).length;
		expect(inked(card)).toBeGreaterThan(50);
		expect(inked(blank)).toBe(0);
		// The dek moves up when there is no headline, so only the headline's rows are compared.
		let differing = 0;
		for (let y = 72; y < 140; y++)
			for (let x = 72; x < 1128; x++) if (card.isDark(x, y) !== blank.isDark(x, y)) differing++;
		expect(differing).toBeGreaterThan(1_000);
	});

	test('clamps a headline too long for the card to four lines that end in an ellipsis, and the dek to three', async () => {
		const words = (count: number, word: string) => Array.from({ length: count }, () => word).join(' ');
		const long = await drawnCard({ ...CARD, title: words(60, 'Hezbollah'), dek: words(90, 'Jordan') });
		// Four lines of 48 px at a line height of 1.15, from 72 px down: the headline's ink ends above 72 + 4 × 55.2.
		const rows = darkRows(long);
		expect(rows.length).toBeGreaterThan(0);
		expect(Math.max(...rows)).toBeLessThan(72 + 4 * 55.2);
		// It is drawn as the words that fit on four lines (four to a line) and an ellipsis, the dek as three lines.
		const clamped = await drawnCard({
			...CARD,
			title: `${words(16, 'Hezbollah')}…`,
			dek: `${words(30, 'Jordan')}…`,
		});
		expect(long.png.equals(clamped.png)).toBe(true);
	});

	test('cuts a headline or dek too long for the card after a whole word, with an ellipsis', async () => {
		// A dek whose third line ends in a word the ellipsis leaves no room for ("what Washingt…" as takumi clamps it).
		const dek =
			'Kataib Hezbollah claimed the 28 January 2024 drone attack that killed three American soldiers. A month ' +
			'earlier, US forces had struck the group in Iraq after an attack on Erbil Air Base. What we know, and what ' +
			'Washington says comes next.';
		const title = Array.from({ length: 30 }, (_, index) => `Word${index}`).join(' ');
		// A text that ends in an ellipsis of its own, far too long: cut from what the card shows, not word by word.
		const long = `${'Washington says the strikes will go on. '.repeat(12)}And more…`;
		const drawn = await textsOnCard({ ...CARD, title, dek });
		const drawnLong = await textsOnCard({ ...CARD, dek: long });
		// What is drawn fits: measured again, nothing more is cut.
		expect(await textsOnCard(drawn)).toEqual(drawn);
		expect(await textsOnCard(drawnLong)).toEqual(drawnLong);
		for (const [text, shown] of [
			[title, drawn.title],
			[dek, drawn.dek],
			[long, drawnLong.dek],
		] as const) {
			expect(shown).toMatch(/\S…$/);
			const kept = shown.slice(0, -1);
			expect(text.startsWith(kept), shown).toBe(true);
			expect(text[kept.length], `${shown}: cut after a whole word`).toBe(' ');
		}
		expect(await textsOnCard(CARD)).toEqual(CARD);
	});

	test('keeps the longest text, and a word too long for a line, inside the margins and above the footer', async () => {
		const words = (count: number, word: string) => Array.from({ length: count }, () => word).join(' ');
		for (const card of [
			{ ...CARD, title: words(20, 'Hezbollah').slice(0, 140), dek: words(60, 'Jordan') },
			{ ...CARD, title: `Erdoğan’s ${'Supercalifragilistic'.repeat(4)} — it ends`, dek: 'J'.repeat(200) },
		]) {
			const { colourAt } = await drawnCard(card);
			// The 24 rows above the footer's rule, and the margins left and right, hold no ink.
			for (let y = FOOTER_TOP - 24; y < FOOTER_TOP; y++)
				for (let x = 0; x < SHARE_IMAGE_WIDTH; x += 3) expect(colourAt(x, y), `${x},${y}`).toBe('#ffffff');
			for (let y = 20; y < FOOTER_TOP; y += 2) {
				expect(colourAt(40, y), `40,${y}`).toBe('#ffffff');
				expect(colourAt(SHARE_IMAGE_WIDTH - 40, y), `${SHARE_IMAGE_WIDTH - 40},${y}`).toBe('#ffffff');
			}
		}
	});
});

describe('the characters the card can draw', () => {
	test('are those of its Latin and Latin Extended fonts, with typographic punctuation', () => {
		expect(charactersCardCannotDraw('Erdoğan’s “pause” – explained… in Łódź, for €5')).toEqual([]);
	});

	test('take a letter and its combining accent as one, and name an invisible character by its code point', () => {
		expect(charactersCardCannotDraw('Cafe\u0301 talks')).toEqual([]);
		expect(charactersCardCannotDraw('Talks\uE000, then \u0489')).toEqual(['U+E000', 'U+0489']);
	});

	test('leave out other scripts and emoji, each once, in order', () => {
		expect(charactersCardCannotDraw('Зеленський — Ζ ✅ Зе ✅')).toEqual([
			'З',
			'е',
			'л',
			'н',
			'с',
			'ь',
			'к',
			'и',
			'й',
			'Ζ',
			'✅',
		]);
	});
});
