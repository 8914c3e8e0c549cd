import { beforeEach, describe, expect, test, vi } from 'vitest';
import MentionCard from '../../src/mentions/MentionCard.astro';
import { ActorSchema } from '../../src/schemas/actor';
import { render } from '../helpers/render';

/**
 * The collections the card reads, as the page's helpers hand them: actors by id (parsed by the real schema) and the
 * day of each explainer. Tests set them; the container API renders the component as the page does.
 */
const collections = vi.hoisted(() => ({
	actors: new Map<string, { id: string; collection: 'actors'; data: unknown }>(),
	reportDays: new Map<string, string>(),
}));
vi.mock('../../src/utils/articles', () => ({
	getActorsById: async () => collections.actors,
	getReportDays: async () => collections.reportDays,
}));

function setActor(id: string, yaml: Record<string, unknown>) {
	collections.actors.set(id, { id, collection: 'actors', data: ActorSchema().parse(yaml) });
}

const props = (actor: string, explainer: string, n = 1) => ({
	actor,
	id: `mention-${actor}-${n}`,
	anchor: `actor-${actor}`,
	explainer,
});

beforeEach(() => {
	collections.actors.clear();
	collections.reportDays.clear();
	collections.reportDays.set('earlier-story', '2015-06-01');
	collections.reportDays.set('later-story', '2024-01-30');
	collections.reportDays.set('reporting-story', '2023-12-25');
	setActor('joe-biden', {
		name: 'Joe Biden',
		kind: 'person',
		aliases: ['Biden'],
		summary: [
			{ text: 'The vice president.', from: '2009-01-20', to: '2017-01-20' },
			{ text: 'The president.', from: '2021-01-20' },
		],
		roles: [
			{ title: 'Vice President of the United States', from: '2009-01-20', to: '2017-01-20' },
			{ title: 'President of the United States', from: '2021-01-20', to: '2025-01-20' },
		],
	});
	setActor('kataib-hezbollah', { name: 'Kataib Hezbollah', kind: 'armed-group', summary: 'An armed group in Iraq.' });
});

describe('MentionCard', () => {
	test('renders the mention’s markup: the link around the text as written, the tap button, the card', async () => {
		const $ = await render(MentionCard, {
			props: props('kataib-hezbollah', 'later-story'),
			slots: { default: 'the group’s “fighters”' },
		});
		// The dev compiler's source annotations are not part of the markup.
		$('[data-astro-source-file]').removeAttr('data-astro-source-file').removeAttr('data-astro-source-loc');
		expect($('body').html()).toBe(
			'<span class="mention">' +
				'<a href="#actor-kataib-hezbollah" id="mention-kataib-hezbollah-1" class="mention__link" aria-describedby="mention-kataib-hezbollah-1-card">the group’s “fighters”</a>' +
				'<button type="button" class="mention__toggle" popovertarget="mention-kataib-hezbollah-1-card" aria-label="the group’s “fighters”: about Kataib Hezbollah" hidden=""></button>' +
				'<span id="mention-kataib-hezbollah-1-card" class="mention__card" popover="auto">' +
				'<strong class="mention__name">Kataib Hezbollah</strong>' +
				'<span class="mention__role">Armed group</span>' +
				'<span class="mention__summary">An armed group in Iraq.</span>' +
				'<a class="mention__more" href="#actor-kataib-hezbollah" tabindex="-1">Kataib Hezbollah in Who’s who</a>' +
				'</span></span>',
		);
	});

	test.each([
		['Kataib Hezbollah', 'About Kataib Hezbollah'],
		['kataib hezbollah', 'About Kataib Hezbollah'],
		['the <em>militia</em> &amp; its\nfighters', 'the militia & its fighters: about Kataib Hezbollah'],
	])('names the tap button with the words over it first (WCAG 2.5.3), for %j', async (words, label) => {
		const $ = await render(MentionCard, { props: props('kataib-hezbollah', 'later-story'), slots: { default: words } });
		expect($('button.mention__toggle').attr('aria-label')).toBe(label);
	});

	test('shows the role and summary the actor had on the explainer’s day', async () => {
		const earlier = await render(MentionCard, {
			props: props('joe-biden', 'earlier-story'),
			slots: { default: 'Biden' },
		});
		expect(earlier('.mention__role').text()).toBe('Vice President of the United States');
		expect(earlier('.mention__summary').text()).toBe('The vice president.');

		const later = await render(MentionCard, { props: props('joe-biden', 'later-story'), slots: { default: 'Biden' } });
		expect(later('.mention__role').text()).toBe('President of the United States');
		expect(later('.mention__summary').text()).toBe('The president.');
	});

	test('shows the kind when no role holds that day, and no summary when none does', async () => {
		// Between his two posts: no role and no summary held on 2019-01-01.
		collections.reportDays.set('between-story', '2019-01-01');
		const $ = await render(MentionCard, { props: props('joe-biden', 'between-story'), slots: { default: 'Biden' } });
		expect($('.mention__role').text()).toBe('Person');
		expect($('.mention__summary')).toHaveLength(0);
		expect(
			$('.mention__card')
				.children()
				.toArray()
				.map((child) => child.attribs['class']),
		).toEqual(['mention__name', 'mention__role', 'mention__more']);
	});

	test('holds facts tied to an explainer (`reportedIn`) from that explainer’s day on, never before', async () => {
		setActor('pat-ryder', {
			name: 'Pat Ryder',
			kind: 'person',
			summary: [{ text: 'The Pentagon’s spokesman.', reportedIn: 'reporting-story' }],
			roles: [{ title: 'Pentagon spokesman', reportedIn: 'reporting-story' }],
		});
		const before = await render(MentionCard, {
			props: props('pat-ryder', 'earlier-story'),
			slots: { default: 'Ryder' },
		});
		expect(before('.mention__role').text()).toBe('Person');
		expect(before('.mention__summary')).toHaveLength(0);

		const after = await render(MentionCard, { props: props('pat-ryder', 'later-story'), slots: { default: 'Ryder' } });
		expect(after('.mention__role').text()).toBe('Pentagon spokesman');
		expect(after('.mention__summary').text()).toBe('The Pentagon’s spokesman.');
	});

	test('fails with the actor and explainer named when either is unknown', async () => {
		await expect(
			render(MentionCard, { props: props('kataib-hezbolah', 'later-story'), slots: { default: 'KH' } }),
		).rejects.toThrow(/no actor "kataib-hezbolah"/);
		await expect(
			render(MentionCard, { props: props('kataib-hezbollah', 'no-such-story'), slots: { default: 'KH' } }),
		).rejects.toThrow(/no explainer "no-such-story"/);
	});
});
