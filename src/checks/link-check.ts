import type { Check, CheckContext } from './check';
import type { ContentFile } from './content-files';
import type { Problem } from './problem';

/** Sections every explainer page has (see src/layouts/ExplainerLayout.astro). */
const PAGE_SECTIONS = ['main', 'key-facts', 'story', 'who-said-what', 'timeline', 'whos-who', 'sources', 'corrections'];

/** The anchors an explainer's page will have: its sections, headings, glossary entries and quotes. */
function anchorsOf(file: ContentFile, context: CheckContext): Set<string> {
	const data = (file.data ?? {}) as { actors?: unknown; quotes?: unknown };
	const anchors = new Set(PAGE_SECTIONS);
	for (const id of Array.isArray(data.actors) ? data.actors : []) anchors.add(`actor-${String(id)}`);
	for (const quote of Array.isArray(data.quotes) ? data.quotes : []) anchors.add(`quote-${String(quote?.id)}`);
	for (const slug of context.storyFacts(file)?.headingSlugs ?? []) anchors.add(slug);
	return anchors;
}

/** Site paths that exist, mapped to the article whose anchors they carry (none for pages without). */
function sitePages(context: CheckContext): Map<string, ContentFile | undefined> {
	const pages = new Map<string, ContentFile | undefined>([['/', undefined]]);
	for (const article of context.articles) pages.set(`/explainers/${article.id}/`, article);
	return pages;
}

/** Links in a story to a page or `#anchor` of this site that will not exist. */
export const linkCheck: Check = (context) => {
	const pages = sitePages(context);
	return context.articles.flatMap((file): Problem[] => {
		const facts = context.storyFacts(file);
		if (!facts || facts.syntaxError) return [];
		const ownPath = `/explainers/${file.id}/`;
		return facts.links.flatMap((link): Problem[] => {
			if (/^[a-z][a-z0-9+.-]*:/i.test(link.url) || link.url.startsWith('//')) return [];
			const target = new URL(link.url, `https://site.invalid${ownPath}`);
			const path = target.pathname.endsWith('/') ? target.pathname : `${target.pathname}/`;
			const fragment = decodeURIComponent(target.hash.slice(1));
			const problem = (message: string, hint: string): Problem[] => [
				{ severity: 'error', file: file.path, line: link.line, column: link.column, message, hint },
			];
			if (!pages.has(path)) {
				return problem(
					`link to "${link.url}": no such page on this site`,
					'explainers live at /explainers/<file name>/; check the slug',
				);
			}
			const page = pages.get(path);
			if (fragment && !(page ? anchorsOf(page, context) : new Set(['main'])).has(fragment)) {
				return problem(
					`link to "${link.url}": the page has no anchor "#${fragment}"`,
					'anchors are section ids (#timeline, #whos-who…), #actor-<id> for a listed actor, #quote-<id>, or a heading’s slug',
				);
			}
			return [];
		});
	});
};
