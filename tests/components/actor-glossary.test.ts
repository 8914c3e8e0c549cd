import { describe, expect, test } from 'vitest';
import ActorGlossary from '../../src/mentions/ActorGlossary.astro';
import type { GlossaryActor } from '../../src/mentions/GlossaryEntry.astro';
import { render } from '../helpers/render';

const actor = (id: string, name: string, kind: GlossaryActor['kind']): GlossaryActor => ({
	id,
	name,
	kind,
	aliases: [],
	summary: `${name}, in one sentence.`,
	affiliations: [],
	mentions: [],
});

/** In the article's order, which mixes kinds. */
const actors = [
	actor('kataib-hezbollah', 'Kataib Hezbollah', 'armed-group'),
	actor('abu-hussein-al-hamidawi', 'Abu Hussein al-Hamidawi', 'person'),
	actor('iran', 'Iran', 'country'),
	actor('white-house', 'White House', 'government-agency'),
	actor('joe-biden', 'Joe Biden', 'person'),
	actor('islamic-resistance-in-iraq', 'Islamic Resistance in Iraq', 'coalition'),
	actor('pentagon', 'Pentagon', 'government-agency'),
	actor('islamic-state', 'Islamic State', 'armed-group'),
];

describe('ActorGlossary', () => {
	test('is the "Who’s who" section', async () => {
		const $ = await render(ActorGlossary, { props: { actors } });
		const section = $('section#whos-who');
		expect(section.attr('aria-labelledby')).toBe('whos-who-heading');
		expect(section.children('h2').text()).toBe('Who’s who');
	});

	test('groups actors by kind in glossary order', async () => {
		const $ = await render(ActorGlossary, { props: { actors } });
		const groups = $('#whos-who div.glossary-group')
			.toArray()
			.map((group) => [
				$(group).children('h3').text(),
				$(group)
					.find('.entry h4')
					.toArray()
					.map((h4) => $(h4).text()),
			]);
		expect(groups).toEqual([
			['People', ['Abu Hussein al-Hamidawi', 'Joe Biden']],
			['Armed groups', ['Kataib Hezbollah', 'Islamic State']],
			['Coalitions', ['Islamic Resistance in Iraq']],
			['Government agencies', ['White House', 'Pentagon']],
			['Countries', ['Iran']],
		]);
	});

	test('labels each group by its heading, whose id names the kind, as a group and not a landmark', async () => {
		const $ = await render(ActorGlossary, { props: { actors } });
		expect($('#whos-who section')).toHaveLength(0);
		const labels = $('.glossary-group')
			.toArray()
			.map((group) => {
				expect($(group).attr('role')).toBe('group');
				const id = $(group).attr('aria-labelledby');
				return [id, $(group).children('h3').attr('id')];
			});
		expect(labels).toEqual([
			['whos-who-person', 'whos-who-person'],
			['whos-who-armed-group', 'whos-who-armed-group'],
			['whos-who-coalition', 'whos-who-coalition'],
			['whos-who-government-agency', 'whos-who-government-agency'],
			['whos-who-country', 'whos-who-country'],
		]);
	});

	test('shows no heading for a kind no actor has', async () => {
		const $ = await render(ActorGlossary, { props: { actors: [actor('iran', 'Iran', 'country')] } });
		expect($('.glossary-group')).toHaveLength(1);
		expect(
			$('h3')
				.toArray()
				.map((h3) => $(h3).text()),
		).toEqual(['Countries']);
		expect($('#whos-who-person')).toHaveLength(0);
	});

	test('gives every actor an entry anchored at actor-<id>', async () => {
		const $ = await render(ActorGlossary, { props: { actors } });
		const ids = $('.entry')
			.toArray()
			.map((entry) => $(entry).attr('id'))
			.sort();
		expect(ids).toEqual(actors.map((a) => `actor-${a.id}`).sort());
	});
});
