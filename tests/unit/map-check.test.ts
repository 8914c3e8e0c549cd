import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { checkFiles } from '../../src/checks';
import { parseContentFile, type Collection, type ContentFile } from '../../src/checks/content-files';
import { checkedEntries } from '../../src/checks/schema-check';
import { mapPlanOf, mapTitle } from '../../src/locator-map/article-map';
import { MAP_VARIANTS, type MapVariantName } from '../../src/locator-map/locator-map';
import { badContentFor } from '../helpers/bad-content';

// The map cache of this file's checks, empty at first: read when the checks first ask for it.
const cacheDir = mkdtempSync(join(tmpdir(), 'map-check-cache-'));
process.env['LOCATOR_MAP_CACHE'] = cacheDir;
const workspace = mkdtempSync(join(tmpdir(), 'map-check-'));

afterAll(() => {
	rmSync(cacheDir, { recursive: true, force: true });
	rmSync(workspace, { recursive: true, force: true });
});

/** The bad-content case whose explainer lists three towns too close to label, as the checks read its files. */
function crowdedContent(): ContentFile[] {
	const { dir } = badContentFor('map-label-without-room', workspace);
	return (['articles', 'actors', 'places'] as Collection[]).flatMap((collection) =>
		readdirSync(join(dir, collection)).map((name) =>
			parseContentFile(collection, `${collection}/${name}`, readFileSync(join(dir, collection, name))),
		),
	);
}

const noRoom = (files: ContentFile[]) =>
	checkFiles(files).filter((problem) => problem.message.includes('the map has no room'));

describe('the map check', () => {
	test('lays out a map the cache has not drawn, and reports each label without room', () => {
		expect(noRoom(crowdedContent()).map((problem) => problem.message)).toEqual([
			'the map has no room to label "Town with a long name number 2" without covering another label (narrow map)',
		]);
	});

	test('takes a map the cache holds at both sizes, for the same places and headline, as laid out', async () => {
		const files = crowdedContent();
		const { locatorMapCache } = await import('../../src/locator-map/cache');
		const places = new Map(checkedEntries(files, 'places').map((place) => [place.id, place]));
		const article = files.find((file) => file.collection === 'articles')!;
		const data = article.data as { title: string; places: string[] };
		const plan = mapPlanOf(
			data.places.map((id) => ({ id })),
			places,
		)!;
		// Stored only once drawn, which a map whose labels have no room never is: so these maps' labels found room.
		const sizes = Object.keys(MAP_VARIANTS) as MapVariantName[];
		const fileOf = (variant: MapVariantName) => locatorMapCache().fileFor({ plan, variant, title: mapTitle({ data }) });
		writeFileSync(fileOf(sizes[0]!), '<svg/>');
		expect(noRoom(files)).toHaveLength(1);
		for (const variant of sizes) writeFileSync(fileOf(variant), '<svg/>');
		expect(noRoom(files)).toEqual([]);
	});
});
