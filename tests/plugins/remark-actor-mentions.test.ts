import { parseFrontmatter, unified } from '@astrojs/markdown-remark';
import { getContainerRenderer } from '@astrojs/mdx/container-renderer';
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import type { AstroComponentFactory } from 'astro/runtime/server/index.js';
import { loadRenderers } from 'astro:container';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, test, vi } from 'vitest';
import { parse } from 'yaml';
import { explainerDay } from '../../src/actors/as-of';
import MentionCard from '../../src/mentions/MentionCard.astro';
import { explainerRemarkPlugins, REPLACED_PROCESSOR_FEATURES } from '../../src/plugins';
import {
	MENTION_CARD_ELEMENT,
	type MentionableActor,
	type MentionReport,
} from '../../src/mentions/remark-actor-mentions';
import { ActorSchema } from '../../src/schemas/actor';
import { dayOf } from '../../src/utils/partial-dates';

const fixtures = new URL('./fixtures/remark-actor-mentions/', import.meta.url);
const actorFiles = parse(readFileSync(new URL('actors.yaml', fixtures), 'utf8')) as ({ id: string } & object)[];
const cases = readdirSync(fixtures, { withFileTypes: true })
	.filter((entry) => entry.isDirectory())
	.map((entry) => entry.name);

/** The names the plugin matches, read from the fixture actors as src/mentions/actor-names.ts reads the files. */
const actors: MentionableActor[] = actorFiles.map((actor) => {
	const { id, name, aliases } = actor as MentionableActor;
	return { id, name, aliases };
});

/**
 * What the cards read when the page renders, as the page's helpers hand it: the fixture actors through the real
 * schema, and each explainer's day (the fixture's `asOf`, or the day it was published), by id (the fixture's name).
 */
const collections = vi.hoisted(() => ({
	actors: new Map<string, { id: string; collection: 'actors'; data: unknown }>(),
	reportDays: new Map<string, string>(),
}));
vi.mock('../../src/utils/articles', () => ({
	getActorsById: async () => collections.actors,
	getReportDays: async () => collections.reportDays,
}));
for (const { id, ...fields } of actorFiles) {
	collections.actors.set(id, { id, collection: 'actors', data: ActorSchema().parse(fields) });
}

const root = resolve(import.meta.dirname, '../..');
mkdirSync(join(root, '.tmp'), { recursive: true });
const compiled = mkdtempSync(join(root, '.tmp', 'remark-actor-mentions-'));
afterAll(() => rmSync(compiled, { recursive: true, force: true }));

/**
 * The site's MDX compiler: the processor of src/build/index.ts (its plugin list, with the fixture actors) as
 * @astrojs/mdx runs it, with `optimize` on as the site has it.
 */
const compiler = await unified({
	...REPLACED_PROCESSOR_FEATURES,
	remarkPlugins: explainerRemarkPlugins(actors),
}).createMdxRenderer?.({ syntaxHighlight: false }, { optimize: true });
const container = AstroContainer.create({ renderers: await loadRenderers([getContainerRenderer()]) });

/** A day from frontmatter as YAML reads it: a Date for an unquoted date, else the text. */
const day = (value: unknown) => (value instanceof Date ? dayOf(value) : typeof value === 'string' ? value : undefined);

let compiledFiles = 0;

/**
 * Compiles an explainer, `content/articles/<id>.mdx`, as the site does, runs the compiled module and renders its
 * `Content` with the page's components through Astro's container API. Returns the HTML and the plugin's report.
 */
async function renderExplainer(id: string, source: string) {
	const { frontmatter, content } = parseFrontmatter(source, { frontmatter: 'empty-with-spaces' });
	const published = frontmatter['published'];
	collections.reportDays.set(
		id,
		explainerDay({
			asOf: day(frontmatter['asOf']),
			published: published instanceof Date ? published : new Date(String(published)),
		}),
	);
	if (!compiler) throw new Error('the unified processor compiles no MDX');
	const { code } = await compiler.process(content, join(root, 'content/articles', `${id}.mdx`), frontmatter);
	// As @astrojs/mdx's post-processing does: `Content` renders the story with the components the page passes.
	const file = join(compiled, `${id}-${++compiledFiles}.mjs`);
	writeFileSync(
		file,
		`${code.replace('export default function MDXContent', 'function MDXContent')}
import { Fragment } from 'astro/jsx-runtime';
import { __astro_tag_component__ } from 'astro/runtime/server/index.js';
export const Content = (props = {}) => MDXContent({ ...props, components: { Fragment, ...props.components } });
__astro_tag_component__(Content, 'astro:jsx');
`,
	);
	const module = (await import(/* @vite-ignore */ pathToFileURL(file).href)) as {
		Content: AstroComponentFactory;
		frontmatter: MentionReport;
	};
	// The explainer page passes MentionCard to the story: `<Content components={{ MentionCard }} />`.
	const components = { [MENTION_CARD_ELEMENT]: MentionCard };
	const html = await (await container).renderToString(module.Content, { props: { components } });
	// Dev builds of components mark their elements with their source; the site's pages carry no such attributes.
	return { html: html.replace(/ data-astro-source-(?:file|loc)="[^"]*"/g, ''), report: module.frontmatter };
}

const readCase = (name: string) => readFileSync(new URL(`${name}/input.mdx`, fixtures), 'utf8');

describe('remark-actor-mentions', () => {
	test.each(cases)('renders the %s fixture as its output.html', async (name) => {
		const { html } = await renderExplainer(name, readCase(name));
		const expectedFile = new URL(`${name}/output.html`, fixtures);
		if (process.env['UPDATE_FIXTURES']) writeFileSync(expectedFile, html + '\n');
		expect(html + '\n').toBe(readFileSync(expectedFile, 'utf8'));
	});

	test('reports the ids of every linked mention, per actor, in reading order', async () => {
		const { report } = await renderExplainer('headings-start-sections', readCase('headings-start-sections'));
		expect(report.mentions).toEqual({
			'kataib-hezbollah': ['mention-kataib-hezbollah-1', 'mention-kataib-hezbollah-2'],
			'united-states': ['mention-united-states-1'],
		});
	});

	test('reports known actors that are named but not listed, with where they are in the file', async () => {
		const { report } = await renderExplainer('unlisted-actors', readCase('unlisted-actors'));
		expect(report.unlistedMentions).toEqual([{ id: 'pat-ryder', name: 'Pat Ryder', line: 6, column: 27 }]);
	});

	describe('the <Mention> element in MDX', () => {
		const story = (body: string, listed = ['kataib-hezbollah']) =>
			`---\nactors: [${listed.join(', ')}]\npublished: 2024-01-30T20:00:00Z\n---\n\n${body}\n`;

		test('links text that no name matches to the actor it names, keeping the text as written', async () => {
			const { html, report } = await renderExplainer(
				'example',
				story('Then <Mention actor="kataib-hezbollah">the group\'s *fighters*</Mention> said so.'),
			);
			expect(html).toContain(
				'<a href="#actor-kataib-hezbollah" id="mention-kataib-hezbollah-1" class="mention__link" aria-describedby="mention-kataib-hezbollah-1-card">the group’s <em>fighters</em></a>',
			);
			expect(html).toContain('<strong class="mention__name">Kataib Hezbollah</strong>');
			expect(report.mentions).toEqual({ 'kataib-hezbollah': ['mention-kataib-hezbollah-1'] });
		});

		test('keeps a paragraph of nothing but a <Mention> a paragraph (MDX makes it a block element)', async () => {
			const { html } = await renderExplainer(
				'example',
				story(
					'<Mention actor="kataib-hezbollah">The group</Mention>\n\n<Mention actor="kataib-hezbollah">\nIt\n</Mention>',
				),
			);
			expect(html).toMatch(
				/^<p><span class="mention"><a [^>]*>The group<\/a>.*<\/span><\/p>\n?<p><span class="mention"><a [^>]*>It<\/a>.*<\/span><\/p>$/,
			);
		});

		test('fails at the element with the file, line and column when the actor is unknown', async () => {
			await expect(
				renderExplainer('example', story('Line one.\n\nThen <Mention actor="kataib-hezbolah">the group</Mention>.')),
			).rejects.toThrow(
				expect.objectContaining({
					message: expect.stringContaining('no actor "kataib-hezbolah"'),
					file: join(root, 'content/articles/example.mdx'),
					line: 8,
					column: 6,
				}),
			);
		});

		test('fails when the actor exists but the article does not list it', async () => {
			await expect(renderExplainer('example', story('<Mention actor="iran">Tehran’s ally</Mention>'))).rejects.toThrow(
				/add "iran" to this article's `actors`/,
			);
		});
	});
});
