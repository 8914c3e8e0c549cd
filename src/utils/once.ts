/**
 * A factory that builds its value on the first call and hands out that same value after: a process's atlas, its
 * caches, a build's collections. Schema factories use it too: Astro builds an article's schema again for every
 * article (its `image()` is bound to the file), and zod is slow to build nested schemas; built once, they are shared,
 * as zod schemas never change once made.
 */
export function once<Value>(build: () => Value): () => Value {
	let built: { value: Value } | undefined;
	return () => (built ??= { value: build() }).value;
}
