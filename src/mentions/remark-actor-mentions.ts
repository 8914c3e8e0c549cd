import type { Heading, Parent, PhrasingContent, Root, RootContent, Text } from 'mdast';
import type { MdxJsxAttribute, MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import type { Node } from 'unist';
import { SKIP, visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { idFromFileName } from '../utils/ids.ts';
import { createNameMatcher } from './name-matcher.ts';

/**
 * What the plugin needs to know of an actor to find its mentions: only what decides where a mention is. What the
 * card says (role, summary) is read from the content collection when the page renders (MentionCard.astro), as of
 * the explainer's day, so a compiled story never holds an actor's text that an edit could make stale.
 */
export interface MentionableActor {
	id: string;
	name: string;
	aliases: readonly string[];
}

export interface RemarkActorMentionsOptions {
	/** Every known actor, or a function returning them (called once per file, so a cached loader sees edits). */
	actors: readonly MentionableActor[] | (() => readonly MentionableActor[]);
}

/** Headings this deep or shallower start a new section; the first mention of an actor in each section is linked. */
const SECTION_DEPTH = 2;

/** The anchor of an actor's entry in the glossary (GlossaryEntry.astro). */
const glossaryAnchor = (id: string) => `actor-${id}`;

/** What the plugin leaves in `file.data.astro.frontmatter` for the page (Astro's `remarkPluginFrontmatter`). */
export interface MentionReport {
	/** Ids of the linked mentions of each actor, in reading order, for the glossary's links back. */
	mentions: Record<string, string[]>;
	/** Actors named in the text but not listed in the article's `actors`, with the name used. */
	unlistedMentions: { id: string; name: string; line: number | undefined; column: number | undefined }[];
}

/** The MDX element editors write for mentions that names cannot find: `<Mention actor="id">the group</Mention>`. */
export const MENTION_ELEMENT = 'Mention';

/** The MDX element every mention becomes, rendered by MentionCard.astro; editors never write it. */
export const MENTION_CARD_ELEMENT = 'MentionCard';

/** The props the plugin gives each {@link MENTION_CARD_ELEMENT}; its children are the mention's text as written. */
export interface MentionCardProps {
	/** The actor's id. */
	actor: string;
	/** The mention's own id (`mention-<actor>-<n>`), which the glossary links back to. */
	id: string;
	/** The anchor of the actor's glossary entry. */
	anchor: string;
	/** The explainer's id: the card describes the actor as of the explainer's day. */
	explainer: string;
	/** The punctuation that followed the mention in the story, kept with it (see {@link keepPunctuationWithMentions}). */
	trailing?: string;
}

/** Inside these, text is never turned into a mention. */
const SKIPPED = new Set([
	'heading',
	'link',
	'linkReference',
	'inlineCode',
	'code',
	'html',
	'definition',
	'mdxJsxFlowElement',
	'mdxJsxTextElement',
	'mdxFlowExpression',
	'mdxTextExpression',
	'mdxjsEsm',
	'yaml',
	'footnoteDefinition',
	'footnoteReference',
]);

/**
 * Links actors' names in an article's body to their entries in the glossary, with a preview card.
 *
 * Only actors listed in the article's frontmatter `actors` are linked; the first mention of each in every
 * section is. `<Mention actor="id">…</Mention>` links text that no name matches and is always linked, and counts
 * as its section's mention of the actor, so a name after it there is not linked again. Other
 * known names are reported in `unlistedMentions`. Text in headings, links and code is left alone.
 *
 * @example
 *   Pentagon spokesman Pat Ryder said…  →
 *   Pentagon spokesman <MentionCard actor="pat-ryder" id="mention-pat-ryder-1" anchor="actor-pat-ryder" explainer="…">Pat Ryder</MentionCard> said…
 */
export default function remarkActorMentions(options: RemarkActorMentionsOptions) {
	return function transform(tree: Root, file: VFile) {
		const actors = typeof options.actors === 'function' ? options.actors() : options.actors;
		const { byId, findNames } = mentionIndex(actors);
		const frontmatter = ((file.data.astro ??= {}).frontmatter ??= {});
		// The frontmatter as written, before the schema reads it: only an id written as text can match.
		const listed = new Set(Array.isArray(frontmatter['actors']) ? frontmatter['actors'] : []);
		const explainer = explainerId(file);

		const report: MentionReport = { mentions: {}, unlistedMentions: [] };
		let linkedInSection = new Set<string>();

		const mention = (actor: MentionableActor, children: PhrasingContent[]): PhrasingContent => {
			const ids = (report.mentions[actor.id] ??= []);
			const id = `mention-${actor.id}-${ids.length + 1}`;
			ids.push(id);
			return mentionCard({ actor: actor.id, id, anchor: glossaryAnchor(actor.id), explainer }, children);
		};

		visit(tree, (node, index, parent) => {
			if (node.type === 'heading' && (node as Heading).depth <= SECTION_DEPTH) linkedInSection = new Set();
			if (isMentionElement(node)) {
				const id = mentionAttribute(node, file);
				const actor = byId.get(id);
				if (!actor) file.fail(`<Mention actor="${id}">: no actor "${id}" in content/actors/`, node);
				if (!listed.has(actor.id))
					file.fail(`<Mention actor="${id}">: add "${id}" to this article's \`actors\` in the frontmatter`, node);
				if (parent && index !== undefined) {
					const words =
						mentionText(node) ??
						file.fail(
							`<Mention actor="${id}">: ${MENTION_OF_PARAGRAPHS}, e.g. <Mention actor="kataib-hezbollah">the group</Mention>`,
							node,
						);
					const linked = mention(actor, words);
					// Linked by hand, it is the section's mention of the actor: the name after it is not linked again.
					linkedInSection.add(actor.id);
					unwrapMentions(linked);
					// MDX makes a paragraph of nothing but a <Mention> a block element: it stays a paragraph.
					parent.children[index] =
						node.type === 'mdxJsxFlowElement' ? { type: 'paragraph', children: [linked] } : linked;
				}
				return SKIP;
			}
			if (SKIPPED.has(node.type)) {
				unwrapMentions(node);
				return SKIP;
			}
			if (node.type !== 'text' || !parent || index === undefined) return undefined;

			const text = node as Text;
			const pieces: PhrasingContent[] = [];
			let cursor = 0;
			for (const match of findNames(text.value)) {
				const actor = byId.get(match.id);
				if (!actor) continue;
				const name = text.value.slice(match.start, match.end);
				if (!listed.has(actor.id)) {
					const start = text.position?.start;
					report.unlistedMentions.push({
						id: actor.id,
						name,
						line: start?.line,
						column: start && start.column + match.start,
					});
					continue;
				}
				if (linkedInSection.has(actor.id)) continue;
				linkedInSection.add(actor.id);
				if (match.start > cursor) pieces.push({ type: 'text', value: text.value.slice(cursor, match.start) });
				pieces.push(mention(actor, [{ type: 'text', value: name }]));
				cursor = match.end;
			}
			if (pieces.length === 0) return undefined;
			if (cursor < text.value.length) pieces.push({ type: 'text', value: text.value.slice(cursor) });
			(parent as Parent).children.splice(index, 1, ...(pieces as RootContent[]));
			return [SKIP, index + pieces.length];
		});

		keepPunctuationWithMentions(tree);
		Object.assign(frontmatter, report);
	};
}

/** What may not start a line after a name: a possessive ’s, closing punctuation, brackets and quotes. */
const TRAILING_PUNCTUATION = /^(?:['’]s(?![\p{L}\p{N}]))?[,.;:!?…)\]”’"']*/u;

/**
 * Moves the punctuation right after each mention into it, where the card renders it after the link. A mention is an
 * inline block (mentions.css), so a name as long as a line would otherwise leave its comma to start the next line.
 */
function keepPunctuationWithMentions(tree: Root): void {
	visit(tree, (node) => {
		if (!('children' in node)) return;
		const children = node.children as Node[];
		children.forEach((child, index) => {
			const next = children[index + 1];
			if (child.type !== 'mdxJsxTextElement' || (child as MdxJsxTextElement).name !== MENTION_CARD_ELEMENT) return;
			if (next?.type !== 'text') return;
			const text = next as Text;
			const [punctuation = ''] = TRAILING_PUNCTUATION.exec(text.value) ?? [];
			if (!punctuation) return;
			(child as MdxJsxTextElement).attributes.push({ type: 'mdxJsxAttribute', name: 'trailing', value: punctuation });
			text.value = text.value.slice(punctuation.length);
		});
	});
}

/** The actors by id and a matcher of all their names: what every file's transform looks names up in. */
interface MentionIndex {
	byId: Map<string, MentionableActor>;
	findNames: ReturnType<typeof createNameMatcher>;
}

const mentionIndexes = new WeakMap<readonly MentionableActor[], MentionIndex>();

/**
 * The index of a list of actors, made once per list: the loader hands every file the same array until an actor
 * file changes, and compiling the matcher of hundreds of names for each of thousands of files would cost more
 * than the matching.
 */
function mentionIndex(actors: readonly MentionableActor[]): MentionIndex {
	let index = mentionIndexes.get(actors);
	if (!index) {
		index = {
			byId: new Map(actors.map((actor) => [actor.id, actor])),
			findNames: createNameMatcher(actors.map((actor) => ({ id: actor.id, names: [actor.name, ...actor.aliases] }))),
		};
		mentionIndexes.set(actors, index);
	}
	return index;
}

/**
 * The explainer's id, from its file name as the content collection makes it (the compiler's path may carry a
 * query). The card looks the explainer's day up by it, so card and glossary describe the actor as of the same day.
 */
function explainerId(file: VFile): string {
	if (!file.path) file.fail('actor mentions need the path of the explainer they are in');
	return idFromFileName({ entry: file.path.replace(/[?#].*$/, '') });
}

/**
 * Whether a node is an editor's `<Mention>`: within a sentence, or alone in its paragraph, which MDX turns into a
 * block element before any plugin runs.
 */
function isMentionElement(node: Node): node is MdxJsxTextElement | MdxJsxFlowElement {
	return (
		(node.type === 'mdxJsxTextElement' || node.type === 'mdxJsxFlowElement') &&
		(node as MdxJsxTextElement).name === MENTION_ELEMENT
	);
}

/**
 * Puts the words of every `<Mention>` inside `node` in its place. Where text is left alone (a heading, a link, an
 * HTML tag, another mention) a mention cannot link; and a `<Mention>` left in the tree has no component to render
 * it, so the page would fail to build.
 */
function unwrapMentions(node: Root | RootContent): void {
	visit(node, (child, index, parent) => {
		if (child === node || !parent || index === undefined || !isMentionElement(child)) return undefined;
		const { children: words } = child as MdxJsxTextElement | MdxJsxFlowElement;
		(parent.children as Node[]).splice(index, 1, ...words);
		return index;
	});
}

/** Why a `<Mention>` around paragraphs cannot be: the plugin stops on it, and mention-check.ts reports it first. */
export const MENTION_OF_PARAGRAPHS = 'a mention links a few words, not paragraphs';

/**
 * The words a `<Mention>` links: its children, or those of the one paragraph a block `<Mention>` holds; undefined
 * when it holds more (paragraphs, a list), which one link cannot (mention-check.ts reports it).
 */
export function mentionText(element: MdxJsxTextElement | MdxJsxFlowElement): PhrasingContent[] | undefined {
	const [only, ...others] = element.children;
	if (element.type === 'mdxJsxTextElement') return element.children;
	if (only?.type === 'paragraph' && others.length === 0) return only.children;
	if (element.children.every((child) => PHRASING.has(child.type))) return element.children as PhrasingContent[];
	return undefined;
}

/** The phrasing content MDX may leave as the children of a block element. */
const PHRASING = new Set([
	'text',
	'emphasis',
	'strong',
	'delete',
	'inlineCode',
	'break',
	'mdxJsxTextElement',
	'mdxTextExpression',
]);

function mentionAttribute(element: MdxJsxTextElement | MdxJsxFlowElement, file: VFile): string {
	const attribute = element.attributes.find((item) => item.type === 'mdxJsxAttribute' && item.name === 'actor');
	if (!attribute || typeof attribute.value !== 'string') {
		file.fail(
			`<Mention> needs an actor id as text, e.g. <Mention actor="kataib-hezbollah">the group</Mention>`,
			element,
		);
	}
	return attribute.value;
}

/** A mention as the MDX element the page renders with MentionCard.astro, around the text as written. */
function mentionCard(props: MentionCardProps, children: PhrasingContent[]): MdxJsxTextElement {
	return {
		type: 'mdxJsxTextElement',
		name: MENTION_CARD_ELEMENT,
		attributes: Object.entries(props).map(([name, value]): MdxJsxAttribute => ({
			type: 'mdxJsxAttribute',
			name,
			value,
		})),
		children,
	};
}
