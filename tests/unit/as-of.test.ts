import { describe, expect, test } from 'vitest';
import {
	actorAsOf,
	actorOnDay,
	explainerDay,
	holdsOn,
	latestSummary,
	quoteDay,
	type ActorOverTime,
} from '../../src/actors/as-of';
import { actorHistory, period } from '../../src/actors/history';
import { ActorSchema } from '../../src/schemas/actor';

/** Explainer slugs and the days their facts hold, as a newsroom's stories a few years apart. */
const reportDays = new Map([
	['kirby-2021', '2021-02-25'],
	['strikes-2023', '2023-12-25'],
	['pause-2024', '2024-01-30'],
]);
const reportedIn = (id: string) => ({ collection: 'articles' as const, id });

/** A spokesman who changed posts, neither start date given by the stories: each tied to its explainer. */
const kirby: ActorOverTime = ActorSchema().parse({
	name: 'John Kirby',
	kind: 'person',
	summary: [
		{ text: 'The Pentagon press secretary.', reportedIn: 'kirby-2021' },
		{ text: 'The National Security Council spokesman.', reportedIn: 'pause-2024' },
	],
	roles: [
		{ title: 'Pentagon press secretary', reportedIn: 'kirby-2021' },
		{ title: 'National Security Council spokesman', reportedIn: 'pause-2024' },
	],
	affiliations: [
		{ relation: 'works-for', actor: 'pentagon', reportedIn: 'kirby-2021' },
		{ relation: 'works-for', actor: 'national-security-council', reportedIn: 'pause-2024' },
	],
});

/** A group whose relation to a country changed from allied to opposed. */
const group: ActorOverTime = ActorSchema().parse({
	name: 'Kataib Hezbollah',
	kind: 'armed-group',
	summary: 'An armed group.',
	affiliations: [
		{ relation: 'allied-with', actor: 'united-states', from: 2017, to: 2017, reportedIn: 'pause-2024' },
		{ relation: 'opposed-to', actor: 'united-states', reportedIn: 'strikes-2023' },
		{ relation: 'member-of', actor: 'islamic-resistance', reportedIn: 'pause-2024' },
		{ relation: 'backed-by', actor: 'iran' },
	],
});

const roleOn = (actor: ActorOverTime, day: string) => actorOnDay(actor, day, reportDays).role?.title;
const relationsOn = (actor: ActorOverTime, day: string) =>
	actorOnDay(actor, day, reportDays).affiliations.map((link) => `${link.relation} ${link.actor.id}`);

describe('an actor as of a day', () => {
	test('shows the role each explainer’s date decides, never one reported only later', () => {
		expect(roleOn(kirby, '2021-02-25')).toBe('Pentagon press secretary');
		expect(roleOn(kirby, '2023-12-25')).toBe('Pentagon press secretary');
		expect(roleOn(kirby, '2024-01-30')).toBe('National Security Council spokesman');
		expect(roleOn(kirby, '2020-06-01')).toBeUndefined();
	});

	test('shows the summary and relations of the day, a later one replacing an earlier of one kind', () => {
		expect(actorOnDay(kirby, '2021-02-25', reportDays).summary).toBe('The Pentagon press secretary.');
		expect(actorOnDay(kirby, '2024-01-30', reportDays).summary).toBe('The National Security Council spokesman.');
		expect(relationsOn(kirby, '2021-02-25')).toEqual(['works-for pentagon']);
		expect(relationsOn(kirby, '2024-01-30')).toEqual(['works-for national-security-council']);
	});

	test('shows a relation that changed as it was on each day, never before the story that reports it', () => {
		// The 2017 alliance is first reported in 2024: no explainer of 2017 shows it, and by 2024 it had ended.
		expect(relationsOn(group, '2017-06-01')).toEqual(['backed-by iran']);
		expect(relationsOn(group, '2023-12-25')).toEqual(['opposed-to united-states', 'backed-by iran']);
		expect(relationsOn(group, '2024-01-30')).toEqual([
			'opposed-to united-states',
			'member-of islamic-resistance',
			'backed-by iran',
		]);
	});

	test('reports two roles the dates cannot order, keeping both shown rather than picking one', () => {
		const undated = ActorSchema().parse({
			name: 'Dana Reyes',
			kind: 'person',
			summary: 'A leader.',
			roles: [{ title: 'Leader' }, { title: 'Spokeswoman' }],
		});
		const asOf = actorAsOf(undated, '2024-01-30', reportDays);
		expect(asOf.roles.shown.map((role) => role.title)).toEqual(['Leader', 'Spokeswoman']);
		expect(asOf.roles.conflicts.map(({ facts }) => facts.map((role) => role.title))).toEqual([
			['Leader', 'Spokeswoman'],
		]);
	});

	test('reports relations to one actor, or of one exclusive kind, that the dates cannot order', () => {
		const actor = ActorSchema().parse({
			name: 'X',
			kind: 'person',
			summary: 'X.',
			affiliations: [
				{ relation: 'works-for', actor: 'a' },
				{ relation: 'works-for', actor: 'b' },
				{ relation: 'member-of', actor: 'c' },
				{ relation: 'member-of', actor: 'd' },
			],
		});
		const { conflicts } = actorAsOf(actor, '2024-01-30', reportDays).affiliations;
		expect(conflicts.map(({ facts }) => facts.map((link) => link.actor.id))).toEqual([['a', 'b']]);
	});

	test('shows on each of two explainers of one day the summary it reports itself, and reports two roles', () => {
		const days = new Map([...reportDays, ['drone-2024', '2024-01-30']]);
		const austin = ActorSchema().parse({
			name: 'Lloyd Austin',
			kind: 'person',
			summary: [
				{ text: 'Sat in on the daily briefing.', reportedIn: 'pause-2024' },
				{ text: 'Named the group behind the attack.', reportedIn: 'drone-2024' },
			],
			roles: [
				{ title: 'Secretary of defense', reportedIn: 'pause-2024' },
				{ title: 'US secretary of defense', reportedIn: 'drone-2024' },
			],
		});
		expect(actorOnDay(austin, '2024-01-30', days, 'pause-2024').summary).toBe('Sat in on the daily briefing.');
		expect(actorOnDay(austin, '2024-01-30', days, 'drone-2024').summary).toBe('Named the group behind the attack.');
		// A role holds or not whoever reports it: two of one day conflict on either page, and the checks say so.
		expect(actorAsOf(austin, '2024-01-30', days, 'pause-2024').roles.conflicts).toHaveLength(1);
		// A third page of that day reports neither summary: the dates cannot choose.
		expect(actorAsOf(austin, '2024-01-30', days, 'another-2024').summary.conflicts).toHaveLength(1);
	});

	test('never shows a fact dated back by a later story on an explainer before that story', () => {
		const days = new Map([...reportDays, ['talks-2025', '2025-03-10']]);
		const allied = ActorSchema().parse({
			name: 'Kataib Hezbollah',
			kind: 'armed-group',
			summary: 'An armed group.',
			affiliations: [{ relation: 'allied-with', actor: 'iraqi-government', from: '2023-06', reportedIn: 'talks-2025' }],
		});
		const alliesOn = (day: string) => actorOnDay(allied, day, days).affiliations.map((link) => link.actor.id);
		expect(alliesOn('2024-01-30')).toEqual([]);
		expect(alliesOn('2025-03-10')).toEqual(['iraqi-government']);
	});

	test('never shows a fact tied to an explainer that does not exist', () => {
		expect(holdsOn({ reportedIn: reportedIn('gone') }, { day: '2030-01-01', reportDays })).toBe(false);
		expect(holdsOn({}, { day: '1900-01-01', reportDays })).toBe(true);
		expect(holdsOn({ from: '2024-01', to: '2024-02' }, { day: '2024-02-29', reportDays })).toBe(true);
		expect(holdsOn({ from: '2024-01', to: '2024-02' }, { day: '2024-03-01', reportDays })).toBe(false);
	});
});

describe('days', () => {
	test('an explainer’s day is its asOf, else the UTC day it was published', () => {
		expect(explainerDay({ published: new Date('2023-12-26T12:00:00Z'), asOf: '2023-12-25' })).toBe('2023-12-25');
		expect(explainerDay({ published: new Date('2024-01-30T23:30:00-05:00') })).toBe('2024-01-31');
	});

	test('a quote’s speaker is described as of the quote’s date, never after the explainer’s', () => {
		expect(quoteDay('2017', '2024-01-30')).toBe('2017-12-31');
		expect(quoteDay(undefined, '2024-01-30')).toBe('2024-01-30');
		expect(quoteDay('2024', '2024-01-30')).toBe('2024-01-30');
	});
});

describe('an actor’s history', () => {
	const explainers = [...reportDays]
		.map(([id, day]) => ({ id, data: { published: new Date(`${day}T12:00:00Z`) } }))
		.reverse();

	test('lists roles and relations most recent first, each with the explainers that show it', () => {
		const history = actorHistory({ id: 'john-kirby', data: kirby }, explainers, reportDays);
		expect(
			history.roles.map(({ fact, period, explainers }) => [fact.title, period, explainers.map((x) => x.id)]),
		).toEqual([
			['National Security Council spokesman', 'As reported on 30 January 2024', ['pause-2024']],
			['Pentagon press secretary', 'As reported on 25 February 2021', ['strikes-2023', 'kirby-2021']],
		]);
	});

	test('credits a fact older than every explainer to the explainer that reports it', () => {
		const history = actorHistory({ id: 'kataib-hezbollah', data: group }, explainers, reportDays);
		const allied = history.affiliations.find(({ fact }) => fact.relation === 'allied-with');
		expect(allied?.period).toBe('In 2017');
		expect(allied?.explainers.map((x) => x.id)).toEqual(['pause-2024']);
	});

	test('writes periods only as precisely as they are known', () => {
		expect(period({ from: '2021-01', to: '2023' }, reportDays)).toBe('January 2021 to 2023');
		expect(period({ from: '2021' }, reportDays)).toBe('Since 2021');
		expect(period({ to: '2019' }, reportDays)).toBe('Until 2019');
		expect(period({ reportedIn: reportedIn('strikes-2023'), to: '2024' }, reportDays)).toBe(
			'As reported on 25 December 2023, until 2024',
		);
		expect(period({}, reportDays)).toBe('Dates not reported');
	});

	test('writes no end a page of an earlier day could not know', () => {
		const ended = { reportedIn: reportedIn('pause-2024'), to: '2025-02' };
		expect(period(ended, reportDays, '2024-01-30')).toBe('As reported on 30 January 2024');
		expect(period(ended, reportDays, '2025-03-10')).toBe('As reported on 30 January 2024, until February 2025');
		expect(period(ended, reportDays)).toBe('As reported on 30 January 2024, until February 2025');
	});

	test('its page summary is the most recent, with the day it is known from', () => {
		expect(latestSummary(kirby.summary, reportDays)).toEqual({
			text: 'The National Security Council spokesman.',
			since: '2024-01-30',
		});
		expect(latestSummary(group.summary, reportDays)).toEqual({ text: 'An armed group.', since: undefined });
	});
});
