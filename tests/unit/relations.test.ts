import { describe, expect, test } from 'vitest';
import type { ActorEntry } from '../../src/actors/as-of';
import { statementOf } from '../../src/relations/kinds';
import { changeSteps, connectionWords, connectionsOn, shortDates } from '../../src/relations/relations';
import { ActorSchema, type AffiliationData } from '../../src/schemas/actor';

/** Explainer slugs and the days their facts hold: a story of December 2023 and one of January 2024. */
const reportDays = new Map([
	['strikes-2023', '2023-12-25'],
	['pause-2024', '2024-01-30'],
]);

const actor = (id: string, affiliations: unknown[] = []): ActorEntry => ({
	id,
	data: ActorSchema().parse({ name: id, kind: 'organization', summary: `${id}.`, affiliations }),
});

/** The seed story's pair: allied in 2017 (reported in 2024), opposed as of the 2023 story, recorded on both sides. */
const group = actor('group', [
	{ relation: 'opposed-to', actor: 'country', reportedIn: 'strikes-2023' },
	{ relation: 'allied-with', actor: 'country', from: 2017, to: 2017, reportedIn: 'pause-2024' },
	{ relation: 'led-by', actor: 'leader', reportedIn: 'pause-2024' },
	{ relation: 'backed-by', actor: 'patron' },
	{ relation: 'member-of', actor: 'outsider' },
]);
const country = actor('country', [
	{ relation: 'opposed-to', actor: 'group', reportedIn: 'strikes-2023' },
	{ relation: 'allied-with', actor: 'group', from: 2017, to: 2017, reportedIn: 'pause-2024' },
]);
const leader = actor('leader', [{ relation: 'leads', actor: 'group', reportedIn: 'pause-2024' }]);
const patron = actor('patron', [{ relation: 'backs', actor: 'group' }]);
const agency = actor('agency', [{ relation: 'part-of', actor: 'country' }]);
const actors = [group, country, leader, patron, agency];

const read = (connections: ReturnType<typeof connectionsOn>) =>
	connections.map((connection) => `${connection.subject} ${connectionWords(connection)} ${connection.object}`);

describe('the relations between an explainer’s actors', () => {
	test('read each record one way and merge the two sides of a relation into one', () => {
		expect(read(connectionsOn(actors, '2024-01-30', reportDays))).toEqual([
			'group allied (2017) → opposed country',
			'leader leads group',
			'patron backs group',
			'agency part of country',
		]);
	});

	test('leave out actors that are not the explainer’s', () => {
		const connections = connectionsOn(actors, '2024-01-30', reportDays);
		expect(connections.some(({ object }) => object === 'outsider')).toBe(false);
		expect(read(connectionsOn([group, country], '2024-01-30', reportDays))).toEqual([
			'group allied (2017) → opposed country',
		]);
	});

	test('show a change only once an explainer of that day or before reports the earlier relation', () => {
		expect(read(connectionsOn(actors, '2023-12-25', reportDays))).toEqual([
			'group opposed to country',
			'patron backs group',
			'agency part of country',
		]);
	});

	test('credit each step of a change to the explainers that report it', () => {
		const [changed] = connectionsOn(actors, '2024-01-30', reportDays);
		expect(changeSteps(changed!)).toEqual([
			{ words: 'allied (2017)', reportedIn: ['pause-2024'] },
			{ words: 'opposed', reportedIn: ['strikes-2023'] },
		]);
		expect(changed?.period).toBe('As reported on 25 December 2023');
		expect(changed?.facts).toHaveLength(2);
	});

	test('say an unchanged relation with the kind’s words and its reporters', () => {
		const connections = connectionsOn(actors, '2024-01-30', reportDays);
		const leads = connections.find(({ kind }) => kind === 'leads');
		expect(changeSteps(leads!)).toEqual([{ words: '', reportedIn: ['pause-2024'] }]);
		expect(connections.find(({ kind }) => kind === 'part-of')?.period).toBe('Dates not reported');
	});

	test('keep a relation that was replaced without an end date as an earlier step', () => {
		const before = actor('a', [
			{ relation: 'allied-with', actor: 'b', from: '2015' },
			{ relation: 'opposed-to', actor: 'b', from: '2020-06' },
		]);
		expect(read(connectionsOn([before, actor('b')], '2024-01-30', reportDays))).toEqual([
			'a allied (from 2015) → opposed b',
		]);
	});

	test('do not call the same relation again a change', () => {
		const again = actor('a', [
			{ relation: 'allied-with', actor: 'b', from: '2015', to: '2016' },
			{ relation: 'allied-with', actor: 'b', from: '2020' },
		]);
		expect(read(connectionsOn([again, actor('b')], '2024-01-30', reportDays))).toEqual(['a allied with b']);
	});
});

describe('a record read as a kind of the graphic', () => {
	const fact = (relation: AffiliationData['relation']): AffiliationData => ({
		relation,
		actor: { collection: 'actors', id: 'other' },
	});

	test('swaps the ends of "led by" and "backed by"', () => {
		expect(statementOf('me', fact('led-by'))).toMatchObject({ subject: 'other', kind: 'leads', object: 'me' });
		expect(statementOf('me', fact('backed-by'))).toMatchObject({ subject: 'other', kind: 'backs', object: 'me' });
		expect(statementOf('me', fact('works-for'))).toMatchObject({ subject: 'me', kind: 'works-for', object: 'other' });
	});

	test('writes dates only as precisely as they are known', () => {
		expect(shortDates({ ...fact('allied-with'), from: '2017', to: '2017' })).toBe('2017');
		expect(shortDates({ ...fact('allied-with'), from: '2015', to: '2017-03' })).toBe('2015–March 2017');
		expect(shortDates({ ...fact('allied-with'), to: '2017' })).toBe('until 2017');
		expect(shortDates(fact('allied-with'))).toBe('');
	});
});
