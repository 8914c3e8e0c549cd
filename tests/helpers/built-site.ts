import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { load, type Cheerio, type CheerioAPI } from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import { inject } from 'vitest';
import { parse } from 'yaml';
import { SITE } from '../../src/site';
import { idFromFileName } from '../../src/utils/ids';

/** The folder `tests/global-setup.ts` built the site into for this run. */
export function builtSiteDir(): string {
	const dir = inject('builtSiteDir');
	if (!dir) {
		throw new Error(
			'The site was not built for this run: the global setup builds it only when the run includes tests/build/. ' +
				'Run `npm test`, or name tests/build/ among the files to run.',
		);
	}
	return dir;
}

/**
 * The content folder the site of this run was built from: a copy of `content/` with a later copy of every
 * explainer (tests/global-setup.ts). Tests read the content here, never `content/` itself, so what they expect is
 * what was built; and they must hold for any number of explainers, which the copies make more than one.
 */
export function builtContentDir(collection?: 'articles' | 'actors' | 'places'): string {
	const dir = inject('builtContentDir');
	if (!dir) {
		throw new Error(
			'The site was not built for this run, so there is no content it was built from: the global setup builds it ' +
				'only when the run includes tests/build/ or tests/browser/.',
		);
	}
	return collection ? join(dir, collection) : dir;
}

/** The base path the site is served under, always with a trailing slash: `/` or `/base/`. */
export const BASE = SITE.base.endsWith('/') ? SITE.base : `${SITE.base}/`;

/** The site's own origin, to tell its URLs from other hosts' and to resolve relative links. */
export const SITE_ORIGIN = new URL(SITE.url).origin;

/** The URL path of an explainer's page. */
export const explainerUrl = (slug: string) => `${BASE}explainers/${slug}/`;

/** The absolute URL of a page path of this site, to resolve the page's relative links against. */
export const pageUrl = (urlPath: string) => new URL(urlPath, SITE_ORIGIN);

/** Every built HTML page as its URL path (`/`, `/explainers/x/`), sorted. */
export function listPages(): string[] {
	const root = builtSiteDir();
	return filesUnder(root)
		.filter((file) => file.endsWith('.html'))
		.map((file) => relative(root, file).split(sep).join('/'))
		.map((file) => `${BASE}${file.replace(/(^|\/)index\.html$/, '$1')}`)
		.sort();
}

/** Every built file with the given extension (e.g. `.css`), as absolute paths. */
export function listBuiltFiles(extension: string): string[] {
	return filesUnder(builtSiteDir()).filter((file) => file.endsWith(extension));
}

function filesUnder(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const path = join(dir, entry.name);
		return entry.isDirectory() ? filesUnder(path) : [path];
	});
}

/**
 * The built file a URL of this site is served from, or undefined when there is none or the URL is another
 * host's: `/x/` is `x/index.html`, `/x.svg` is `x.svg`. Relative URLs resolve against the site's root; the
 * query and fragment are ignored.
 */
export function builtFileFor(url: string | URL): string | undefined {
	const target = new URL(url, SITE_ORIGIN);
	if (target.origin !== SITE_ORIGIN) return undefined;
	const pathname = decodeURIComponent(target.pathname);
	if (!pathname.startsWith(BASE)) return undefined;
	const inSite = pathname.slice(BASE.length);
	const candidates =
		inSite === '' || inSite.endsWith('/')
			? [`${inSite}index.html`]
			: [inSite, `${inSite}/index.html`, `${inSite}.html`];
	const root = builtSiteDir();
	return candidates
		.map((candidate) => resolve(root, candidate))
		.find((file) => file.startsWith(root) && existsSync(file) && statSync(file).isFile());
}

const html = new Map<string, string>();

/** The HTML of a built page, by URL path; fails when the page was not built. */
export function readPage(urlPath: string): string {
	const file = builtFileFor(urlPath);
	if (!file?.endsWith('.html')) throw new Error(`No built page for ${urlPath} in ${builtSiteDir()}`);
	let text = html.get(file);
	if (text === undefined) {
		text = readFileSync(file, 'utf8');
		html.set(file, text);
	}
	return text;
}

/** A built page parsed as HTML, to query with cheerio. Each call parses afresh, so a test may change its copy. */
export function loadPage(urlPath: string): CheerioAPI {
	return load(readPage(urlPath));
}

/** The elements a selector matches, in document order, typed as elements whatever the selector's text. */
export function elements($: CheerioAPI, selector: string): Element[] {
	return $(selector)
		.toArray()
		.filter((node): node is Element => 'attribs' in node);
}

/** Finds an element by id without writing the id into a CSS selector (ids may hold characters CSS escapes). */
export function byId($: CheerioAPI, id: string): Cheerio<Element> {
	return $('[id]').filter((_, element) => element.attribs['id'] === id);
}

/** An element's opening tag and the start of its text, to name it in a failure message. */
export function describeElement($: CheerioAPI, node: AnyNode | Cheerio<AnyNode>): string {
	const element = $(node).first();
	const tag = element.prop('tagName')?.toLowerCase() ?? '?';
	const attributes = Object.entries(element.attr() ?? {})
		.filter(([name]) => !name.startsWith('data-astro-cid'))
		.map(([name, value]) => (value === '' ? name : `${name}="${value}"`));
	const text = words(element.text());
	return `<${[tag, ...attributes].join(' ')}>${text.length > 60 ? `${text.slice(0, 60)}…` : text}`;
}

/** Text as a reader sees it: runs of white space as one space, trimmed. */
export function words(text: string): string {
	return text.replace(/\s+/g, ' ').trim();
}

/**
 * The story's text as a reader reads it: without its heading, and without the mention cards and their tap buttons,
 * closed popovers whose words sit inside the sentence in the HTML.
 */
export function storyText($: CheerioAPI): string {
	const story = $('#story').clone();
	story.find('#story-heading, .mention__card, button').remove();
	return story.text();
}

/**
 * Text as typed, to compare a page's words with the content's: white space as in {@link words}, and the typographic
 * quotes, apostrophes, dashes and ellipses the site may set (SmartyPants) turned back into what an editor types.
 */
export function asTyped(text: string): string {
	return words(text)
		.replace(/[‘’ʼ]/g, "'")
		.replace(/[“”]/g, '"')
		.replace(/---|--|[—–]/g, '-')
		.replace(/…/g, '...');
}

/** The parts of an article's frontmatter the built-site tests check the pages against. */
export interface ArticleFrontmatter {
	title: string;
	dek: string;
	published: Date | string;
	sources: { name: string }[];
	topics: string[];
	actors: string[];
	/** Empty when the explainer has none ({@link readArticleFrontmatter} fills in the schema's default). */
	quotes: { id: string; speaker: string; text: string; translated?: boolean; pull?: boolean }[];
	places?: string[];
	[key: string]: unknown;
}

/** The article files in the content folder, by the id (slug) the site derives from each file name. */
function articleFiles(): Map<string, string> {
	const dir = builtContentDir('articles');
	return new Map(
		readdirSync(dir)
			.filter((name) => name.endsWith('.mdx'))
			.map((name) => [idFromFileName({ entry: name }), join(dir, name)]),
	);
}

/** The slug of every article in the content folder, sorted. There may be any number: never assume one. */
export function articleSlugs(): string[] {
	return [...articleFiles().keys()].sort();
}

/** An article file's text split into its YAML frontmatter and its story (the MDX after the frontmatter). */
function articleParts(slug: string): { file: string; frontmatter: string; story: string } {
	const file = articleFiles().get(slug);
	if (!file) throw new Error(`No article "${slug}" in ${builtContentDir('articles')}`);
	const match = /^---\r?\n([\s\S]*?)\r?\n---(?:\r?\n|$)([\s\S]*)$/.exec(readFileSync(file, 'utf8'));
	if (!match?.[1]) throw new Error(`${file} has no frontmatter`);
	return { file, frontmatter: match[1], story: match[2] ?? '' };
}

/** Parses an article's YAML frontmatter, the source of truth the built page is checked against. */
export function readArticleFrontmatter(slug: string): ArticleFrontmatter {
	const data = parse(articleParts(slug).frontmatter) as ArticleFrontmatter;
	return { ...data, quotes: data.quotes ?? [] };
}

/** An article's story as written: the MDX after the frontmatter. */
export function readArticleStory(slug: string): string {
	return articleParts(slug).story;
}

/** Every YAML file of a collection, by the id the site derives from its file name. */
function yamlFiles(collection: 'actors' | 'places'): Map<string, string> {
	const dir = builtContentDir(collection);
	return new Map(
		readdirSync(dir)
			.filter((name) => name.endsWith('.yaml'))
			.map((name) => [idFromFileName({ entry: name }), join(dir, name)]),
	);
}

/** The id of every actor in the content folder, sorted. */
export function actorIds(): string[] {
	return [...yamlFiles('actors').keys()].sort();
}

/** An actor's file as the built-site tests read it. */
export interface ActorFile {
	name: string;
	aliases?: string[];
	/** One text, or dated texts (`text` with `from`/`to` or `reportedIn`): read it with {@link summaryTexts}. */
	summary: string | { text: string }[];
	[key: string]: unknown;
}

/** Parses an actor's YAML file from the content folder. */
export function readActor(id: string): ActorFile {
	const file = yamlFiles('actors').get(id);
	if (!file) throw new Error(`No actor "${id}" in ${builtContentDir('actors')}`);
	return parse(readFileSync(file, 'utf8')) as ActorFile;
}

/** Every summary text an actor's file holds: the one text, or each of its dated ones. */
export function summaryTexts(actor: ActorFile): string[] {
	return typeof actor.summary === 'string' ? [actor.summary] : actor.summary.map((summary) => summary.text);
}

/** A place's file as the built-site tests read it. */
export interface PlaceFile {
	name: string;
	label?: string;
	kind: string;
	country: string | string[];
	coordinates: { latitude: number; longitude: number };
	[key: string]: unknown;
}

/** Every place in the content folder, by id. */
export function readPlaces(): Map<string, PlaceFile> {
	return new Map(
		[...yamlFiles('places')].map(([id, file]) => [id, parse(readFileSync(file, 'utf8')) as PlaceFile] as const),
	);
}

/**
 * The pages of a paginated listing (an actor's page, a topic, the home page), from its first page along the
 * `rel="next"` links: the items an editor adds may push what a test looks for onto a later page.
 */
export function listingPages(first: string): string[] {
	const pages: string[] = [];
	for (let page: string | undefined = first; page; page = loadPage(page)('main nav a[rel="next"]').attr('href')) {
		if (pages.includes(page)) throw new Error(`The listing ${first} links back to ${page}`);
		pages.push(page);
	}
	return pages;
}

/** A page of Pagefind's index: its fragment (gzip, then a `pagefind_dcd` marker and JSON) holds its URL and title. */
export interface IndexedPage {
	/** The page's address from the site's root, without the base path. */
	url: string;
	meta: { title?: string };
	content: string;
}

/** Every page of the built search index. */
export function indexedPages(): IndexedPage[] {
	const dir = join(builtSiteDir(), 'pagefind', 'fragment');
	return readdirSync(dir)
		.filter((name) => name.endsWith('.pf_fragment'))
		.map((name) => {
			const text = gunzipSync(readFileSync(join(dir, name))).toString('utf8');
			return JSON.parse(text.replace(/^pagefind_dcd/, '')) as IndexedPage;
		});
}

/** The words of a text as search matches them: letters and digits, lower case, apostrophes alike. */
export function searchWords(text: string): string[] {
	return (
		text
			.toLowerCase()
			.replace(/[’‘]/g, "'")
			.match(/[\p{L}\p{N}]+(?:'\p{L}+)?/gu) ?? []
	);
}

/**
 * Whether an inline script's text is the explainers' one script, the Escape that puts a mention's card away
 * (src/mentions/MentionCardEscape.astro): it marks the mention with `data-dismissed`. Every other page but search
 * runs none.
 */
export const isMentionCardScript = (text: string) => text.includes('data-dismissed') && text.includes('Escape');
