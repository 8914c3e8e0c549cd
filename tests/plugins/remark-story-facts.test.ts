import { parseFrontmatter, unified } from '@astrojs/markdown-remark';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { parseContentFile } from '../../src/checks/content-files';
import { createCompiledStoryFacts } from '../../src/checks/story-facts/compiled';
import type { StoryFacts } from '../../src/checks/story-facts/facts';
import { readStoryFacts } from '../../src/checks/story-facts/parse';
import { explainerRemarkPlugins, REPLACED_PROCESSOR_FEATURES } from '../../src/plugins';
import type { MentionableActor } from '../../src/mentions/remark-actor-mentions';
import { readMentionableActors } from '../../src/mentions/actor-names';

const root = resolve(import.meta.dirname, '../..');
const fixtures = join(import.meta.dirname, 'fixtures/remark-story-facts');
const fixtureActors = parse(readFileSync(join(fixtures, 'actors.yaml'), 'utf8')) as MentionableActor[];

/**
 * The site's MDX compiler, as src/build/index.ts sets it up and @astrojs/mdx runs it: its plugin list, handing the
 * stories' facts to `store`, with the mentionable actors of `actors`.
 */
async function siteCompiler(actors: readonly MentionableActor[]) {
	const store = createCompiledStoryFacts();
	const compiler = await unified({
		...REPLACED_PROCESSOR_FEATURES,
		remarkPlugins: explainerRemarkPlugins(actors, store),
	}).createMdxRenderer?.({ syntaxHighlight: false }, { optimize: true });
	if (!compiler) throw new Error('the unified processor compiles no MDX');
	return { store, compiler };
}

const withFixtureActors = await siteCompiler(fixtureActors);
const withContentActors = await siteCompiler(readMentionableActors(join(root, 'content/actors')));

/**
 * Compiles the explainer at `path` (absolute) from `source` as a build does (the frontmatter blanked out, as
 * @astrojs/mdx gives it to the compiler), and returns the facts the plugin handed over, with the facts the
 * separate parser reads from the same file as the content checks read it.
 */
async function factsOf(path: string, source: string, { store, compiler } = withFixtureActors) {
	const { frontmatter, content } = parseFrontmatter(source, { frontmatter: 'empty-with-spaces' });
	const file = parseContentFile('articles', relative(root, path), Buffer.from(source));
	if (!file.body) throw new Error(`${path} has no story`);
	store.collect();
	try {
		await compiler.process(content, path, frontmatter);
		return { compiled: store.of(path, file.body), parsed: readStoryFacts(file.body), body: file.body };
	} finally {
		store.stop();
	}
}

const fixtureNames = readdirSync(fixtures).filter((name) => name.endsWith('.mdx'));
const articles = join(root, 'content/articles');
const contentNames = readdirSync(articles).filter((name) => name.endsWith('.mdx'));

describe('remark-story-facts', () => {
	test.each(fixtureNames)('hands over the facts the separate parser reads from %s', async (name) => {
		const path = join(fixtures, name);
		const { compiled, parsed } = await factsOf(path, readFileSync(path, 'utf8'));
		expect(compiled).toBeDefined();
		expect(compiled).toEqual(parsed);
	});

	test.each(contentNames)('hands over the facts the separate parser reads from content/articles/%s', async (name) => {
		const path = join(articles, name);
		const { compiled, parsed } = await factsOf(path, readFileSync(path, 'utf8'), withContentActors);
		expect(compiled).toBeDefined();
		expect(compiled).toEqual(parsed);
		expect(compiled?.readableText).not.toBe('');
	});

	test('reads the story as written, placed in the file, before punctuation and mentions change it', async () => {
		const path = join(fixtures, 'links-and-headings.mdx');
		const source = readFileSync(path, 'utf8');
		const { compiled } = await factsOf(path, source);
		const line = (text: string) => source.split('\n').findIndex((row) => row.includes(text)) + 1;
		expect(compiled?.blockTexts.map((block) => block.value)).toContain('A quotation, "straight quotes" -- and dots...');
		// The text of "the United States" stays one run: the mention plugin, which runs later, splits it.
		const run = compiled?.proseRuns.find((item) => item.value.includes('said the United States'));
		expect(run).toMatchObject({ line: line('said the United States') });
		expect(compiled?.headings.map((heading) => heading.slug)).toEqual([
			'why-it-matters',
			'why-it-matters-1',
			'a-heading-with-code-and-emphasis',
		]);
		expect(compiled?.links).toEqual([
			{ url: 'https://example.org/pentagon', line: line('[Pentagon]'), column: 5 },
			{ url: '#timeline', line: line('[Pentagon]'), column: 98 },
			// A reference (`[text][other]`) is checked at its definition.
			{ url: 'https://example.org/plain', line: line('[the other explainer]'), column: 38 },
			{ url: '/explainers/other-story/', line: line('[other]:'), column: 1 },
			{ url: '../other/', line: line('- A list item'), column: 20 },
		]);
	});

	test('places the text GFM splits around the addresses it links, where the file reads as the text', async () => {
		const path = join(fixtures, 'web-and-mail-addresses.mdx');
		const source = readFileSync(path, 'utf8');
		const { compiled } = await factsOf(path, source);
		// Where each run's text is in the file, when it has a place: a run with none is at the file's start.
		const placed = compiled?.proseRuns.map(({ value, line, column }) =>
			line === 1 && column === 1
				? `unplaced ${value}`
				: source.split('\n')[line - 1]?.slice(column - 1, column - 1 + value.length),
		);
		expect(placed).toEqual([
			'Read it at ',
			'www.example.org/notice',
			', or ask ',
			'press@example.org',
			' for it.',
			'See [',
			'www.example.org',
			'] (',
			'https://example.org/b',
			')',
			' and ',
			'[',
			'press@example.org',
			'] (mailto:',
			'press@example.org',
			')',
			// The file reads `&amp;` where the text has `&`: the piece is not placed, the ones after it are.
			'unplaced After a character reference, Smith & [',
			'www.example.org',
			'] (',
			'https://example.org/c',
			').',
		]);
	});

	test('reads MDX as MDX gives it to the plugins: a paragraph of nothing but mentions is a block per mention', async () => {
		const path = join(fixtures, 'components-and-imports.mdx');
		const source = readFileSync(path, 'utf8');
		const { compiled } = await factsOf(path, source);
		const line = (text: string) => source.split('\n').findIndex((row) => row.includes(text)) + 1;
		expect(compiled?.mentions).toEqual([
			{ id: 'kataib-hezbollah', empty: false, paragraphs: false, line: line('Then <Mention'), column: 6 },
			{ id: 'kataib-hezbollah', empty: false, paragraphs: false, line: line('The group</Mention>'), column: 1 },
			{ id: 'united-states', empty: false, paragraphs: false, line: line('envoy'), column: 1 },
			{ id: 'kataib-hezbollah', empty: false, paragraphs: false, line: line('envoy'), column: 61 },
			{
				id: 'united-states',
				empty: false,
				paragraphs: false,
				line: line('<Mention actor="united-states">') + 2,
				column: 1,
			},
		]);
		expect(compiled?.blockTexts.map((block) => block.value)).toEqual(
			expect.arrayContaining(["Washington's envoy", 'its leaders', 'The United States']),
		);
		expect(compiled?.readableText.split('\n')).toEqual(
			expect.arrayContaining(['The group', "Washington's envoy", 'its leaders']),
		);
		expect(compiled?.imports).toEqual([
			{ specifier: '../components/Chart.astro', line: line('import Chart') },
			{ specifier: '../components/parts.ts', line: line('import { Aside') },
		]);
		expect(compiled?.elements.map((element) => element.name)).toEqual([
			'Mention',
			'Mention',
			'Mention',
			'Mention',
			'Mention',
			'Aside',
			'Chart',
			'Picture',
			'Undeclared',
		]);
	});

	test('reads a file with Windows line endings as the separate parser does', async () => {
		const path = join(fixtures, 'gfm.mdx');
		const { compiled, parsed } = await factsOf(path, readFileSync(path, 'utf8').replace(/\n/g, '\r\n'));
		expect(compiled).toBeDefined();
		expect(compiled).toEqual(parsed);
	});

	test('hands over nothing while no build collects, nor for a file saved again since the checks read it', async () => {
		const path = join(fixtures, 'gfm.mdx');
		const source = readFileSync(path, 'utf8');
		const { store, compiler } = withFixtureActors;
		const { frontmatter, content } = parseFrontmatter(source, { frontmatter: 'empty-with-spaces' });
		await compiler.process(content, path, frontmatter);
		const body = parseContentFile('articles', 'gfm.mdx', Buffer.from(source)).body!;
		expect(store.of(path, body)).toBeUndefined();

		store.collect();
		await compiler.process(content, path, frontmatter);
		expect(store.of(path, body)).toBeDefined();
		expect(store.of(path, { ...body, text: `${body.text}One more line.\n` })).toBeUndefined();
		expect(store.of(path, { ...body, line: body.line + 1 })).toBeUndefined();
		store.stop();
		expect(store.of(path, body)).toBeUndefined();
	});
});

describe('the separate parser', () => {
	const story = (text: string, line = 12): StoryFacts => readStoryFacts({ text, line });

	test('places what it finds in the file: headings, mentions, links and text', () => {
		const facts = story(
			[
				'## How we got here',
				'',
				'<Mention actor="kataib-hezbollah">The group</Mention> said it would stop, [the Pentagon](https://example.org) said.',
				'',
			].join('\n'),
		);
		expect(facts.headings).toEqual([
			{ depth: 2, text: 'How we got here', slug: 'how-we-got-here', underlined: false, line: 12, column: 1 },
		]);
		expect(facts.mentions).toEqual([{ id: 'kataib-hezbollah', empty: false, paragraphs: false, line: 14, column: 1 }]);
		expect(facts.links).toEqual([{ url: 'https://example.org', line: 14, column: 75 }]);
		expect(facts.blockTexts.map((block) => block.value)).toEqual([
			'How we got here',
			'The group said it would stop, the Pentagon said.',
		]);
		expect(facts.syntaxErrors).toBeUndefined();
	});

	test('reports where MDX stops, reads the rest of the story and keeps the unread paragraph as written', () => {
		const facts = story('A fine line.\n\nA stray { brace.\n', 3);
		expect(facts.syntaxErrors).toMatchObject([{ line: 5 }]);
		expect(facts.proseRuns).toEqual([{ value: 'A fine line.', line: 3, column: 1, end: { line: 3, column: 13 } }]);
		expect(facts.unreadText).toBe('A stray { brace.');
	});

	test('reads nothing of a story when it stops before every mistake is set aside', () => {
		const facts = story(['<div>', '', 'A fine line.', '', 'A stray { brace.', '</div>', ''].join('\n'), 1);
		expect(facts.syntaxErrors).toMatchObject([{ line: 5 }]);
		expect(facts.proseRuns).toEqual([]);
		expect(facts.unreadText).toBeUndefined();
	});

	test('reports every mistake MDX would stop at, in their own paragraphs, in the order of the file', () => {
		const facts = story(
			[
				'A stray { brace.',
				'',
				'A fine line.',
				'',
				'An <b>unclosed tag.',
				'On two lines.',
				'',
				'An HTML <!-- comment -->.',
				'',
			].join('\n'),
			3,
		);
		expect(facts.syntaxErrors).toEqual([
			expect.objectContaining({ line: 3, column: 9, message: 'this `{` has no `}` to close it' }),
			expect.objectContaining({ line: 7, column: 4, message: '<b> is not closed in its paragraph' }),
			expect.objectContaining({ line: 10, column: 9, message: expect.stringMatching(/HTML comment/) }),
		]);
	});

	test('says where it stops listing the mistakes of a story that has many', () => {
		const facts = story(Array.from({ length: 12 }, (_, index) => `Brace ${index} { here.\n`).join('\n'), 1);
		expect(facts.syntaxErrors).toHaveLength(11);
		expect(facts.syntaxErrors?.at(-1)?.message).toBe(
			'this `{` has no `}` to close it (the check lists no more than 11: fix these and check again)',
		);
	});

	test('stops at a mistake that blanking an earlier one may have caused', () => {
		// Blanking the stray brace's paragraph would blank the end of the <div> opened above it: the <div> would then be
		// unclosed, which is not the editor's mistake, so nothing more is reported.
		const facts = story(['<div>', '', 'A stray { brace.', '</div>', '', 'An HTML <!-- comment -->.', ''].join('\n'), 1);
		expect(facts.syntaxErrors).toHaveLength(1);
		expect(facts.syntaxErrors).toMatchObject([{ line: 3, column: 9 }]);
	});
});
