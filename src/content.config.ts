import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { ActorSchema } from './schemas/actor';
import { ArticleSchema } from './schemas/article';
import { contentDir } from './utils/content-dir';
import { idFromFileName } from './utils/ids';

const articles = defineCollection({
	loader: glob({ base: contentDir('articles'), pattern: '*.mdx', generateId: idFromFileName }),
	schema: ({ image }) => ArticleSchema(image()),
});

const actors = defineCollection({
	loader: glob({ base: contentDir('actors'), pattern: '*.yaml', generateId: idFromFileName }),
	schema: ActorSchema(),
});

export const collections = { articles, actors };
