/** A site path under the configured base, e.g. `pathTo('explainers/x/')` → `/base/explainers/x/`. */
export function pathTo(path: string): string {
	const base = import.meta.env.BASE_URL.endsWith('/') ? import.meta.env.BASE_URL : `${import.meta.env.BASE_URL}/`;
	return `${base}${path.replace(/^\//, '')}`;
}

export const explainerPath = (id: string) => pathTo(`explainers/${id}/`);

/** The file name of an explainer's share image, beside its page (written by src/share-image/integration.ts). */
export const SHARE_IMAGE_FILE = 'share.png';

/** The share image of one explainer, beside its page. */
export const shareImagePath = (id: string) => `${explainerPath(id)}${SHARE_IMAGE_FILE}`;

/** The page of one actor, with every explainer and quote that features them. */
export const actorPath = (id: string) => pathTo(`actors/${id}/`);

export const topicPath = (topic: string) => pathTo(`topics/${topicSlug(topic)}/`);

/** A topic's URL segment: "Middle East" → "middle-east". */
export function topicSlug(topic: string): string {
	return topic
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-|-$/g, '');
}
