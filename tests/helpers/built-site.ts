import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { load, type Cheerio, type CheerioAPI } from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import { inject } from 'vitest';
import { parse } from 'yaml';
import { SITE } from '../../src/site';
import { contentDir } from '../../src/utils/content-dir';
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

/** The parts of an article's frontmatter the built-site tests check the pages against. */
export interface ArticleFrontmatter {
	title: string;
	published: Date | string;
	sources: { name: string }[];
	actors: string[];
	quotes: { id: string; speaker: string; text: string; translated?: boolean; pull?: boolean }[];
	[key: string]: unknown;
}

/** The article files in the content folder, by the id (slug) the site derives from each file name. */
function articleFiles(): Map<string, string> {
	const dir = contentDir('articles');
	return new Map(
		readdirSync(dir)
			.filter((name) => name.endsWith('.mdx'))
			.map((name) => [idFromFileName({ entry: name }), join(dir, name)]),
	);
}

/** The slug of every article in the content folder, sorted. */
export function articleSlugs(): string[] {
	return [...articleFiles().keys()].sort();
}

/** Parses an article's YAML frontmatter, the source of truth the built page is checked against. */
export function readArticleFrontmatter(slug: string): ArticleFrontmatter {
	const file = articleFiles().get(slug);
	if (!file) throw new Error(`No article "${slug}" in ${contentDir('articles')}`);
	const match = /^---\r?\n([\s\S]*?)\r?\n---(?:\r?\n|$)/.exec(readFileSync(file, 'utf8'));
	if (!match?.[1]) throw new Error(`${file} has no frontmatter`);
	return parse(match[1]) as ArticleFrontmatter;
}

/** Parses an actor's YAML file from the content folder. */
export function readActor(id: string): { name: string; [key: string]: unknown } {
	const dir = contentDir('actors');
	const name = readdirSync(dir).find((file) => file.endsWith('.yaml') && idFromFileName({ entry: file }) === id);
	if (!name) throw new Error(`No actor "${id}" in ${dir}`);
	return parse(readFileSync(join(dir, name), 'utf8')) as { name: string };
}
