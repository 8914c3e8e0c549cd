/** A site path under the configured base, e.g. `pathTo('explainers/x/')` → `/base/explainers/x/`. */
export function pathTo(path: string): string {
	const base = import.meta.env.BASE_URL.endsWith('/') ? import.meta.env.BASE_URL : `${import.meta.env.BASE_URL}/`;
	return `${base}${path.replace(/^\//, '')}`;
}

/** The page of one explainer. */
export const explainerPath = (id: string) => pathTo(`explainers/${id}/`);
