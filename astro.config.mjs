// @ts-check
import { defineConfig } from 'astro/config';
import explainerSite from './src/build';
import { contentCacheDir } from './src/utils/content-dir';
import { SITE } from './src/site';

/** Builds of another content folder keep their own content cache (see contentCacheDir). */
const cacheDir = contentCacheDir();

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
		// Shiki colours code with inline styles, which the content security policy forbids.
		syntaxHighlight: false,
	},
	// Every build step, in the order they run, and the stories' markdown processor: src/build/index.ts.
	integrations: [explainerSite()],
});
