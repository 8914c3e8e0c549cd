import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { ActorSchema } from './schemas/actor';
import { ArticleSchema } from './schemas/article';
import { PlaceSchema } from './schemas/place';
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

const places = defineCollection({
	loader: glob({ base: contentDir('places'), pattern: '*.yaml', generateId: idFromFileName }),
	schema: PlaceSchema(),
});

export const collections = { articles, actors, places };
