import { existsSync } from 'node:fs';
import { mapPlanOf, mapTitle } from '../locator-map/article-map';
import { locatorMapCache } from '../locator-map/cache';
import {
	MAP_VARIANTS,
	mapLabelErrors,
	noRoomFor,
	type MapPlace,
	type MapPlan,
	type MapVariantName,
} from '../locator-map/locator-map';
import { listAt, problemAt, savedFiles, scoped, stringsIn, textItems, type Scope } from './check';
import type { Problem } from './problem';
import { checkedEntries } from './schema-check';

/** An explainer's map is laid out from the places it lists: a saved place reaches every explainer listing it. */
const mapScope: Scope = {
	restricts: ['articles'],
	affected: (save) => {
		const affected = savedFiles(save);
		const places = new Set(save.changed.flatMap(({ after }) => (after.collection === 'places' ? [after.id] : [])));
		if (places.size === 0) return affected;
		for (const file of save.files) {
			if (file.collection === 'articles' && [...stringsIn(file)].some((text) => places.has(text))) affected.add(file);
		}
		return affected;
	},
};

/**
 * Every label on an explainer's map must find room at both sizes, or the build would stop at the map's route: laid
 * out here (without drawing) and reported at each place in the explainer's `places` whose label has no room, or at
 * `places` when no shaded place can be named.
 */
export const mapCheck = scoped(mapScope, ({ files, articles }) => {
	// Places with problems of their own are left to the checks that report them.
	const places = new Map(checkedEntries(files, 'places').map((place) => [place.id, place]));
	return articles.flatMap((file): Problem[] => {
		const listed = listAt(file, 'places');
		const plan = mapPlanOf(
			textItems(listed).map((id) => ({ id })),
			places,
		);
		if (!plan || drawnBefore(plan, file.data)) return [];
		// A place without room at both sizes is one problem to fix: its sizes are named together.
		const sizes = new Map<string, { places: readonly MapPlace[]; shaded: boolean; variants: string[] }>();
		for (const error of mapLabelErrors(plan)) {
			for (const lost of error.shaded ? [error.places] : error.places.map((place) => [place])) {
				const key = `${error.shaded}:${lost.map((place) => place.id).join()}`;
				const found = sizes.get(key) ?? { places: lost, shaded: error.shaded, variants: [] as string[] };
				found.variants.push(error.variant);
				sizes.set(key, found);
			}
		}
		return [...sizes.values()].map(({ places: lost, shaded, variants }) => {
			const index = shaded ? -1 : listed.indexOf(lost[0]?.id);
			return problemAt(file, index >= 0 ? ['places', index] : ['places'], {
				message: `${noRoomFor(lost, shaded)} (${variants.join(' and ')} map)`,
				hint: shaded
					? 'give the shaded places a shorter `label` in their files in content/places/, or list fewer places'
					: `give the place a shorter \`label\` in content/places/${lost[0]?.id}.yaml, or list fewer places close together`,
			});
		});
	});
});

/**
 * Whether the map cache holds both layouts of this plan under the explainer's headline: a map is stored only once
 * drawn, and drawing fails where a label has no room, so its labels fit. Spares laying out every map again on each
 * build and save.
 */
function drawnBefore(plan: MapPlan, data: unknown): boolean {
	const title = (data as { title?: unknown } | undefined)?.title;
	if (typeof title !== 'string') return false;
	const cache = locatorMapCache();
	return (Object.keys(MAP_VARIANTS) as MapVariantName[]).every((variant) =>
		existsSync(cache.fileFor({ plan, variant, title: mapTitle({ data: { title } }) })),
	);
}
