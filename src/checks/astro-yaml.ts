import {
	isAlias,
	isMap,
	isScalar,
	isSeq,
	parseDocument,
	Scalar,
	Schema,
	type Document,
	type DocumentOptions,
	type Node,
	type ParseOptions,
	type ScalarTag,
	type SchemaOptions,
} from 'yaml';

/*
 * Astro reads frontmatter and YAML files with this same package, its core schema plus YAML 1.1 timestamps
 * (@astrojs/internal-helpers/yaml): a plain `dek: 2024-01-01` is text to the checks and a date to Astro, which then
 * stops the build on a field that wants text. The checks validate the fields a second time as Astro reads them, with
 * the package's own timestamp tag, so that they read a plain scalar as a date exactly when Astro does.
 */
/** Astro's own options for YAML (@astrojs/internal-helpers/yaml). */
const ASTRO_OPTIONS: ParseOptions & DocumentOptions & SchemaOptions = {
	customTags: ['timestamp'],
	merge: true,
	schema: 'core',
};

const TIMESTAMP = new Schema(ASTRO_OPTIONS).tags.find(
	(tag): tag is ScalarTag => tag.tag === 'tag:yaml.org,2002:timestamp',
);
if (!TIMESTAMP?.test || !TIMESTAMP.resolve) throw new Error('The yaml package has no YAML 1.1 timestamp tag.');
const { test: isTimestamp, resolve: resolveTimestamp } = TIMESTAMP;

/**
 * The document's fields as Astro reads them, when that differs from `data` (the core types'): plain scalars that
 * Astro reads as timestamps become dates. Undefined when there are none. `text` is the document's: one that repeats
 * a value by `*alias` or merges one with `<<` is read again as Astro reads it, since a date may come through it.
 */
export function astroData(document: Document, data: unknown, text: string): unknown {
	const dates: { path: (string | number)[]; date: Date }[] = [];
	/** Whether values are repeated or merged: a date's path in the document is then not its path in the data. */
	let shared = false;
	const walk = (node: Node | null | undefined, path: (string | number)[]) => {
		if (isAlias(node)) {
			shared = true;
		} else if (isMap(node)) {
			for (const pair of node.items) {
				// The parser reads a merge key `<<` as a symbol.
				if (isScalar(pair.key) && typeof pair.key.value === 'symbol') shared = true;
				if (isScalar(pair.key)) walk(pair.value as Node | null, [...path, String(pair.key.value)]);
			}
		} else if (isSeq(node)) {
			node.items.forEach((item, index) => walk(item as Node | null, [...path, index]));
		} else if (isScalar(node) && node.type === Scalar.PLAIN && !node.tag && typeof node.value === 'string') {
			if (isTimestamp.test(node.value))
				dates.push({ path, date: resolveTimestamp(node.value, () => undefined, {}) as Date });
		}
	};
	walk(document.contents, []);
	if (shared) return parseDocument(text, ASTRO_OPTIONS).toJS({ maxAliasCount: 100 }) as unknown;
	if (dates.length === 0) return undefined;
	const copy = structuredClone(data);
	for (const { path, date } of dates) {
		// A document that is a date alone, or a key that would set an object's prototype, is wrong on any reading.
		if (path.length === 0 || path.includes('__proto__')) continue;
		const parent = path.slice(0, -1).reduce<unknown>((value, key) => (value as Record<string, unknown>)?.[key], copy);
		if (parent && typeof parent === 'object') (parent as Record<string | number, unknown>)[path.at(-1) ?? ''] = date;
	}
	return copy;
}
