/// <reference types="vitest/config" />
import { getViteConfig } from 'astro/config';

/**
 * The tests that run `astro dev`. A dev server keeps its content data store in the project's `.astro/`, which any
 * other process of the project that loads Astro's config (a test file importing `astro:content`, another dev server)
 * may rewrite or clear under it: they run after every other test file, one at a time.
 */
const DEV_SERVER_TESTS = ['tests/checks/dev-*.test.ts'];

// getViteConfig lets tests import .astro components and `astro:content` as the site does.
export default getViteConfig({
	test: {
		root: '.',
		globalSetup: ['tests/global-setup.ts'],
		reporters: ['default', './tests/helpers/summary-reporter.ts'],
		testTimeout: 30_000,
		hookTimeout: 120_000,
		projects: [
			{
				extends: true,
				test: { name: 'site', include: ['tests/**/*.test.ts'], exclude: DEV_SERVER_TESTS, sequence: { groupOrder: 0 } },
			},
			{
				extends: true,
				test: { name: 'dev-server', include: DEV_SERVER_TESTS, fileParallelism: false, sequence: { groupOrder: 1 } },
			},
		],
	},
});
