import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { checkContent } from '../../src/checks';
import { formatProblem } from '../../src/checks/problem';
import {
	articleFile,
	createRandom,
	generateContent,
	generatedPlaces,
	writeContent,
} from '../../bench/build-scale/generate';

const content = generateContent({ articles: 40 });
const words = (text: string) => text.split(/\s+/).filter(Boolean).length;

let work: string | undefined;
afterAll(() => {
	if (work) rmSync(work, { recursive: true, force: true });
});

describe('the build-scale generator', () => {
	test('draws the same numbers from the same seed, and others from another seed', () => {
		const draw = (seed: number) => Array.from({ length: 5 }, createRandom(seed));
		expect(draw(7)).toEqual(draw(7));
		expect(draw(7)).not.toEqual(draw(8));
		expect(draw(7).every((value) => value >= 0 && value < 1)).toBe(true);
	});

	test('writes the same files for the same options', () => {
		const again = generateContent({ articles: 40 });
		expect(again.articles.map(articleFile)).toEqual(content.articles.map(articleFile));
	});

	test('gives each explainer about 800 words, 6 to 10 actors, 4 quotes from its story, a timeline and a table', () => {
		for (const article of content.articles) {
			const data = article.frontmatter as { actors: string[]; quotes: { text: string }[]; timeline: unknown[] };
			expect(words(article.body), article.slug).toBeGreaterThanOrEqual(800);
			expect(words(article.body), article.slug).toBeLessThan(1000);
			expect(data.actors.length).toBeGreaterThanOrEqual(6);
			expect(data.actors.length).toBeLessThanOrEqual(10);
			expect(data.quotes).toHaveLength(4);
			for (const quote of data.quotes) expect(article.body).toContain(quote.text);
			expect(data.timeline.length).toBeGreaterThanOrEqual(4);
			expect(article.body).toMatch(/^\| --- \| --- \| --- \|$/m);
		}
	});

	test('gives each explainer what real ones carry: a map of one region, figures with credits, sources', () => {
		const kinds = new Map(generatedPlaces().map((place) => [place.id, place.data['kind']]));
		const regions = new Set<string>();
		for (const article of content.articles) {
			const data = article.frontmatter as {
				places: string[];
				figures: { caption: string; credit: string }[];
				sources: { name: string; url?: string }[];
			};
			const marked = data.places.filter((id) => kinds.get(id) === 'city');
			const shaded = data.places.filter((id) => kinds.get(id) === 'country');
			expect(marked.length + shaded.length, article.slug).toBe(data.places.length);
			expect(marked.length, article.slug).toBeGreaterThanOrEqual(2);
			expect(marked.length, article.slug).toBeLessThanOrEqual(6);
			expect(shaded.length, article.slug).toBeGreaterThanOrEqual(1);
			expect(data.figures.length, article.slug).toBeGreaterThanOrEqual(1);
			expect(data.figures.every((figure) => figure.caption && figure.credit)).toBe(true);
			expect(data.sources.length).toBeGreaterThanOrEqual(1);
			regions.add(shaded[0] ?? '');
		}
		expect(regions.size).toBeGreaterThan(3);
		expect(content.articles.some((article) => Array.isArray(article.frontmatter['corrections']))).toBe(true);
		expect(
			content.articles.some((article) =>
				(article.frontmatter['sources'] as { url?: string }[]).some((source) => source.url),
			),
		).toBe(true);
	});

	test('shares a pool of actors with aliases and roles among the explainers', () => {
		const used = new Set(content.articles.flatMap((article) => article.frontmatter['actors'] as string[]));
		expect(used.size).toBeLessThan(content.articles.length * 6);
		expect(content.actors.every((actor) => actor.data.aliases.length > 0)).toBe(true);
		expect(content.actors.some((actor) => actor.data.roles.length > 0)).toBe(true);
	});

	test('writes content the site’s checks pass without an error or a warning', () => {
		mkdirSync('.tmp', { recursive: true });
		work = mkdtempSync(join('.tmp', 'generator-'));
		writeContent(work, { articles: 40 });
		expect(readdirSync(join(work, 'articles'))).toHaveLength(40);
		expect(readdirSync(join(work, 'places')).sort()).toEqual(
			generatedPlaces()
				.map((place) => `${place.id}.yaml`)
				.sort(),
		);
		expect(checkContent(work).map(formatProblem)).toEqual([]);
	});
});
