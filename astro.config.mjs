// @ts-check
import { unified } from '@astrojs/markdown-remark';
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';
import remarkGfm from 'remark-gfm';
import remarkActorMentions from './src/plugins/remark-actor-mentions';
import remarkReadingTime from './src/plugins/remark-reading-time';
import { readMentionableActors } from './src/utils/actor-files';
import { contentDir } from './src/utils/content-dir';
import { SITE } from './src/site';

export default defineConfig({
	site: SITE.url,
	base: SITE.base,
	trailingSlash: 'always',
	prerenderConflictBehavior: 'error',
	markdown: {
		// remark-gfm is our one GFM implementation, so the processor's built-in GFM is off.
		processor: unified({
			gfm: false,
			remarkPlugins: [
				remarkGfm,
				[remarkActorMentions, { actors: () => readMentionableActors(contentDir('actors')) }],
				remarkReadingTime,
			],
		}),
	},
	integrations: [mdx()],
});
