import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { forgivingInDev } from './build/forgiving-loader';
import { LOCK_FILE_PREFIX } from './checks/content-files';
import { fieldsReadOnce } from './checks/fields-read-once';
import { ActorSchema } from './schemas/actor';
import { ArticleSchema } from './schemas/article';
import { PlaceSchema } from './schemas/place';
import { contentDir } from './utils/content-dir';
import { idFromFileName } from './utils/ids';

/**
 * How each collection's files are found. Nothing reads an entry's raw `body` (pages render the compiled story, the
 * checks read the files themselves), so the data store leaves it out: a third of its size at 1000 explainers. In
 * `astro dev`, a file Astro cannot read or validate is left out instead of stopping the server, whose pages then
 * show the checks' report (src/build/forgiving-loader.ts). A build, and the dev server as it starts, take each file's
 * fields from the checks, which read them first (src/checks/fields-read-once.ts).
 */
const files = (collection: NonNullable<Parameters<typeof contentDir>[0]>, extension: string) =>
	forgivingInDev(
		fieldsReadOnce(
			glob({
				base: contentDir(collection),
				// Not the lock file an office program keeps beside an open file (src/checks/content-files.ts).
				pattern: [`*${extension}`, `!${LOCK_FILE_PREFIX}*`],
				generateId: idFromFileName,
				retainBody: false,
			}),
		),
	);

const articles = defineCollection({
	loader: files('articles', '.mdx'),
	schema: ({ image }) => ArticleSchema(image()),
});

const actors = defineCollection({
	loader: files('actors', '.yaml'),
	schema: ActorSchema(),
});

const places = defineCollection({
	loader: files('places', '.yaml'),
	schema: PlaceSchema(),
});

export const collections = { articles, actors, places };
