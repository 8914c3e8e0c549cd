import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { z } from 'astro/zod';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { describeCollections, END_MARKER, START_MARKER, updateGuide } from '../../src/cli/field-reference';
import { ACTOR_KINDS, ActorSchema, AFFILIATION_RELATIONS } from '../../src/schemas/actor';
import { CoordinatesSchema, PlaceSchema } from '../../src/schemas/place';
import { ProseSchema } from '../../src/schemas/prose';
import { ArticleSchema } from '../../src/schemas/article';
import { QUOTE_SETTINGS, QuoteSchema } from '../../src/schemas/quote';

const GUIDE = 'docs/editing.md';
const guide = await readFile(GUIDE, 'utf8');

/** Each collection of the reference, by its heading, with the schema its entries are checked against. */
const COLLECTIONS = {
	'Article frontmatter': ArticleSchema(z.string()),
	'Actor file': ActorSchema(),
	'Place file': PlaceSchema(),
} as const;

/** The parts of a zod 4 schema definition that lead to nested schemas. */
interface Definition {
	type: string;
	shape?: Record<string, z.ZodType>;
	element?: z.ZodType;
	innerType?: z.ZodType;
	in?: z.ZodType;
	out?: z.ZodType;
	options?: z.ZodType[];
}

/**
 * Every object in a schema, at its path as the checks name fields (`` for the entry, `quotes[]` for each quote),
 * with its field names: read from the schemas as they run, not from their source as the generator does.
 */
function objectsIn(schema: z.ZodType, path = '', found = new Map<string, string[]>()): Map<string, string[]> {
	const definition = (schema as unknown as { def: Definition }).def;
	if (definition.type === 'object' && definition.shape) {
		found.set(path, Object.keys(definition.shape));
		for (const [name, field] of Object.entries(definition.shape))
			objectsIn(field, path ? `${path}.${name}` : name, found);
	}
	if (definition.element) objectsIn(definition.element, `${path}[]`, found);
	for (const inner of [definition.innerType, definition.in, definition.out, ...(definition.options ?? [])]) {
		if (inner) objectsIn(inner, path, found);
	}
	return found;
}

/** The generated block of the guide. */
function referenceBlock(text: string): string {
	const start = text.indexOf(START_MARKER);
	const end = text.indexOf(END_MARKER);
	expect(start, `${GUIDE} has no ${START_MARKER}`).toBeGreaterThan(-1);
	expect(end, `${GUIDE} has no ${END_MARKER}`).toBeGreaterThan(start);
	return text.slice(start, end);
}

/** The fields the reference lists, by `<collection heading>:<object path>`. */
function documentedFields(block: string): Map<string, string[]> {
	const fields = new Map<string, string[]>();
	let collection = '';
	let key = '';
	for (const line of block.split('\n')) {
		const heading = /^### (.+)$/.exec(line);
		const nested = /^#### `([^`]+)`/.exec(line);
		const item = /^- `([^`]+)` \(/.exec(line);
		if (heading) {
			collection = heading[1] ?? '';
			key = `${collection}:`;
		} else if (nested) {
			key = `${collection}:${nested[1]}`;
		} else if (item) {
			fields.set(key, [...(fields.get(key) ?? []), item[1] ?? '']);
		}
	}
	return fields;
}

/** The fields every object schema needs, by `<collection heading>:<object path>`. */
function schemaFields(): Map<string, string[]> {
	const expected = new Map<string, string[]>();
	for (const [title, schema] of Object.entries(COLLECTIONS)) {
		for (const [path, fields] of objectsIn(schema)) expected.set(`${title}:${path}`, fields);
	}
	return expected;
}

/** The YAML of each ```yaml block that follows an `<!-- example: <collection> -->` line. */
function examples(collection: 'article' | 'actor' | 'place'): unknown[] {
	const pattern = new RegExp(`<!-- example: ${collection} -->\\s*\`\`\`yaml\\n([\\s\\S]*?)\\n\`\`\``, 'g');
	return [...guide.matchAll(pattern)].map((match) => parse(match[1] ?? ''));
}

/** Every field path an example uses, as `quotes[].speaker`. */
function pathsIn(value: unknown, path = '', found = new Set<string>()): Set<string> {
	if (Array.isArray(value)) {
		for (const item of value) pathsIn(item, `${path}[]`, found);
	} else if (value && typeof value === 'object' && !(value instanceof Date)) {
		for (const [key, inner] of Object.entries(value)) {
			const fieldPath = path ? `${path}.${key}` : key;
			found.add(fieldPath);
			pathsIn(inner, fieldPath, found);
		}
	}
	return found;
}

describe('the field reference in docs/editing.md', () => {
	test('lists every field of every object of both collections, and no field the schemas lack', () => {
		const documented = documentedFields(referenceBlock(guide));
		const expected = schemaFields();
		expect([...documented.keys()].sort()).toEqual([...expected.keys()].sort());
		for (const [key, fields] of expected) {
			expect(documented.get(key), `fields of ${key}`).toEqual(fields);
		}
	});

	test('covers every object schema in src/schemas, not only those the collections reach', async () => {
		const documented = [...documentedFields(referenceBlock(guide)).values()].map((fields) => [...fields].sort().join());
		const directory = resolve('src/schemas');
		for (const name of (await readdir(directory)).filter((file) => file.endsWith('.ts'))) {
			const module = (await import(/* @vite-ignore */ join(directory, name))) as Record<string, unknown>;
			for (const [exported, factory] of Object.entries(module)) {
				if (typeof factory !== 'function' || !exported.endsWith('Schema')) continue;
				for (const fields of objectsIn(factory(z.string()) as z.ZodType).values()) {
					expect(documented, `${name}: ${exported}`).toContain([...fields].sort().join());
				}
			}
		}
	});

	test('is what `npm run docs:fields` generates from the schemas now', async () => {
		expect(await updateGuide(guide), 'the schemas changed: run `npm run docs:fields` and commit docs/editing.md').toBe(
			guide,
		);
	});

	test('says whether each field may be left out, what it becomes then, and its type in words', () => {
		const block = referenceBlock(guide);
		expect(block).toContain('- `title` (required): text, at most 140 characters. The headline.');
		expect(block).toMatch(/^- `updated` \(optional\): a date and time with its time zone/m);
		expect(block).toMatch(/^- `keyFacts` \(required\): a list of texts, 3 to 5\. /m);
		expect(block).toMatch(
			/^- `quotes` \(optional, none when left out\): a list of \[quotes\]\(#quotes-each-quote\)\. /m,
		);
		expect(block).toMatch(/^- `translated` \(optional, `false` when left out\): `true` or `false`\. /m);
		expect(block).toMatch(/^- `speaker` \(required\): an actor id /m);
		expect(block).toMatch(/^#### `quotes\[\]`: each quote$/m);
		expect(block).toMatch(/^- `asOf` \(optional\): a day, `YYYY-MM-DD`/m);
		expect(block).toMatch(
			/^- `date` \(optional\): a date as precise as the source: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`\. /m,
		);
		expect(block).toMatch(
			/^- `summary` \(required\): text, at most 400 characters, or a list of \[dated summaries\]\(#summary-each-dated-summary\), at least 1\. /m,
		);
		expect(block).toMatch(/^- `coordinates` \(required\): a \[position\]\(#coordinates-the-position\)\. /m);
		expect(block).toContain('The checks also report, at `figures[].alt`: “a figure with an image needs alt text');
	});

	test('lists the values of every enumerated field', () => {
		const block = referenceBlock(guide);
		const listed = (values: readonly string[]) => `one of ${values.map((value) => `\`${value}\``).join(', ')}.`;
		expect(block).toMatch(new RegExp(`^- \`kind\` \\(required\\): ${escape(listed(ACTOR_KINDS))}`, 'm'));
		expect(block).toMatch(new RegExp(`^- \`relation\` \\(required\\): ${escape(listed(AFFILIATION_RELATIONS))}`, 'm'));
		expect(block).toMatch(new RegExp(`^- \`setting\` \\(required\\): ${escape(listed(QUOTE_SETTINGS))}`, 'm'));
		expect(block).toMatch(
			/^- `qualifier` \(optional, `on` when left out\): one of `on`, `before`, `after`, `about`\./m,
		);
	});
});

describe('the examples in docs/editing.md', () => {
	test.each([
		['article', 'Article frontmatter'],
		['actor', 'Actor file'],
		['place', 'Place file'],
	] as const)('of an %s are valid and use every field', (collection, title) => {
		const found = examples(collection);
		expect(found.length, `no <!-- example: ${collection} --> block`).toBeGreaterThan(0);
		const used = new Set<string>();
		for (const example of found) {
			const result = COLLECTIONS[title].safeParse(example);
			expect(result.error?.issues ?? []).toEqual([]);
			for (const path of pathsIn(example)) used.add(path);
		}
		const fields = [...objectsIn(COLLECTIONS[title])].flatMap(([path, names]) =>
			names.map((name) => (path ? `${path}.${name}` : name)),
		);
		expect(fields.filter((field) => !used.has(field))).toEqual([]);
	});
});

describe('the field reference generator', () => {
	/** An entry schema of one collection, described as the generator needs it. */
	const entry = (shape: Record<string, z.ZodType>) =>
		z.strictObject(shape).meta({ description: 'An entry.', file: 'src/schemas/entry.ts' });
	const describeEntry = (shape: Record<string, z.ZodType>) =>
		describeCollections([{ title: 'Entry', schema: entry(shape) }]);

	test('finds a description for every field and object of every collection', () => {
		for (const { title, objects } of describeCollections()) {
			for (const { path, meta, fields } of objects) {
				expect(meta.description, `${title}: ${path}`).toBeTruthy();
				expect(existsSync(meta.file ?? ''), `${title}: ${path} names its file`).toBe(true);
				for (const field of fields) expect(field.description, `${title}: ${path} ${field.name}`).toBeTruthy();
			}
		}
	});

	test('describes prose fields (src/schemas/prose.ts) as text, with the limit of `max`', () => {
		const [described] = describeEntry({
			title: ProseSchema({ max: 140 }).meta({ description: 'The headline.' }),
			caption: ProseSchema().optional().meta({ description: 'A caption.' }),
			keyFacts: z.array(ProseSchema()).min(3).max(5).meta({ description: 'Facts.' }),
		});
		expect(described?.objects[0]?.fields.map(({ name, presence, type }) => ({ name, presence, type }))).toEqual([
			{ name: 'title', presence: 'required', type: 'text, at most 140 characters' },
			{ name: 'caption', presence: 'optional', type: 'text' },
			{ name: 'keyFacts', presence: 'required', type: 'a list of texts, 3 to 5' },
		]);
	});

	test('refuses a field without a description, naming it', () => {
		const quote = z.globalRegistry.get(QuoteSchema());
		expect(() =>
			describeEntry({
				name: z.string(),
				quotes: z
					.array(z.strictObject({ ...QuoteSchema().shape, text: ProseSchema() }).meta(quote ?? {}))
					.meta({ description: 'Quotes.' }),
				coordinates: CoordinatesSchema(),
			}),
		).toThrow(
			/Entry: `name`: describe the field[\s\S]*Entry: `quotes\[\]\.text`: describe[\s\S]*Entry: `coordinates`: describe/,
		);
	});

	test('refuses a schema it cannot put into words, naming the field', () => {
		expect(() => describeEntry({ when: z.date().meta({ description: 'A date.' }) })).toThrow(
			/Entry: `when`: the field reference cannot put this date schema into words/,
		);
	});
});

function escape(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
