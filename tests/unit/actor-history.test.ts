import { describe, expect, test } from 'vitest';
import type { ActorEntry } from '../../src/actors/as-of';
import { actorHistories, recordersByActor } from '../../src/actors/history';
import { ActorSchema } from '../../src/schemas/actor';

/*
 * An actor's page lists the relations other actors' files record to it, read from its side, beside its own: the
 * country the Pentagon's file says it is part of "includes" it. Fixture content: three explainers a few years apart.
 */
const reportDays = new Map([
	['kirby-2021', '2021-02-25'],
	['strikes-2023', '2023-12-25'],
	['pause-2024', '2024-01-30'],
]);
const explainer = (id: string) => ({ id, data: { published: new Date(`${reportDays.get(id)}T12:00:00Z`) } });
type Story = ReturnType<typeof explainer>;

const actor = (id: string, data: Record<string, unknown>): ActorEntry => ({
	id,
	data: ActorSchema().parse({ name: id, kind: 'organization', summary: 'X.', ...data }),
});
const actors = [
	actor('united-states', {}),
	actor('pentagon', {
		affiliations: [
			{ relation: 'part-of', actor: 'united-states' },
			{ relation: 'led-by', actor: 'austin', reportedIn: 'strikes-2023' },
		],
	}),
	actor('austin', { affiliations: [{ relation: 'leads', actor: 'pentagon', from: '2021-01' }] }),
	actor('kirby', {
		affiliations: [
			{ relation: 'works-for', actor: 'pentagon', reportedIn: 'kirby-2021' },
			{ relation: 'works-for', actor: 'nsc', reportedIn: 'pause-2024' },
		],
	}),
	actor('nsc', {}),
	actor('ostland', {
		affiliations: [
			{ relation: 'allied-with', actor: 'front', from: '2017', to: '2017' },
			{ relation: 'allied-with', actor: 'front', from: '2010', to: '2012' },
		],
	}),
	actor('front', {
		affiliations: [
			{ relation: 'allied-with', actor: 'ostland', reportedIn: 'pause-2024', from: '2017-03', to: '2017-11' },
			{ relation: 'backs', actor: 'ostland' },
		],
	}),
];
/** Which explainers feature each actor, newest first. */
const featuring: Record<string, string[]> = {
	'united-states': ['strikes-2023'],
	pentagon: ['pause-2024', 'strikes-2023', 'kirby-2021'],
	austin: ['pause-2024'],
	kirby: ['pause-2024', 'strikes-2023', 'kirby-2021'],
	nsc: [],
	ostland: ['pause-2024'],
	front: ['pause-2024', 'strikes-2023'],
};
const explainersOf = (id: string): Story[] => (featuring[id] ?? []).map(explainer);
const recorders = recordersByActor(actors);

const histories = actorHistories(actors, explainersOf, reportDays);

/** The actor's "Connections over time" as its page lists them. */
function connections(id: string) {
	return histories.get(id)!.affiliations.map((item) => ({
		reads: `${item.words} ${item.other}`,
		period: item.period,
		in: item.explainers.map((story) => story.id),
		records: item.facts.length,
		own: item.own,
	}));
}

describe('an actor’s connections over time', () => {
	test('knows which actors’ files record relations to each actor', () => {
		expect(recorders.get('united-states')?.map(({ id }) => id)).toEqual(['pentagon']);
		expect(recorders.get('pentagon')?.map(({ id }) => id)).toEqual(['austin', 'kirby']);
		expect(recorders.get('kirby')).toBeUndefined();
	});

	test('include a relation recorded only on the other actor’s file, read from this side', () => {
		expect(connections('united-states')).toEqual([
			// Undated on the Pentagon's file, so it holds on every explainer that features the Pentagon.
			{
				reads: 'Includes pentagon',
				period: 'Dates not reported',
				in: ['pause-2024', 'strikes-2023', 'kirby-2021'],
				records: 1,
				own: false,
			},
		]);
		// "Backs" on the Front's file is "backed by" from Ostland's side.
		expect(connections('ostland').map(({ reads }) => reads)).toContain('Backed by front');
	});

	test('date each inverse relation, on the explainers whose date it holds on for the actor that records it', () => {
		// Kirby's file says he worked for the Pentagon as the 2021 story reports, and for the NSC from the 2024 one.
		const employs = connections('pentagon').find(({ reads }) => reads === 'Employs kirby');
		expect(employs).toEqual({
			reads: 'Employs kirby',
			period: 'As reported on 25 February 2021',
			in: ['strikes-2023', 'kirby-2021'],
			records: 1,
			own: false,
		});
		expect(connections('nsc')).toEqual([
			{ reads: 'Employs kirby', period: 'As reported on 30 January 2024', in: ['pause-2024'], records: 1, own: false },
		]);
	});

	test('list a relation both files record, for the same time, once, with the explainers of both', () => {
		// "led-by: austin" on the Pentagon's file and "leads: pentagon" on Austin's are one relation.
		expect(connections('pentagon')).toEqual([
			{
				reads: 'Led by austin',
				period: 'As reported on 25 December 2023',
				in: ['pause-2024', 'strikes-2023'],
				records: 2,
				own: true,
			},
			{
				reads: 'Employs kirby',
				period: 'As reported on 25 February 2021',
				in: ['strikes-2023', 'kirby-2021'],
				records: 1,
				own: false,
			},
			{
				reads: 'Part of united-states',
				period: 'Dates not reported',
				in: ['pause-2024', 'strikes-2023', 'kirby-2021'],
				records: 1,
				own: true,
			},
		]);
		expect(connections('austin')).toEqual([
			{
				reads: 'Leads pentagon',
				period: 'Since January 2021',
				in: ['pause-2024', 'strikes-2023'],
				records: 2,
				own: true,
			},
		]);
	});

	test('keep a spell of a symmetric relation that only one file records apart, most recent first', () => {
		// Both files record the 2017 alliance, dated more closely on the Front's, which the 2024 story reports; only
		// Ostland's records the one of 2010 to 2012, which no explainer's date falls in.
		expect(connections('front')).toEqual([
			{
				reads: 'Allied with ostland',
				period: 'March 2017 to November 2017',
				in: ['pause-2024'],
				records: 2,
				own: true,
			},
			{ reads: 'Allied with ostland', period: '2010 to 2012', in: [], records: 1, own: false },
			{
				reads: 'Backs ostland',
				period: 'Dates not reported',
				in: ['pause-2024', 'strikes-2023'],
				records: 1,
				own: true,
			},
		]);
	});
});
