import { MENTION_ELEMENT } from '../mentions/remark-actor-mentions';
import { OWN_FILE, problemAtPosition, scoped } from './check';
import { disallowedTarget } from './link-check';
import { pageAnchors } from './page-anchors';
import type { Position } from './content-files';
import { shorten, type Problem } from './problem';
import { nothingRead } from './story-facts/facts';

/**
 * The HTML elements a story may write as tags: text-level and block elements that carry meaning and nothing else.
 * Scripts, styles, frames, forms and embedded media are left out: they would run code, load from elsewhere, or
 * break the page's content security policy.
 */
const STORY_HTML_ELEMENTS = new Set(
	[
		'a abbr b bdi bdo blockquote br caption cite code data dd del dfn div dl dt em figcaption figure hr',
		'i ins kbd li mark ol p pre q rp rt ruby s samp small span strong sub sup table tbody td tfoot th thead time tr u',
		'ul var wbr',
	]
		.join(' ')
		.split(' '),
);

/** The attributes of those elements whose value is an address. */
const URL_ATTRIBUTES = new Set(['href', 'cite']);

/** Elements that show an image, which a story leaves to `figures` (mdx-check.ts says so of Markdown images too). */
const IMAGE_ELEMENTS = new Set(['img', 'picture', 'svg', 'figure']);

/**
 * What a story may hold beyond Markdown: `{…}` with data alone (text, numbers, lists of them) or comments, the HTML
 * elements above without scripts or styles in their attributes, <Mention> (which needs no import), and links to the
 * web, to mail or to this site. Nothing is imported: an imported file, an Astro component written beside the story
 * included, would run its code when the site builds. Anything else would run code when the page renders, or fail
 * there with no line of the story to show.
 */
export const storyContentCheck = scoped(OWN_FILE, ({ articles, storyFacts }) =>
	articles.flatMap((file): Problem[] => {
		const facts = storyFacts(file);
		if (!facts || nothingRead(facts)) return [];
		const problems: Problem[] = [];
		const anchors = pageAnchors(file);
		const report = (at: Position, message: string, hint: string) =>
			problems.push(problemAtPosition(file, at, message, hint));
		for (const expression of facts.expressions) {
			if (expression.literal) continue;
			report(
				expression,
				`\`${shorten(expression.code)}\` is code: a story may hold text, numbers and lists in braces, not code`,
				'write the words themselves; to show a brace, escape it as `\\{`; a comment is `{/* … */}`',
			);
		}
		for (const place of facts.exports) {
			report(place, 'a story may not export anything', 'delete the `export` statement; a story is text');
		}
		for (const { specifier, line } of facts.imports) {
			report(
				{ line, column: 1 },
				`import from "${specifier}": a story may not import anything`,
				'delete the import: <Mention> needs none, a story uses no other component, and photos go in `figures`',
			);
		}
		for (const element of facts.elements) {
			if (!/^[a-z]/.test(element.name)) continue;
			if (element.name.toLowerCase() === MENTION_ELEMENT.toLowerCase()) {
				report(
					element,
					`there is no <${element.name}> tag: the component is <${MENTION_ELEMENT}>, with a capital`,
					`write <${MENTION_ELEMENT} actor="id">…</${MENTION_ELEMENT}>`,
				);
				continue;
			}
			if (/^h[1-6]$/.test(element.name)) {
				report(
					element,
					`<${element.name}> in a story: its headings are written in Markdown`,
					'write `## ` before the heading’s words instead, on a line of its own (`### ` for a part of that part)',
				);
				continue;
			}
			if (!STORY_HTML_ELEMENTS.has(element.name)) {
				report(
					element,
					`<${element.name}> is not allowed in a story`,
					IMAGE_ELEMENTS.has(element.name.toLowerCase())
						? 'a photo or a graphic goes in `figures`, with its `image`, `alt`, `caption` and `credit`'
						: 'use Markdown or one of the text elements listed in docs/editing.md ("What a story may contain")',
				);
				continue;
			}
			for (const attribute of element.attributes) {
				const name = attribute.name.toLowerCase();
				const owner = name === 'id' && attribute.value !== null ? anchors.get(attribute.value) : undefined;
				if (owner) {
					report(
						attribute,
						`<${element.name} id="${attribute.value}">: the page already gives this id to ${owner}`,
						'choose another id, or remove it: links and the skip link go to the first element with an id',
					);
				} else if (name.startsWith('on') || name === 'style') {
					report(
						attribute,
						`<${element.name} ${attribute.name}>: a story's tags may not carry scripts or styles`,
						`delete the \`${attribute.name}\` attribute; the site's styles apply to every story`,
					);
				} else if (URL_ATTRIBUTES.has(name) && attribute.value === null) {
					report(
						attribute,
						`<${element.name} ${attribute.name}>: the address must be in quotes`,
						`write ${name}="https://…" (or a page of this site, "/explainers/…"), not braces or nothing`,
					);
				} else if (URL_ATTRIBUTES.has(name) && !(element.name === 'a' && name === 'href')) {
					// A link's own address is the link check's (link-check.ts), as a Markdown link's is.
					const address = attribute.value ?? '';
					const scheme = disallowedTarget(address);
					if (scheme !== undefined) {
						report(
							attribute,
							`<${element.name} ${attribute.name}="${shorten(address)}">: ${scheme}`,
							'link to an https://, http:// or mailto: address, or to a page of this site (/explainers/…)',
						);
					}
				}
			}
		}
		return problems;
	}),
);
