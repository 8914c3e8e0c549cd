import { describe, expect, test } from 'vitest';
import ClaimsLedger from '../../src/claims/ClaimsLedger.astro';
import { ledgerEntries, statusLabel, type LedgerContext } from '../../src/claims/ledger';
import { ActorSchema } from '../../src/schemas/actor';
import { CLAIM_STATUSES, ClaimSchema } from '../../src/schemas/claim';
import { render } from '../helpers/render';

/** Actors of the test's own: a leader whose role starts with the explainer that reports it, and a minister. */
const actorById: LedgerContext['actorById'] = new Map(
	Object.entries({
		'front-leader': {
			name: 'Dana Reyes',
			kind: 'person',
			summary: 'The leader of the Northern Front.',
			roles: [{ title: 'Leader of the Northern Front', organization: 'northern-front', reportedIn: 'pause-story' }],
		},
		'northern-front': { name: 'Northern Front', kind: 'armed-group', summary: 'An armed group.' },
		'ostland-minister': {
			name: 'Mara Holt',
			kind: 'person',
			summary: 'Ostland’s defence minister.',
			roles: [{ title: 'Defence minister of Ostland', from: 2020 }],
		},
		ostland: { name: 'Ostland', kind: 'country', summary: 'A country.' },
	}).map(([id, data]) => [id, { data: ActorSchema().parse(data) }]),
);

const context: LedgerContext = {
	actorById,
	explainer: 'pause-story',
	storyDay: '2024-03-01',
	reportDays: new Map([['pause-story', '2024-03-01']]),
	anchorOf: (id) => `actor-${id}`,
};

const claims = [
	{
		id: 'front-attack',
		claimant: 'northern-front',
		paraphrase: 'The Northern Front carried out the attack on the border post.',
		status: 'claimed',
		sources: ['Wire'],
	},
	{
		id: 'front-pause',
		claimant: 'front-leader',
		quote: 'We pause our operations today',
		translated: true,
		made: '2024-03-01',
		status: 'disputed',
		statusBy: 'ostland-minister',
		sources: ['Wire', 'Agency', 'Paper'],
	},
	{
		id: 'blame-for-raid',
		claimant: 'ostland-minister',
		attributedTo: 'northern-front',
		quote: 'a raid by the Front',
		made: '2024-02',
		status: 'claimed',
		sources: ['Agency'],
	},
].map((claim) => ClaimSchema().parse(claim));

const renderLedger = (entries = ledgerEntries(claims, context)) => render(ClaimsLedger, { props: { entries } });

describe('ClaimsLedger', () => {
	test('is the “Who claims what” section, its claims listed in the editor’s order, each anchored at claim-<id>', async () => {
		const $ = await renderLedger();
		expect($('section#who-claims-what').attr('aria-labelledby')).toBe('who-claims-what-heading');
		expect($('section#who-claims-what > h2').text()).toBe('Who claims what');
		expect(
			$('ol.ledger > li')
				.toArray()
				.map((item) => item.attribs['id']),
		).toEqual(['claim-front-attack', 'claim-front-pause', 'claim-blame-for-raid']);
	});

	test('tells a claim by the actor itself from an attribution by another, in words', async () => {
		const $ = await renderLedger();
		const who = (id: string) => $(`#claim-${id} .claim__who`).text().replace(/\s+/g, ' ').trim();
		expect(who('front-attack')).toBe('Claim by Northern Front');
		expect(who('blame-for-raid')).toBe('Attribution by Mara Holt, Defence minister of Ostland, to Northern Front');
		expect($('#claim-front-attack .claim__attributed-to')).toHaveLength(0);
		expect($('#claim-blame-for-raid .claim__attributed-to').attr('href')).toBe('#actor-northern-front');
		expect($('#claim-blame-for-raid .claim__status').text()).toBe('Attributed');
		expect($('#claim-front-attack .claim__status').text()).toBe('Claimed');
	});

	test('links every actor an entry names to its Who’s who entry, with the claimant’s role as of the claim', async () => {
		const $ = await renderLedger();
		expect($('#claim-front-pause a.claim__claimant').attr('href')).toBe('#actor-front-leader');
		expect($('#claim-front-pause a.claim__claimant').text().trim()).toBe('Dana Reyes');
		expect($('#claim-front-pause .claim__role').text()).toBe(', Leader of the Northern Front');
		expect($('#claim-front-pause a.claim__status-by').attr('href')).toBe('#actor-ostland-minister');
	});

	test('leaves out a role the claimant took up only after the claim', async () => {
		const earlier = { ...claims[1]!, made: '2024-02' };
		const $ = await renderLedger(ledgerEntries([earlier], context));
		expect($('#claim-front-pause a.claim__claimant').text().trim()).toBe('Dana Reyes');
		expect($('#claim-front-pause .claim__role')).toHaveLength(0);
	});

	test('quotes the claimant’s words in <q>, and marks a paraphrase as ours, with no quotation marks', async () => {
		const $ = await renderLedger();
		expect($('#claim-front-pause .claim__words q').text()).toBe('We pause our operations today');
		expect($('#claim-front-pause .claim__translated').text().trim()).toBe('(translated)');
		expect($('#claim-blame-for-raid .claim__translated')).toHaveLength(0);
		const paraphrase = $('#claim-front-attack .claim__words');
		expect(paraphrase.find('q')).toHaveLength(0);
		expect(paraphrase.text().replace(/\s+/g, ' ').trim()).toBe(
			'Paraphrase: The Northern Front carried out the attack on the border post.',
		);
	});

	test('states each status as text, with who answered the claim', async () => {
		const $ = await renderLedger();
		const status = (id: string) =>
			$(`#claim-${id} .claim__facts div`)
				.filter((_, row) => $(row).children('dt').text() === 'Status')
				.children('dd')
				.text()
				.replace(/\s+/g, ' ')
				.trim();
		expect(status('front-pause')).toBe('Disputed by Mara Holt');
		expect(status('front-attack')).toBe('Claimed');
	});

	test('labels every status in words of its own', async () => {
		const entries = CLAIM_STATUSES.map((status, index) => ({
			...ledgerEntries(claims, context)[0]!,
			id: `claim-${index}`,
			status,
			statusLabel: ledgerEntries([{ ...claims[0]!, status }], context)[0]!.statusLabel,
		}));
		const $ = await renderLedger(entries);
		const labels = $('.claim__status')
			.toArray()
			.map((label) => $(label).text().trim());
		expect(labels).toEqual(['Claimed', 'Disputed', 'Denied', 'Confirmed', 'Not independently verified']);
	});

	test('dates a claim when it was made, else when the story reported it', async () => {
		const $ = await renderLedger();
		const date = (id: string) => {
			const row = $(`#claim-${id} .claim__facts div`).eq(1);
			return [row.children('dt').text(), row.find('time').attr('datetime'), row.find('time').text()];
		};
		expect(date('front-pause')).toEqual(['Made', '2024-03-01', '1 March 2024']);
		expect(date('blame-for-raid')).toEqual(['Made', '2024-02', 'February 2024']);
		expect(date('front-attack')).toEqual(['Reported', '2024-03-01', '1 March 2024']);
	});

	test('names the sources that report each claim, in words', async () => {
		const $ = await renderLedger();
		const sources = (id: string) => {
			const row = $(`#claim-${id} .claim__facts div`).eq(2);
			return [row.children('dt').text(), row.children('dd').text()];
		};
		expect(sources('front-pause')).toEqual(['Sources', 'Wire, Agency and Paper']);
		expect(sources('blame-for-raid')).toEqual(['Source', 'Agency']);
	});
});

describe('the status in words', () => {
	test('reads “Attributed”, never “Claimed”, on an attribution nobody answered', () => {
		expect(statusLabel('claimed', 'claim')).toBe('Claimed');
		expect(statusLabel('claimed', 'attribution')).toBe('Attributed');
	});

	test('gives every status a label of its own, for claims and for attributions', () => {
		for (const kind of ['claim', 'attribution'] as const) {
			const labels = CLAIM_STATUSES.map((status) => statusLabel(status, kind));
			expect(new Set(labels).size).toBe(CLAIM_STATUSES.length);
			expect(labels.every((label) => /^[A-Z][a-z ]+$/.test(label))).toBe(true);
		}
	});
});
