/**
 * The sections of an explainer's page, in order: each one's anchor and heading. ExplainerLayout.astro lists in its
 * contents those an explainer has; a story's own headings may not take their anchors (src/checks/heading-check.ts).
 */
export const EXPLAINER_SECTIONS = [
	{ id: 'key-facts', title: 'Key facts' },
	{ id: 'story', title: 'The story' },
	{ id: 'map', title: 'Where it happened' },
	{ id: 'who-said-what', title: 'Who said what' },
	{ id: 'who-claims-what', title: 'Who claims what' },
	{ id: 'timeline', title: 'How we got here' },
	{ id: 'whos-who', title: 'Who’s who' },
	{ id: 'connections', title: 'How they are connected' },
	{ id: 'sources', title: 'Sources and credits' },
	{ id: 'corrections', title: 'Corrections' },
	{ id: 'related', title: 'Related' },
] as const;

export type ExplainerSectionId = (typeof EXPLAINER_SECTIONS)[number]['id'];
