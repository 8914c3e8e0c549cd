import GithubSlugger from 'github-slugger';
import type { Nodes, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { SKIP, visit } from 'unist-util-visit';
import { MENTION_ELEMENT, mentionText } from '../../mentions/remark-actor-mentions.ts';
import type { Position } from '../content-files.ts';

/** A mistake MDX stops at, where it is, with how to fix it. */
export interface StorySyntaxError extends Position {
	message: string;
	hint?: string;
}

/** A run of the story's text and where it starts in the file. */
interface TextRun extends Position {
	value: string;
	/**
	 * Where it ends in the file, when the parser says: after an escape (`\*`) or a character reference (`&amp;`) the
	 * file holds more characters than the value.
	 */
	end?: Position;
}

/**
 * What the content checks and the search index read from an explainer's story. It is taken from the story's tree
 * as MDX parses it, before any of the site's plugins change it: the words as typed (straight quotes, names not yet
 * linked), every position a line and column of the file. A build takes the facts from Astro's own compile of each
 * story (src/plugins/remark-story-facts.ts hands them to compiled.ts); the checks that run without a build, and a
 * story that compile could not parse, read the story alone with the same parser (parse.ts).
 */
export interface StoryFacts {
	/**
	 * Where MDX parsing stopped (an unclosed tag, a stray `{` or `<`), and any later mistake it would stop at, each
	 * with how to fix it when MDX's own words do not say. The other fields then hold what the rest of the story says,
	 * or nothing when it could not be read either ({@link nothingRead}).
	 */
	syntaxErrors?: [StorySyntaxError, ...StorySyntaxError[]];
	/**
	 * With syntax errors, the text of the paragraphs holding them, as written, when the rest of the story was read:
	 * the other fields leave them out, so a check that looks for something in the story looks here too.
	 */
	unreadText?: string;
	/** The story's readable text, run by run, without code and expressions. */
	proseRuns: TextRun[];
	/** Block-level text with runs joined, so a quote that spans emphasis reads whole. */
	blockTexts: TextRun[];
	/** The story's readable text, a line for each paragraph, heading, list item and table cell (for search). */
	readableText: string;
	/**
	 * Every `<Mention actor="…">`: the id it names (empty when missing), whether it has no words to link, and whether
	 * it holds paragraphs, which one link cannot.
	 */
	mentions: ({ id: string; empty: boolean; paragraphs: boolean } & Position)[];
	/** Every Markdown heading: its level as written (`##` is 2), its text and the id the page gives it. */
	headings: ({ depth: number; text: string; slug: string; underlined: boolean } & Position)[];
	/** Every link and link definition, and every `<a href="…">`; `wordless` when it has nothing to show. */
	links: ({ url: string; wordless?: true } & Position)[];
	/** Where each Markdown image is, `![…](…)` or `![…][ref]`: a story may show none (mdx-check.ts). */
	images: Position[];
	/** Every footnote's text (`[^1]: …`) by its label, and the labels the text refers to (`[^1]`). */
	footnotes: { defined: ({ label: string } & Position)[]; referenced: string[] };
	/** Every `import` of the story's ESM, with the line it starts on. */
	imports: { specifier: string; line: number }[];
	/** Every JSX element, by name, with its attributes (`value` is null for an expression or a bare name). */
	elements: ({ name: string; attributes: ({ name: string; value: string | null } & Position)[] } & Position)[];
	/**
	 * Every `{…}` of the story, in the text or as an attribute's value or spread, with its code; `literal` when it is
	 * data alone (text, numbers, lists and objects of them) or only a comment, which runs nothing.
	 */
	expressions: ({ code: string; literal: boolean } & Position)[];
	/** Every statement of the story's ESM that is not an import (an `export`). */
	exports: Position[];
}

/** Whether a link has nothing to show: no words and no image, as in `[](https://…)`. */
const wordless = (link: Nodes) =>
	toString(link).trim() === '' && !('children' in link && link.children.some((child) => child.type === 'image'));

/** Whether MDX could read none of the story: a check of what it says has nothing to go on. */
export const nothingRead = (facts: StoryFacts): boolean =>
	facts.syntaxErrors !== undefined && facts.unreadText === undefined;

/** The facts of a story that could not be parsed: the errors and nothing else. */
export function unparsedStory(syntaxErrors: [StorySyntaxError, ...StorySyntaxError[]]): StoryFacts {
	return { ...storyFactsOf({ type: 'root', children: [] }, ''), syntaxErrors };
}

/**
 * Reads a story's facts from its tree, in one pass for the elements and one for each kind of text. `source` is the
 * text the tree was parsed from, whose offsets its positions give.
 */
export function storyFactsOf(tree: Root, source: string): StoryFacts {
	const slugger = new GithubSlugger();
	const starts = splitTextStarts(tree, source);
	const facts: StoryFacts = {
		proseRuns: proseRuns(tree, starts),
		blockTexts: blockTexts(tree, starts),
		readableText: readableText(tree),
		mentions: [],
		headings: [],
		links: [],
		images: [],
		footnotes: { defined: [], referenced: [] },
		imports: [],
		elements: [],
		expressions: [],
		exports: [],
	};
	visit(tree, (node) => {
		const start = startOf(node, FILE_START);
		if (node.type === 'heading') {
			const text = toString(node);
			// Underlined with `===` or `---` (Markdown's other way to write `#` and `##`): more than one line.
			const underlined = node.position !== undefined && node.position.end.line > node.position.start.line;
			facts.headings.push({ depth: node.depth, text, slug: slugger.slug(text), underlined, ...start });
		} else if (node.type === 'link' || node.type === 'definition') {
			facts.links.push({ url: node.url, ...start, ...(node.type === 'link' && wordless(node) && { wordless: true }) });
		} else if (node.type === 'image' || node.type === 'imageReference') facts.images.push(start);
		else if (node.type === 'footnoteDefinition') {
			facts.footnotes.defined.push({ label: node.label ?? node.identifier, ...start });
		} else if (node.type === 'footnoteReference') facts.footnotes.referenced.push(node.label ?? node.identifier);
		else if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
			const attributes: StoryFacts['elements'][number]['attributes'] = [];
			for (const attribute of node.attributes) {
				const at = startOf(attribute, start);
				if (attribute.type === 'mdxJsxExpressionAttribute') {
					facts.expressions.push({ code: `{${attribute.value}}`, literal: false, ...at });
					continue;
				}
				const { name, value } = attribute;
				attributes.push({ name, value: typeof value === 'string' ? value : null, ...at });
				if (value !== null && typeof value === 'object') {
					facts.expressions.push({ code: `{${value.value}}`, literal: isDataLiteral(value.data?.estree), ...at });
				}
			}
			facts.elements.push({ name: node.name ?? '', attributes, ...start });
			// A link written as a tag is checked as a Markdown link is, at its address.
			if (node.name === 'a') {
				for (const { name, value, ...at } of attributes) {
					if (name.toLowerCase() === 'href' && value !== null) {
						facts.links.push({ url: value, ...at, ...(wordless(node) && { wordless: true }) });
					}
				}
			}
			// The actor a `<Mention actor="…">` names: empty when it names none as text.
			const actor = attributes.find((attribute) => attribute.name === 'actor')?.value;
			if (node.name === MENTION_ELEMENT) {
				const paragraphs = node.type === 'mdxJsxFlowElement' && mentionText(node) === undefined;
				facts.mentions.push({ id: actor ?? '', empty: toString(node).trim() === '', paragraphs, ...start });
			}
		} else if (node.type === 'mdxFlowExpression' || node.type === 'mdxTextExpression') {
			facts.expressions.push({ code: `{${node.value}}`, literal: isDataLiteral(node.data?.estree), ...start });
		} else if (node.type === 'mdxjsEsm') {
			// Every import, a bare `import './x.astro'` and `from'…'` without a space included.
			for (const statement of node.data?.estree?.body ?? []) {
				const line = statement.loc?.start.line ?? start.line;
				if (statement.type === 'ImportDeclaration') {
					facts.imports.push({ specifier: String(statement.source.value), line });
				} else {
					facts.exports.push({ line, column: statement.loc ? statement.loc.start.column + 1 : start.column });
				}
			}
		}
	});
	return facts;
}

const FILE_START: Position = { line: 1, column: 1 };

/** Where a node starts, or `fallback` for one the parser gave no position. */
function startOf(node: { position?: { start: Position } | undefined }, fallback: Position): Position {
	return node.position ? { line: node.position.start.line, column: node.position.start.column } : fallback;
}

/** An expression's program as estree gives it: only what {@link isDataLiteral} looks at. */
interface EstreeNode {
	type: string;
	[field: string]: unknown;
}

/**
 * Whether an expression's program is data alone or only comments: a string, number, boolean or null, a template
 * with nothing interpolated, a negative number, or a list or object of those. Anything else (a name, a call, a
 * member) runs code when the page renders. With no program (a parser without acorn) nothing is known: not data.
 */
function isDataLiteral(program: { body: readonly unknown[] } | null | undefined): boolean {
	if (!program) return false;
	if (program.body.length === 0) return true;
	const [statement] = program.body as EstreeNode[];
	return program.body.length === 1 && statement?.type === 'ExpressionStatement' && isData(statement['expression']);
}

function isData(node: unknown): boolean {
	const { type, ...fields } = (node ?? {}) as EstreeNode;
	switch (type) {
		case 'Literal':
			return true;
		case 'TemplateLiteral':
			return (fields['expressions'] as unknown[]).length === 0;
		case 'UnaryExpression':
			return fields['operator'] === '-' && isData(fields['argument']);
		case 'ArrayExpression':
			return (fields['elements'] as unknown[]).every(isData);
		case 'ObjectExpression':
			return (fields['properties'] as EstreeNode[]).every(
				(property) =>
					property.type === 'Property' &&
					property['computed'] === false &&
					property['kind'] === 'init' &&
					isData(property['value']),
			);
		default:
			return false;
	}
}

const NOT_PROSE = new Set(['code', 'inlineCode', 'mdxjsEsm', 'mdxFlowExpression', 'mdxTextExpression', 'html']);

/** A place in the source: its offset and its line and column. */
interface Point extends Position {
	offset: number;
}

const pointOf = (at: { line: number; column: number; offset?: number | undefined } | undefined) =>
	at?.offset === undefined ? undefined : { line: at.line, column: at.column, offset: at.offset };

/** The point `by` characters after `at` (before it when negative), on the same line. */
const shifted = (at: Point, by: number): Point => ({ ...at, column: at.column + by, offset: at.offset + by });

/**
 * Where the text GFM split off around a web address it links (`www.example.org`, `user@example.org`) starts: GFM
 * gives the pieces and the link no position. Each piece is placed right after the sibling before it, or right before
 * the sibling after it, when the source there reads as the piece does (an escape or a character reference reads
 * otherwise); the rest keep none.
 */
function splitTextStarts(tree: Root, source: string): Map<Nodes, Position> {
	const starts = new Map<Nodes, Position>();
	visit(tree, (parent) => {
		if (!('children' in parent)) return;
		const children = parent.children as Nodes[];
		if (children.every((child) => child.position)) return;
		const texts = children.map((child) =>
			!child.position && (child.type === 'text' || child.type === 'link') ? toString(child) : '',
		);
		const reads = (index: number, at: Point | undefined): at is Point =>
			at !== undefined &&
			at.column >= 1 &&
			texts[index] !== '' &&
			!texts[index]!.includes('\n') &&
			source.startsWith(texts[index]!, at.offset);
		const placed: (Point | undefined)[] = [];
		// A paragraph starts where its text does; the start of emphasis or a link is its markup, which no text reads as.
		let end = pointOf(parent.position?.start);
		children.forEach((child, index) => {
			if (child.position) end = pointOf(child.position.end);
			else if (reads(index, end)) [placed[index], end] = [end, shifted(end, texts[index]!.length)];
			else end = undefined;
		});
		let start: Point | undefined;
		for (let index = children.length - 1; index >= 0; index--) {
			const child = children[index]!;
			const before = start && shifted(start, -texts[index]!.length);
			if (child.position) start = pointOf(child.position.start);
			else if (placed[index]) start = placed[index];
			else if (reads(index, before)) start = placed[index] = before;
			else start = undefined;
			const at = placed[index];
			if (!at) continue;
			for (const node of child.type === 'link' ? [child, ...child.children] : [child]) {
				starts.set(node, { line: at.line, column: at.column });
			}
		}
	});
	return starts;
}

/** The story's readable text, run by run with positions, leaving out code and expressions. */
function proseRuns(tree: Root, starts: ReadonlyMap<Nodes, Position>): TextRun[] {
	const runs: TextRun[] = [];
	visit(tree, (node) => {
		if (NOT_PROSE.has(node.type)) return SKIP;
		if (node.type === 'text') {
			const end = node.position && { line: node.position.end.line, column: node.position.end.column };
			runs.push({ value: node.value, ...startOf(node, starts.get(node) ?? FILE_START), ...(end && { end }) });
		}
		// A line break reads as a space between the words on either side: a quote may run across it.
		if (node.type === 'break' || (node.type === 'mdxJsxTextElement' && node.name === 'br')) {
			runs.push({ value: ' ', ...startOf(node, FILE_START) });
		}
		return undefined;
	});
	return runs;
}

/**
 * Block-level text with runs joined, so a quote that spans emphasis or a mention still reads whole. A paragraph of
 * nothing but `<Mention>`s is one block per mention: MDX makes each a block, and the page a paragraph of each.
 */
function blockTexts(tree: Root, starts: ReadonlyMap<Nodes, Position>): TextRun[] {
	return tree.children.flatMap((block) => {
		const runs = proseRuns({ type: 'root', children: [block] }, starts);
		const first = runs[0];
		return first ? [{ ...first, value: runs.map((run) => run.value).join('') }] : [];
	});
}

/** Nodes whose text stands apart from the text around it: a line break in the readable text. */
const BLOCKS = new Set(
	'paragraph heading blockquote list listItem table tableRow tableCell break mdxJsxFlowElement'.split(' '),
);

/** {@link StoryFacts.readableText}: what readers see, without code and expressions, a line per block element. */
function readableText(tree: Root): string {
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

/** The file position of a character inside a run of text. */
export function positionIn(run: TextRun, offset: number): Position {
	const before = run.value.slice(0, offset).split('\n');
	return before.length === 1
		? { line: run.line, column: run.column + offset }
		: { line: run.line + before.length - 1, column: (before.at(-1)?.length ?? 0) + 1 };
}

/**
 * Where the character at `offset` of a run is in the file whose text is `source`, as the editor wrote it. After an
 * escape or a character reference the file holds characters the value does not (the `\` of `\*`, the `amp;` of
 * `&amp;`), so the two are read side by side from the run's start to its end, passing over what the value lacks;
 * where they part for good, or the parser gave no end, the place is counted as {@link positionIn} counts it.
 */
export function positionInSource(run: TextRun, offset: number, source: string): Position {
	const { end } = run;
	if (!end) return positionIn(run, offset);
	let at = 0;
	for (let line = 1; line < run.line; line++) at = source.indexOf('\n', at) + 1;
	at += run.column - 1;
	let place: Position = { line: run.line, column: run.column };
	const step = (char: string | undefined) => {
		place = char === '\n' ? { line: place.line + 1, column: 1 } : { line: place.line, column: place.column + 1 };
		at++;
	};
	const beforeEnd = () => place.line < end.line || (place.line === end.line && place.column < end.column);
	for (let index = 0; index <= offset; index++) {
		while (beforeEnd() && source[at] !== run.value[index]) step(source[at]);
		if (!beforeEnd()) break;
		if (index === offset) return place;
		step(source[at]);
	}
	return positionIn(run, offset);
}
