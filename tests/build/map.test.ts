/*
 * The locator map of each explainer, as built: a section with a picture of two SVG layouts, each SVG a
 * self-contained image that names itself and lists its places, marks and labels every nearby place, shades the
 * countries, leaves far places off (and lists them under the map), and stays within its byte budget.
 */
import { load, type CheerioAPI } from 'cheerio';
import { readFileSync } from 'node:fs';
import { brotliCompressSync, constants } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { REACH_KM } from '../../src/locator-map/locator-map';
import {
	articleSlugs,
	builtFileFor,
	explainerUrl,
	loadPage,
	readArticleFrontmatter,
	readPlaces,
	words,
	type PlaceFile,
} from '../helpers/built-site';

/** What the map may add to a page: the larger of its SVGs plus the section's markup, brotli-compressed. */
const MAP_BUDGET_BYTES = 25_000;

const placeFiles = readPlaces();

/** Great-circle distance between two places in kilometres (haversine, on a sphere of the Earth's mean radius). */
function distanceKm(a: PlaceFile, b: PlaceFile): number {
	const radians = (degrees: number) => (degrees * Math.PI) / 180;
	const [lat1, lat2] = [radians(a.coordinates.latitude), radians(b.coordinates.latitude)];
	const dLat = lat2 - lat1;
	const dLon = radians(b.coordinates.longitude - a.coordinates.longitude);
	const h = Math.sin(dLat / 2) ** 2 + Math.cos(lat1) * Math.cos(lat2) * Math.sin(dLon / 2) ** 2;
	return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
}

const brotli = (text: string) =>
	brotliCompressSync(text, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).byteLength;

function readSvg(url: string): { $: CheerioAPI; text: string } {
	const file = builtFileFor(url);
	if (!file) throw new Error(`${url} was not built`);
	const text = readFileSync(file, 'utf8');
	return { $: load(text, { xml: true }), text };
}

const withMaps = articleSlugs().filter((slug) => (readArticleFrontmatter(slug).places ?? []).length > 0);
const withoutMaps = articleSlugs().filter((slug) => !withMaps.includes(slug));

test('some explainer lists places, so the maps below are tested', () => {
	expect(withMaps.length).toBeGreaterThan(0);
});

test('some explainer lists a place too far from the rest to share its map, so leaving places off is tested', () => {
	const leftOff = withMaps.filter((slug) => loadPage(explainerUrl(slug))('section#map [data-beyond]').text().trim());
	expect(leftOff.length).toBeGreaterThan(0);
});

describe.each(withoutMaps)('the explainer %s, which lists no places', (slug) => {
	test('has no map section', () => {
		expect(loadPage(explainerUrl(slug))('#map').length).toBe(0);
	});
});

describe.each(withMaps)('the map of %s', (slug) => {
	const $page = loadPage(explainerUrl(slug));
	const section = $page('section#map');
	const img = section.find('picture img');
	const source = section.find('picture source');
	const listed = (readArticleFrontmatter(slug).places ?? []).map((id) => ({ id, ...placeFiles.get(id)! }));
	// "Also named, too far away to show: Name (Country), Name (Country)."; no "(Country)" when the name says it.
	const beyond = words(section.find('[data-beyond]').text()).replace(/^[^:]*:\s*/, '');
	const isBeyond = (place: { name: string }) =>
		new RegExp(`(^|, )${place.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?= \\(|, |\\.?$)`).test(beyond);
	const svgs = {
		narrow: readSvg(img.attr('src') ?? ''),
		wide: readSvg(source.attr('srcset') ?? ''),
	};

	test('is a section with a heading, listed in the contents', () => {
		expect(section.length).toBe(1);
		expect(words(section.find('h2').text())).toBe('Where it happened');
		expect($page('a[href="#map"]').length).toBe(1);
	});

	test('offers the wide layout to wide screens and the narrow one to phones, each with its size, lazily', () => {
		expect(source.attr('media')).toMatch(/min-width/);
		for (const [element, svg] of [
			[img, svgs.narrow],
			[source, svgs.wide],
		] as const) {
			const root = svg.$('svg');
			expect(element.attr('width')).toBe(root.attr('width'));
			expect(element.attr('height')).toBe(root.attr('height'));
		}
		expect(img.attr('loading')).toBe('lazy');
		expect(img.attr('alt')?.length).toBeGreaterThan(10);
		expect(img.attr('aria-describedby')).toBe(section.find('figcaption').attr('id'));
	});

	test('lists every place in words under the map: marked, shaded and too far away to show', () => {
		const caption = words(section.find('figcaption').text());
		for (const place of listed) expect(caption).toContain(place.name);
	});

	describe.each(['narrow', 'wide'] as const)('drawn %s', (variant) => {
		const { $, text } = svgs[variant];
		const root = $('svg');
		const onMap = listed.filter((place) => !isBeyond(place));

		test('is an image named by its title and described by a list of its places', () => {
			expect(root.attr('role')).toBe('img');
			const [titleId, descId] = (root.attr('aria-labelledby') ?? '').split(' ');
			expect(words($(`[id="${titleId}"]`).text())).toBe(img.attr('alt'));
			const description = $(`[id="${descId}"]`).text();
			for (const place of onMap) expect(description).toContain(place.name);
		});

		test('marks and labels each nearby point and shades each country and territory', () => {
			for (const place of onMap) {
				if (place.kind === 'country' || place.kind === 'territory') {
					// On the main map or, when outside it (Yemen), in the inset.
					expect($(`path.shade[data-place="${place.id}"]`).attr('d'), place.id).toMatch(/^M/);
				} else {
					expect($(`circle[data-place="${place.id}"]`).length, place.id).toBe(1);
					expect(words($(`text[data-place="${place.id}"]`).text())).toBe(place.label ?? place.name);
				}
			}
		});

		test(`leaves places far from the rest off the map: each more than ${REACH_KM} km from every place on it`, () => {
			const far = listed.filter(isBeyond);
			for (const place of far) {
				expect($(`[data-place="${place.id}"]`).length, place.id).toBe(0);
				const nearest = Math.min(...onMap.map((other) => distanceKm(place, other)));
				expect(nearest, `${place.id} is that far from the nearest place on the map`).toBeGreaterThan(REACH_KM);
			}
		});

		test('has an inset with the wider region and the main map’s extent', () => {
			expect($('g.inset path.land').attr('d')).toMatch(/^M/);
			expect($('g.inset rect.extent').length).toBe(1);
		});

		test('needs nothing else: no script, no link, no external reference', () => {
			expect($('script, a, image, use, foreignObject').length).toBe(0);
			expect(text).not.toMatch(/url\(|href=|@import/);
		});

		test(`adds at most ${MAP_BUDGET_BYTES.toLocaleString('en')} bytes (brotli) to the page`, () => {
			const added = brotli(text) + brotli($page.html(section) ?? '');
			expect(added).toBeLessThanOrEqual(MAP_BUDGET_BYTES);
		});
	});
});
