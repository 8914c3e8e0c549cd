/// <reference types="vitest/config" />
import { getViteConfig } from 'astro/config';

// getViteConfig lets tests import .astro components and `astro:content` as the site does.
export default getViteConfig({
	test: {
		root: '.',
		include: ['tests/**/*.test.ts'],
		globalSetup: ['tests/global-setup.ts'],
		reporters: ['default', './tests/helpers/summary-reporter.ts'],
		testTimeout: 30_000,
		hookTimeout: 120_000,
	},
});
