import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import type { Root } from 'mdast';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import remarkSmartypants from 'remark-smartypants';
import { unified, type Pluggable } from 'unified';
import { visit } from 'unist-util-visit';
import { describe, expect, test } from 'vitest';
import { generateContent } from '../../bench/build-scale/generate';
import { REPLACED_PROCESSOR_FEATURES } from '../../src/plugins';
import { parse } from 'yaml';
import remarkSmartPunctuation, { smartPunctuation } from '../../src/plugins/remark-smart-punctuation';

const fixtures = new URL('./fixtures/remark-smart-punctuation/', import.meta.url);
const cases = readdirSync(fixtures);
const inputOf = (name: string) => readdirSync(new URL(`${name}/`, fixtures)).find((file) => file.startsWith('input.'))!;

/** Renders Markdown with Astro's processor: with its own SmartyPants, or with ours in its place as the site has it. */
async function renderMarkdown(markdown: string, smartypants: 'astro' | 'ours') {
	const processor = await createMarkdownProcessor(
		smartypants === 'astro'
			? { gfm: false, smartypants: true, syntaxHighlight: false, remarkPlugins: [remarkGfm] }
			: { ...REPLACED_PROCESSOR_FEATURES, syntaxHighlight: false, remarkPlugins: [remarkSmartPunctuation, remarkGfm] },
	);
	return (await processor.render(markdown)).code;
}

/** The MDX syntax tree after one SmartyPants plugin, without positions, for comparing two plugins' trees. */
function educatedMdxTree(mdx: string, plugin: Pluggable): Root {
	const processor = unified().use(remarkParse).use(remarkMdx).use(remarkGfm).use([plugin]);
	const tree = processor.runSync(processor.parse(mdx)) as Root;
	visit(tree, (node) => {
		delete node.position;
	});
	return tree;
}

const bodyOf = (file: string) => file.replace(/^---\n[\s\S]*?\n---\n/, '');

/** A one-paragraph Markdown rendering's text, for comparing with a text educated alone. */
const paragraphText = (html: string) =>
	html
		.replace(/^<p>|<\/p>$/g, '')
		.replace(/&#x26;/g, '&')
		.replace(/&#x3C;/g, '<');

/** The frontmatter prose of an explainer: the texts src/schemas/prose.ts educates (and a few it may yet). */
function proseOf(frontmatter: Record<string, unknown>): string[] {
	const texts = (value: unknown): string[] => (typeof value === 'string' ? [value] : []);
	const each = (list: unknown, ...keys: string[]) =>
		(Array.isArray(list) ? list : []).flatMap((item: Record<string, unknown>) =>
			keys.length === 0 ? texts(item) : keys.flatMap((key) => texts(item?.[key])),
		);
	return [
		...texts(frontmatter['title']),
		...texts(frontmatter['dek']),
		...each(frontmatter['keyFacts']),
		...each(frontmatter['quotes'], 'text'),
		...each(frontmatter['timeline'], 'text', 'label'),
		...each(frontmatter['corrections'], 'text'),
		...each(frontmatter['figures'], 'caption', 'alt'),
	];
}

describe('remark-smart-punctuation', () => {
	test.each(cases.filter((name) => inputOf(name).endsWith('.md')))(
		'renders the %s fixture as its output.html',
		async (name) => {
			const html = await renderMarkdown(readFileSync(new URL(`${name}/input.md`, fixtures), 'utf8'), 'ours');
			const expectedFile = new URL(`${name}/output.html`, fixtures);
			if (process.env['UPDATE_FIXTURES']) writeFileSync(expectedFile, html + '\n');
			expect(html + '\n').toBe(readFileSync(expectedFile, 'utf8'));
		},
	);

	test('curls quotes and apostrophes, and makes dashes and ellipses, in prose but not in code', async () => {
		const html = await renderMarkdown('"We are suspending attacks," it said -- in a statement... `"--"` it\'s', 'ours');
		expect(html).toBe('<p>“We are suspending attacks,” it said — in a statement… <code>"--"</code> it’s</p>');
	});

	test.each(cases)('gives the %s fixture the same text as Astro’s own SmartyPants', async (name) => {
		const input = readFileSync(new URL(`${name}/${inputOf(name)}`, fixtures), 'utf8');
		if (inputOf(name).endsWith('.md'))
			expect(await renderMarkdown(input, 'ours')).toBe(await renderMarkdown(input, 'astro'));
		else expect(educatedMdxTree(input, remarkSmartPunctuation)).toEqual(educatedMdxTree(input, remarkSmartypants));
	});

	test('gives every explainer in content/ the same text as Astro’s own SmartyPants', () => {
		const articles = new URL('../../content/articles/', import.meta.url);
		const files = readdirSync(articles).filter((file) => file.endsWith('.mdx'));
		expect(files.length).toBeGreaterThan(0);
		for (const file of files) {
			const body = bodyOf(readFileSync(new URL(file, articles), 'utf8'));
			expect(educatedMdxTree(body, remarkSmartPunctuation), file).toEqual(educatedMdxTree(body, remarkSmartypants));
		}
	});

	test('smartPunctuation gives a text what Astro’s own SmartyPants gives it as a paragraph', async () => {
		const texts = [
			`"We are suspending attacks," it said -- in a statement... it's "done"`,
			"'Quoted' at the start, ``backticks'' and 'single' quotes",
			`He said: "'Yes' -- and no." The '90s. Rock 'n' roll`,
			'Already “curly” — and… typographic’s',
			'Nothing to change',
		];
		for (const file of readdirSync(new URL('../../content/articles/', import.meta.url))) {
			const text = readFileSync(new URL(`../../content/articles/${file}`, import.meta.url), 'utf8');
			texts.push(...proseOf(parse(/^---\n([\s\S]*?)\n---\n/.exec(text)?.[1] ?? '') as Record<string, unknown>));
		}
		expect(texts.length).toBeGreaterThan(10);
		for (const text of texts) {
			// Markdown syntax in the text would make the rendering differ for reasons of its own.
			if (/[*_`[\]<>\\#]|^\s*(\d+[.)]|[-+])\s/.test(text.replace(/``/g, ''))) continue;
			expect(smartPunctuation(text), text).toBe(paragraphText(await renderMarkdown(text, 'astro')));
		}
	});

	test('gives 100 generated explainers the same text as Astro’s own SmartyPants', () => {
		for (const article of generateContent({ articles: 100 }).articles)
			expect(educatedMdxTree(article.body, remarkSmartPunctuation), article.slug).toEqual(
				educatedMdxTree(article.body, remarkSmartypants),
			);
	});
});
