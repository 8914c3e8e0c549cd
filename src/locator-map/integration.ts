import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import type { CheckedContent } from '../checks';
import { checkedFields, contentToBuildFrom } from '../checks/integration';
import { checkedEntries } from '../checks/schema-check';
import { writeBesideExplainers, type ExplainerFile } from '../utils/explainer-files';
import { mapFile, mapPlanOf, mapTitle } from './article-map';
import { locatorMapCache } from './cache';
import { MAP_VARIANTS, type MapVariantName } from './locator-map';

/**
 * The explainers' locator maps (`/explainers/<slug>/map-<narrow|wide>.svg`). When Astro starts building, the build
 * plans them from the articles and places whose fields the content checks passed (the map check has laid each out,
 * so every label has room); once the pages are built, it writes each beside its page from the cache, drawing those
 * the cache does not hold (a few milliseconds each). Like the share images they do not go through Astro's pages,
 * where two files an explainer doubled the routes to render. The dev server draws each on request (route.ts).
 */
export default function locatorMaps(): AstroIntegration {
	let content: Promise<CheckedContent['files']> | undefined;
	let maps: ExplainerFile[] = [];
	let writing: Promise<void> | undefined;
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
			'astro:build:start': async () => {
				const files = await contentToBuildFrom(content, 'locator maps');
				content = undefined;
				const places = new Map(checkedEntries(files, 'places').map((place) => [place.id, place]));
				const cache = locatorMapCache();
				maps = checkedEntries(files, 'articles').flatMap((article) => {
					const plan = mapPlanOf(article.data.places, places);
					if (!plan) return [];
					return (Object.keys(MAP_VARIANTS) as MapVariantName[]).map((variant) => ({
						slug: article.id,
						name: mapFile(variant),
						bytes: () => cache.get({ plan, variant, title: mapTitle(article) }),
					}));
				});
			},
			'astro:build:generated': ({ dir }) => {
				writing = writeBesideExplainers(maps, fileURLToPath(dir));
				// Awaited in astro:build:done, which reports its failure; until then it is not an unhandled rejection.
				writing.catch(() => undefined);
			},
			'astro:build:done': async ({ logger }) => {
				if (!writing) throw new Error('The locator maps were never written: Astro did not report the pages built.');
				await writing;
				const { misses } = locatorMapCache().stats;
				logger.info(`wrote ${maps.length} locator map${maps.length === 1 ? '' : 's'} (${misses} drawn)`);
				maps = [];
			},
		},
	};
}
