import { load, type CheerioAPI } from 'cheerio';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { contentCacheDir } from '../../src/utils/content-dir';
import { fetchUntil, startDevServer, type DevServer } from '../helpers/dev-server';

/*
 * Editing an actor while `astro dev` runs: the mention cards, as the glossary, show the actor's new role and summary
 * on the next request (they are read from the collection when the page renders), and a new alias is linked (the
 * stories are compiled again when an actor's names change). No restart.
 */

const workspace = mkdtempSync(join(tmpdir(), 'dev-live-edit-'));
const content = join(workspace, 'content');
let server: DevServer | undefined;

const write = (path: string, text: string) => writeFileSync(join(content, path), text);

const danaReyes = ({ title, summary }: { title: string; summary: string }) => `name: Dana Reyes
kind: person
aliases:
  - Reyes
summary:
  - text: The deputy leader of the Northern Front.
    from: 2019
    to: 2021
  - text: ${summary}
    from: 2022
roles:
  - title: Deputy leader of the Northern Front
    organization: northern-front
    from: 2019
    to: 2021
  - title: ${title}
    organization: northern-front
    from: 2022
`;

const northernFront = (aliases: string[]) => `name: Northern Front
kind: armed-group
aliases: [${aliases.join(', ')}]
summary: An armed group in the north.
`;

const valletta = (name: string) => `name: ${name}
kind: city
coordinates:
  latitude: 35.9
  longitude: 14.51
country: Malta
`;

const article = (fields: { title: string; published: string; asOf?: string; places?: string[] }, body: string) => `---
title: ${fields.title}
dek: An explainer of the dev server test, whose actor changes while the server runs.
published: ${fields.published}
${fields.asOf ? `asOf: ${fields.asOf}\n` : ''}sources:
  - name: Wire
topics:
  - Testing
actors:
  - northern-front
  - dana-reyes
keyFacts:
  - The Northern Front paused its attacks.
  - Dana Reyes announced the pause.
  - Talks may follow.
${fields.places ? `places: [${fields.places.join(', ')}]\n` : ''}---

${body}
`;

beforeAll(async () => {
	for (const folder of ['actors', 'articles', 'places']) mkdirSync(join(content, folder), { recursive: true });
	write(
		'actors/dana-reyes.yaml',
		danaReyes({ title: 'Leader of the Northern Front', summary: 'The leader of the Northern Front.' }),
	);
	write('actors/northern-front.yaml', northernFront([]));
	write('places/valletta.yaml', valletta('Valletta'));
	write(
		'articles/early.mdx',
		article(
			{ title: 'The Northern Front names a deputy', published: '2024-03-02T12:00:00Z', asOf: '2020-06-01' },
			'The Northern Front named Dana Reyes its deputy leader.',
		),
	);
	write(
		'articles/late.mdx',
		article(
			{ title: 'The Northern Front pauses its attacks', published: '2024-03-01T12:00:00Z', places: ['valletta'] },
			'The Northern Front paused its attacks on Friday, said Dana Reyes.\n\n## What next\n\nThe NFA said it would wait for talks.',
		),
	);
	server = await startDevServer(content);
}, 120_000);

afterAll(async () => {
	await server?.stop();
	rmSync(workspace, { recursive: true, force: true });
	rmSync(contentCacheDir(content) ?? workspace, { recursive: true, force: true });
});

/** Fetches an explainer page until `accept` holds of it (or time runs out), parsed. */
async function page(slug: string, accept: ($: CheerioAPI) => boolean = () => true): Promise<CheerioAPI> {
	if (!server) throw new Error('the dev server did not start');
	const { status, body } = await fetchUntil(
		`${server.origin}/explainers/${slug}/`,
		(status, body) => status === 200 && accept(load(body)),
		{ timeout: 60_000 },
	);
	expect(status, server.log()).toBe(200);
	return load(body);
}

/** The card of an actor's first mention, and its glossary entry, as readers read them. */
function shown($: CheerioAPI, actor: string) {
	const card = $(`a.mention__link[href="#actor-${actor}"]`).first().nextAll('.mention__card');
	const entry = $(`#actor-${actor}`);
	return {
		card: { role: card.find('.mention__role').text(), summary: card.find('.mention__summary').text() },
		glossary: { role: entry.find('.entry__role').text(), text: entry.text() },
	};
}

const linkTexts = ($: CheerioAPI, actor: string) =>
	$(`a.mention__link[href="#actor-${actor}"]`)
		.toArray()
		.map((link) => $(link).text());

describe('astro dev, when an actor file changes', () => {
	test('shows the new role and summary in the mention cards and the glossary, each as of the explainer’s day', async () => {
		const before = shown(await page('late'), 'dana-reyes');
		expect(before.card).toEqual({ role: 'Leader of the Northern Front', summary: 'The leader of the Northern Front.' });
		expect(before.glossary.role).toBe('Leader of the Northern Front');
		// The early explainer is as of 2020: the deputy's role then.
		expect(shown(await page('early'), 'dana-reyes').card.role).toBe('Deputy leader of the Northern Front');

		const logBefore = server?.log().length ?? 0;
		write(
			'actors/dana-reyes.yaml',
			danaReyes({ title: 'Commander of the Northern Front', summary: 'The commander, who announced the pause.' }),
		);
		const after = shown(
			await page('late', ($) => shown($, 'dana-reyes').card.role === 'Commander of the Northern Front'),
			'dana-reyes',
		);
		expect(after.card).toEqual({
			role: 'Commander of the Northern Front',
			summary: 'The commander, who announced the pause.',
		});
		expect(after.glossary.role).toBe('Commander of the Northern Front');
		expect(after.glossary.text).toContain('The commander, who announced the pause.');
		// After the save the site asked Astro's content layer to write its store (writeDataStoreAfterSaves): a
		// refresh, which Astro logs, and which ends by writing the store. The log may reach us after the page.
		const sinceSave = () => server?.log().slice(logBefore) ?? '';
		for (let waited = 0; !sinceSave().includes('Synced content') && waited < 10_000; waited += 100) {
			await new Promise((resolve) => setTimeout(resolve, 100));
		}
		expect(sinceSave()).toContain('Reloaded data from dana-reyes.yaml');
		expect(sinceSave()).toContain('Synced content');
		expect(shown(await page('early'), 'dana-reyes').card).toEqual({
			role: 'Deputy leader of the Northern Front',
			summary: 'The deputy leader of the Northern Front.',
		});
	}, 120_000);

	test('links a new alias, with its card and a link back from the glossary', async () => {
		const before = await page('late');
		expect(linkTexts(before, 'northern-front')).toEqual(['Northern Front']);
		expect($text(before, '#actor-northern-front .entry__mentions a')).toEqual(['1']);

		write('actors/northern-front.yaml', northernFront(['NFA']));
		const after = await page('late', ($) => linkTexts($, 'northern-front').length === 2);
		expect(linkTexts(after, 'northern-front')).toEqual(['Northern Front', 'NFA']);
		const nfa = after('a.mention__link:contains("NFA")');
		expect(nfa.attr('id')).toBe('mention-northern-front-2');
		expect(nfa.nextAll('.mention__card').find('.mention__role').text()).toBe('Armed group');
		expect($text(after, '#actor-northern-front .entry__mentions a')).toEqual(['1', '2']);
		expect(server?.log()).not.toMatch(/restart/i);
	}, 120_000);
});

describe('astro dev, when a place or an explainer’s fields change', () => {
	test('shows a place’s new name under the map', async () => {
		const mapPlaces = ($: CheerioAPI) => $text($, '#map li').join(' | ');
		expect(mapPlaces(await page('late'))).toContain('Valletta');
		write('places/valletta.yaml', valletta('Valletta, Malta’s capital'));
		const after = await page('late', ($) => mapPlaces($).includes('Malta’s capital'));
		expect(mapPlaces(after)).toContain('Valletta, Malta’s capital');
		// The dev server draws the map itself on request (a build writes it beside the page), with the new name.
		const map = await fetch(new URL(after('#map img').attr('src') ?? '', server!.origin));
		expect(map.headers.get('content-type')).toMatch(/^image\/svg\+xml/);
		expect(load(await map.text(), { xml: true })('text[data-place="valletta"]').text()).toBe(
			'Valletta, Malta’s capital',
		);
	}, 120_000);

	test('shows an explainer’s new as-of date, its actors as of that day, and its new headline', async () => {
		expect(shown(await page('early'), 'dana-reyes').glossary.role).toBe('Deputy leader of the Northern Front');
		write(
			'articles/early.mdx',
			article(
				{ title: 'The Northern Front names a leader', published: '2024-03-02T12:00:00Z', asOf: '2023-06-01' },
				'The Northern Front named Dana Reyes its leader.',
			),
		);
		const after = await page('early', ($) => $('h1').text() === 'The Northern Front names a leader');
		expect(after('.article-header__as-of').text()).toBe('Facts as of 1 June 2023');
		expect(shown(after, 'dana-reyes').glossary.role).not.toBe('Deputy leader of the Northern Front');
		expect(shown(after, 'dana-reyes').card.role).toBe(shown(after, 'dana-reyes').glossary.role);
	}, 120_000);
});

const $text = ($: CheerioAPI, selector: string) =>
	$(selector)
		.toArray()
		.map((element) => $(element).text());
