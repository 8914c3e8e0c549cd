import { EXPLAINER_SECTIONS, type ExplainerSectionId } from '../layouts/explainer-sections';
import { ACTOR_KIND_LABELS } from '../utils/labels';
import { listAt } from './check';
import type { ContentFile } from './content-files';

/**
 * The sections an explainer shows only when it has what they list, by the field that holds it. The relations
 * graphic's section shows when any of its actors are related, which its own fields do not say: it is counted in.
 */
const SECTION_FIELDS: Partial<Record<ExplainerSectionId, string>> = {
	map: 'places',
	'who-said-what': 'quotes',
	'who-claims-what': 'claims',
	timeline: 'timeline',
};

/** The anchors of the page's other parts: its main content, the map's list, Who's who's groups, the graphic. */
const PART_ANCHORS = [
	'main',
	'map-places',
	...Object.keys(ACTOR_KIND_LABELS).map((kind) => `whos-who-${kind}`),
	'relations-title',
	'relations-desc',
	'relations-hint',
];

/**
 * The anchors an explainer's page gives its own parts, each with what has it ("the section “Key facts”"): its
 * sections and their headings, its other parts, and an anchor for each listed actor, quote and claim. Links may go
 * to them (link-check.ts); the story's own headings may not take them (heading-check.ts).
 */
export function pageAnchors(file: ContentFile): Map<string, string> {
	const anchors = new Map(PART_ANCHORS.map((anchor) => [anchor, 'a part of the page']));
	for (const { id, title } of EXPLAINER_SECTIONS) {
		const field = SECTION_FIELDS[id];
		if (field !== undefined && listAt(file, field).length === 0) continue;
		anchors.set(id, `the section “${title}”`).set(`${id}-heading`, `the section “${title}”`);
	}
	const entries = [
		...listAt(file, 'actors').map((id) => `actor-${String(id)}`),
		...listAt<{ id?: unknown } | null>(file, 'quotes').map((quote) => `quote-${String(quote?.id)}`),
		...listAt<{ id?: unknown } | null>(file, 'claims').map((claim) => `claim-${String(claim?.id)}`),
	];
	for (const entry of entries) anchors.set(entry, 'a part of the page');
	return anchors;
}

/**
 * The anchors an actor's page may have (src/pages/actors/[id]/[...page].astro): its main content and its sections,
 * each shown when the actor has what it lists. A link to one the actor's page lacks lands at the page's top.
 */
export const ACTOR_PAGE_ANCHORS = ['main', 'roles', 'affiliations', 'explainers', 'quotes'];
