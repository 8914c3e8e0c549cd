import { listAt, problemAtPosition, sourceAt, textItems, type Check, type CheckContext } from './check';
import type { ContentFile, Position } from './content-files';
import { ACTOR_PAGE_ANCHORS, pageAnchors } from './page-anchors';
import { SITE } from '../site';
import type { Problem } from './problem';
import { closest, didYouMean } from './suggest';
import { topicSlug } from '../utils/paths';
import { nothingRead, positionInSource, type StoryFacts } from './story-facts/facts';

/** The anchors an explainer's page will have: its own parts' and its story's headings'. */
function anchorsOf(file: ContentFile, context: CheckContext): Set<string> {
	const headings = context.storyFacts(file)?.headings ?? [];
	return new Set([...pageAnchors(file).keys(), ...headings.map(({ slug }) => slug)]);
}

/** The schemes a link may use: the web and mail. Anything else (`javascript:`, `data:`, `file:`) is refused. */
const LINK_SCHEMES = new Set(['https', 'http', 'mailto']);

/**
 * What is wrong with a link's target, or undefined when it goes to the web, to mail, or to this site. It is read as
 * a browser reads it, which drops tabs and line breaks anywhere and controls and spaces in front, and takes a
 * backslash for a slash: `java\tscript:` is still a script, `\\evil.example` another site.
 */
export function disallowedTarget(url: string): string | undefined {
	const read = url
		.replace(/[\t\n\r]/g, '')
		.replace(/^[\u0000-\u0020]+/, '')
		.replaceAll('\\', '/');
	const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(read)?.[1]?.toLowerCase();
	if (scheme !== undefined)
		return LINK_SCHEMES.has(scheme) ? undefined : `a story may not link to "${scheme}:" addresses`;
	if (read.startsWith('//')) return 'a link to another site must give its scheme, https://';
	return undefined;
}

/** The page a link to a missing explainer or actor page likely meant, e.g. /actors/pat-ryder/ for /actors/pat-rider/. */
function likelyPage(path: string, context: CheckContext): string | undefined {
	const [, folder, id] = /^\/(explainers|actors)\/([^/]+)\/$/.exec(path) ?? [];
	if (folder === undefined || id === undefined) return undefined;
	const suggestion = closest(id, folder === 'actors' ? context.actorIds : context.articleIds);
	return suggestion && `/${folder}/${suggestion}/`;
}

/** A link that starts with a host name, `www.example.com/…`: a web address whose editor left out its scheme. */
const WEB_ADDRESS_WITHOUT_SCHEME = /^(?:[a-z0-9-]+\.)+[a-z]{2,}(?:[/?#]|$)/i;

/** A file name, which looks like a host name: `story.mdx`, `page.html`. */
const FILE_NAME = /^[^/?#]*\.(?:mdx?|html?|ya?ml|jpe?g|png|svg|pdf)(?:[/?#]|$)/i;

/** The start of a web or mail address. */
const WEB_ADDRESS = String.raw`(?:https?:\/\/|mailto:|www\.)`;

/**
 * A character of an address (not a parenthesis, a quotation mark or `excluded`), or a pair of parentheses around
 * such characters, as in Wikipedia's `Georgia_(country)`.
 */
const IN_ADDRESS = (excluded: string) => String.raw`(?:[^()"${excluded}]|\([^()"${excluded}]*\))`;

/** The start of what can only be a link's address: a web or mail address, a path of this site, an anchor. */
const ADDRESS = String.raw`(?:${WEB_ADDRESS}|\/|#)`;

/**
 * Markdown that was meant as a link, a footnote or bold and that Markdown leaves as text, brackets and stars and all,
 * for readers to see: a reference to no definition, a footnote with no text, an address with a space in it or no
 * closing parenthesis, a space between the words and the address, bold never closed. Each is looked for in text that stands together in the file ({@link adjoiningRuns}):
 * a web address in it is a link of its own (GFM's), which splits the text around it.
 */
const LINKS_NOT_MADE: {
	pattern: RegExp;
	message: (match: RegExpExecArray) => string;
	hint: (match: RegExpExecArray) => string;
	/** Reported only where the file reads as the match does, so never where the editor escaped it (`\*\*`). */
	asWritten?: boolean;
}[] = [
	{
		pattern: /\[\^([^\]\s]+)\]/g,
		message: ([written]) => `the footnote ${written} has no text, so readers would see “${written}”`,
		hint: ([written]) => `add a line \`${written}: …\` with the footnote's text, after the paragraph`,
	},
	{
		pattern: /\[[^\]\n]+\]\[([^\]\n]*)\]/g,
		message: ([written, label]) => `“${written}” links to [${label}], which no line \`[${label}]: https://…\` defines`,
		hint: ([, label]) => `add a line \`[${label}]: https://…\` below the paragraph, or check the label's spelling`,
	},
	{
		pattern: new RegExp(
			String.raw`\[[^\[\]\n]+\]\((${ADDRESS}${IN_ADDRESS(String.raw`\n`)}*?\s${IN_ADDRESS(String.raw`\n`)}*)\)`,
			'g',
		),
		message: ([written]) => `“${written}” shows as text, not a link: its address has a space`,
		hint: ([, address]) =>
			`write each space in the address as %20, or put the address in angle brackets: (<${address}>)`,
	},
	{
		// No `)` before the next link or the line's end: `[the notice](https://x.org/a. Then…`
		pattern: new RegExp(String.raw`\[[^\[\]\n]+\]\((${ADDRESS}[^()\s]*)(?=\s|$)(?![^\[\n]*\))`, 'g'),
		message: ([written]) => `“${written}” shows as text, not a link: its address has no closing \`)\``,
		hint: ([, address = '']) => `close it: (${address.replace(/[.,;:!?]+$/, '')})`,
	},
	{
		// Bold never closed, or with spaces inside its stars, which Markdown does not take for bold.
		pattern: /(?<!\*)\*\*(?!\*)/g,
		message: () => '`**` shows as typed: Markdown found no bold to close here',
		hint: () => 'write **words in bold** with no space inside the stars, or remove the `**`',
		asWritten: true,
	},
	{
		// Only a web or mail address: `[the slogan] (#Hashtag)` and `[Kyiv] (/ˈkɪjɪw/)` are text.
		pattern: new RegExp(String.raw`\[([^\[\]\n]+)\][ \t]+\((${WEB_ADDRESS}${IN_ADDRESS(String.raw`\s`)}*)\)`, 'g'),
		message: ([written]) => `“${written}” shows as text, not a link: a space stands between \`]\` and \`(\``,
		hint: ([, words, address = '']) =>
			`remove the space: [${words}](${address.startsWith('www.') ? `https://${address}` : address})`,
	},
];

/** The pages of the site that list others, whatever the content: the home page, actors, topics and search. */
const LISTING_PAGES = ['/', '/actors/', '/topics/', '/search/'];

/** The site's files that are not pages, which a story may link to too. */
const SITE_FILES = new Set(['/rss.xml', '/robots.txt']);

/** Host names of the editor's own computer or network, whose pages no reader can open. */
const LOCAL_HOST = /^(?:localhost|127(?:\.\d+){3}|0\.0\.0\.0|\[::1?\]|[^.]+\.local)$/i;

const SITE_HOST = new URL(SITE.url).host;

/**
 * The path on this site that an address written in full goes to (`https://explainers.example.org/explainers/x/`),
 * or undefined when it goes to another site.
 */
function pathOnThisSite(address: URL): string | undefined {
	if (address.host !== SITE_HOST) return undefined;
	const base = SITE.base.endsWith('/') ? SITE.base : `${SITE.base}/`;
	return address.pathname.startsWith(base)
		? `/${address.pathname.slice(base.length)}${address.search}${address.hash}`
		: undefined;
}

/** Links in a story that go nowhere a reader may be sent, or to a page or `#anchor` of this site that will not exist. */
export const linkCheck: Check = (context) => {
	// Site paths that exist, mapped to the article whose anchors they carry (none for pages without).
	const pages = new Map<string, ContentFile | undefined>(LISTING_PAGES.map((path) => [path, undefined]));
	for (const article of context.articles) {
		pages.set(`/explainers/${article.id}/`, article);
		for (const topic of textItems(listAt(article, 'topics'))) {
			pages.set(`/topics/${topicSlug(topic)}/`, undefined);
		}
	}
	for (const id of context.actorIds) pages.set(`/actors/${id}/`, undefined);
	return context.articles.flatMap((file): Problem[] => {
		const facts = context.storyFacts(file);
		if (!facts || nothingRead(facts)) return [];
		const unmade = adjoiningRuns(facts).flatMap(({ text, runs }) =>
			LINKS_NOT_MADE.flatMap(({ pattern, message, hint, asWritten }) =>
				[...text.matchAll(pattern)].flatMap((match) => {
					const at = placeIn(file, runs, match.index);
					// `\[words\] (…)`: brackets the editor escaped, to show as written.
					if (at.column > 1 && sourceAt(file, { line: at.line, column: at.column - 1 }) === '\\') return [];
					if (asWritten && sourceAt(file, at, match[0].length) !== match[0]) return [];
					return [problemAtPosition(file, at, message(match), hint(match))];
				}),
			),
		);
		const made = facts.links.flatMap((link): Problem[] => {
			const problem = (message: string, hint: string) => [problemAtPosition(file, link, message, hint)];
			if (link.url.trim() === '') {
				return problem('this link has no address', 'write the address between the parentheses: [words](https://…)');
			}
			if (link.wordless) {
				return problem(
					'this link has no words, so readers would find nothing to follow and screen readers an empty link',
					'write the words it links between the brackets: [the words](…)',
				);
			}
			// `[x](“https://…”)`: quotes that the address would keep as part of it.
			const quoted = /^["'“”‘’«»](.*?)["'“”‘’«»]?$/s.exec(link.url.trim());
			if (quoted) {
				return problem(
					`link to "${link.url.slice(0, 60)}": the address is in quotes, which it would keep as part of it`,
					`write it without them: (${quoted[1]})`,
				);
			}
			const disallowed = disallowedTarget(link.url);
			if (disallowed !== undefined) {
				return problem(
					`link to "${link.url.slice(0, 60)}": ${disallowed}`,
					'link to an https://, http:// or mailto: address, or to a page of this site (/explainers/…)',
				);
			}
			let url = link.url;
			if (/^[a-z][a-z0-9+.-]*:/i.test(url)) {
				const address = URL.canParse(url) ? new URL(url) : undefined;
				if (address && /^https?:$/.test(address.protocol) && LOCAL_HOST.test(address.hostname)) {
					return problem(
						`link to "${url}": ${address.hostname} is the computer it was written on, which readers cannot reach`,
						`link to the page's path on this site instead, e.g. "${address.pathname}${address.hash}"`,
					);
				}
				const onThisSite = address && pathOnThisSite(address);
				if (onThisSite === undefined) return [];
				url = onThisSite;
			}
			if (SITE_FILES.has(url)) return [];
			if (WEB_ADDRESS_WITHOUT_SCHEME.test(url) && !FILE_NAME.test(url)) {
				return problem(
					`link to "${link.url}": a web address must start with https://`,
					`write it as "https://${link.url}"; without it the link goes to a page of this site`,
				);
			}
			let target: URL;
			try {
				target = new URL(url, `https://site.invalid/explainers/${file.id}/`);
			} catch {
				return problem(`link to "${link.url.slice(0, 60)}": not an address`, 'check the link for typing mistakes');
			}
			const path = target.pathname.endsWith('/') ? target.pathname : `${target.pathname}/`;
			let fragment: string;
			try {
				fragment = decodeURIComponent(target.hash.slice(1));
			} catch {
				return problem(`link to "${link.url.slice(0, 60)}": its #anchor is not valid`, 'check the link after the #');
			}
			if (!pages.has(path)) {
				const suggestion = likelyPage(path, context);
				return problem(
					`link to "${link.url}": no such page on this site${didYouMean(suggestion)}`,
					suggestion
						? `change the link to "${suggestion}${target.hash}"`
						: path.startsWith('/topics/')
							? 'a topic has a page when an explainer lists it in `topics`: /topics/<topic in lower case, hyphens for spaces>/'
							: 'explainers live at /explainers/<file name>/, actors’ pages at /actors/<file name>/; check the name',
				);
			}
			const page = pages.get(path);
			// An explainer whose fields could not be read, or whose story MDX could not read whole, has sections or
			// headings no one can tell: its own error is the problem.
			if (page !== undefined && (page.data === undefined || context.storyFacts(page)?.syntaxErrors)) return [];
			const actorPage = /^\/actors\/[^/]+\/$/.test(path);
			const anchors = page ? anchorsOf(page, context) : new Set(actorPage ? ACTOR_PAGE_ANCHORS : ['main']);
			if (fragment && !anchors.has(fragment)) {
				const suggestion = closest(fragment, anchors);
				return problem(
					`link to "${link.url}": the page has no anchor "#${fragment}"${didYouMean(suggestion && `#${suggestion}`)}`,
					suggestion
						? `change the link to "${link.url.slice(0, link.url.indexOf('#'))}#${suggestion}"`
						: actorPage
							? `an actor's page has ${ACTOR_PAGE_ANCHORS.map((anchor) => `#${anchor}`).join(', ')}`
							: 'anchors are section ids (#timeline, #whos-who…), #actor-<id> for a listed actor, #quote-<id>, or a heading’s slug',
				);
			}
			return [];
		});
		// GFM leaves out of the page a footnote the text never refers to.
		const referenced = new Set(facts.footnotes.referenced.map((label) => label.toLowerCase()));
		const unreferenced = facts.footnotes.defined.flatMap(({ label, ...at }) =>
			referenced.has(label.toLowerCase())
				? []
				: [
						problemAtPosition(
							file,
							at,
							`the footnote [^${label}] is never referred to in the text, so the page leaves it out`,
							`add [^${label}] after the words it explains, or delete the footnote`,
						),
					],
		);
		return [...unmade, ...made, ...unreferenced];
	});
};

/**
 * The story's text in pieces that stand together in the file: runs that follow one another on a line with nothing
 * between them, such as the text around a web address that GFM made a link of. Separate paragraphs, list items and
 * table cells are separate pieces, so a pattern never spans two of them.
 */
function adjoiningRuns(facts: StoryFacts): { text: string; runs: StoryFacts['proseRuns'] }[] {
	const pieces: { text: string; runs: StoryFacts['proseRuns'] }[] = [];
	for (const run of facts.proseRuns) {
		const piece = pieces.at(-1);
		const last = piece?.runs.at(-1);
		// Without the parser's end, a run's end is counted, and only on its own line.
		const lastEnd =
			last &&
			(last.end ?? (last.value.includes('\n') ? undefined : { ...last, column: last.column + last.value.length }));
		if (piece && lastEnd && run.line === lastEnd.line && run.column === lastEnd.column) {
			piece.text += run.value;
			piece.runs.push(run);
		} else {
			pieces.push({ text: run.value, runs: [run] });
		}
	}
	return pieces;
}

/** Where the character at `offset` of a piece's text is in the file. */
function placeIn(file: ContentFile, runs: StoryFacts['proseRuns'], offset: number): Position {
	let before = 0;
	for (const run of runs) {
		if (offset < before + run.value.length) return positionInSource(run, offset - before, file.text);
		before += run.value.length;
	}
	return runs[0] ?? { line: 1, column: 1 };
}
