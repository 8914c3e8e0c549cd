import type { CheerioAPI } from 'cheerio';
import { describe, expect, test } from 'vitest';
import Relations from '../../src/relations/Relations.astro';
import type { ActorEntry } from '../../src/actors/as-of';
import { connectionsOn } from '../../src/relations/relations';
import { ActorSchema } from '../../src/schemas/actor';
import { explainerPath } from '../../src/utils/paths';
import { render } from '../helpers/render';

/** Explainers of this test's own, by id: the days their facts hold, and their titles. */
const reportDays = new Map([
	['fixture-strikes-2023', '2023-12-25'],
	['fixture-pause-2024', '2024-01-30'],
]);

const actor = (id: string, name: string, affiliations: unknown[] = []): ActorEntry & { data: { name: string } } => ({
	id,
	data: ActorSchema().parse({ name, kind: 'organization', summary: `${name}.`, affiliations }),
});

const actors = [
	actor('group', 'Northern Front', [
		{ relation: 'opposed-to', actor: 'country', reportedIn: 'fixture-strikes-2023' },
		{ relation: 'allied-with', actor: 'country', from: 2017, to: 2017, reportedIn: 'fixture-pause-2024' },
	]),
	actor('country', 'Ostland'),
	actor('agency', 'Security Council of Ostland', [{ relation: 'part-of', actor: 'country' }]),
	actor('bystander', 'Southern League'),
];
const titles = new Map([
	['fixture-strikes-2023', 'The army strikes the Front'],
	['fixture-pause-2024', 'The council says the talks will go on'],
]);
const day = '2024-01-30';
const explainer = { id: 'fixture-pause-2024', title: 'The council says the talks will go on' };

async function renderRelations(): Promise<CheerioAPI> {
	const connections = connectionsOn(actors, day, reportDays);
	return render(Relations, { props: { connections, actors, explainer, day, titles } });
}

const cells = ($: CheerioAPI) =>
	$('tbody tr')
		.toArray()
		.map((row) =>
			$(row)
				.children('td')
				.toArray()
				.map((cell) => $(cell).text().replace(/\s+/g, ' ').trim()),
		);

describe('Relations', () => {
	test('is the "How they are connected" section', async () => {
		const $ = await renderRelations();
		expect($('section#connections').attr('aria-labelledby')).toBe('connections-heading');
		expect($('#connections-heading').text()).toBe('How they are connected');
	});

	test('draws an image with a title, a short description and every relation’s words', async () => {
		const $ = await renderRelations();
		const svg = $('figure svg');
		expect(svg.attr('role')).toBe('img');
		const [titleId, descId] = (svg.attr('aria-labelledby') ?? '').split(' ');
		expect($(`title#${titleId}`).text()).toBe(
			'How the actors of “The council says the talks will go on” are connected, as of 30 January 2024',
		);
		expect($(`desc#${descId}`).text()).toBe(
			'2 relations between 3 actors. Changed: Northern Front and Ostland: allied (2017) → opposed. ' +
				'The table that follows sets out each one.',
		);
		// A label too long for one line is wrapped, one <text> a line.
		const labelLines = $('.relations__label text')
			.toArray()
			.map((line) => $(line).text());
		expect(labelLines).toEqual(['allied (2017) →', 'opposed', 'part of']);
		expect($('.relations__node text').text()).not.toContain('Southern League');
	});

	test('lists the same relations in a table, each actor linked to its entry in “Who’s who”', async () => {
		const $ = await renderRelations();
		expect(
			$('thead th')
				.toArray()
				.map((th) => $(th).text()),
		).toEqual(['Actor', 'Relation', 'Other actor', 'When', 'As reported in']);
		expect(cells($)).toEqual([
			[
				'Northern Front',
				'allied (2017) → opposed',
				'Ostland',
				'As reported on 25 December 2023',
				'allied (2017): this explainer; opposed: The army strikes the Front',
			],
			['Security Council of Ostland', 'part of', 'Ostland', 'Dates not reported', 'not recorded'],
		]);
		const actorLinks = $('tbody td:nth-child(1) a, tbody td:nth-child(3) a')
			.toArray()
			.map((link) => link.attribs['href']);
		expect(actorLinks).toEqual(['#actor-group', '#actor-country', '#actor-agency', '#actor-country']);
		expect($('tbody td:nth-child(5) a').attr('href')).toBe(explainerPath('fixture-strikes-2023'));
	});

	test('dates its table with the explainer’s day', async () => {
		const $ = await renderRelations();
		expect($('table caption').text().replace(/\s+/g, ' ').trim()).toBe('Relations as of 30 January 2024');
		expect($('table caption time').attr('datetime')).toBe(day);
	});

	test('frames the graphic as a tab stop, to scroll from the keyboard, with a hint, only where it may scroll', async () => {
		const $ = await renderRelations();
		const frame = $('figure .relations__scroll');
		const mayScroll = Number($('figure svg').attr('width')) > 288;
		expect(frame.attr('tabindex')).toBe(mayScroll ? '0' : undefined);
		expect(frame.attr('aria-label')).toBe(mayScroll ? 'Relations graphic' : undefined);
		expect($('.relations__hint')).toHaveLength(mayScroll ? 1 : 0);
	});

	test('names the explainer’s actors that have no relation', async () => {
		const $ = await renderRelations();
		expect($('.relations__none').text()).toBe('No relation recorded for: Southern League.');
	});

	test('uses no inline style or script, which the content security policy forbids', async () => {
		const $ = await renderRelations();
		expect($('#connections [style], #connections script')).toHaveLength(0);
	});
});
