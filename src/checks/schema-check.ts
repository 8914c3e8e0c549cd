import { z } from 'astro/zod';
import { ActorSchema } from '../schemas/actor';
import { ArticleSchema } from '../schemas/article';
import { PlaceSchema } from '../schemas/place';
import { oncePerFile, problemAt, problemAtPosition, OWN_FILE, scoped, sourceAt } from './check';
import type { Collection, ContentFile } from './content-files';
import { lookAlikeIn } from './look-alikes';
import { PLACEHOLDER } from './placeholder-check';
import { count, fieldName, shorten } from './problem';
import { closest, didYouMean } from './suggest';

const schemas = { articles: ArticleSchema(z.string()), actors: ActorSchema(), places: PlaceSchema() };

/** What each collection's schema makes of a valid file: defaults filled in, references as `{ collection, id }`. */
type CheckedData = { [C in Collection]: z.output<(typeof schemas)[C]> };

type Parsed = ReturnType<(typeof schemas)[Collection]['safeParse']>;

/**
 * Each file's schema result, kept so that what reads the files after the checks need not parse them again; `thrown`
 * when a schema rule threw on a value of the wrong kind (a rule over two fields reading one that failed its own
 * check), which must not stop the checks of every other file.
 */
const validate = oncePerFile((file): Parsed | { success: false; thrown: string } => {
	try {
		return withAstrosReading(file, schemas[file.collection].safeParse(file.data));
	} catch (error) {
		return { success: false, thrown: error instanceof Error ? error.message : String(error) };
	}
});

/**
 * A result that also holds the issues of the fields as Astro reads them (astro-yaml.ts), which only it would find:
 * a plain `dek: 2024-01-01` is a date to Astro, and stops its build.
 */
function withAstrosReading(file: ContentFile, result: Parsed): Parsed {
	if (file.astroData === undefined) return result;
	const astro = schemas[file.collection].safeParse(file.astroData);
	if (astro.success) return result;
	const issues = result.success ? [] : result.error.issues;
	const known = new Set(issues.map((issue) => issue.path.join('.')));
	const added = astro.error.issues.filter((issue) => !known.has(issue.path.join('.')));
	return added.length === 0 ? result : ({ success: false, error: new z.ZodError([...issues, ...added]) } as Parsed);
}

/** How to fix a schema issue that carries no advice of its own, from what the schema expected. */
function hintFor(file: ContentFile, issue: z.core.$ZodIssue, value: unknown): string {
	const field = fieldName(issue.path) || file.collection;
	const reference = `see \`${field}\` in the field reference of docs/editing.md`;
	switch (issue.code) {
		case 'invalid_type': {
			const write: Partial<Record<string, string>> = {
				array: `write a list: each item on a line of its own, starting with \`- \`, indented under the field${
					value === null && mayLeaveOut(file, issue.path) ? ', or leave the field out' : ''
				}`,
				object: `write its fields, each \`name: value\` on a line of its own, indented under it; ${reference}`,
				string:
					value === null
						? `write the text${mayLeaveOut(file, issue.path) ? ', or leave the field out' : ''}`
						: value && typeof value === 'object' && !Array.isArray(value)
							? textReadAsFieldHint(value)
							: 'write text here; put it in quotes when YAML would read it as a number, a date, true or false',
				number: numberHint(value),
				boolean: 'write true or false',
			};
			// Text where the list's items take fields: most likely the item's main field, as `- AP` for `- name: AP` or
			// `- The leader.` for `- text: The leader.`
			const main =
				issue.expected === 'object' && typeof value === 'string'
					? MAIN_FIELDS.find((field) => fieldsAt(schemas[file.collection], issue.path).includes(field))
					: undefined;
			if (main) {
				return `write it as \`${main}: ${value}\` after the \`- \`, with any other fields on lines of their own below; ${reference}`;
			}
			return write[issue.expected] ?? reference;
		}
		case 'too_big':
			return issue.origin === 'string'
				? `shorten it to ${issue.maximum} characters or fewer`
				: issue.origin === 'array' && Array.isArray(value)
					? `remove ${value.length - Number(issue.maximum)}, keeping what matters most`
					: `use a value of at most ${issue.maximum}`;
		case 'too_small':
			return issue.origin === 'string'
				? `write the text${mayLeaveOut(file, issue.path) ? ', or leave the field out' : ''}`
				: issue.origin === 'array' && Array.isArray(value)
					? `add ${Number(issue.minimum) - value.length} more`
					: `use a value of at least ${issue.minimum}`;
		case 'invalid_value': {
			const suggestion = typeof value === 'string' ? closest(value, issue.values.map(String)) : undefined;
			if (suggestion) return `change it to "${suggestion}"`;
			// A schema's own message may list the values already.
			return issue.message.includes(issue.values.map(String).join(', '))
				? reference
				: `write one of: ${issue.values.map(String).join(', ')}`;
		}
		default:
			if (issue.path.at(-1) === 'to' && typeof value === 'string' && STILL_HOLDS.test(value.trim())) {
				return 'leave `to` out while it still holds: an item without `to` holds from its `from` on';
			}
			const date = typeof value === 'string' ? dateHint(value, /time zone/.test(issue.message)) : undefined;
			if (date) return date;
			// Custom rules and formats say in their message what to write; the reference shows an example.
			return reference;
	}
}

/** Issues of a value of the right kind that a look-alike character can cause: a format, a pattern, a list's values. */
const FORMAT_ISSUES = new Set<string>(['custom', 'invalid_format', 'invalid_value']);

/** The field that holds an item's words, which an editor writing the item as text most likely meant. */
const MAIN_FIELDS = ['name', 'text', 'title'];

/** Words an editor writes for an end that has not come. */
const STILL_HOLDS = /^(?:present|now|today|current(?:ly)?|ongoing|still|incumbent)$/i;

/** Text YAML read as fields: `word:` at the end of a line, or `word: ` inside the text. */
function textReadAsFieldHint(fields: object): string {
	const [only, ...more] = Object.entries(fields);
	return only && more.length === 0 && only[1] === null
		? `remove the colon after “${only[0]}”`
		: 'put the whole text in quotes, "like this"';
}

/**
 * The date an editor wrote in another order or without its time zone, as the field takes it: `25-12-2023` is
 * 2023-12-25, `01-03-2024` one of two days (where a field takes a time too, the reference's example says more),
 * `2024-01-31 15:00` needs its zone.
 */
function dateHint(value: string, withTime: boolean): string | undefined {
	const dayFirst = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(value.trim());
	if (dayFirst && !withTime) {
		const [, first = '', second = '', year = ''] = dayFirst;
		const day = (month: string, date: string) => `${year}-${month.padStart(2, '0')}-${date.padStart(2, '0')}`;
		const readings = [
			isDay(year, second, first) ? day(second, first) : undefined,
			isDay(year, first, second) && first !== second ? day(first, second) : undefined,
		].filter((reading) => reading !== undefined);
		if (readings.length > 0) return `write it year first: ${readings.join(' or ')}`;
	}
	const noZone = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value.trim());
	if (noZone) {
		const [, date, hours, minutes, seconds = '00'] = noZone;
		return withTime
			? `add its time zone: ${date}T${hours}:${minutes}:${seconds}Z if the time is UTC, or +01:00 and so on instead of Z`
			: `write the day alone: ${date}`;
	}
	return undefined;
}

/** Whether `month` and `date` make a day of `year` that exists: not 31 February, not a month 13 or a day 0. */
const isDay = (year: string, month: string, date: string) =>
	Number(month) >= 1 &&
	Number(month) <= 12 &&
	Number(date) >= 1 &&
	Number(date) <= new Date(Date.UTC(Number(year), Number(month), 0)).getUTCDate();

/** How to write a number the editor wrote as text: a decimal comma, degrees and minutes. */
function numberHint(value: unknown): string {
	if (typeof value === 'string' && /^-?\d+,\d+$/.test(value.trim())) {
		return `write ${value.trim().replace(',', '.')}, with a decimal point`;
	}
	if (typeof value === 'string' && /°/.test(value)) {
		return 'write decimal degrees, e.g. 35.9 for 35°54′ (degrees plus minutes ÷ 60), negative south and west';
	}
	return 'write a number, without quotes, e.g. 33.31';
}

/** Whether an issue of a union's form says the value is of another kind: a list where the form takes text. */
const ofAnotherKind = (issue: z.core.$ZodIssue): issue is z.core.$ZodIssueInvalidType =>
	issue.code === 'invalid_type' && issue.path.length === 0;

/**
 * The issues at their full paths, each union's opened: a value of a field that takes several forms (text, or a list)
 * has the issues of the form it was written in, the one of its kind. A union none of whose forms takes the value's
 * kind stays whole.
 */
function openUnions(issues: readonly z.core.$ZodIssue[], prefix: readonly PropertyKey[] = []): z.core.$ZodIssue[] {
	return issues.flatMap((issue) => {
		const path = [...prefix, ...issue.path];
		const written = issue.code === 'invalid_union' ? issue.errors.find((form) => !form.some(ofAnotherKind)) : undefined;
		return written ? openUnions(written, path) : [{ ...issue, path }];
	});
}

/** The fields the schema takes in the object at `path`, e.g. a quote's at `['quotes', 0]`. */
function fieldsAt(schema: z.core.$ZodType, path: readonly PropertyKey[]): string[] {
	const def = (schema as z.core.$ZodTypes)._zod.def;
	const [key, ...rest] = path;
	switch (def.type) {
		case 'object': {
			if (key === undefined) return Object.keys(def.shape);
			const field = def.shape[String(key)];
			return field ? fieldsAt(field, rest) : [];
		}
		case 'array':
			return typeof key === 'number' ? fieldsAt(def.element, rest) : [];
		case 'optional':
		case 'default':
			return fieldsAt(def.innerType, path);
		case 'pipe':
			return [...fieldsAt(def.in, path), ...fieldsAt(def.out, path)];
		case 'union':
			return def.options.flatMap((option) => fieldsAt(option, path));
		default:
			return [];
	}
}

/** zod's own wording, e.g. "Too small: expected array to have >=3 items": the schemas' own messages are kept. */
const ZOD_WORDING = /^(?:Invalid input|Invalid option|Too small|Too big)\b/;

/** What a field of each kind holds, in editors' words. */
const KIND_WORDS: Partial<Record<string, string>> = {
	string: 'text',
	number: 'a number',
	int: 'a whole number',
	boolean: 'true or false',
	date: 'a date',
	array: 'a list',
	object: 'fields, each `name: value` on a line of its own',
};

/** A value read from YAML, as an editor would call it. */
function valueWords(value: unknown): string {
	if (Array.isArray(value)) return 'a list';
	if (value instanceof Date) return 'a date';
	if (typeof value === 'object') return 'fields: YAML reads a word followed by a colon as a field name';
	if (typeof value === 'string') return 'text';
	return `${typeof value === 'number' ? 'the number ' : ''}${String(value)}`;
}

/** An issue's message in plain words when it is zod's own wording, from the value the file holds. */
function messageFor(issue: z.core.$ZodIssue, value: unknown): string {
	if (!ZOD_WORDING.test(issue.message)) {
		const suggestion =
			issue.code === 'invalid_value' && typeof value === 'string'
				? closest(value, issue.values.map(String))
				: undefined;
		return `${issue.message}${didYouMean(suggestion)}`;
	}
	// A field with nothing after its colon, which YAML reads as null, whatever the field takes.
	if (value === null) return 'is empty';
	switch (issue.code) {
		case 'invalid_type':
			return `should be ${KIND_WORDS[issue.expected] ?? issue.expected}, not ${valueWords(value)}`;
		case 'too_small':
		case 'too_big': {
			const limit = issue.code === 'too_small' ? `at least ${issue.minimum}` : `at most ${issue.maximum}`;
			if (issue.origin === 'array' && Array.isArray(value))
				return `lists ${count(value.length, 'item')}; it takes ${limit}`;
			if (issue.origin === 'string' && typeof value === 'string') {
				const length = Array.from(value.trim()).length;
				return length === 0 ? 'is empty' : `is ${count(length, 'character')} long; it takes ${limit}`;
			}
			return `is ${String(value)}; it must be ${limit}`;
		}
		case 'invalid_union': {
			const kinds = issue.errors.flat().filter(ofAnotherKind);
			const words = new Set(kinds.map((kind) => KIND_WORDS[kind.expected] ?? kind.expected));
			return `should be ${[...words].join(' or ')}, not ${valueWords(value)}`;
		}
		case 'invalid_value': {
			const suggestion = typeof value === 'string' ? closest(value, issue.values.map(String)) : undefined;
			return `${JSON.stringify(value)} is not one of the values it takes${didYouMean(suggestion)}`;
		}
		default:
			return issue.message;
	}
}

/** The files of `collection` whose fields are valid, each with its id and its fields as the schema outputs them. */
export function checkedEntries<C extends Collection>(
	files: readonly ContentFile[],
	collection: C,
): { file: ContentFile; id: string; data: CheckedData[C] }[] {
	return files.flatMap((file) => {
		if (file.collection !== collection) return [];
		const result = validate(file);
		return result.success ? [{ file, id: file.id, data: result.data as CheckedData[C] }] : [];
	});
}

/** Runs the same zod schemas as the content config, but reports each issue at its line and column. */
export const schemaCheck = scoped(OWN_FILE, ({ files }) =>
	files.flatMap((file) => {
		if (file.syntaxErrors.length > 0) {
			return file.syntaxErrors.map((error) => problemAtPosition(file, error.position, error.message, error.hint));
		}
		const data = file.data ?? {};
		if (typeof data === 'object' && Object.keys(data).length === 0) {
			return [
				problemAt(file, [], {
					message: 'the file has no fields',
					hint: {
						articles: 'start from `npm run new:article -- "Headline"`',
						actors: 'start from `npm run new:actor -- "Name"`',
						places: 'give it `name`, `kind`, `coordinates` and `country`: see docs/editing.md',
					}[file.collection],
				}),
			];
		}
		const result = validate(file);
		if (result.success) return [];
		if ('thrown' in result) {
			return [
				problemAt(file, [], {
					message: `the checks could not read this file's fields (${result.thrown})`,
					hint: 'look for a value of the wrong kind, such as a date without its time zone; this is a fault of the checks too: tell the developers',
				}),
			];
		}
		const issues = openUnions(result.error.issues);
		// zod 4 still measures a value of the wrong kind (text where a list goes) against the list's length: the kind is
		// the one problem at that field.
		const wrongKind = new Set(
			issues.flatMap((issue) => (issue.code === 'invalid_type' ? [fieldName(issue.path)] : [])),
		);
		const reported = issues.filter((issue) => issue.code === 'invalid_type' || !wrongKind.has(fieldName(issue.path)));
		// A quote pasted under `claims:`: the item's one problem is the list it is in, not each field it lacks or has.
		const misplaced = reported.flatMap((issue) => {
			// One stray field is that field's problem; two or more that another list takes make a pasted item.
			const list =
				issue.code === 'unrecognized_keys' && issue.keys.length >= 2 ? listItemBelongsTo(file, issue.path) : undefined;
			return list ? [{ path: issue.path, list }] : [];
		});
		return reported.flatMap((issue) => {
			const item = misplaced.find(({ path }) => path.every((key, at) => issue.path[at] === key));
			if (item) {
				if (issue.code !== 'unrecognized_keys' || issue.path.length !== item.path.length) return [];
				const own = String(item.path.at(-2));
				const fields = Object.keys(valueAt(file.data, item.path) ?? {}).join(', ');
				return problemAt(file, item.path, {
					message: `its fields (${fields}) are those of an item of \`${item.list}\`, not of \`${own}\``,
					hint: `move it under \`${item.list}:\`, or write the fields of \`${own}\`: see the field reference of docs/editing.md`,
				});
			}
			if (issue.code === 'unrecognized_keys') {
				const fields = unwrittenFields(file, issue.path);
				return issue.keys.map((key) => {
					const meant = meantField(key, fields);
					if (meant === unquoted(key) && meant !== key) {
						return problemAt(file, [...issue.path, key], {
							message: `the field name \`${key}\` is in quotes`,
							hint: `write it without them: \`${meant}:\``,
						});
					}
					// `longitude:` at the margin below `coordinates:`: a field of the map above, not indented under it.
					const owner = meant ? undefined : ownerOf(file, issue.path, key);
					if (owner !== undefined) {
						return problemAt(file, [...issue.path, key], {
							message: `\`${key}\` is a field of \`${owner}\`, but is not indented under it`,
							hint: `indent it under \`${owner}:\` as its other fields are`,
						});
					}
					// `places:` pasted under a timeline item, `reportedIn:` at an actor file's margin: a field of another level.
					const misplacedAt = meant ? undefined : levelOf(file, issue.path, key);
					if (misplacedAt !== undefined) return problemAt(file, [...issue.path, key], misplacedAt);
					return problemAt(file, [...issue.path, key], {
						message: `unknown field \`${key}\`${didYouMean(meant)}`,
						hint: meant ? `rename it to \`${meant}\`` : 'check its spelling against docs/editing.md, or remove it',
					});
				});
			}
			const value = valueAsRead(file, issue.path);
			// `−14.51` with a typographic minus is text where a number goes: the character is the mistake.
			const lookAlike =
				typeof value === 'string' &&
				(FORMAT_ISSUES.has(issue.code) || (issue.code === 'invalid_type' && issue.expected === 'number'))
					? lookAlikeIn(value)
					: undefined;
			// A missing field fails whatever its schema takes (a kind, one of some values, one of some forms); only a
			// rule over several fields says more about it than that it is missing.
			const missing = value === undefined && issue.code !== 'custom';
			// `“title”:`, `tittle:`, `lat:`: the field is there under another name, and that is its one problem (above).
			// Only a name the schema does not know counts: `statusBy` is a field of its own, not `status` misspelt.
			if (missing) {
				const parent = issue.path.slice(0, -1);
				const known = fieldsAt(schemas[file.collection], parent);
				const unwritten = unwrittenFields(file, parent);
				const written = Object.keys(valueAt(file.data, parent) ?? {});
				const meant = (key: string) => !known.includes(key) && meantField(key, unwritten) === issue.path.at(-1);
				if (written.some(meant)) return [];
				// Written one level too far out: reported there, as not indented under this field's map.
				const [outer, field] = [parent.slice(0, -1), String(issue.path.at(-1))];
				const outside = valueAt(file.data, [...outer, field]);
				if (outside !== undefined && ownerOf(file, outer, field) === parent.at(-1)) return [];
			}
			// `asOf: TODO`: the note to finish the field is its one problem (placeholder-check.ts).
			if (typeof value === 'string' && PLACEHOLDER.test(value)) return [];
			const comment = value === null ? commentAfterColon(file, issue.path) : undefined;
			if (comment !== undefined) {
				const item = typeof issue.path.at(-1) === 'number';
				return [
					problemAt(file, issue.path, {
						message: `is empty: YAML reads a \`#\` after the ${item ? 'dash' : 'colon'} as the start of a comment`,
						hint: `put the whole value in quotes: ${item ? '-' : `${String(issue.path.at(-1))}:`} "${shorten(comment)}"`,
					}),
				];
			}
			return [
				problemAt(file, issue.path, {
					message: missing ? 'is required but missing' : messageFor(issue, value),
					hint: missing
						? `add \`${String(issue.path.at(-1))}:\` — see docs/editing.md for what it takes`
						: lookAlike
							? `it holds ${lookAlike}: replace it with the character you mean`
							: hintFor(file, issue, value),
				}),
			];
		});
	}),
);

/**
 * The other list beside the one holding the item at `path` whose items take every field the item writes, when the
 * item's own list does not: where an item pasted into the wrong list belongs.
 */
function listItemBelongsTo(file: ContentFile, path: readonly PropertyKey[]): string | undefined {
	const [list, index] = [path.at(-2), path.at(-1)];
	const written = Object.keys(valueAt(file.data, path) ?? {});
	if (typeof list !== 'string' || typeof index !== 'number' || written.length === 0) return undefined;
	const schema = schemas[file.collection];
	const parent = path.slice(0, -2);
	const taking = fieldsAt(schema, parent).filter(
		(other) => other !== list && written.every((field) => fieldsAt(schema, [...parent, other, 0]).includes(field)),
	);
	return taking.length === 1 ? taking[0] : undefined;
}

/** The fields the schema takes at `path` that the file does not write there. */
function unwrittenFields(file: ContentFile, path: readonly PropertyKey[]): string[] {
	const written = Object.keys(valueAt(file.data, path) ?? {});
	return fieldsAt(schemas[file.collection], path).filter((field) => !written.includes(field));
}

/**
 * The field an unknown `key` most likely means, of `fields` (those not written): the same in quotes (`“title”`) or
 * in other capitals, one spelt nearly so, or the one field it begins (`lat` for `latitude`).
 */
function meantField(key: string, fields: readonly string[]): string | undefined {
	const lower = key.toLowerCase();
	const begun = lower.length >= 3 ? fields.filter((field) => field.toLowerCase().startsWith(lower)) : [];
	return (
		(fields.includes(unquoted(key)) ? unquoted(key) : undefined) ??
		fields.find((field) => field.toLowerCase() === lower) ??
		closest(key, fields) ??
		(begun.length === 1 ? begun[0] : undefined)
	);
}

/**
 * The field at `path` whose map takes `key` and does not write it, when the schema does not take `key` at `path`
 * itself: where a field written at the margin (`longitude:` below `coordinates:`) belongs.
 */
function ownerOf(file: ContentFile, path: readonly PropertyKey[], key: string): string | undefined {
	if (fieldsAt(schemas[file.collection], path).includes(key)) return undefined;
	const written = valueAt(file.data, path);
	if (!written || typeof written !== 'object') return undefined;
	return Object.keys(written).find((field) => {
		const value = (written as Record<string, unknown>)[field];
		return (
			value !== null &&
			typeof value === 'object' &&
			!Array.isArray(value) &&
			unwrittenFields(file, [...path, field]).includes(key)
		);
	});
}

/**
 * Where a field the schema does not take at `path` belongs, when it takes it at another level: at the file's margin
 * (`places` indented under a timeline item), or in the items of a list (`reportedIn` at the margin).
 */
function levelOf(
	file: ContentFile,
	path: readonly PropertyKey[],
	key: string,
): { message: string; hint: string } | undefined {
	const schema = schemas[file.collection];
	const written = Object.keys(file.data ?? {});
	if (path.length > 0 && fieldsAt(schema, []).includes(key) && !written.includes(key)) {
		return {
			message: `\`${key}\` is a field of the file itself, but is indented under \`${fieldName(path)}\``,
			hint: `move \`${key}:\` out to the start of the line, as the file’s other fields are, and its lines with it`,
		};
	}
	const lists =
		path.length === 0 ? fieldsAt(schema, []).filter((list) => fieldsAt(schema, [list, 0]).includes(key)) : [];
	if (lists.length === 0) return undefined;
	const named = lists.map((list) => `\`${list}\``);
	const either = named.length > 1 ? `${named.slice(0, -1).join(', ')} or ${named.at(-1)}` : named[0];
	return {
		message: `\`${key}\` is a field of each item of ${either}, not of the file itself`,
		hint: `indent it under the item it belongs to, with that item’s other fields`,
	};
}

/** A field name without the quotes an editor may have put around it: `“title”` is `title`. */
const unquoted = (key: string) => key.replace(/^["'“”‘’«»]+|["'“”‘’«»]+$/g, '');

/** The comment right after the field's colon, as in `title: #1 reason`, from its `#`; undefined when none. */
function commentAfterColon(file: ContentFile, path: readonly PropertyKey[]): string | undefined {
	const { line, column } = file.locate(path);
	// `title: #1 reason`, or a list item `- #MeToo`.
	const text = sourceAt(file, { line, column: 1 }, Infinity) ?? '';
	return (/^[^:]*:[ \t]+(#.*?)\s*$/.exec(text.slice(column - 1)) ?? /^[ \t]*-[ \t]+(#.*?)\s*$/.exec(text))?.[1];
}

/** The value at a path, as a date where Astro reads it as one: the issue is then about Astro's reading. */
function valueAsRead(file: ContentFile, path: readonly PropertyKey[]): unknown {
	const asAstroReadsIt = valueAt(file.astroData, path);
	return asAstroReadsIt instanceof Date ? asAstroReadsIt : valueAt(file.data, path);
}

/** Whether the file's fields would have no problem at `path` without the field: whether it may be left out. */
function mayLeaveOut(file: ContentFile, path: readonly PropertyKey[]): boolean {
	const key = path.at(-1);
	const data = structuredClone(file.data);
	const holder = valueAt(data, path.slice(0, -1));
	if (key === undefined || !holder || typeof holder !== 'object') return false;
	delete (holder as Record<PropertyKey, unknown>)[key];
	const result = schemas[file.collection].safeParse(data);
	return result.success || !openUnions(result.error.issues).some((issue) => fieldName(issue.path) === fieldName(path));
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
	return path.reduce<unknown>(
		(value, key) => (value && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[key] : undefined),
		data,
	);
}
