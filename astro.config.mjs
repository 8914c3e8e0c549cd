// @ts-check
import { unified } from '@astrojs/markdown-remark';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import atomicOutput from './src/integrations/atomic-output';
import cachePruning from './src/integrations/cache-pruning';
import contentChecks from './src/integrations/content-checks';
import contentDirStore from './src/integrations/content-dir-store';
import search from './src/search/integration';
import shareImages from './src/share-image/integration';
import { buildWarnings } from './src/integrations/build-warnings';
import { explainerRemarkPlugins, REPLACED_PROCESSOR_FEATURES } from './src/plugins';
import { createCompiledStoryFacts } from './src/checks/story-facts/compiled';
import { readMentionableActors, recompileStoriesOnActorNames } from './src/mentions/actor-names';
import { contentCacheDir, contentDir } from './src/utils/content-dir';
import { SITE } from './src/site';

/** Builds of another content folder keep their own content cache (see contentCacheDir). */
const cacheDir = contentCacheDir();

/** What Astro's compile reads of each story, handed from the markdown processor to the build's content checks. */
const storyFacts = createCompiledStoryFacts();

export default defineConfig({
	site: SITE.url,
	...(cacheDir === undefined ? {} : { cacheDir }),
	base: SITE.base,
	trailingSlash: 'always',
	prerenderConflictBehavior: 'error',
	build: {
		// One round trip: every page carries its own CSS.
		inlineStylesheets: 'always',
		// Render the next pages while one waits for its file to be written: at 1000 explainers, one page at a time
		// left the main thread idle for a third of the rendering (docs/performance.md).
		concurrency: 4,
	},
	security: {
		// Hashes for our inline styles and scripts; nothing else may run or load, and nothing from another origin.
		csp: {
			directives: [
				"default-src 'none'",
				"img-src 'self' data:",
				"font-src 'self'",
				"connect-src 'self'",
				"base-uri 'self'",
				"form-action 'self'",
			],
		},
	},
	markdown: {
		// Our plugin list brings its own GFM and SmartyPants, so the processor's are off.
		processor: unified({
			...REPLACED_PROCESSOR_FEATURES,
			remarkPlugins: explainerRemarkPlugins(() => readMentionableActors(contentDir('actors')), storyFacts),
		}),
		// Shiki colours code with inline styles, which the content security policy forbids.
		syntaxHighlight: false,
	},
	// atomicOutput comes last: it swaps the finished folder in after every other integration has written to it.
	integrations: [
		// The checks first: a broken field stops the build before anything else starts, and a broken story before a
		// page renders. The share images are drawn from the fields they checked, the search index is made from the
		// content once the stories passed too, from the facts Astro's compile read of each story; the share images and
		// Pagefind work in background threads while Astro compiles.
		contentChecks({ storyFacts }),
		// CONTENT_DIR as content/: a data store of its own folder, and watched in `astro dev` wherever it is.
		contentDirStore(),
		shareImages(),
		// A story's mentions are components (MentionCard), the rest static: MDX compiles each run of static elements
		// into one string instead of a call per element, so there is less to compile and to render (docs/performance.md).
		mdx({ optimize: true }),
		sitemap(),
		search(),
		cachePruning(),
		atomicOutput(),
	],
	vite: {
		// In `astro dev`, an actor file whose names change recompiles the stories, whose mentions depend on them.
		plugins: [
			buildWarnings(),
			recompileStoriesOnActorNames({ actors: contentDir('actors'), articles: contentDir('articles') }),
		],
		server: {
			// CONTENT_DIR may point outside the project (benchmarks, tests); the dev server must still read it.
			fs: { allow: ['.', contentDir()] },
			// Test and staging builds are not sources: watching them would reload the dev server for nothing.
			watch: { ignored: ['**/.tmp/**', '**/dist/**', '**/dist.*/**'] },
		},
	},
});
