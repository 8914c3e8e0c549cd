import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { load, type CheerioAPI } from 'cheerio';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { contentCacheDir } from '../../src/utils/content-dir';

/**
 * A site built from fixture content of its own: three explainers of 2021, December 2023 and 2024 that share actors.
 * Sam Okoro is the army's spokesman in the first story and the council's in the last, neither post dated by the
 * stories (each is tied to the explainer that reports it); the Northern Front, Ostland's ally in 2017, is its
 * opponent by December 2023.
 */
const content = resolve('tests/fixtures/actors-over-time');
const workspace = mkdtempSync(join(tmpdir(), 'actors-over-time-'));
const outDir = join(workspace, 'dist');
const run = promisify(execFile);

beforeAll(async () => {
	await run(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build', '--outDir', outDir], {
		env: { ...process.env, CONTENT_DIR: content, ASTRO_TELEMETRY_DISABLED: '1' },
	});
}, 240_000);

afterAll(() => {
	rmSync(workspace, { recursive: true, force: true });
	rmSync(contentCacheDir(content) ?? workspace, { recursive: true, force: true });
});

const page = (path: string): CheerioAPI => load(readFileSync(join(outDir, path, 'index.html'), 'utf8'));
const explainer = (slug: string) => page(`explainers/${slug}`);
const text = ($: CheerioAPI, selector: string) => $(selector).first().text().replace(/\s+/g, ' ').trim();
const glossaryRole = ($: CheerioAPI, id: string) => text($, `#actor-${id} .entry__role`);
const glossaryLinks = ($: CheerioAPI, id: string) =>
	$(`#actor-${id} .entry__affiliations li`)
		.map((_, item) => $(item).text().replace(/\s+/g, ' ').trim())
		.get();
/** The "Connections over time" list of an actor's page, item by item. */
const connectionsOver = (id: string) => {
	const $ = page(`actors/${id}`);
	return $('#affiliations li')
		.map((_, item) => $(item).text().replace(/\s+/g, ' ').trim())
		.get();
};
const cardRoles = ($: CheerioAPI, id: string) =>
	$(`.mention:has(a[href="#actor-${id}"]) .mention__role`)
		.map((_, role) => $(role).text())
		.get();

describe('each explainer shows its actors as of its own date', () => {
	test('a role reported only by a later story never shows on an earlier one', () => {
		for (const slug of ['patrols-begin', 'army-strikes']) {
			const $ = explainer(slug);
			expect(glossaryRole($, 'sam-okoro'), slug).toBe('Army spokesman');
			expect(glossaryLinks($, 'sam-okoro'), slug).toEqual(['Works for Army of Ostland']);
			expect(cardRoles($, 'sam-okoro'), slug).toEqual(['Army spokesman']);
		}
		const $ = explainer('talks-go-on');
		expect(glossaryRole($, 'sam-okoro')).toBe('Council spokesman');
		expect(glossaryLinks($, 'sam-okoro')).toEqual(['Works for Security Council of Ostland']);
		expect(cardRoles($, 'sam-okoro')).toEqual(['Council spokesman']);
	});

	test('the summary is the one written for the explainer’s time', () => {
		expect(text(explainer('patrols-begin'), '#actor-sam-okoro p:not([class])')).toContain('the border patrols');
		expect(text(explainer('talks-go-on'), '#actor-sam-okoro p:not([class])')).toContain('the talks would go on');
	});

	test('a relation that changed shows as it was: opposed in 2023 and 2024, the 2017 alliance on neither', () => {
		expect(glossaryLinks(explainer('army-strikes'), 'northern-front')).toEqual(['Opposed to Ostland']);
		expect(glossaryLinks(explainer('talks-go-on'), 'northern-front')).toEqual(['Opposed to Ostland']);
	});

	test('the as-of date shows where it differs from the publication day, and only there', () => {
		expect(text(explainer('army-strikes'), '.article-header__as-of')).toBe('Facts as of 25 December 2023');
		expect(explainer('talks-go-on')('.article-header__as-of')).toHaveLength(0);
	});

	test('a quote without a date is reported on the explainer’s date, its speaker in that day’s role', () => {
		const $ = explainer('patrols-begin');
		expect(text($, '#quote-okoro-patrols, [id="quote-okoro-patrols"]')).toContain('Army spokesman');
		expect(text($, '#quote-okoro-patrols, [id="quote-okoro-patrols"]')).toContain('reported 25 February 2021');
	});
});

describe('the actor’s page tells the history', () => {
	const $ = () => page('actors/sam-okoro');

	test('roles most recent first, each with when it held and the explainers that show it', () => {
		const roles = $()('#roles li')
			.map((_, item) => $()(item).text().replace(/\s+/g, ' ').trim())
			.get();
		expect(roles).toEqual([
			'Council spokesman (as reported on 30 January 2024) In: Ostland’s council says the talks will go on',
			'Army spokesman (as reported on 25 February 2021) In: Ostland’s army strikes the Northern Front; ' +
				'Ostland’s army begins patrols on the northern border',
		]);
	});

	test('the most recent summary, dated, and explainers and quotes newest first', () => {
		expect(text($(), '.actor__summary')).toBe(
			'The council’s spokesman, who said the talks would go on. (as of 30 January 2024)',
		);
		const titles = $()('#explainers h3')
			.map((_, heading) => $()(heading).text().trim())
			.get();
		expect(titles).toEqual([
			'Ostland’s council says the talks will go on',
			'Ostland’s army strikes the Northern Front',
			'Ostland’s army begins patrols on the northern border',
		]);
		const quotes = $()('#quotes blockquote')
			.map((_, quote) => $()(quote).text().trim())
			.get();
		expect(quotes).toEqual(['“The talks will go on”', '“We struck three sites”', '“The patrols begin today”']);
	});

	test('relations over time include the ended alliance, credited to the story that reports it', () => {
		expect(connectionsOver('northern-front')).toEqual([
			'Opposed to Ostland (as reported on 25 December 2023) In: Ostland’s council says the talks will go on; ' +
				'Ostland’s army strikes the Northern Front',
			'Allied with Ostland (in 2017) In: Ostland’s council says the talks will go on',
		]);
	});

	test('relations recorded only on the other actors’ files, read from this actor’s side, with the graphic', () => {
		const ostland = page('actors/ostland');
		// Ostland's own file records no relation: each is on the army's, the council's or the Front's.
		expect(connectionsOver('ostland')).toEqual([
			'Opposed to Northern Front (as reported on 25 December 2023) In: Ostland’s council says the talks will go on; ' +
				'Ostland’s army strikes the Northern Front',
			'Allied with Northern Front (in 2017) In: Ostland’s council says the talks will go on',
			'Includes Army of Ostland (dates not reported) In: Ostland’s army strikes the Northern Front; ' +
				'Ostland’s army begins patrols on the northern border',
			'Includes Security Council of Ostland (dates not reported) In: Ostland’s council says the talks will go on',
		]);
		expect(ostland('#affiliations li a[href$="/actors/army/"]')).toHaveLength(1);
		// Each name as drawn, its lines joined.
		const drawn = ostland('#affiliations svg .relations__node')
			.map((_, node) =>
				ostland(node)
					.find('text')
					.map((__, line) => ostland(line).text())
					.get()
					.join(' '),
			)
			.get();
		expect(drawn.sort()).toEqual(['Army of Ostland', 'Northern Front', 'Ostland', 'Security Council of Ostland']);
	});

	test('a relation recorded on the other actor’s file is shown on the explainers whose date it holds on for it', () => {
		// Sam Okoro's file says he works for the army as the 2021 story reports, and for the council from 2024.
		expect(connectionsOver('army')).toEqual([
			'Employs Sam Okoro (as reported on 25 February 2021) In: Ostland’s army strikes the Northern Front; ' +
				'Ostland’s army begins patrols on the northern border',
			'Part of Ostland (dates not reported) In: Ostland’s army strikes the Northern Front; ' +
				'Ostland’s army begins patrols on the northern border',
		]);
	});
});
