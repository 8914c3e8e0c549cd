import { EXPLAINER_SECTIONS } from '../layouts/explainer-sections';
import { ACTOR_KIND_LABELS } from '../utils/labels';
import { listAt, OWN_FILE, problemAtPosition, scoped } from './check';
import type { ContentFile } from './content-files';
import type { Problem } from './problem';

/** The anchors the page gives its sections and their headings, with what each is: "the section “Key facts”". */
const SECTION_ANCHORS = new Map<string, string>(
	EXPLAINER_SECTIONS.flatMap(({ id, title }) => [
		[id, `the section “${title}”`],
		[`${id}-heading`, `the section “${title}”`],
	]),
);

/** The anchors of the page's other parts: its main content, the map's list, Who's who's groups, the graphic. */
const PART_ANCHORS = new Set([
	'main',
	'map-places',
	...Object.keys(ACTOR_KIND_LABELS).map((kind) => `whos-who-${kind}`),
	'relations-title',
	'relations-desc',
	'relations-hint',
]);

/** What on the explainer's page has the anchor `slug` already, if anything: a section, a part, an entry. */
function pageAnchorOwner(file: ContentFile, slug: string): string | undefined {
	const entries = [
		...listAt(file, 'actors').map((id) => `actor-${String(id)}`),
		...listAt<{ id?: unknown } | null>(file, 'quotes').map((quote) => `quote-${String(quote?.id)}`),
		...listAt<{ id?: unknown } | null>(file, 'claims').map((claim) => `claim-${String(claim?.id)}`),
	];
	if (SECTION_ANCHORS.has(slug)) return SECTION_ANCHORS.get(slug);
	return PART_ANCHORS.has(slug) || entries.includes(slug) || /^mention-.+-\d+(?:-card)?$/.test(slug)
		? 'a part of the page'
		: undefined;
}

const marks = (depth: number) => '#'.repeat(depth);

/**
 * A story's headings are parts of the page's section "The story" (remark-story-heading-levels.ts makes `##` an
 * `<h3>` under it): they start at `##` (the headline is the page's one `#`), go down one level at a time for screen
 * readers' outline, and take none of the anchors of the page's own sections, where links and the contents go.
 */
export const headingCheck = scoped(OWN_FILE, ({ articles, storyFacts }) =>
	articles.flatMap((file): Problem[] => {
		const facts = storyFacts(file);
		if (!facts || facts.syntaxError) return [];
		let above = 1;
		return facts.headings.flatMap(({ depth, text, slug, ...at }): Problem[] => {
			const written = `${marks(depth)} ${text}`;
			const problems: Problem[] = [];
			if (depth === 1) {
				problems.push(
					problemAtPosition(
						file,
						at,
						`"${written}": the headline is the page's one \`#\` heading`,
						`start the story's headings with \`##\`: \`## ${text}\``,
					),
				);
			} else if (depth > above + 1) {
				const before =
					above === 1 ? 'the story’s headings start at `##`' : `the heading before it is \`${marks(above)}\``;
				problems.push(
					problemAtPosition(
						file,
						at,
						`"${written}" skips a level: ${before}`,
						`write it as \`${marks(above + 1)} ${text}\`: each level is a part of the one above`,
					),
				);
			}
			const owner = pageAnchorOwner(file, slug);
			if (owner) {
				problems.push(
					problemAtPosition(
						file,
						at,
						`the heading "${text}" would take the anchor #${slug}, which ${owner} already has`,
						'reword the heading: links to that anchor, and the contents, must keep going where they go',
					),
				);
			}
			above = depth;
			return problems;
		});
	}),
);
