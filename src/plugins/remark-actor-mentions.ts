import type { ElementContent, Properties } from 'hast';
import type { Heading, Link, Parent, PhrasingContent, Root, RootContent, Text } from 'mdast';
import type {} from 'mdast-util-to-hast';
import type { Node } from 'unist';
import type { MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import { SKIP, visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import type { PartialDate } from '../schemas/partial-date';
import { ACTOR_KIND_LABELS } from '../utils/labels.ts';
import { createNameMatcher } from '../utils/mention-matcher.ts';
import { dayOf } from '../utils/partial-dates.ts';
import { rolesOn, type DatedRole } from '../utils/roles.ts';
import type { ActorKind } from '../schemas/actor';

/** What the plugin needs to know of an actor to find and preview its mentions. */
export interface MentionableActor {
	id: string;
	name: string;
	kind: ActorKind;
	aliases: readonly string[];
	summary: string;
	roles: readonly DatedRole[];
}

export interface RemarkActorMentionsOptions {
	/** Every known actor, or a function returning them (called once per file, so a cached loader sees edits). */
	actors: readonly MentionableActor[] | (() => readonly MentionableActor[]);
	/** Headings this deep or shallower start a new section; the first mention in each section is linked. Default: 2. */
	sectionDepth?: number;
	/** The anchor of an actor's glossary entry. Default: `actor-<id>`. */
	glossaryAnchor?: (id: string) => string;
}

/** What the plugin leaves in `file.data.astro.frontmatter` for the page (Astro's `remarkPluginFrontmatter`). */
export interface MentionReport {
	/** Ids of the linked mentions of each actor, in reading order, for the glossary's links back. */
	mentions: Record<string, string[]>;
	/** Actors named in the text but not listed in the article's `actors`, with the name used. */
	unlistedMentions: { id: string; name: string; line: number | undefined; column: number | undefined }[];
}

/** The MDX element editors write for mentions that names cannot find: `<Mention actor="id">the group</Mention>`. */
export const MENTION_ELEMENT = 'Mention';

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
 * section is. `<Mention actor="id">…</Mention>` links text that no name matches and is always linked. Other
 * known names are reported in `unlistedMentions`. Text in headings, links and code is left alone.
 *
 * @example
 *   Pentagon spokesman Pat Ryder said…  →  Pentagon spokesman <span class="mention"><a href="#actor-pat-ryder">Pat Ryder</a>…</span> said…
 */
export default function remarkActorMentions(options: RemarkActorMentionsOptions) {
	const sectionDepth = options.sectionDepth ?? 2;
	const glossaryAnchor = options.glossaryAnchor ?? ((id: string) => `actor-${id}`);

	return function transform(tree: Root, file: VFile) {
		const actors = typeof options.actors === 'function' ? options.actors() : options.actors;
		const { byId, findNames } = mentionIndex(actors);
		const frontmatter = ((file.data.astro ??= {}).frontmatter ??= {});
		const listed = new Set(listedActorIds(frontmatter['actors']));
		const day = storyDay(frontmatter['published']);

		const report: MentionReport = { mentions: {}, unlistedMentions: [] };
		let linkedInSection = new Set<string>();

		const mention = (actor: MentionableActor, children: PhrasingContent[]): PhrasingContent => {
			const ids = (report.mentions[actor.id] ??= []);
			const id = `mention-${actor.id}-${ids.length + 1}`;
			ids.push(id);
			return mentionNode(actor, id, glossaryAnchor(actor.id), day, children);
		};

		visit(tree, (node, index, parent) => {
			if (node.type === 'heading' && (node as Heading).depth <= sectionDepth) linkedInSection = new Set();
			if (node.type === 'mdxJsxTextElement' && (node as MdxJsxTextElement).name === MENTION_ELEMENT) {
				const element = node as MdxJsxTextElement;
				const id = mentionAttribute(element, file);
				const actor = byId.get(id);
				if (!actor) file.fail(`<Mention actor="${id}">: no actor "${id}" in content/actors/`, element);
				if (!listed.has(actor.id))
					file.fail(`<Mention actor="${id}">: add "${id}" to this article's \`actors\` in the frontmatter`, element);
				if (parent && index !== undefined)
					parent.children[index] = mention(actor, element.children as PhrasingContent[]);
				return SKIP;
			}
			if (SKIPPED.has(node.type)) return SKIP;
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

		Object.assign(frontmatter, report);
	};
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

function listedActorIds(value: unknown): string[] {
	if (!Array.isArray(value)) return [];
	return value
		.map((item) =>
			typeof item === 'string' ? item : typeof item === 'object' && item && 'id' in item ? String(item.id) : '',
		)
		.filter(Boolean);
}

function storyDay(published: unknown): PartialDate | undefined {
	const moment =
		published instanceof Date ? published : typeof published === 'string' ? new Date(published) : undefined;
	return moment && !Number.isNaN(moment.getTime()) ? dayOf(moment) : undefined;
}

function mentionAttribute(element: MdxJsxTextElement, file: VFile): string {
	const attribute = element.attributes.find((item) => item.type === 'mdxJsxAttribute' && item.name === 'actor');
	if (!attribute || typeof attribute.value !== 'string') {
		file.fail(
			`<Mention> needs an actor id as text, e.g. <Mention actor="kataib-hezbollah">the group</Mention>`,
			element,
		);
	}
	return attribute.value;
}

/** The mdast nodes a mention is made of; each becomes HTML through its `data.hName`. */
interface MentionNode extends Parent {
	type: 'mention';
	children: [Link, MentionPart, MentionPart];
}
interface MentionPart extends Node {
	type: 'mentionPart';
}
declare module 'mdast' {
	interface PhrasingContentMap {
		mention: MentionNode;
		mentionPart: MentionPart;
	}
	interface RootContentMap {
		mention: MentionNode;
		mentionPart: MentionPart;
	}
}

/**
 * A mention: the link to the glossary; a card shown on hover and focus (CSS only); and, for touch screens where
 * a tap would follow the link, a button over the link that opens the same card as a popover (no script needed).
 */
function mentionNode(
	actor: MentionableActor,
	id: string,
	anchor: string,
	day: PartialDate | undefined,
	children: PhrasingContent[],
): MentionNode {
	const cardId = `${id}-card`;
	const role = day ? rolesOn(actor.roles, day)[0]?.title : actor.roles[0]?.title;
	const link: Link = {
		type: 'link',
		url: `#${anchor}`,
		data: { hProperties: { id, className: ['mention__link'], ariaDescribedBy: [cardId] } },
		children,
	};
	const toggle: MentionPart = {
		type: 'mentionPart',
		data: {
			hName: 'button',
			hProperties: {
				type: 'button',
				className: ['mention__toggle'],
				popoverTarget: cardId,
				ariaLabel: `About ${actor.name}`,
				hidden: true,
			},
			hChildren: [],
		},
	};
	const card: MentionPart = {
		type: 'mentionPart',
		data: {
			hName: 'span',
			hProperties: { id: cardId, className: ['mention__card'], popover: 'auto' } as Properties,
			hChildren: [
				element('strong', { className: ['mention__name'] }, actor.name),
				element('span', { className: ['mention__role'] }, role ?? ACTOR_KIND_LABELS[actor.kind].one),
				element('span', { className: ['mention__summary'] }, actor.summary),
				element('a', { className: ['mention__more'], href: `#${anchor}`, tabIndex: -1 }, `${actor.name} in Who’s who`),
			],
		},
	};
	return {
		type: 'mention',
		data: { hName: 'span', hProperties: { className: ['mention'] } },
		children: [link, toggle, card],
	};
}

function element(tagName: string, properties: Properties, text: string): ElementContent {
	return { type: 'element', tagName, properties, children: [{ type: 'text', value: text }] };
}
