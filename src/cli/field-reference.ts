/**
 * `npm run docs:fields`: the field reference of docs/editing.md, generated from the schemas' metadata.
 *
 * Walks each collection's zod schema as it runs and lists every field: its description (`.meta({ description })`),
 * whether it is required, optional or defaulted (what editors type, before transforms and defaults), and its type
 * in words. Each nested object gets a section of its own from its `.meta({ title, description, file })`, with the
 * messages of its `.refine()` rules. Helper schemas say what they are: `.meta({ format })`, or `.meta({ collection })`
 * for references. With `--write` it replaces the block between `<!-- fields:start -->` and `<!-- fields:end -->` in
 * docs/editing.md; without, it prints the block. It refuses (throws) rather than guess: a field or object without a
 * description, or a schema it cannot put into words, stops it with what to fix.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'astro/zod';
import GithubSlugger from 'github-slugger';
import { format, resolveConfig } from 'prettier';
import { ActorSchema } from '../schemas/actor';
import { ArticleSchema } from '../schemas/article';
import { PlaceSchema } from '../schemas/place';
import { ID_PATTERN } from '../schemas/reference';
import { ranAsCommand } from './ran-as-command';

const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const GUIDE_PATH = join(PROJECT_ROOT, 'docs', 'editing.md');
export const START_MARKER = '<!-- fields:start -->';
export const END_MARKER = '<!-- fields:end -->';

/** The collections in the order the reference shows them; a string stands in for Astro's `image()`. */
export const COLLECTIONS: readonly { title: string; schema: z.core.$ZodObject }[] = [
	{ title: 'Article frontmatter', schema: ArticleSchema(z.string().meta({ format: 'image' })) },
	{ title: 'Actor file', schema: ActorSchema() },
	{ title: 'Place file', schema: PlaceSchema() },
];

/** Helper schemas in words, by their `.meta({ format })`: one value, and several. */
const FORMATS: Record<string, { one: string; many: string }> = {
	'partial-date': {
		one: 'a date as precise as the source: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`',
		many: 'dates, each `YYYY`, `YYYY-MM` or `YYYY-MM-DD`',
	},
	day: { one: 'a day, `YYYY-MM-DD`, e.g. `2023-12-25`', many: 'days, each `YYYY-MM-DD`' },
	'zoned-date-time': {
		one: 'a date and time with its time zone, e.g. `2024-01-30T20:00:00Z`',
		many: 'dates and times with their time zone',
	},
	image: { one: 'an image file', many: 'image files' },
};

/** The metadata the reference reads. */
type Meta = Partial<Record<'title' | 'description' | 'file' | 'format' | 'collection', string>>;

type Schema = z.core.$ZodType;
const metaOf = (schema: Schema): Meta => (z.globalRegistry.get(schema) ?? {}) as Meta;
const defOf = (schema: Schema) => (schema as z.core.$ZodTypes)._zod.def;

/** One object schema, described: the entry (path ``) or a nested object (`quotes[]`, `coordinates`). */
export interface ObjectDoc {
	path: string;
	heading: string;
	anchor: string;
	meta: Meta;
	fields: { name: string; presence: string; type: string; description: string }[];
	rules: { message: string; path: string }[];
}

/** Stops the generator with what to fix. */
class FieldReferenceError extends Error {}

const code = (text: string) => `\`${text}\``;
/** `summary` → `summaries`, `role` → `roles`. */
const plural = (noun: string) => (/[^aeiou]y$/.test(noun) ? `${noun.slice(0, -1)}ies` : `${noun}s`);
/** `a quote`, `an affiliation` (also when the noun is a Markdown link). */
const withArticle = (noun: string) => `${/^\[?[aeiou]/i.test(noun) ? 'an' : 'a'} ${noun}`;
function count(min: number | undefined, max: number | undefined): string {
	if (min !== undefined && max !== undefined) return min === max ? `exactly ${min}` : `${min} to ${max}`;
	if (min !== undefined) return `at least ${min}`;
	return max !== undefined ? `at most ${max}` : '';
}

/** Every collection, described from its schema; every object in the order the fields reach them. */
export function describeCollections(collections = COLLECTIONS): { title: string; objects: ObjectDoc[] }[] {
	// The guide is read on GitHub: each section's link must be the anchor GitHub gives its heading.
	const slugger = new GithubSlugger();
	const problems: string[] = [];
	const described = collections.map(({ title, schema }) => {
		const objects: ObjectDoc[] = [];
		const where = (path: string) => `${title}: ${path ? code(path) : 'the entry'}`;

		/** An object and its fields, listed after those reached before it; the objects its fields hold follow it. */
		const describeObject = (object: z.core.$ZodObject, path: string): ObjectDoc => {
			// `.meta()` on a field clones the object it holds: the object's own metadata is then the original's.
			const parent = object._zod.parent;
			const meta = metaOf(parent && metaOf(parent).description ? parent : object);
			const heading = path ? `${code(path)}: ${path.endsWith('[]') ? 'each' : 'the'} ${meta.title}` : title;
			const doc: ObjectDoc = { path, heading, anchor: slugger.slug(heading), meta, fields: [], rules: [] };
			if (!meta.description || (path && !meta.title)) {
				problems.push(`${where(path)}: describe the object with .meta({ title, description, file })`);
			}
			objects.push(doc);
			for (const [name, field] of Object.entries(object._zod.def.shape)) {
				const fieldPath = path ? `${path}.${name}` : name;
				const def = defOf(field);
				let presence = 'required';
				let value = field;
				if (def.type === 'optional') [presence, value] = ['optional', def.innerType];
				if (def.type === 'default') {
					const fallback: unknown = def.defaultValue;
					const words =
						Array.isArray(fallback) && fallback.length === 0
							? 'none'
							: code(typeof fallback === 'object' ? JSON.stringify(fallback) : String(fallback));
					[presence, value] = [`optional, ${words} when left out`, def.innerType];
				}
				const type = wordsFor(value, fieldPath).one;
				const { description } = metaOf(field);
				// A field holding an object without a description of its own would show the object's.
				if (!description || description === objects.find((other) => other.path === fieldPath)?.meta.description) {
					problems.push(`${where(fieldPath)}: describe the field with .meta({ description })`);
				}
				doc.fields.push({ name, presence, type, description: description ?? '' });
			}
			for (const check of object._zod.def.checks ?? []) {
				const rule = check._zod.def as { path?: PropertyKey[]; error?: (issue: never) => unknown };
				const said = rule.error?.(undefined as never);
				const message = typeof said === 'string' ? said : (said as { message?: string } | undefined)?.message;
				if (!message) problems.push(`${where(path)}: give each .refine() a message`);
				else doc.rules.push({ message, path: [path, ...(rule.path ?? [])].filter(Boolean).join('.') });
			}
			return doc;
		};

		/** A schema as editors type it, in words; nested objects are listed and linked. */
		const wordsFor = (schema: Schema, path: string): { one: string; many: string } => {
			const meta = metaOf(schema);
			if (meta.collection) {
				const noun = meta.collection.replace(/s$/, '');
				const folder = code(`content/${meta.collection}/`);
				return {
					one: `${withArticle(noun)} id (a file name in ${folder}, without its extension)`,
					many: `${noun} ids (file names in ${folder}, without their extension)`,
				};
			}
			if (meta.format) {
				const known = FORMATS[meta.format];
				if (!known) throw new FieldReferenceError(`${where(path)}: add the format "${meta.format}" to FORMATS`);
				return known;
			}
			const def = defOf(schema);
			const json = () => z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' });
			switch (def.type) {
				case 'pipe': // A transform changes what the site reads, not what the editor types.
					return wordsFor(defOf(def.in).type === 'transform' ? def.out : def.in, path);
				case 'object': {
					const { anchor, meta } = describeObject(schema as z.core.$ZodObject, path);
					const link = (text: string) => `[${text}](#${anchor})`;
					return { one: withArticle(link(meta.title ?? '')), many: link(plural(meta.title ?? '')) };
				}
				case 'array': {
					const item = wordsFor(def.element, `${path}[]`);
					const { minItems, maxItems } = json();
					const size = count(minItems, maxItems);
					return { one: `a list of ${item.many}${size ? `, ${size}` : ''}`, many: `lists of ${item.many}` };
				}
				case 'union': {
					const options = def.options.map((option) => wordsFor(option, path));
					return {
						one: options.map((option) => option.one).join(', or '),
						many: options.map((option) => option.many).join(' or '),
					};
				}
				case 'enum': {
					const values = Object.values(def.entries).map(String).map(code).join(', ');
					return { one: `one of ${values}`, many: `values, each one of ${values}` };
				}
				case 'boolean':
					return { one: '`true` or `false`', many: '`true` or `false` values' };
				case 'number': {
					const { type, minimum, maximum } = json();
					if (type !== 'number') break;
					const range =
						minimum !== undefined && maximum !== undefined ? `from ${minimum} to ${maximum}` : count(minimum, maximum);
					return { one: `a number${range ? `, ${range}` : ''}`, many: 'numbers' };
				}
				case 'string': {
					const { format, pattern, minLength, maxLength } = json();
					if (format === 'uri') return { one: 'a web address, e.g. `https://example.org/page`', many: 'web addresses' };
					if (pattern === ID_PATTERN.source) {
						return {
							one: 'an id of lower-case words joined by hyphens',
							many: 'ids, each lower-case words joined by hyphens',
						};
					}
					if (pattern || format) break;
					// At least one character goes without saying.
					const length = count(minLength === 1 ? undefined : minLength, maxLength);
					return {
						one: `text${length ? `, ${length} characters` : ''}`,
						many: `texts${length ? ` of ${length} characters` : ''}`,
					};
				}
			}
			throw new FieldReferenceError(
				`${where(path)}: the field reference cannot put this ${def.type} schema into words; teach wordsFor() in src/cli/field-reference.ts`,
			);
		};

		describeObject(schema, '');
		return { title, objects };
	});
	if (problems.length > 0) {
		throw new FieldReferenceError(`these need a description for the field reference:\n  ${problems.join('\n  ')}`);
	}
	return described;
}

/** Markdown text from a description: `<relation>` outside code would read as an HTML tag. */
function markdownText(text: string): string {
	return text
		.split(/(`[^`]*`)/)
		.map((part, index) => (index % 2 === 1 ? part : part.replace(/</g, '\\<')))
		.join('');
}

const sentence = (text: string) => (text && !/[.!?…]$/.test(text) ? `${text}.` : text);

/** The reference as Markdown, without the markers (not yet formatted by Prettier). */
export function renderReference(collections = describeCollections()): string {
	const lines = [
		'<!-- Generated from src/schemas/ by `npm run docs:fields`: edit the schemas and the descriptions in their `.meta()`, then run it again. -->',
		'',
	];
	for (const { objects } of collections) {
		objects.forEach(({ heading, meta, fields, rules }, index) => {
			lines.push(`${index === 0 ? '###' : '####'} ${heading}`, '');
			lines.push(
				`${sentence(markdownText(meta.description ?? ''))}${meta.file ? ` From ${code(meta.file)}.` : ''}`,
				'',
			);
			for (const field of fields) {
				lines.push(
					`- ${code(field.name)} (${field.presence}): ${field.type}. ${sentence(markdownText(field.description))}`,
				);
			}
			lines.push('');
			for (const rule of rules) {
				lines.push(
					`The checks also report${rule.path ? `, at ${code(rule.path)}` : ''}: “${markdownText(rule.message)}”.`,
					'',
				);
			}
		});
	}
	return lines.join('\n');
}

/** Prettier, with the options the project uses for docs/editing.md. */
async function formatGuide(text: string): Promise<string> {
	const options = (await resolveConfig(GUIDE_PATH)) ?? {};
	return format(text, { ...options, filepath: GUIDE_PATH });
}

/** The guide's text with its reference block replaced by a freshly generated one, formatted as committed. */
export async function updateGuide(guide: string, reference = renderReference()): Promise<string> {
	const start = guide.indexOf(START_MARKER);
	const end = guide.indexOf(END_MARKER);
	if (start === -1 || end === -1 || end < start) {
		throw new FieldReferenceError(
			`${relative(PROJECT_ROOT, GUIDE_PATH)} needs the lines ${START_MARKER} and ${END_MARKER}`,
		);
	}
	return formatGuide(`${guide.slice(0, start + START_MARKER.length)}\n\n${reference.trim()}\n\n${guide.slice(end)}`);
}

async function main(args: readonly string[]): Promise<number> {
	try {
		if (!args.includes('--write')) {
			process.stdout.write(await formatGuide(renderReference()));
			return 0;
		}
		const guide = readFileSync(GUIDE_PATH, 'utf8');
		const updated = await updateGuide(guide);
		if (updated !== guide) writeFileSync(GUIDE_PATH, updated);
		const said = updated === guide ? 'the field reference is up to date' : 'field reference updated';
		process.stdout.write(`${relative(process.cwd(), GUIDE_PATH)}: ${said}.\n`);
		return 0;
	} catch (error) {
		if (!(error instanceof FieldReferenceError)) throw error;
		process.stderr.write(`docs:fields: ${error.message}\n`);
		return 1;
	}
}

if (ranAsCommand(import.meta)) {
	process.exitCode = await main(process.argv.slice(2));
}
