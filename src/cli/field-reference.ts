/**
 * `npm run docs:fields`: the field reference of docs/editing.md, generated from the schemas' source.
 *
 * Reads every file of `src/schemas/` with the TypeScript compiler API, finds each `z.strictObject({...})`, and
 * describes each field from its JSDoc comment and its zod chain: required, optional or defaulted, and its type in
 * words, with enumerated values listed. With `--write` it replaces the block between `<!-- fields:start -->` and
 * `<!-- fields:end -->` in docs/editing.md; without, it prints the block.
 *
 * It refuses (throws) rather than guess: a field without a JSDoc comment, a zod method or helper schema it cannot
 * put into words, or an object schema that no collection uses each stop it with what to fix.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { format, resolveConfig } from 'prettier';
import ts from 'typescript';
import { isMain } from './is-main';

const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const SCHEMAS_DIR = join(PROJECT_ROOT, 'src', 'schemas');
export const GUIDE_PATH = join(PROJECT_ROOT, 'docs', 'editing.md');
export const START_MARKER = '<!-- fields:start -->';
export const END_MARKER = '<!-- fields:end -->';

/** The collections, each from the schema factory of one entry, in the order the reference shows them. */
export const COLLECTIONS = [
	{ title: 'Article frontmatter', factory: 'ArticleSchema' },
	{ title: 'Actor file', factory: 'ActorSchema' },
	{ title: 'Place file', factory: 'PlaceSchema' },
] as const;

/** A `const X = ['a', 'b'] as const` list that `z.enum(X)` uses. */
interface EnumList {
	name: string;
	values: string[];
}

/** A `const xFields = () => ({ … })` in a schema file: fields that several object schemas spread into theirs. */
interface FieldGroup {
	name: string;
	literal: ts.ObjectLiteralExpression;
}

/** A `const XSchema = (…) => …` in a schema file. */
interface Factory {
	name: string;
	file: string;
	doc: string;
	parameters: string[];
	/** The `z.strictObject({…})` it returns (through `.refine()` and the like), if it returns an object. */
	object?: { literal: ts.ObjectLiteralExpression; rules: Rule[] } | undefined;
}

/** A cross-field rule of an object (`.refine(…, { message, path })`). */
export interface Rule {
	message: string;
	path?: string | undefined;
}

/** One field of an object schema, described. */
export interface FieldDoc {
	name: string;
	doc: string;
	/** `required`, `optional`, or the words for what a left-out field becomes. */
	presence: string;
	/** The type in words, e.g. `text, at most 140 characters`. */
	type: string;
	/** The object schema its value (or each of its items) is, when it is one. */
	nested?: ObjectDoc | undefined;
	/** Whether the nested object is the value of each item (`quotes[]`) or the value itself. */
	list: boolean;
	/** How many items a list takes, in words (`3 to 5`), when it is limited. */
	size: string;
	/** What else the field takes besides its nested object, in words (`text`), when it is a union. */
	otherwise?: string | undefined;
}

/** One object schema, described, with where it sits in its collection. */
export interface ObjectDoc {
	/** Where it sits, as the content checks name fields: `` for the entry, `quotes[]` for each quote. */
	path: string;
	factory: string;
	file: string;
	doc: string;
	noun: string;
	fields: FieldDoc[];
	rules: Rule[];
}

/** A described collection: its entry object, then every nested object in the order they are reached. */
export interface CollectionDoc {
	title: string;
	objects: ObjectDoc[];
}

/** Schemas built by helpers, in words: the helper's source is not a zod chain this file can read. */
const HELPER_WORDS: Record<string, (args: readonly string[]) => { one: string; many: string }> = {
	ReferenceSchema: ([collection = '']) => {
		const singular = collection.replace(/s$/, '');
		return {
			one: `an ${singular} id (a file name in \`content/${collection}/\`, without its extension)`,
			many: `${singular} ids (file names in \`content/${collection}/\`, without their extension)`,
		};
	},
	PartialDateSchema: () => ({
		one: 'a date as precise as the source: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`',
		many: 'dates, each `YYYY`, `YYYY-MM` or `YYYY-MM-DD`',
	}),
	DaySchema: () => ({
		one: 'a day, `YYYY-MM-DD`, e.g. `2023-12-25`',
		many: 'days, each `YYYY-MM-DD`',
	}),
	ZonedDateTimeSchema: () => ({
		one: 'a date and time with its time zone, e.g. `2024-01-30T20:00:00Z`',
		many: 'dates and times with their time zone',
	}),
};

/** Schema factory parameters, in words (`FigureSchema(image)` takes Astro's `image()`). */
const PARAMETER_WORDS: Record<string, { one: string; many: string }> = {
	image: { one: 'an image file', many: 'image files' },
};

/** Stops the generator with what to fix, where. */
class FieldReferenceError extends Error {
	override name = 'FieldReferenceError';
}

function fail(node: ts.Node, message: string): never {
	const source = node.getSourceFile();
	const { line, character } = source.getLineAndCharacterOfPosition(node.getStart(source));
	const where = `${relative(PROJECT_ROOT, source.fileName)}:${line + 1}:${character + 1}`;
	throw new FieldReferenceError(`${where}: ${message}`);
}

/** The JSDoc comment of a node, on one line; empty when it has none. */
function jsDocOf(node: ts.Node): string {
	const docs = ts.getJSDocCommentsAndTags(node).filter(ts.isJSDoc);
	return docs
		.map((doc) => ts.getTextOfJSDocComment(doc.comment) ?? '')
		.join(' ')
		.replace(/\s+/g, ' ')
		.trim();
}

function unwrap(expression: ts.Expression): ts.Expression {
	let current = expression;
	while (ts.isParenthesizedExpression(current) || ts.isAsExpression(current) || ts.isSatisfiesExpression(current)) {
		current = current.expression;
	}
	return current;
}

function stringLiteral(node: ts.Node | undefined): string | undefined {
	return node && (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) ? node.text : undefined;
}

/** `z.<name>(…)` or `z.coerce.<name>(…)`: the name, when the call is one. */
function zodCall(expression: ts.Expression): { name: string; coerce: boolean; call: ts.CallExpression } | undefined {
	if (!ts.isCallExpression(expression) || !ts.isPropertyAccessExpression(expression.expression)) return undefined;
	const callee = expression.expression;
	const target = callee.expression;
	if (ts.isIdentifier(target) && target.text === 'z')
		return { name: callee.name.text, coerce: false, call: expression };
	if (
		ts.isPropertyAccessExpression(target) &&
		ts.isIdentifier(target.expression) &&
		target.expression.text === 'z' &&
		target.name.text === 'coerce'
	) {
		return { name: callee.name.text, coerce: true, call: expression };
	}
	return undefined;
}

/** A zod chain as its base schema and the methods called on it, in source order. */
function splitChain(expression: ts.Expression): {
	base: ts.Expression;
	methods: { name: string; args: readonly ts.Expression[]; node: ts.CallExpression }[];
} {
	const methods: { name: string; args: readonly ts.Expression[]; node: ts.CallExpression }[] = [];
	let current = unwrap(expression);
	while (ts.isCallExpression(current) && ts.isPropertyAccessExpression(current.expression) && !zodCall(current)) {
		methods.unshift({ name: current.expression.name.text, args: current.arguments, node: current });
		current = unwrap(current.expression.expression);
	}
	return { base: current, methods };
}

/** The `z.strictObject({…})` a factory's body returns, with the rules refined onto it. */
function findObject(body: ts.Expression): Factory['object'] {
	const { base, methods } = splitChain(body);
	const zod = zodCall(base);
	if (!zod || (zod.name !== 'strictObject' && zod.name !== 'object')) return undefined;
	const literal = zod.call.arguments[0];
	if (!literal || !ts.isObjectLiteralExpression(literal)) fail(base, 'an object schema without an object literal');
	const rules = methods.flatMap(({ name, args, node }): Rule[] => {
		if (name !== 'refine' && name !== 'superRefine') fail(node, `\`.${name}()\` on an object schema is not described`);
		const options = args[1];
		if (!options || !ts.isObjectLiteralExpression(options)) return [];
		const property = (key: string) =>
			options.properties.find(
				(item): item is ts.PropertyAssignment =>
					ts.isPropertyAssignment(item) && ts.isIdentifier(item.name) && item.name.text === key,
			)?.initializer;
		const message = stringLiteral(property('message'));
		const path = property('path');
		const pathText =
			path && ts.isArrayLiteralExpression(path) ? path.elements.map((element) => stringLiteral(element)).join('.') : '';
		return message ? [{ message, path: pathText || undefined }] : [];
	});
	return { literal, rules };
}

/** The factory inside `once(() => …)` (src/utils/once.ts), which builds a schema a single time; else `expression`. */
function builtOnce(expression: ts.Expression): ts.Expression {
	if (
		ts.isCallExpression(expression) &&
		ts.isIdentifier(expression.expression) &&
		expression.expression.text === 'once'
	) {
		const [factory] = expression.arguments;
		if (factory) return unwrap(factory);
	}
	return expression;
}

/** Every schema factory and `as const` list in the schema files. */
export function readSchemaSources(directory = SCHEMAS_DIR): {
	factories: Map<string, Factory>;
	enums: Map<string, EnumList>;
	fieldGroups: Map<string, FieldGroup>;
} {
	const factories = new Map<string, Factory>();
	const enums = new Map<string, EnumList>();
	const fieldGroups = new Map<string, FieldGroup>();
	const files = readdirSync(directory)
		.filter((name) => name.endsWith('.ts'))
		.sort();
	for (const name of files) {
		const path = join(directory, name);
		const source = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true);
		for (const statement of source.statements) {
			if (!ts.isVariableStatement(statement)) continue;
			for (const declaration of statement.declarationList.declarations) {
				if (!ts.isIdentifier(declaration.name) || !declaration.initializer) continue;
				const id = declaration.name.text;
				const initializer = builtOnce(unwrap(declaration.initializer));
				if (ts.isArrayLiteralExpression(initializer)) {
					const values = initializer.elements.map((element) => stringLiteral(element));
					if (values.every((value) => value !== undefined)) enums.set(id, { name: id, values });
				} else if (ts.isArrowFunction(initializer) && /Fields$/.test(id)) {
					const body = ts.isExpression(initializer.body) ? unwrap(initializer.body) : undefined;
					if (!body || !ts.isObjectLiteralExpression(body)) fail(initializer, `${id} must return an object of fields`);
					fieldGroups.set(id, { name: id, literal: body });
				} else if (ts.isArrowFunction(initializer) && /Schema$/.test(id)) {
					if (!ts.isExpression(initializer.body)) fail(initializer, `${id} must return its schema directly`);
					factories.set(id, {
						name: id,
						file: relative(PROJECT_ROOT, path),
						doc: jsDocOf(declaration),
						parameters: initializer.parameters.map((parameter) => parameter.name.getText(source)),
						object: findObject(initializer.body),
					});
				}
			}
		}
	}
	return { factories, enums, fieldGroups };
}

/** `summary` → `summaries`, `role` → `roles`. */
const plural = (noun: string) => (/[^aeiou]y$/.test(noun) ? `${noun.slice(0, -1)}ies` : `${noun}s`);

/** `TimelineEventSchema` → `timeline event`. */
function nounOf(factory: string): string {
	return factory
		.replace(/Schema$/, '')
		.replace(/([a-z])([A-Z])/g, '$1 $2')
		.toLowerCase();
}

const code = (text: string) => `\`${text}\``;
/** `a quote`, `an affiliation` (also when the noun is a Markdown link). */
const withArticle = (noun: string) => `${/^\[?[aeiou]/i.test(noun) ? 'an' : 'a'} ${noun}`;
const count = (min: number | undefined, max: number | undefined) =>
	min !== undefined && max !== undefined
		? `${min} to ${max}`
		: min !== undefined
			? `at least ${min}`
			: max !== undefined
				? `at most ${max}`
				: '';

function numberArgument(node: ts.CallExpression, args: readonly ts.Expression[]): number {
	const [first] = args;
	if (first && ts.isPrefixUnaryExpression(first) && first.operator === ts.SyntaxKind.MinusToken) {
		if (ts.isNumericLiteral(first.operand)) return -Number(first.operand.text);
	}
	if (!first || !ts.isNumericLiteral(first)) fail(node, 'write the limit as a number literal');
	return Number(first.text);
}

/** What a left-out field becomes, in words, from the source of its `.default(…)`. */
function defaultWords(node: ts.CallExpression, args: readonly ts.Expression[]): string {
	const [value] = args;
	if (!value) fail(node, '`.default()` without a value');
	const unwrapped = unwrap(value);
	if (ts.isArrayLiteralExpression(unwrapped) && unwrapped.elements.length === 0) return 'none when left out';
	const text = stringLiteral(unwrapped);
	if (text !== undefined) return `${code(text)} when left out`;
	if (unwrapped.kind === ts.SyntaxKind.TrueKeyword || unwrapped.kind === ts.SyntaxKind.FalseKeyword) {
		return `${code(unwrapped.getText())} when left out`;
	}
	if (ts.isNumericLiteral(unwrapped)) return `${unwrapped.text} when left out`;
	fail(value, 'a default the field reference cannot put into words');
}

interface Described {
	one: string;
	many: string;
	presence: string;
	size?: string | undefined;
	nested?: { factory: Factory; list: boolean } | undefined;
	otherwise?: string | undefined;
}

/** A field's zod expression in words. */
function describe(
	expression: ts.Expression,
	context: { factories: Map<string, Factory>; enums: Map<string, EnumList>; parameters: readonly string[] },
): Described {
	const { base, methods } = splitChain(expression);
	let presence = 'required';
	let min: number | undefined;
	let max: number | undefined;
	let idPattern = false;
	let patternMessage: string | undefined;
	let whole = false;
	let url = false;
	for (const { name, args, node } of methods) {
		if (name === 'optional') presence = 'optional';
		else if (name === 'default') presence = `optional, ${defaultWords(node, args)}`;
		else if (name === 'min') min = numberArgument(node, args);
		else if (name === 'max') max = numberArgument(node, args);
		else if (name === 'length') min = max = numberArgument(node, args);
		else if (name === 'nonempty') min = Math.max(min ?? 0, 1);
		else if (name === 'int') whole = true;
		else if (name === 'url') url = true;
		// A transform changes what the site reads, not what the editor writes, which is what the reference describes.
		else if (name === 'trim' || name === 'transform') continue;
		else if (name === 'regex') {
			const [pattern, message] = args;
			if (pattern && ts.isIdentifier(pattern) && pattern.text === 'ID_PATTERN') idPattern = true;
			else patternMessage = stringLiteral(message);
		} else
			fail(
				node,
				`the field reference cannot put \`.${name}()\` into words: teach describe() in ${basename(import.meta.url)}`,
			);
	}

	const limited = (described: Omit<Described, 'presence'>): Described => ({ ...described, presence });
	const zod = zodCall(base);
	if (zod) {
		const [argument] = zod.call.arguments;
		switch (zod.coerce ? `coerce.${zod.name}` : zod.name) {
			case 'url':
				return limited({ one: 'a web address, e.g. `https://example.org/page`', many: 'web addresses' });
			case 'string': {
				if (url) return limited({ one: 'a web address, e.g. `https://example.org/page`', many: 'web addresses' });
				if (idPattern) {
					return limited({
						one: 'an id of lower-case words joined by hyphens',
						many: 'ids, each lower-case words joined by hyphens',
					});
				}
				return limited(textWords(min, max, patternMessage));
			}
			case 'boolean':
				return limited({ one: '`true` or `false`', many: '`true` or `false` values' });
			case 'number': {
				const range = min !== undefined && max !== undefined ? `, from ${min} to ${max}` : count(min, max);
				const noun = whole ? 'whole number' : 'number';
				return limited({
					one: `a ${noun}${range && !range.startsWith(',') ? `, ${range}` : range}`,
					many: plural(noun),
				});
			}
			case 'literal': {
				const value = argument && (stringLiteral(argument) ?? argument.getText());
				if (!value) fail(base, '`z.literal()` without a value');
				return limited({ one: `exactly ${code(value)}`, many: `${code(value)} values` });
			}
			case 'coerce.date':
			case 'date':
				return limited({
					one: 'a date and time with its time zone, e.g. `2024-01-31T09:00:00Z`',
					many: 'dates and times with their time zone',
				});
			case 'enum': {
				const values =
					argument && ts.isIdentifier(argument)
						? context.enums.get(argument.text)?.values
						: argument && ts.isArrayLiteralExpression(argument)
							? argument.elements.map((element) => stringLiteral(element) ?? '')
							: undefined;
				if (!values || values.some((value) => !value)) fail(base, 'an enum whose values are not a string list');
				const list = values.map(code).join(', ');
				return limited({ one: `one of ${list}`, many: `values, each one of ${list}` });
			}
			case 'array': {
				if (!argument) fail(base, '`z.array()` without an item schema');
				const item = describe(argument, context);
				const size = count(min, max);
				const words = `a list of ${item.many}${size ? `, ${size}` : ''}`;
				return {
					one: words,
					many: `lists of ${item.many}`,
					presence,
					size,
					nested: item.nested ? { factory: item.nested.factory, list: true } : undefined,
				};
			}
			case 'union': {
				if (!argument || !ts.isArrayLiteralExpression(argument)) fail(base, '`z.union()` without a list of options');
				const options = argument.elements.map((element) => describe(element, context));
				const nested = options.find((option) => option.nested);
				return {
					...limited({
						one: options.map((option) => option.one).join(', or '),
						many: options.map((option) => option.many).join(' or '),
					}),
					...(nested
						? {
								nested: nested.nested,
								size: nested.size,
								otherwise: options
									.filter((option) => option !== nested)
									.map((option) => option.one)
									.join(', or '),
							}
						: {}),
				};
			}
			default:
				fail(base, `the field reference cannot put \`z.${zod.name}()\` into words: teach describe()`);
		}
	}
	if (ts.isCallExpression(base) && ts.isIdentifier(base.expression)) {
		const name = base.expression.text;
		// Prose is text as the editor types it (src/schemas/prose.ts); its limit is counted on what was typed.
		if (name === 'ProseSchema') return limited(textWords(1, proseMax(base), undefined));
		const factory = context.factories.get(name);
		if (factory?.object) {
			const noun = nounOf(name);
			return { one: withArticle(noun), many: plural(noun), presence, nested: { factory, list: false } };
		}
		const helper = HELPER_WORDS[name];
		if (!helper) fail(base, `the field reference has no words for \`${name}()\`: add it to HELPER_WORDS`);
		return limited(helper(base.arguments.map((arg) => stringLiteral(arg) ?? '')));
	}
	if (ts.isIdentifier(base) && context.parameters.includes(base.text)) {
		const words = PARAMETER_WORDS[base.text];
		if (!words) fail(base, `the field reference has no words for the parameter \`${base.text}\``);
		return limited(words);
	}
	fail(base, 'the field reference cannot put this schema into words');
}

/** Text in words: `text`, `text, at most 140 characters`; at least one character goes without saying. */
function textWords(min: number | undefined, max: number | undefined, patternMessage: string | undefined) {
	const length = count(min === 1 ? undefined : min, max);
	const words = `text${length ? `, ${length} characters` : ''}${patternMessage ? ` (${patternMessage})` : ''}`;
	return { one: words, many: `texts${length ? ` of ${length} characters` : ''}` };
}

/** The `max` of a `ProseSchema({ max: 140 })` call; undefined for `ProseSchema()`. */
function proseMax(call: ts.CallExpression): number | undefined {
	const [options, ...rest] = call.arguments;
	if (!options) return undefined;
	if (rest.length > 0 || !ts.isObjectLiteralExpression(options))
		fail(call, 'write a prose field as `ProseSchema()` or `ProseSchema({ max: <number> })`');
	let max: number | undefined;
	for (const property of options.properties) {
		if (!ts.isPropertyAssignment(property) || !ts.isIdentifier(property.name) || property.name.text !== 'max')
			fail(property, 'the field reference knows only the `max` option of `ProseSchema()`');
		if (!ts.isNumericLiteral(property.initializer)) fail(property, 'write the limit as a number literal');
		max = Number(property.initializer.text);
	}
	return max;
}

/** Deeper than this, an object schema is taken to contain itself. */
const MAX_DEPTH = 5;

/** Every collection, described from the schema sources. */
export function describeCollections(directory = SCHEMAS_DIR): CollectionDoc[] {
	const { factories, enums, fieldGroups } = readSchemaSources(directory);
	/** An object literal's fields, with those of the groups it spreads (`...datedFields()`) in their place. */
	const fieldsOf = (literal: ts.ObjectLiteralExpression): ts.ObjectLiteralElementLike[] =>
		literal.properties.flatMap((property) => {
			if (!ts.isSpreadAssignment(property)) return [property];
			const call = unwrap(property.expression);
			const group =
				ts.isCallExpression(call) && ts.isIdentifier(call.expression)
					? fieldGroups.get(call.expression.text)
					: undefined;
			if (!group) fail(property, 'spread only a `…Fields()` group of fields from src/schemas/');
			return fieldsOf(group.literal);
		});
	const used = new Set<string>();
	const missingDocs: string[] = [];

	const describeObject = (factory: Factory, path: string, objects: ObjectDoc[]): ObjectDoc => {
		const object = factory.object;
		if (!object) throw new FieldReferenceError(`${factory.name} does not return an object schema`);
		used.add(factory.name);
		if (!factory.doc) missingDocs.push(`${factory.file}: ${factory.name}`);
		const doc: ObjectDoc = {
			path,
			factory: factory.name,
			file: factory.file,
			doc: factory.doc,
			noun: nounOf(factory.name),
			fields: [],
			rules: object.rules,
		};
		objects.push(doc);
		const children: { factory: Factory; path: string; field: FieldDoc }[] = [];
		for (const property of fieldsOf(object.literal)) {
			if (
				!ts.isPropertyAssignment(property) ||
				!(ts.isIdentifier(property.name) || ts.isStringLiteral(property.name))
			) {
				fail(property, 'write each field as `name: schema`');
			}
			const name = property.name.text;
			const fieldDoc = jsDocOf(property);
			if (!fieldDoc) missingDocs.push(`${factory.file}: ${factory.name} field \`${name}\``);
			const described = describe(property.initializer, { factories, enums, parameters: factory.parameters });
			const field: FieldDoc = {
				name,
				doc: fieldDoc,
				presence: described.presence,
				type: described.one,
				list: described.nested?.list ?? false,
				size: described.size ?? '',
				otherwise: described.otherwise,
			};
			doc.fields.push(field);
			if (described.nested) {
				children.push({
					factory: described.nested.factory,
					path: `${path ? `${path}.` : ''}${name}${described.nested.list ? '[]' : ''}`,
					field,
				});
			}
		}
		for (const child of children) {
			if (child.path.split('.').length > MAX_DEPTH)
				fail(object.literal, `objects nest deeper than ${MAX_DEPTH} levels`);
			child.field.nested = describeObject(child.factory, child.path, objects);
		}
		return doc;
	};

	const collections = COLLECTIONS.map(({ title, factory: name }) => {
		const factory = factories.get(name);
		if (!factory) throw new FieldReferenceError(`no ${name} in ${relative(PROJECT_ROOT, directory)}`);
		const objects: ObjectDoc[] = [];
		describeObject(factory, '', objects);
		return { title, objects };
	});

	if (missingDocs.length > 0) {
		throw new FieldReferenceError(
			`add a JSDoc comment (/** … */) to each of these, so the field reference can explain it:\n  ${missingDocs.join('\n  ')}`,
		);
	}
	const unused = [...factories.values()].filter((factory) => factory.object && !used.has(factory.name));
	if (unused.length > 0) {
		throw new FieldReferenceError(
			`${unused.map((factory) => `${factory.name} (${factory.file})`).join(', ')} is in no collection: ` +
				`add it to COLLECTIONS in src/cli/field-reference.ts or use it from a schema that is`,
		);
	}
	return collections;
}

/** Markdown text from a JSDoc comment: `<relation>` outside code would read as an HTML tag. */
function markdownText(text: string): string {
	return text
		.split(/(`[^`]*`)/)
		.map((part, index) => (index % 2 === 1 ? part : part.replace(/</g, '\\<')))
		.join('');
}

/** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens, repeats numbered. */
function anchors(): (heading: string) => string {
	const seen = new Map<string, number>();
	return (heading) => {
		const slug = heading
			.toLowerCase()
			.replace(/[^\p{L}\p{N}\- _]/gu, '')
			.replace(/ /g, '-');
		const times = seen.get(slug) ?? 0;
		seen.set(slug, times + 1);
		return times === 0 ? slug : `${slug}-${times}`;
	};
}

const sentence = (text: string) => (text && !/[.!?…]$/.test(text) ? `${text}.` : text);

/** The reference as Markdown, without the markers (not yet formatted by Prettier). */
export function renderReference(collections = describeCollections()): string {
	const anchor = anchors();
	const headingOf = (object: ObjectDoc) => `${code(object.path)}: each ${object.noun}`;
	const lines: string[] = [
		'<!-- Generated from src/schemas/ by `npm run docs:fields`: edit the schemas and their comments, then run it again. -->',
		'',
	];
	for (const collection of collections) {
		const headingAnchors = new Map<ObjectDoc, string>();
		const headings = collection.objects.map((object, index) => {
			const heading = index === 0 ? collection.title : headingOf(object);
			headingAnchors.set(object, anchor(heading));
			return heading;
		});
		collection.objects.forEach((object, index) => {
			lines.push(`${index === 0 ? '###' : '####'} ${headings[index]}`, '');
			lines.push(`${sentence(markdownText(object.doc))} From ${code(object.file)}.`, '');
			for (const field of object.fields) {
				const link = (noun: string) => `[${noun}](#${headingAnchors.get(field.nested as ObjectDoc)})`;
				const type = !field.nested
					? field.type
					: `${field.otherwise ? `${field.otherwise}, or ` : ''}${
							field.list
								? `a list of ${link(plural(field.nested.noun))}${field.size ? `, ${field.size}` : ''}`
								: withArticle(link(field.nested.noun))
						}`;
				lines.push(`- ${code(field.name)} (${field.presence}): ${type}. ${sentence(markdownText(field.doc))}`);
			}
			lines.push('');
			for (const rule of object.rules) {
				const at = rule.path ? `, at ${code(object.path ? `${object.path}.${rule.path}` : rule.path)}` : '';
				lines.push(`The checks also report${at}: “${markdownText(rule.message)}”.`, '');
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
	const updated = `${guide.slice(0, start + START_MARKER.length)}\n\n${reference.trim()}\n\n${guide.slice(end)}`;
	return formatGuide(updated);
}

/** The reference block alone, formatted as it would be in the guide. */
export async function formattedReference(): Promise<string> {
	return formatGuide(renderReference());
}

async function main(args: readonly string[]): Promise<number> {
	try {
		if (args.includes('--write')) {
			const guide = readFileSync(GUIDE_PATH, 'utf8');
			const updated = await updateGuide(guide);
			if (updated === guide) {
				process.stdout.write(`${relative(process.cwd(), GUIDE_PATH)}: the field reference is up to date.\n`);
			} else {
				writeFileSync(GUIDE_PATH, updated);
				process.stdout.write(`${relative(process.cwd(), GUIDE_PATH)}: field reference updated.\n`);
			}
		} else {
			process.stdout.write(await formattedReference());
		}
		return 0;
	} catch (error) {
		if (!(error instanceof FieldReferenceError)) throw error;
		process.stderr.write(`docs:fields: ${error.message}\n`);
		return 1;
	}
}

if (isMain(import.meta.url)) {
	process.exitCode = await main(process.argv.slice(2));
}
