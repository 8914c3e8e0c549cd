import { createMarkdownProcessor, parseFrontmatter } from '@astrojs/markdown-remark';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { explainerRemarkPlugins, REPLACED_PROCESSOR_FEATURES } from '../../src/plugins';
import remarkActorMentions, {
	type MentionableActor,
	type MentionReport,
} from '../../src/plugins/remark-actor-mentions';

const fixtures = new URL('./fixtures/remark-actor-mentions/', import.meta.url);
const actors = parse(readFileSync(new URL('actors.yaml', fixtures), 'utf8')) as MentionableActor[];
const cases = readdirSync(fixtures, { withFileTypes: true })
	.filter((entry) => entry.isDirectory())
	.map((entry) => entry.name);

/** Renders Markdown the way the site does: the unified processor with the site's plugin list. */
async function renderMarkdown(markdown: string) {
	const processor = await createMarkdownProcessor({
		...REPLACED_PROCESSOR_FEATURES,
		syntaxHighlight: false,
		remarkPlugins: explainerRemarkPlugins(actors),
	});
	const { frontmatter, content } = parseFrontmatter(markdown);
	const { code, metadata } = await processor.render(content, { frontmatter });
	return { html: code, report: metadata.frontmatter as unknown as MentionReport };
}

describe('remark-actor-mentions', () => {
	test.each(cases)('renders the %s fixture as its output.html', async (name) => {
		const input = readFileSync(new URL(`${name}/input.md`, fixtures), 'utf8');
		const { html } = await renderMarkdown(input);
		const expectedFile = new URL(`${name}/output.html`, fixtures);
		if (process.env['UPDATE_FIXTURES']) writeFileSync(expectedFile, html + '\n');
		expect(html + '\n').toBe(readFileSync(expectedFile, 'utf8'));
	});

	test('reports the ids of every linked mention, per actor, in reading order', async () => {
		const { report } = await renderMarkdown(
			readFileSync(new URL('headings-start-sections/input.md', fixtures), 'utf8'),
		);
		expect(report.mentions).toEqual({
			'kataib-hezbollah': ['mention-kataib-hezbollah-1', 'mention-kataib-hezbollah-2'],
			'united-states': ['mention-united-states-1'],
		});
	});

	test('reports known actors that are named but not listed, with where they are', async () => {
		const { report } = await renderMarkdown(readFileSync(new URL('unlisted-actors/input.md', fixtures), 'utf8'));
		expect(report.unlistedMentions).toEqual([{ id: 'pat-ryder', name: 'Pat Ryder', line: 3, column: 27 }]);
	});

	describe('the <Mention> element in MDX', () => {
		const renderMdx = (mdx: string, listed = ['kataib-hezbollah']) => {
			const file = new VFile({
				value: mdx,
				path: 'content/articles/example.mdx',
				data: { astro: { frontmatter: { actors: listed, published: '2024-01-30T20:00:00Z' } } },
			});
			const processor = unified()
				.use(remarkParse)
				.use(remarkMdx)
				.use(remarkGfm)
				.use(remarkActorMentions, { actors })
				.use(remarkRehype)
				.use(rehypeStringify);
			return processor.process(file);
		};

		test('links text that no name matches to the actor it names', async () => {
			const html = String(await renderMdx('Then <Mention actor="kataib-hezbollah">the group</Mention> said so.'));
			expect(html).toContain(
				'<a href="#actor-kataib-hezbollah" id="mention-kataib-hezbollah-1" class="mention__link" aria-describedby="mention-kataib-hezbollah-1-card">the group</a>',
			);
			expect(html).toContain('<strong class="mention__name">Kataib Hezbollah</strong>');
		});

		test('fails at the element with the file, line and column when the actor is unknown', async () => {
			await expect(
				renderMdx('Line one.\n\nThen <Mention actor="kataib-hezbolah">the group</Mention>.'),
			).rejects.toThrow(
				expect.objectContaining({
					message: expect.stringContaining('no actor "kataib-hezbolah"'),
					file: 'content/articles/example.mdx',
					line: 3,
					column: 6,
				}),
			);
		});

		test('fails when the actor exists but the article does not list it', async () => {
			await expect(renderMdx('<Mention actor="iran">Tehran’s ally</Mention>')).rejects.toThrow(
				/add "iran" to this article's `actors`/,
			);
		});
	});
});
