import { getViteConfig } from 'astro/config';

// getViteConfig lets tests import .astro components and `astro:content` as the site does.
export default getViteConfig({
	test: {
		root: '.',
		include: ['tests/**/*.test.ts'],
		testTimeout: 30_000,
		hookTimeout: 120_000,
	},
});
