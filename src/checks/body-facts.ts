import GithubSlugger from 'github-slugger';
import type { Root } from 'mdast';
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import { toString } from 'mdast-util-to-string';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { blockTexts, explicitMentions, proseRuns, readableText, type TextRun } from './body-text.ts';

/** A place in the file. */
interface At {
	line: number;
	column: number;
}

/**
 * What the checks read from an article's story, taken from its MDX tree in one pass. It depends on the body's text
 * (and the line it starts on) alone, holds a few kilobytes where the tree holds hundreds, and is plain JSON, so
 * builds keep it between runs (body-facts-cache.ts) instead of parsing every story again.
 */
export interface BodyFacts {
	/** Where MDX parsing stopped (an unclosed tag, a stray `{` or `<`); every other field is then empty. */
	syntaxError?: { message: string } & At;
	/** The story's readable text, run by run, without code and expressions. */
	proseRuns: TextRun[];
	/** Paragraph-level text with runs joined, so a quote that spans emphasis reads whole. */
	blockTexts: TextRun[];
	/** The story's readable text, a line for each paragraph, heading, list item and table cell (for search). */
	readableText: string;
	/** Every `<Mention actor="…">`: the id it names (empty when missing). */
	mentions: ({ id: string } & At)[];
	/** The ids the page gives the story's headings. */
	headingSlugs: string[];
	/** Every link and link definition. */
	links: ({ url: string } & At)[];
	/** Every `import … from '…'` of the body's ESM, with the line of its `from`. */
	imports: { specifier: string; line: number }[];
	/** The names those imports bring in. */
	importedNames: string[];
	/** Every JSX element, by name. */
	elements: ({ name: string } & At)[];
}

/** Bump whenever what {@link readBodyFacts} extracts changes: it is part of the cache's key. */
export const BODY_FACTS_VERSION = 2;

const parser = unified().use(remarkParse).use(remarkMdx).use(remarkGfm);

/**
 * Parses a story the way MDX does, with the frontmatter blanked out so every position is a position in the file,
 * and reads its facts.
 */
export function readBodyFacts(body: { text: string; line: number }): BodyFacts {
	let tree: Root;
	try {
		tree = parser.runSync(parser.parse('\n'.repeat(body.line - 1) + body.text)) as Root;
	} catch (error) {
		const place = error as { reason?: string; message: string; line?: number; column?: number };
		return {
			...factsOf({ type: 'root', children: [] }),
			syntaxError: { message: place.reason ?? place.message, line: place.line ?? body.line, column: place.column ?? 1 },
		};
	}
	return factsOf(tree);
}

function factsOf(tree: Root): BodyFacts {
	const slugger = new GithubSlugger();
	const facts: BodyFacts = {
		proseRuns: proseRuns(tree),
		blockTexts: blockTexts(tree),
		readableText: readableText(tree),
		mentions: explicitMentions(tree),
		headingSlugs: [],
		links: [],
		imports: [],
		importedNames: [],
		elements: [],
	};
	visit(tree, (node) => {
		const start = { line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1 };
		if (node.type === 'heading') facts.headingSlugs.push(slugger.slug(toString(node)));
		else if (node.type === 'link' || node.type === 'definition') facts.links.push({ url: node.url, ...start });
		else if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
			facts.elements.push({ name: (node as MdxJsxFlowElement | MdxJsxTextElement).name ?? '', ...start });
		} else if (node.type === 'mdxjsEsm') {
			for (const match of node.value.matchAll(/from\s+['"]([^'"]+)['"]/g)) {
				const linesBefore = node.value.slice(0, match.index).match(/\n/g)?.length ?? 0;
				facts.imports.push({ specifier: match[1] ?? '', line: start.line + linesBefore });
			}
			for (const match of node.value.matchAll(/import\s+(?:(\w+)|\{([^}]*)\})/g)) {
				if (match[1]) facts.importedNames.push(match[1]);
				for (const name of (match[2] ?? '').split(',')) {
					const local = name
						.split(/\s+as\s+/)
						.at(-1)
						?.trim();
					if (local) facts.importedNames.push(local);
				}
			}
		}
	});
	return facts;
}
