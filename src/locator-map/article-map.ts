import type { PlaceData } from '../schemas/place';
import { pathTo } from '../utils/paths';
import { planLocatorMap, type MapPlan, type MapVariantName } from './locator-map';

/**
 * What a map of the places an explainer lists shows, from the places by id (the collection's in a page, the checked
 * files' in the build's integration.ts); nothing when none of them can be drawn.
 */
export function mapPlanOf(
	listed: readonly { id: string }[],
	placesById: ReadonlyMap<string, { data: PlaceData }>,
): MapPlan | undefined {
	const plan = planLocatorMap(
		listed.flatMap(({ id }) => {
			const place = placesById.get(id);
			return place ? [{ id, data: place.data }] : [];
		}),
	);
	return plan.marked.length + plan.shaded.length > 0 ? plan : undefined;
}

/** Where a place is, after its name ("Iraq", "Syria–Jordan"); nothing when its name says so already. */
export function countryNotNamed({ name, country }: Pick<PlaceData, 'name' | 'country'>): string | undefined {
	const countries = [country].flat();
	// As a whole word: "Nigeria" does not name Niger.
	const named = (country: string) => new RegExp(`(?<!\\p{L})${RegExp.escape(country)}(?!\\p{L})`, 'u').test(name);
	return countries.every(named) ? undefined : countries.join('–');
}

/** The file name of an explainer's map at one size, beside its page. */
export const mapFile = (variant: MapVariantName) => `map-${variant}.svg`;

/** The map image of one explainer at one size. */
export const mapPath = (slug: string, variant: MapVariantName) => pathTo(`explainers/${slug}/${mapFile(variant)}`);

/** The map's title, in the SVG and as the image's alternative text. */
export const mapTitle = (article: { data: { title: string } }) => `Locator map for “${article.data.title}”`;
