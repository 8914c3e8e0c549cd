import { z } from 'astro/zod';
import { ActorSchema } from '../schemas/actor';
import { ArticleSchema } from '../schemas/article';
import { PlaceSchema } from '../schemas/place';
import { problemAt, type Check } from './check';
import type { Collection, ContentFile } from './content-files';
import { fieldName } from './problem';

const schemas = { articles: ArticleSchema(z.string()), actors: ActorSchema(), places: PlaceSchema() };

/** What each collection's schema makes of a valid file: defaults filled in, references as `{ collection, id }`. */
export interface CheckedData {
	articles: z.output<(typeof schemas)['articles']>;
	actors: z.output<(typeof schemas)['actors']>;
	places: z.output<(typeof schemas)['places']>;
}

/** Each file's schema result, kept so that what reads the files after the checks need not parse them again. */
const results = new WeakMap<ContentFile, ReturnType<(typeof schemas)[Collection]['safeParse']>>();

function validate(file: ContentFile) {
	let result = results.get(file);
	if (!result) {
		result = schemas[file.collection].safeParse(file.data);
		results.set(file, result);
	}
	return result;
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
export const schemaCheck: Check = ({ files }) =>
	files.flatMap((file) => {
		if (file.syntaxErrors.length > 0) {
			return file.syntaxErrors.map((error) => ({
				severity: 'error' as const,
				file: file.path,
				...error.position,
				message: error.message,
				hint: error.hint,
			}));
		}
		if (
			file.data === null ||
			file.data === undefined ||
			(typeof file.data === 'object' && Object.keys(file.data).length === 0)
		) {
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
		return result.error.issues.flatMap((issue) => {
			if (issue.code === 'unrecognized_keys') {
				return issue.keys.map((key) =>
					problemAt(file, [...issue.path, key], {
						field: fieldName([...issue.path, key]),
						message: `unknown field \`${key}\``,
						hint: 'check its spelling against docs/editing.md, or remove it',
					}),
				);
			}
			const missing = issue.code === 'invalid_type' && valueAt(file.data, issue.path) === undefined;
			return [
				problemAt(file, issue.path, {
					field: fieldName(issue.path),
					message: missing ? 'is required but missing' : issue.message,
					hint: missing ? `add \`${String(issue.path.at(-1))}:\` — see docs/editing.md for what it takes` : undefined,
				}),
			];
		});
	});

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
	return path.reduce<unknown>(
		(value, key) => (value && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[key] : undefined),
		data,
	);
}
