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
		const brace = endOfExpression(error) && place.line ? unclosedBrace(text, place as Position) : undefined;
		if (brace) {
			return unparsedStory({
				message: 'this `{` has no `}` to close it',
				hint: 'to show a brace in the text, write it as `\\{`',
				...brace,
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

/** Whether MDX stopped at the end of a paragraph still inside a `{…}`. */
const endOfExpression = (error: unknown) =>
	(error as { source?: string }).source === 'micromark-extension-mdx-expression' &&
	(error as { ruleId?: string }).ruleId === 'unexpected-eof';

/**
 * The `{` of an expression that never closes. MDX reports it where the paragraph ends, often lines past the brace
 * the editor has to escape: this looks back from there for the first `{` not closed before that point.
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
