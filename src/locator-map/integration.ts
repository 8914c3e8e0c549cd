import type { AstroIntegration } from 'astro';
import { drawnBesideExplainers, type Drawer } from '../build/background-drawing';
import type { CheckedContent } from '../checks';
import { checkedFields, contentToBuildFrom } from '../checks/integration';
import { checkedEntries } from '../checks/schema-check';
import { mapFile, mapPlanOf, mapTitle } from './article-map';
import { locatorMapCache } from './cache';
import { MAP_VARIANTS, type MapVariantName } from './locator-map';

/** What draws the maps in the background: locator-map.ts, which Node runs as it is. */
const DRAWER: Drawer = { module: new URL('./locator-map.ts', import.meta.url), name: 'drawLocatorMap' };

/**
 * The explainers' locator maps (`/explainers/<slug>/map-<narrow|wide>.svg`). When Astro starts building, the build
 * plans them from the articles and places whose fields the content checks passed (the map check has laid each out,
 * or found it drawn before, so every label has room), and starts drawing those the cache does not hold in a child
 * process at the lowest priority (src/build/background-drawing.ts), on the CPU Astro's compile leaves idle. Once the
 * pages are built, it stops the child and writes each map beside its page from the cache, drawing those the child
 * had not reached. Like the share images they do not go through Astro's pages, where two files an explainer doubled
 * the routes to render. The dev server draws each on request (route.ts).
 */
export default function locatorMaps(): AstroIntegration {
	const maps = drawnBesideExplainers('locator map', DRAWER, locatorMapCache);
	let content: Promise<CheckedContent['files']> | undefined;
	return {
		name: 'explainer:locator-maps',
		hooks: {
			'astro:config:setup': ({ command, injectRoute }) => {
				if (command === 'dev') {
					injectRoute({ pattern: '/explainers/[slug]/map-[variant].svg', entrypoint: './src/locator-map/route.ts' });
				}
			},
			'astro:config:done': () => {
				content = checkedFields();
			},
			'astro:build:start': async ({ logger }) => {
				const files = await contentToBuildFrom(content, 'locator maps');
				content = undefined;
				const places = new Map(checkedEntries(files, 'places').map((place) => [place.id, place]));
				const planned = checkedEntries(files, 'articles').flatMap((article) => {
					const plan = mapPlanOf(article.data.places, places);
					if (!plan) return [];
					return (Object.keys(MAP_VARIANTS) as MapVariantName[]).map((variant) => ({
						slug: article.id,
						name: mapFile(variant),
						input: { plan, variant, title: mapTitle(article) },
					}));
				});
				maps.start(planned, logger);
			},
			'astro:build:generated': ({ dir }) => maps.write(dir),
			'astro:build:done': ({ logger }) => maps.done(logger),
		},
	};
}
