/**
 * The site's build: one integration that registers every build step, in the order they run, and the story pipeline
 * they share (as Starlight's index.ts registers its own). docs/architecture.md follows a build through them. The
 * steps that belong to no one feature are in this folder: the content folder's data store (content-dir-store.ts),
 * the dev server's writing and reading of it after a save (dev-data-store.ts), the bundler's warnings
 * (build-warnings.ts), the background drawing of share images and maps (background-drawing.ts), cache pruning
 * (cache-pruning.ts) and the atomic output (atomic-output.ts).
 */
import { unified } from '@astrojs/markdown-remark';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import type { AstroIntegration } from 'astro';
import { countFileEvents } from '../checks/dev-file-events';
import contentChecks from '../checks/integration';
import { createCompiledStoryFacts } from '../checks/story-facts/compiled';
import { prepareStoryFactsInDev } from '../checks/story-facts/prepare';
import locatorMaps from '../locator-map/integration';
import { readMentionableActors, recompileStoriesOnActorNames } from '../mentions/actor-names';
import { explainerRemarkPlugins, REPLACED_PROCESSOR_FEATURES } from '../plugins';
import search from '../search/integration';
import shareImages from '../share-image/integration';
import { contentDir } from '../utils/content-dir';
import atomicOutput from './atomic-output';
import { buildWarnings } from './build-warnings';
import cachePruning from './cache-pruning';
import contentDirStore from './content-dir-store';
import { freshDataStoreInDev, writeDataStoreAfterSaves } from './dev-data-store';

export default function explainerSite(): AstroIntegration {
	return {
		name: 'explainer:site',
		hooks: {
			'astro:config:setup': ({ updateConfig }) => {
				// What Astro's compile reads of each story, handed from the markdown processor to the content checks.
				const storyFacts = createCompiledStoryFacts();
				updateConfig({
					markdown: {
						// Our plugin list brings its own GFM and SmartyPants, so the processor's are off.
						processor: unified({
							...REPLACED_PROCESSOR_FEATURES,
							remarkPlugins: explainerRemarkPlugins(() => readMentionableActors(contentDir('actors')), storyFacts),
						}),
					},
					vite: {
						plugins: [
							buildWarnings(),
							// In `astro dev`, a request runs the content checks again only once a file changed.
							countFileEvents(),
							// In `astro dev`, the stories' facts for the first request's checks are parsed while Astro starts.
							prepareStoryFactsInDev(contentDir('articles')),
							// In `astro dev`, an actor file whose names change recompiles the stories that mention it.
							recompileStoriesOnActorNames({ actors: contentDir('actors'), articles: contentDir('articles') }),
							// In `astro dev`, pages read the content as saved, also when a save lands during a request.
							freshDataStoreInDev(),
						],
						server: {
							// CONTENT_DIR may point outside the project (benchmarks, tests); the dev server must still read it.
							fs: { allow: ['.', contentDir()] },
							// Test and staging builds are not sources: watching them would reload the dev server for nothing.
							watch: { ignored: ['**/.tmp/**', '**/dist/**', '**/dist.*/**'] },
						},
					},
					// Each hook runs in this order. The checks come first: a broken field stops the build before anything
					// else starts, and a broken story before a page renders. The share images, the maps and the search
					// index are made from the checked content: the images in a background process from the start of the
					// compile, the index in Pagefind's process while the pages render. atomicOutput comes last: it swaps
					// the finished folder in after every other step has written to it.
					integrations: [
						contentChecks({ storyFacts }),
						// CONTENT_DIR as content/: a data store of its own folder, and watched in `astro dev` wherever it is.
						contentDirStore(),
						shareImages(),
						locatorMaps(),
						// A story's mentions are components (MentionCard), the rest static: MDX compiles each run of static
						// elements into one string instead of a call per element (docs/performance.md).
						mdx({ optimize: true }),
						sitemap(),
						search(),
						cachePruning(),
						atomicOutput(),
					],
				});
			},
			'astro:server:setup': ({ server, refreshContent, logger }) => {
				if (refreshContent) writeDataStoreAfterSaves(server, refreshContent, logger, contentDir());
			},
		},
	};
}
