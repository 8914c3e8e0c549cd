import type { Nodes, Parents, Root, Text } from 'mdast';
import { retext } from 'retext';
import retextSmartypants from 'retext-smartypants';
import { visit } from 'unist-util-visit';

/** The first pass: curly quotes and apostrophes, over a whole text so a quote may span nodes. */
const quotes = retext().use(retextSmartypants, { ellipses: false, dashes: false, backticks: false });
/** The second pass: dashes, ellipses and backtick quotes, which never span nodes. */
const dashesEllipsesBackticks = retext().use(retextSmartypants, { quotes: false });

/** The second pass, skipped when the text has none of its marks (most text nodes). */
function educateDashesEllipsesBackticks(text: string): string {
	return SECOND_PASS_MARKS.test(text) ? dashesEllipsesBackticks.processSync(text).toString() : text;
}

/**
 * One text with typographic punctuation, exactly as the story's text would get it were it a paragraph of its own:
 * `"It's -- well..."` is `“It’s — well…”`. Text already typographic comes back unchanged. For frontmatter prose
 * (src/schemas/prose.ts). Texts retext must parse are remembered: the content checks and Astro's content layer
 * parse the same fields in one build.
 */
export function smartPunctuation(text: string): string {
	const quoted = /["']/.test(text);
	if (!quoted && !SECOND_PASS_MARKS.test(text)) return text;
	let educated = recentlyEducated.get(text);
	if (educated === undefined) {
		// Each block starts with a space in the story's pass (a quote at its start opens): the same here.
		educated = educateDashesEllipsesBackticks(quoted ? quotes.processSync(` ${text}`).toString().slice(1) : text);
		if (recentlyEducated.size >= REMEMBERED_TEXTS) recentlyEducated.clear();
		recentlyEducated.set(text, educated);
	}
	return educated;
}

/** Texts {@link smartPunctuation} educated, with the result: enough for every field of a thousand explainers. */
const recentlyEducated = new Map<string, string>();
const REMEMBERED_TEXTS = 20_000;

/**
 * Typographic punctuation, as Astro's default SmartyPants step makes it: curly quotes and apostrophes, `--` as an
 * em dash, `...` as an ellipsis, ``` ``quotes'' ``` as curly quotes. The site turns Astro's step off and runs
 * this one in its place (src/build/index.ts): the same two passes give the same text, but a text node with none of
 * the second pass's marks is not parsed into a sentence tree again, which was half of the step's cost
 * (docs/performance.md).
 *
 * The first pass educates quotes over the whole body at once, so a quote opened before a link or emphasis closes
 * after it; each block starts with a space, so a quote at its start opens. The second pass handles dashes,
 * ellipses and backtick quotes within each text node, where they never span nodes.
 */
export default function remarkSmartPunctuation() {
	return function transform(tree: Root) {
		const nodes: Participant[] = [];
		visit(tree, (node, _index, parent) => {
			if (parent && takesPart(node, parent)) nodes.push(node as Participant);
		});

		// Inline code keeps its place in the sentence (its length, as letters) but is never changed.
		let whole = '';
		for (const node of nodes)
			whole += isBlock(node) ? ' ' : node.type === 'text' ? node.value : 'A'.repeat(node.value.length);
		// The first pass, skipped when the body has no straight quote to curl.
		writeBack(nodes, /["']/.test(whole) ? quotes.processSync(whole).toString() : whole);
	};
}

/** Blocks whose text starts afresh: a quote right at their start opens. Inline parents must not be here. */
const BLOCKS = new Set(['paragraph', 'heading', 'tableCell']);
/** Literal nodes whose text is part of the sentence. */
const LITERALS = new Set(['text', 'inlineCode']);
/** Elements whose text is code, not prose. */
const CODE_ELEMENTS = new Set(['style', 'script']);

type BlockWithText = Extract<Nodes, { type: 'paragraph' | 'heading' | 'tableCell' }>;
/** A node whose text joins the sentence: text, inline code (kept as is), or a block (a space between blocks). */
type Participant = Text | BlockWithText | Extract<Nodes, { type: 'inlineCode' }>;

const isBlock = (node: Nodes): node is BlockWithText => BLOCKS.has(node.type);

function takesPart(node: Nodes, parent: Parents): boolean {
	if (!BLOCKS.has(node.type) && !LITERALS.has(node.type)) return false;
	if (parent.type !== 'mdxJsxTextElement') return true;
	return typeof parent.name === 'string' && !CODE_ELEMENTS.has(parent.name);
}

/** Writes the quote-educated text back node by node, each text node through the second pass. */
function writeBack(nodes: readonly Participant[], educated: string) {
	let offset = 0;
	for (const node of nodes) {
		if (isBlock(node)) {
			offset += 1;
			continue;
		}
		const end = offset + node.value.length;
		if (node.type === 'text') node.value = educateDashesEllipsesBackticks(educated.slice(offset, end));
		offset = end;
	}
}

/**
 * Every text the second pass changes has one of these: two hyphens, two backticks, two apostrophes, or two dots
 * with nothing or spaces between. Most text nodes have none.
 */
const SECOND_PASS_MARKS = /--|``|''|\.\s*\./;
