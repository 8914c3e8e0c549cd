import { z } from 'astro/zod';

/** Ids are file names without the extension: lower-case words joined by hyphens. */
export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * A reference to another entry by id, in the same `{ collection, id }` shape as Astro's `reference()`, so
 * `getEntry()` accepts it. Unlike Astro's, it needs no content runtime: the content checks and unit tests
 * run it directly and report unknown ids themselves (Astro only logs them), with the id likely meant; an id that
 * is no file name at all ("Pat Ryder") is one of them, so the schema does not report it a second time.
 */
export const ReferenceSchema = <C extends string>(collection: C) =>
	z
		.string()
		.transform((id) => ({ collection, id }))
		.meta({ collection });
