import type { Root, RootContent } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import type { Position } from '../content-files.ts';
import { storyFactsOf, unparsedStory, type StoryFacts, type StorySyntaxError } from './facts.ts';

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
		return unparsedStory([{ message: 'the story is too large to read', line: body.line, column: 1 }]);
	}
	let tree: Root;
	const text = '\n'.repeat(body.line - 1) + body.text;
	try {
		tree = parser.runSync(parser.parse(text)) as Root;
	} catch (error) {
		return readAroundSyntaxErrors(syntaxErrorOf(error, text, body.line), text, body.line);
	}
	return storyFactsOf(tree, text);
}

/** How many mistakes of one story are reported at most: finding each takes another parse of the story. */
const MAX_SYNTAX_ERRORS = 10;

/**
 * The facts of a story MDX cannot parse: `first` and the mistakes after it that MDX would stop at too, so that an
 * editor fixes them in one go, and what the rest of the story says, so that its other checks run too. MDX stops at
 * its first mistake (not always the first in the file), so the block holding it (its lines up to the blank lines
 * around them) is blanked out and the story parsed again, until it parses. Only a block that stands alone is blanked
 * ({@link standsAlone}); at another, the search stops with what it found, and the rest of the story is left unread.
 */
function readAroundSyntaxErrors(first: StorySyntaxError, text: string, firstLine: number): StoryFacts {
	const errors: [StorySyntaxError, ...StorySyntaxError[]] = [first];
	const lines = text.split('\n');
	const unread: string[] = [];
	const isBlank = (line: number) => (lines[line - 1] ?? '').trim() === '';
	for (let error = first; ;) {
		let start = error.line;
		let end = error.line;
		while (start > firstLine && !isBlank(start - 1)) start--;
		while (end < lines.length && !isBlank(end + 1)) end++;
		const block = lines.slice(start - 1, end).join('\n');
		if (!standsAlone(block, error)) break;
		unread.push(block);
		lines.fill('', start - 1, end);
		const rest = lines.join('\n');
		try {
			const tree = parser.runSync(parser.parse(rest)) as Root;
			return { ...storyFactsOf(tree, rest), syntaxErrors: inFileOrder(errors), unreadText: unread.join('\n\n') };
		} catch (next) {
			error = syntaxErrorOf(next, rest, firstLine);
			// Where the story ends, or a line blanked: not a mistake of the editor's.
			if (isBlank(error.line)) break;
			if (errors.length === MAX_SYNTAX_ERRORS) {
				errors.push({
					...error,
					message: `${error.message} (the check lists no more than ${errors.length + 1}: fix these and check again)`,
				});
				break;
			}
			errors.push(error);
		}
	}
	return unparsedStory(inFileOrder(errors));
}

/** Syntax errors in the order of the file (MDX finds some in one pass and others in the next). */
const inFileOrder = <List extends StorySyntaxError[]>(errors: List): List =>
	errors.sort((a, b) => a.line - b.line || a.column - b.column);

/**
 * Whether blanking a block of MDX leaves the rest as it was: the block starts and ends as many tags as each other
 * (`<x`, not self-closing, against `</x>`), ends no brace opened above it, and holds no code fence. Otherwise
 * blanking it would leave a tag or fence above or below unclosed, or a closing tag alone: a mistake the editor did
 * not make. A `{` left open is the common mistake, and blanking it leaves nothing behind; so is a tag left open in
 * its paragraph (`error`), whose closing tag in a later paragraph, if any, is a mistake too, and such a closing tag.
 */
function standsAlone(block: string, error: StorySyntaxError): boolean {
	const count = (pattern: RegExp) => block.match(pattern)?.length ?? 0;
	// `<br>` written as HTML writes it opens nothing: it is the mistake, and blanking it leaves nothing open.
	const tagsOpened = count(/(?<!\\)<[A-Za-z]/g) - count(/\/>/g) - count(/(?<!\\)<(?:br|hr|wbr)\b[^<>]*(?<!\/)>/g);
	const leftOpen = error.message.endsWith(NOT_CLOSED_IN_PARAGRAPH) ? 1 : 0;
	const closedAlone = error.message.endsWith(CLOSES_NOTHING) ? 1 : 0;
	return (
		tagsOpened + closedAlone === count(/(?<!\\)<\//g) + leftOpen &&
		count(/(?<!\\)\}/g) <= count(/(?<!\\)\{/g) &&
		!/^ {0,3}(?:```|~~~)/m.test(block)
	);
}

/** How the message of a tag left open in its paragraph ends. */
const NOT_CLOSED_IN_PARAGRAPH = 'is not closed in its paragraph';

/** MDX's report of an end tag with no start tag in its paragraph, at the end tag's slash; and ours of it. */
const CLOSING_TAG_ALONE = 'Unexpected closing slash `/` in tag, expected an open tag first';
const CLOSES_NOTHING = 'closes no tag opened in its paragraph';

/** MDX's report of a tag left open at the end of its paragraph: the tag's name and where it starts. */
const UNCLOSED_TAG = /^Expected a closing tag for `<([^>\s]*)>` \((\d+):(\d+)-/;

/** MDX's report of an end tag that is not the open tag's: the end tag's name, then the open tag's. */
const MISMATCHED_TAG = /^Unexpected closing tag `<\/([^>\s]*)>`, expected corresponding closing tag for `<([^>\s]*)>`/;

/**
 * Where MDX stopped, in editors' words where MDX's are a parser's: at the `{` or `<` to escape, which MDX reports
 * where it stumbled (for a `{` never closed, where the paragraph ends, often lines later), or at the tag to close.
 */
function syntaxErrorOf(error: unknown, text: string, firstLine: number): StorySyntaxError {
	const { reason, message, line, column, source, ruleId } = error as {
		reason?: string;
		message: string;
		line?: number;
		column?: number;
		source?: string;
		ruleId?: string;
	};
	const at = line ? { line, column: column ?? 1 } : undefined;
	const brace =
		at && source === 'micromark-extension-mdx-expression' && (ruleId === 'unexpected-eof' || ruleId === 'acorn')
			? openerBefore(text, at, '{', '}')
			: undefined;
	if (brace && ruleId === 'unexpected-eof') {
		return {
			message: 'this `{` has no `}` to close it',
			hint: 'delete it if it was typed by mistake; to show a brace in the text, write it as `\\{`',
			...brace,
		};
	}
	if (brace) {
		return {
			message: 'the words after this `{` are read as code, which they are not',
			hint: 'to show braces in the text, write them as `\\{` and `\\}`',
			...brace,
		};
	}
	const [, name, tagLine, tagColumn] = UNCLOSED_TAG.exec(reason ?? '') ?? [];
	const [, closing, opening] = MISMATCHED_TAG.exec(reason ?? '') ?? [];
	const open = name ?? opening;
	const openAt = name !== undefined ? { line: Number(tagLine), column: Number(tagColumn) } : at;
	// `<br>` as HTML writes it is left open, whether its paragraph or an enclosing tag ends first.
	if (open !== undefined && openAt && VOID_ELEMENTS.has(open)) {
		return { message: `<${open}> must close itself in MDX`, hint: `write it as <${open} />`, ...openAt };
	}
	if (name !== undefined) {
		return {
			message: `<${name}> ${NOT_CLOSED_IN_PARAGRAPH}`,
			hint: `add </${name}> where the words it wraps end, in the same paragraph`,
			line: Number(tagLine),
			column: Number(tagColumn),
		};
	}
	if (at && closing !== undefined && opening !== undefined) {
		return {
			message: `<${opening}> is closed by </${closing}>`,
			hint: `end it with </${opening}>, or open it with <${closing}>`,
			...at,
		};
	}
	if (at && reason?.startsWith(CLOSING_TAG_ALONE)) {
		const start = { line: at.line, column: Math.max(1, at.column - 1) };
		const closed = /^<\/([^\s>]*)/.exec(text.split('\n')[start.line - 1]?.slice(start.column - 1) ?? '')?.[1] ?? '';
		return {
			message: `</${closed}> ${CLOSES_NOTHING}`,
			hint: `MDX needs a tag’s start and end in one paragraph: move </${closed}> into the paragraph of its <${closed}>, or remove it`,
			...start,
		};
	}
	const tag =
		at && source === 'micromark-extension-mdx-jsx' && (ruleId === 'unexpected-character' || ruleId === 'unexpected-eof')
			? openerBefore(text, at, '<')
			: undefined;
	if (tag) return { ...unfinishedTag(text.split('\n')[tag.line - 1]?.slice(tag.column - 1) ?? ''), ...tag };
	return { message: reason ?? message, line: line ?? firstLine, column: column ?? 1 };
}

/** Elements that never have content, which HTML writes without an end tag and MDX as `<br />`. */
const VOID_ELEMENTS = new Set(['br', 'hr', 'wbr']);

/** What is wrong with a `<` that starts no tag MDX can read, from the text it starts (`rest`). */
function unfinishedTag(rest: string): { message: string; hint: string } {
	if (rest.startsWith('<!--')) {
		return {
			message: 'an HTML comment `<!-- … -->` cannot be written in MDX',
			hint: 'write a note to yourself as `{/* … */}`: readers never see it',
		};
	}
	if (/^<(?:https?:|mailto:|www\.)/i.test(rest)) {
		return {
			message: 'a web address in `<…>` is read as a tag',
			hint: 'write a link as [the words](https://…), or the address alone',
		};
	}
	// Only a `<` that starts a name is a tag whose attributes to look at: `rated <5 on a scale where 10 = …` is text.
	const opening = /^<[A-Za-z][^<>]*/.exec(rest)?.[0] ?? '';
	if (/=\s*[“”‘’]/.test(opening)) {
		return {
			message: 'this tag’s attribute is in curly quotes',
			hint: 'write the value in straight quotes, e.g. <Mention actor="iran">; some editors curl them as you type',
		};
	}
	if (/=\s*[^\s"'{]/.test(opening)) {
		return {
			message: 'this tag’s attribute has no quotes around its value',
			hint: 'write the value in straight quotes, e.g. <Mention actor="iran">',
		};
	}
	return {
		message: 'this `<` starts a tag that the text after it does not finish',
		hint: 'to show `<` in the text, write it as `\\<`; a tag is written whole, e.g. <Mention actor="id">…</Mention>',
	};
}

/** The last `open` before `end` that is neither escaped (`\\{`) nor closed by a `close` before `end`. */
function openerBefore(text: string, end: Position, open: string, close?: string): Position | undefined {
	const lines = text.split('\n');
	let closed = 0;
	for (let line = end.line; line >= 1; line--) {
		const chars = lines[line - 1] ?? '';
		const last = line === end.line ? Math.min(end.column - 1, chars.length) : chars.length;
		for (let column = last; column >= 1; column--) {
			const char = chars[column - 1];
			if ((char !== open && char !== close) || chars[column - 2] === '\\') continue;
			if (char === close) closed++;
			else if (closed === 0) return { line, column };
			else closed--;
		}
	}
	return undefined;
}
