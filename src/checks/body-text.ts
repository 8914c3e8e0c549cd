import type { Root } from 'mdast';
import type { MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import { SKIP, visit } from 'unist-util-visit';
import { MENTION_ELEMENT } from '../plugins/remark-actor-mentions.ts';

/** Where a run of body text starts in the file. */
export interface TextRun {
	value: string;
	line: number;
	column: number;
}

const NOT_PROSE = new Set(['code', 'inlineCode', 'mdxjsEsm', 'mdxFlowExpression', 'mdxTextExpression', 'html']);

/** The body's readable text, run by run with positions, leaving out code and expressions. */
export function proseRuns(tree: Root): TextRun[] {
	const runs: TextRun[] = [];
	visit(tree, (node) => {
		if (NOT_PROSE.has(node.type)) return SKIP;
		if (node.type === 'text') {
			runs.push({ value: node.value, line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1 });
		}
		return undefined;
	});
	return runs;
}

/** Paragraph-level text with runs joined, so a quote that spans emphasis or a mention still reads whole. */
export function blockTexts(tree: Root): TextRun[] {
	return tree.children.flatMap((block) => {
		const runs = proseRuns({ type: 'root', children: [block] });
		const first = runs[0];
		return first ? [{ ...first, value: runs.map((run) => run.value).join('') }] : [];
	});
}

/** Nodes whose text stands apart from the text around it: a line break in the readable text. */
const BLOCKS = new Set([
	'paragraph',
	'heading',
	'blockquote',
	'list',
	'listItem',
	'table',
	'tableRow',
	'tableCell',
	'break',
]);

/**
 * The body's readable text as one string, a line for each paragraph, heading, list item and table cell, leaving
 * out code and expressions: what readers see of the story, for search (src/utils/search-records.ts).
 */
export function readableText(tree: Root): string {
	const parts: string[] = [];
	visit(tree, (node) => {
		if (NOT_PROSE.has(node.type)) return SKIP;
		// A line break inside a paragraph is a space, as the browser shows it.
		if (node.type === 'text') parts.push(node.value.replace(/\s+/g, ' '));
		else if (BLOCKS.has(node.type)) parts.push('\n');
		return undefined;
	});
	return parts
		.join('')
		.split('\n')
		.map((line) => line.replace(/ {2,}/g, ' ').trim())
		.filter((line) => line !== '')
		.join('\n');
}

/** Every `<Mention actor="…">` in the body: the actor id it names (empty when missing) and where it is. */
export function explicitMentions(tree: Root): { id: string; line: number; column: number }[] {
	const mentions: { id: string; line: number; column: number }[] = [];
	visit(tree, 'mdxJsxTextElement', (node: MdxJsxTextElement) => {
		if (node.name !== MENTION_ELEMENT) return;
		const actor = node.attributes.find((item) => item.type === 'mdxJsxAttribute' && item.name === 'actor');
		const start = node.position?.start;
		const id = typeof actor?.value === 'string' ? actor.value : '';
		mentions.push({ id, line: start?.line ?? 1, column: start?.column ?? 1 });
	});
	return mentions;
}

/** Quotes and spacing as they are compared: curly and straight marks, ellipses and white space made alike. */
export function normaliseForQuoteMatch(text: string): string {
	return text
		.replace(/[\u2018\u2019\u201B\u2032]/g, "'")
		.replace(/[\u201C\u201D\u201F\u2033«»]/g, '"')
		.replace(/\u2026/g, '...')
		.replace(/[\s\u00A0]+/g, ' ')
		.trim();
}

/** The file position of a character inside a run of text. */
export function positionIn(run: TextRun, offset: number): { line: number; column: number } {
	const before = run.value.slice(0, offset).split('\n');
	return before.length === 1
		? { line: run.line, column: run.column + offset }
		: { line: run.line + before.length - 1, column: (before.at(-1)?.length ?? 0) + 1 };
}
