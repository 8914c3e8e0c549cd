import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { resolve } from 'node:path';

/** The same article files as the site reads; their frontmatter is not validated here. */
const articles = defineCollection({
	loader: glob({ base: resolve(process.env['CONTENT_DIR'] ?? 'content', 'articles'), pattern: '*.mdx' }),
});

export const collections = { articles };
