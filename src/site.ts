/** Everything that names or places the site, in one place. */
export const SITE = {
	/** The newsroom's name, shown in the header and used as publisher. */
	name: 'The Explainer Desk',
	/** A one-line description for the home page and feeds. */
	description: 'Explainers for confusing stories: who is who, who said what, and how we got here.',
	/** Where the site is deployed, without the base path. */
	url: process.env['SITE_URL'] ?? 'https://explainers.example.org',
	/** The sub-path the site is served under; `/` at the root of the domain. */
	base: process.env['SITE_BASE'] ?? '/',
	/** Where readers report an error, named in every explainer's Corrections section. */
	correctionsEmail: process.env['SITE_CORRECTIONS_EMAIL'] ?? 'corrections@explainers.example.org',
	/** The language of the site's text. */
	lang: 'en',
} as const;

/** The site's sections, as its navigation and its 404 page list them: a label and a path under the base. */
export const SITE_SECTIONS = [
	{ label: 'Explainers', path: '' },
	{ label: 'Who’s who', path: 'actors/' },
	{ label: 'Topics', path: 'topics/' },
	{ label: 'Search', path: 'search/' },
] as const;
