/*
 * The relations graphic's frame, hint and description, rendered through Astro's container API on relations of this
 * test's own: a frame that can never scroll at 320 px or wider is no tab stop and has no hint; one that can is a tab
 * stop named for what it is, described by a hint that shows at every width; the description names what follows.
 */
import type { CheerioAPI } from 'cheerio';
import { describe, expect, test } from 'vitest';
import RelationsGraphic from '../../src/relations/RelationsGraphic.astro';
import { connection } from '../helpers/connection';
import { render } from '../helpers/render';

/** Two short names, one relation: a graphic far narrower than a 320 px screen's 288 px column. */
const small = {
	actors: [
		{ id: 'a', name: 'Ost' },
		{ id: 'b', name: 'West' },
	],
	connections: [connection('a', 'part-of', 'b')],
};

/** Six long names side by side under one: wider than the widest column, 640 px. */
const wide = {
	actors: [
		{ id: 'hub', name: 'Council of the Northern Provinces' },
		...Array.from({ length: 6 }, (_, i) => ({ id: `member-${i}`, name: `Northern Province Number ${i + 1}` })),
	],
	connections: Array.from({ length: 6 }, (_, i) => connection(`member-${i}`, 'part-of', 'hub')),
};

const renderGraphic = (fixture: typeof small, listing?: 'table' | 'list'): Promise<CheerioAPI> =>
	render(RelationsGraphic, { props: { ...fixture, title: 'How they are connected', listing } });

const widthOf = ($: CheerioAPI) => Number($('figure svg').attr('width'));

describe('RelationsGraphic', () => {
	test('frames a graphic that fits a 320 px screen without a tab stop, a name or a hint', async () => {
		const $ = await renderGraphic(small);
		expect(widthOf($)).toBeLessThanOrEqual(288);
		const frame = $('.relations__scroll');
		expect(frame).toHaveLength(1);
		expect(frame.attr('tabindex')).toBeUndefined();
		expect(frame.attr('role')).toBeUndefined();
		expect(frame.attr('aria-label')).toBeUndefined();
		expect($('.relations__hint')).toHaveLength(0);
	});

	test('frames a graphic wider than a column as a named tab stop, described by a hint worded true at any width', async () => {
		const $ = await renderGraphic(wide);
		expect(widthOf($)).toBeGreaterThan(640);
		const frame = $('.relations__scroll');
		expect(frame.attr('tabindex')).toBe('0');
		expect(frame.attr('role')).toBe('group');
		expect(frame.attr('aria-label')).toBe('Relations graphic');
		const hint = $('figcaption .relations__hint');
		expect(hint).toHaveLength(1);
		expect(frame.attr('aria-describedby')).toBe(hint.attr('id'));
		expect(hint.text().trim()).toBe('Where the graphic does not fit, scroll it sideways.');
	});

	test('says in its description that the table or the list that follows sets out each relation', async () => {
		const desc = async (listing?: 'table' | 'list') => {
			const $ = await renderGraphic(small, listing);
			const descId = ($('figure svg').attr('aria-labelledby') ?? '').split(' ')[1];
			return $(`desc#${descId}`).text();
		};
		expect(await desc('table')).toBe('1 relation between 2 actors. The table that follows sets out each one.');
		expect(await desc('list')).toBe('1 relation between 2 actors. The list that follows sets out each one.');
		// A page that does not say what follows gets words true of a table and of a list alike.
		expect(await desc()).toBe('1 relation between 2 actors. Each one is also set out in words after the graphic.');
	});
});
