// @ts-check
// The baseline of the build-scale benchmark: Astro with MDX and remark-gfm and nothing else, one plain page per
// explainer body. The benchmark builds it with `--root` here and CONTENT_DIR at the generated content.
import { unified } from '@astrojs/markdown-remark';
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';
import remarkGfm from 'remark-gfm';
import { isHeadInjectDirectiveWarning } from '../../../src/build/build-warnings.ts';

export default defineConfig({
	trailingSlash: 'always',
	markdown: { processor: unified({ gfm: false, remarkPlugins: [remarkGfm] }), syntaxHighlight: false },
	integrations: [mdx()],
	// The same filter as the site's: the warning every MDX module triggers would print N times.
	vite: { plugins: [{ name: 'bare:quiet', onLog: (_level, log) => !isHeadInjectDirectiveWarning(log) && undefined }] },
});
