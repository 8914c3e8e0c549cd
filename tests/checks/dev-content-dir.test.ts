import { load, type CheerioAPI } from 'cheerio';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { contentCacheDir } from '../../src/utils/content-dir';
import { fetchUntil, startDevServer, type DevServer } from '../helpers/dev-server';

/*
 * `astro dev` on one content folder (CONTENT_DIR), then on another with the same file names, as tests and benchmarks
 * run it. Astro keeps its dev data store in .astro/ whatever the content folder, and keeps an entry whose text is
 * unchanged with the path of the file it was first read from: without src/build/content-dir-store.ts, the
 * second server showed the first folder's entries, and an edit of a file the two folders share never showed ("multiple
 * entries with the same slug"). The second folder is inside the project's .tmp/, which the dev server does not watch
 * for sources (benchmarks write there), as a content folder there must be watched all the same.
 */

const base = join(import.meta.dirname, '../fixtures/bad-content/_base');
const workspace = mkdtempSync(join(tmpdir(), 'dev-content-dir-'));
const folderA = join(workspace, 'a');
mkdirSync(resolve('.tmp'), { recursive: true });
const folderB = mkdtempSync(resolve('.tmp', 'dev-content-dir-'));
let server: DevServer | undefined;

afterAll(async () => {
	await server?.stop();
	for (const folder of [workspace, folderB, contentCacheDir(folderA), contentCacheDir(folderB)]) {
		if (folder) rmSync(folder, { recursive: true, force: true });
	}
});

const PAGE = '/explainers/story/';

/** Fetches the story's page from `dev` until `accept` holds of it (or time runs out), parsed. */
async function page(dev: DevServer, accept: ($: CheerioAPI) => boolean): Promise<CheerioAPI> {
	const { status, body } = await fetchUntil(
		`${dev.origin}${PAGE}`,
		(status, body) => status === 200 && accept(load(body)),
		{ timeout: 60_000, interval: 100 },
	);
	expect(status, dev.log()).toBe(200);
	const $ = load(body);
	// The awaited answer, or the server's log to say why not.
	expect(accept($), dev.log()).toBe(true);
	return $;
}

/** What the page says of Dana Reyes in her first mention card and in her glossary entry. */
function danaReyes($: CheerioAPI) {
	const card = $('a.mention__link[href="#actor-dana-reyes"]').first().nextAll('.mention__card');
	return {
		card: { role: card.find('.mention__role').text(), summary: card.find('.mention__summary').text() },
		glossary: { role: $('#actor-dana-reyes .entry__role').text(), text: $('#actor-dana-reyes').text() },
	};
}

const edit = (path: string, from: string, to: string) => {
	const text = readFileSync(path, 'utf8');
	if (!text.includes(from)) throw new Error(`${path} has no "${from}" to change`);
	writeFileSync(path, text.replace(from, to));
};

describe('astro dev on another content folder with the same file names', () => {
	test('shows that folder’s entries and its edits, never the first folder’s', async () => {
		cpSync(base, folderA, { recursive: true });
		cpSync(base, folderB, { recursive: true });
		// The story differs between the folders; the actors are the same files, byte for byte.
		edit(
			join(folderB, 'articles/story.mdx'),
			'title: The Northern Front pauses its attacks',
			'title: Folder B’s story',
		);

		server = await startDevServer(folderA);
		const a = await page(server, ($) => $('h1').text() === 'The Northern Front pauses its attacks');
		expect(danaReyes(a).card.summary).toBe('The leader of the Northern Front.');
		await server.stop();

		// On the same port, as `npm run dev` restarts: Astro clears its store itself when its config changed, and the
		// port is part of its config.
		const { port } = new URL(server.origin);
		server = await startDevServer(folderB, { port: Number(port) });
		expect(new URL(server.origin).port, server.log()).toBe(port);
		await page(server, ($) => $('h1').text() === 'Folder B’s story');

		edit(
			join(folderB, 'actors/dana-reyes.yaml'),
			'summary: The leader of the Northern Front.',
			'summary: The leader, as folder B has it.',
		);
		edit(join(folderB, 'actors/dana-reyes.yaml'), 'title: Leader of the Northern Front', 'title: Commander in B');
		const edited = danaReyes(await page(server, ($) => danaReyes($).card.role === 'Commander in B'));
		expect(edited.card).toEqual({ role: 'Commander in B', summary: 'The leader, as folder B has it.' });
		expect(edited.glossary.role).toBe('Commander in B');
		expect(edited.glossary.text).toContain('The leader, as folder B has it.');

		edit(join(folderB, 'articles/story.mdx'), 'said on Friday that', 'said on Saturday that');
		const story = await page(server, ($) => $('main').text().includes('said on Saturday that'));
		expect(story('h1').text()).toBe('Folder B’s story');
		expect(server.log()).not.toMatch(/same slug|failed to reload/i);
	}, 240_000);
});
