import { getPlacesById, type Article } from '../utils/articles';
import { planLocatorMap, type MapPlan, type MapVariantName } from './locator-map';
import { pathTo } from '../utils/paths';

/** What an explainer's locator map shows, or nothing when the article lists no places. */
export async function articleMapPlan(article: Article): Promise<MapPlan | undefined> {
	if (article.data.places.length === 0) return undefined;
	const byId = await getPlacesById();
	const plan = planLocatorMap(
		article.data.places.flatMap(({ id }) => {
			const place = byId.get(id);
			return place ? [{ id, data: place.data }] : [];
		}),
	);
	return plan.marked.length + plan.shaded.length > 0 ? plan : undefined;
}

/** The map image of one explainer at one size. */
export const mapPath = (slug: string, variant: MapVariantName) => pathTo(`explainers/${slug}/map-${variant}.svg`);

/** The map's title, in the SVG and as the image's alternative text. */
export const mapTitle = (article: Article) => `Locator map for “${article.data.title}”`;
