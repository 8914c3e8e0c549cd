import type { Root, RootContent } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import type { Position } from '../content-files.ts';
import { storyFactsOf, unparsedStory, type StoryFacts } from './facts.ts';

/**
 * MDX's own step between parsing and the site's plugins (remark-mark-and-unravel in @mdx-js/mdx, which does not
 * export it), so that the facts read here are those of the tree the site's plugins receive in a build: a paragraph
 * of nothing but JSX elements, expressions and white space becomes those elements, as blocks.
 * tests/plugins/remark-story-facts.test.ts checks that both give the same facts.
 */
function remarkUnravelLikeMdx() {
	return (tree: Root) => {
		visit(tree, (node, index, parent) => {
			if (!parent || index === undefined || node.type !== 'paragraph') return undefined;
			let oneOrMore = false;
			for (const child of node.children) {
				if (child.type === 'mdxJsxTextElement' || child.type === 'mdxTextExpression') oneOrMore = true;
				else if (child.type !== 'text' || !/^[\t\n\v\f\r ]*$/.test(child.value)) return undefined;
			}
			if (!oneOrMore) return undefined;
			const blocks = node.children.flatMap((child): RootContent[] => {
				if (child.type === 'mdxJsxTextElement') return [{ ...child, type: 'mdxJsxFlowElement' } as RootContent];
				if (child.type === 'mdxTextExpression') return [{ ...child, type: 'mdxFlowExpression' }];
				return child.type === 'text' && /^[\t\r\n ]+$/.test(child.value) ? [] : [child];
			});
			parent.children.splice(index, 1, ...(blocks as typeof parent.children));
			return index;
		});
	};
}

/**
 * A story larger than this is a pasting accident, and would blow every page budget: mdx-check reports it, and it is
 * not parsed, which would take seconds for nothing.
 */
export const MAX_BODY_BYTES = 200_000;

/** The parser MDX compiles a story with, up to where the site's plugins start (see src/build/index.ts). */
const parser = unified().use(remarkParse).use(remarkMdx).use(remarkUnravelLikeMdx).use(remarkGfm);

/**
 * Reads a story's facts without Astro's compile: for `npm run check`, the dev server, and a build's stories that
 * Astro's compile did not read. The story is parsed as MDX parses it, with the frontmatter's lines left empty, so
 * every position is a position in the file.
 */
export function readStoryFacts(body: { text: string; line: number }): StoryFacts {
	if (Buffer.byteLength(body.text) > MAX_BODY_BYTES) {
		return unparsedStory({ message: 'the story is too large to read', line: body.line, column: 1 });
	}
	let tree: Root;
	const text = '\n'.repeat(body.line - 1) + body.text;
	try {
		tree = parser.runSync(parser.parse(text)) as Root;
	} catch (error) {
		const place = error as { reason?: string; message: string; line?: number; column?: number };
		const expression = expressionError(error);
		const brace = expression && place.line ? unclosedBrace(text, place as Position) : undefined;
		if (brace) {
			return unparsedStory(
				expression === 'unexpected-eof'
					? {
							message: 'this `{` has no `}` to close it',
							hint: 'to show a brace in the text, write it as `\\{`',
							...brace,
						}
					: {
							message: 'the words after this `{` are read as code, which they are not',
							hint: 'to show braces in the text, write them as `\\{` and `\\}`',
							...brace,
						},
			);
		}
		const unclosed = UNCLOSED_TAG.exec(place.reason ?? '');
		if (unclosed) {
			const [, name = '', line = '', column = ''] = unclosed;
			return unparsedStory({
				message: `<${name}> is not closed in its paragraph`,
				hint: `add </${name}> where the words it wraps end, in the same paragraph`,
				line: Number(line),
				column: Number(column),
			});
		}
		const tag = tagError(error) && place.line ? tagStart(text, place as Position) : undefined;
		if (tag) {
			return unparsedStory({
				message: 'this `<` starts a tag that the text after it does not finish',
				hint: 'to show `<` in the text, write it as `\\<`; a tag is written whole, e.g. <Mention actor="id">…</Mention>',
				...tag,
			});
		}
		return unparsedStory({
			message: place.reason ?? place.message,
			line: place.line ?? body.line,
			column: place.column ?? 1,
		});
	}
	return storyFactsOf(tree);
}

/**
 * Why MDX stopped inside a `{…}`, if it did: `unexpected-eof` at the end of a paragraph still inside one, `acorn`
 * where the words inside are not JavaScript (a `{` in text that a later `}` happens to close).
 */
function expressionError(error: unknown): 'unexpected-eof' | 'acorn' | undefined {
	const { source, ruleId } = error as { source?: string; ruleId?: string };
	if (source !== 'micromark-extension-mdx-expression') return undefined;
	return ruleId === 'unexpected-eof' || ruleId === 'acorn' ? ruleId : undefined;
}

/**
 * The `{` of an expression MDX could not read. MDX reports an unclosed one where the paragraph ends, often lines past
 * the brace the editor has to escape, and one it cannot parse at the word it stumbled on: this looks back from there
 * for the first `{` not closed before that point.
 */
function unclosedBrace(text: string, end: Position): Position | undefined {
	const lines = text.split('\n');
	let closed = 0;
	for (let line = end.line; line >= 1; line--) {
		const chars = lines[line - 1] ?? '';
		const last = line === end.line ? Math.min(end.column - 1, chars.length) : chars.length;
		for (let column = last; column >= 1; column--) {
			const char = chars[column - 1];
			if ((char !== '{' && char !== '}') || chars[column - 2] === '\\') continue;
			if (char === '}') closed++;
			else if (closed === 0) return { line, column };
			else closed--;
		}
	}
	return undefined;
}

/** MDX's report of a tag left open at the end of its paragraph: the tag's name and where it starts. */
const UNCLOSED_TAG = /^Expected a closing tag for `<([^>\s]*)>` \((\d+):(\d+)-/;

/** Whether MDX stopped inside a tag it could not read: a `<` in text, or a tag cut short. */
const tagError = (error: unknown) => {
	const { source, ruleId } = error as { source?: string; ruleId?: string };
	return source === 'micromark-extension-mdx-jsx' && (ruleId === 'unexpected-character' || ruleId === 'unexpected-eof');
};

/** The `<` that starts the tag MDX stopped in: the last one not escaped before where it stopped. */
function tagStart(text: string, end: Position): Position | undefined {
	const lines = text.split('\n');
	for (let line = end.line; line >= 1; line--) {
		const chars = lines[line - 1] ?? '';
		const last = line === end.line ? Math.min(end.column - 1, chars.length) : chars.length;
		for (let column = last; column >= 1; column--) {
			if (chars[column - 1] === '<' && chars[column - 2] !== '\\') return { line, column };
		}
	}
	return undefined;
}
