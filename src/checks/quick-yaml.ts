/**
 * A quick first reading of a content file's YAML with js-yaml, about eight times faster than the `yaml` package the
 * checks place problems with (1301 files: 85 ms instead of 650). It gives the data `yaml` would give, or nothing,
 * and then the file is read by `yaml` (content-files.ts), which reports syntax errors where they are. So it only
 * answers for documents whose reading leaves no room for the two parsers to differ: scalars resolved by YAML 1.2's
 * core schema exactly as `yaml` resolves them, a mapping at the top, keys that are plain names, and none of the
 * constructs the two read differently or `yaml` limits (directives, anchors and aliases, explicit or collection
 * keys, keys over 1024 characters).
 */
import { FAILSAFE_SCHEMA, load, Type } from 'js-yaml';

/** YAML 1.2 core integers, as `yaml` reads them (no `0b`, no `_` between digits, unlike js-yaml's own). */
const integer = new Type('tag:yaml.org,2002:int', {
	kind: 'scalar',
	resolve: (text: string) => /^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$/.test(text),
	construct: (text: string) =>
		text.startsWith('0o')
			? Number.parseInt(text.slice(2), 8)
			: text.startsWith('0x')
				? Number.parseInt(text.slice(2), 16)
				: Number.parseInt(text, 10),
	predicate: (value) => Number.isInteger(value),
});

/** YAML 1.2 core floats, as `yaml` reads them. */
const float = new Type('tag:yaml.org,2002:float', {
	kind: 'scalar',
	resolve: (text: string) =>
		/^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+|[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*))$/.test(
			text,
		),
	construct: (text: string) => {
		if (/nan$/i.test(text)) return Number.NaN;
		if (/inf$/i.test(text)) return text.startsWith('-') ? -Infinity : Infinity;
		return Number.parseFloat(text);
	},
	predicate: (value) => typeof value === 'number',
});

/** YAML 1.2 core nulls, as `yaml` reads them: `~`, `null` and nothing at all. */
const nothing = new Type('tag:yaml.org,2002:null', {
	kind: 'scalar',
	resolve: (text: string) => /^(?:~|[Nn]ull|NULL)?$/.test(text),
	construct: () => null,
	predicate: (value) => value === null,
});

/** YAML 1.2 core booleans, as `yaml` reads them (`yes` and `on` are strings). */
const boolean = new Type('tag:yaml.org,2002:bool', {
	kind: 'scalar',
	resolve: (text: string) => /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/.test(text),
	construct: (text: string) => text.startsWith('t') || text.startsWith('T'),
	predicate: (value) => typeof value === 'boolean',
});

const CORE_1_2 = FAILSAFE_SCHEMA.extend({ implicit: [nothing, boolean, integer, float] });

/**
 * What the quick reading leaves to `yaml`, found in the text (a match inside a quoted value only costs the slower
 * reading): a directive (`%YAML 1.1` changes the schema), an anchor or alias (`yaml` limits aliases to 100), an
 * explicit key (`? `), and a flow collection used as a key (js-yaml makes `[title]: x` a `title` field).
 */
const LEFT_TO_YAML = [/^%/m, /(?:^|[\s,[{])[&*][^\s,\]}]/, /(?:^|[\s,[{-])\?(?:\s|$)/, /[\]}]\s*:(?:\s|$)/];

/**
 * Keys as the content's fields are named, and shorter than `yaml`'s limit on a key. Any other key is left to `yaml`,
 * which stringifies odd keys its own way: numbers, and the words js-yaml makes of a null or boolean key.
 */
const PLAIN_KEY = /^(?!(?:null|Null|NULL|true|True|TRUE|false|False|FALSE|__proto__)$)[A-Za-z_][A-Za-z0-9_-]{0,999}$/;

/**
 * The data of `yamlText` as the `yaml` package reads it (YAML 1.2 core schema, unique keys), or undefined when this
 * quick reading cannot vouch for that: a syntax error, a duplicate key, a tag outside the core schema, an alias, a
 * key that is not a plain name, or anything but a mapping at the top.
 */
export function quickYamlData(yamlText: string): Record<string, unknown> | undefined {
	if (LEFT_TO_YAML.some((construct) => construct.test(yamlText))) return undefined;
	let data: unknown;
	try {
		data = load(yamlText, { schema: CORE_1_2 });
	} catch {
		return undefined;
	}
	return isPlainMapping(data) && isTree(data, new Set()) ? data : undefined;
}

function isPlainMapping(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Whether no object is reached twice (an alias shares it) and every key is a plain name. */
function isTree(value: unknown, seen: Set<object>): boolean {
	if (typeof value !== 'object' || value === null) return true;
	if (seen.has(value)) return false;
	seen.add(value);
	if (Array.isArray(value)) return value.every((item) => isTree(item, seen));
	return Object.entries(value).every(([key, item]) => PLAIN_KEY.test(key) && isTree(item, seen));
}
