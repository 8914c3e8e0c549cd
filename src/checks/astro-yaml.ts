import { isMap, isScalar, isSeq, Scalar, type Document, type Node } from 'yaml';

/*
 * Astro reads frontmatter and YAML files with js-yaml, whose default schema adds YAML 1.1 timestamps to the core
 * types the checks read with: a plain `dek: 2024-01-01` is text to the checks and a date to Astro, which then
 * stops the build on a field that wants text. The checks validate the fields a second time as Astro reads them.
 * The patterns and the dates made of them are js-yaml's (lib/type/timestamp.js).
 */
const DATE = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/;
const TIMESTAMP =
	/^([0-9]{4})-([0-9][0-9]?)-([0-9][0-9]?)(?:[Tt]|[ \t]+)([0-9][0-9]?):([0-9]{2}):([0-9]{2})(?:\.([0-9]*))?(?:[ \t]*(Z|([-+])([0-9][0-9]?)(?::([0-9]{2}))?))?$/;

/** The date js-yaml makes of a plain scalar, or undefined when it leaves it text. */
function timestampOf(text: string): Date | undefined {
	const match = DATE.exec(text) ?? TIMESTAMP.exec(text);
	if (!match) return undefined;
	const [year, month, day] = [Number(match[1]), Number(match[2]) - 1, Number(match[3])];
	if (!match[4]) return new Date(Date.UTC(year, month, day));
	const fraction = match[7] ? Number(match[7].slice(0, 3).padEnd(3, '0')) : 0;
	const date = new Date(Date.UTC(year, month, day, Number(match[4]), Number(match[5]), Number(match[6]), fraction));
	if (match[9]) {
		const offset = (Number(match[10]) * 60 + Number(match[11] ?? 0)) * 60_000;
		date.setTime(date.getTime() - (match[9] === '-' ? -offset : offset));
	}
	return date;
}

/**
 * The document's fields as Astro reads them, when that differs from `data` (the core types'): plain scalars that
 * js-yaml takes for timestamps become dates. Undefined when there are none.
 */
export function astroData(document: Document, data: unknown): unknown {
	const dates: { path: (string | number)[]; date: Date }[] = [];
	const walk = (node: Node | null | undefined, path: (string | number)[]) => {
		if (isMap(node)) {
			for (const pair of node.items) {
				if (isScalar(pair.key)) walk(pair.value as Node | null, [...path, String(pair.key.value)]);
			}
		} else if (isSeq(node)) {
			node.items.forEach((item, index) => walk(item as Node | null, [...path, index]));
		} else if (isScalar(node) && node.type === Scalar.PLAIN && typeof node.value === 'string') {
			const date = timestampOf(node.value);
			if (date) dates.push({ path, date });
		}
	};
	walk(document.contents, []);
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
