/**
 * `npm run new:article -- "Headline"` and `npm run new:actor -- "Name"`: creates a content file from the
 * commented template in `src/cli/templates/`, named by the id the headline or name gives, and prints its path.
 * Never overwrites: when a file with that id exists it exits with code 1 and names the file.
 * Writes under `CONTENT_DIR` when it is set (tests), else under `content/`.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'astro/zod';
import { stringify } from 'yaml';
import { entriesOf, entryExtension } from '../checks/content-files';
import { ACTOR_KINDS, ActorSchema, AFFILIATION_RELATIONS } from '../schemas/actor';
import { ArticleSchema } from '../schemas/article';
import { QUOTE_SETTINGS } from '../schemas/quote';
import { contentDir } from '../utils/content-dir';
import { idFromFileName, idFromText } from '../utils/ids';
import { ranAsCommand } from './ran-as-command';

/** What each kind of entry is called, where it goes and what its template fills in. */
const KINDS = {
	article: {
		collection: 'articles',
		template: 'article.mdx',
		argument: 'Headline',
		/** The schema field the argument fills in: a headline the checks would reject is refused before writing. */
		field: 'title',
		validate: (text: string) => ArticleSchema(z.string()).shape.title.safeParse(text),
		next: () =>
			"Next: replace every TODO in it and list the story's actors under `actors` (ids of files in\n" +
			'content/actors/; add a missing actor with npm run new:actor -- "Name"). The build stops until\n' +
			'`actors` lists real actor ids; `npm run check` shows what is left to fill in.',
	},
	actor: {
		collection: 'actors',
		template: 'actor.yaml',
		argument: 'Name',
		field: 'name',
		validate: (text: string) => ActorSchema().shape.name.safeParse(text),
		next: (id: string) =>
			'Next: check `kind` and replace the TODO summary in it, then list\n' +
			`"${id}" under \`actors\` in each explainer that features this actor.`,
	},
} as const;

type EntryKind = keyof typeof KINDS;

/** A refusal the editor can act on; the CLI prints its message and exits with code 1. */
class NewEntryError extends Error {}

const TEMPLATES = fileURLToPath(new URL('./templates/', import.meta.url));

/**
 * A YAML scalar for one line of text: plain when YAML allows it, quoted when it needs to be. YAML 1.1 rules quote
 * what any reader could take for another type (`2024-01-30`, `yes`), not only what YAML 1.2 would.
 */
function yamlText(text: string): string {
	return stringify(text, { lineWidth: 0, version: '1.1' }).trimEnd();
}

/** The template's text with every `__NAME__` placeholder filled in; a placeholder left over is a bug. */
function fillTemplate(template: string, values: Record<string, string>): string {
	return template.replace(/__([A-Z_]+?)__/g, (placeholder, name: string) => {
		const value = values[name];
		if (value === undefined) throw new Error(`the template has no value for ${placeholder}`);
		return value;
	});
}

/** The file text of a new entry of this kind, before it is written. */
export function entryText(kind: EntryKind, text: string, now = new Date()): string {
	const template = readFileSync(join(TEMPLATES, KINDS[kind].template), 'utf8');
	return fillTemplate(template, {
		TITLE: yamlText(text),
		NAME: yamlText(text),
		PUBLISHED: now.toISOString().replace(/\.\d{3}Z$/, 'Z'), // `2024-01-30T20:00:00Z`, to the second
		QUOTE_SETTINGS: QUOTE_SETTINGS.join(', '),
		ACTOR_KINDS: ACTOR_KINDS.join(', '),
		AFFILIATION_RELATIONS: AFFILIATION_RELATIONS.join(', '),
	});
}

/** A path as the editor should type it: relative to the working folder when the file is inside it. */
function displayPath(path: string): string {
	const relativePath = relative(process.cwd(), path);
	return relativePath.startsWith('..') || isAbsolute(relativePath) ? path : relativePath;
}

/**
 * Creates the file for a new entry and returns the message to print.
 * Throws {@link NewEntryError} when the text gives no usable id or file name, or when the file exists.
 */
function createEntry(kind: EntryKind, rawText: string): string {
	const spec = KINDS[kind];
	const text = rawText.replace(/\s+/g, ' ').trim();
	if (!text)
		throw new NewEntryError(`give the ${spec.argument.toLowerCase()}: npm run new:${kind} -- "${spec.argument}"`);
	const valid = spec.validate(text);
	if (!valid.success) {
		const reason = valid.error.issues.map((issue) => issue.message).join('; ');
		throw new NewEntryError(`"${text}" cannot be the \`${spec.field}\`: ${reason}`);
	}
	// The text itself, not as a file name: `U.S. strikes` has no extension to drop, `Iraq/Syria` no folder.
	const id = idFromText(text);
	if (!id) {
		throw new NewEntryError(
			`"${text}" gives no file name: the id is made of its Latin letters and digits, and it has none`,
		);
	}

	const directory = contentDir(spec.collection);
	const extension = entryExtension(spec.collection);
	const path = join(directory, `${id}${extension}`);
	// A file with another spelling of the same id (e.g. `Story.mdx` for `story`) would be a duplicate slug.
	const existing = entriesOf(directory).find(
		({ name }) => name.endsWith(extension) && idFromFileName({ entry: name }) === id,
	)?.name;
	if (existing !== undefined) {
		throw new NewEntryError(
			`${displayPath(join(directory, existing))} already exists, with the id "${id}": not overwriting it. ` +
				`Edit that file, or choose another ${spec.argument.toLowerCase()}.`,
		);
	}

	mkdirSync(directory, { recursive: true });
	try {
		// `wx` fails if the file appeared since the check above, so nothing is ever overwritten.
		writeFileSync(path, entryText(kind, text), { flag: 'wx' });
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
			throw new NewEntryError(`${displayPath(path)} already exists: not overwriting it.`);
		}
		throw error;
	}
	return `Created ${displayPath(path)}\n${spec.next(id)}\n`;
}

const isEntryKind = (value: string | undefined): value is EntryKind =>
	value !== undefined && Object.hasOwn(KINDS, value);

/** Runs the command line: `new-entry.ts <article|actor> <headline or name…>`; returns the exit code. */
export function main(args: readonly string[]): number {
	const [kind, ...words] = args;
	if (!isEntryKind(kind)) {
		process.stderr.write('Usage: npm run new:article -- "Headline"\n       npm run new:actor -- "Name"\n');
		return 1;
	}
	try {
		process.stdout.write(createEntry(kind, words.join(' ')));
		return 0;
	} catch (error) {
		if (!(error instanceof NewEntryError)) throw error;
		process.stderr.write(`new:${kind}: ${error.message}\n`);
		return 1;
	}
}

if (ranAsCommand(import.meta)) {
	process.exitCode = main(process.argv.slice(2));
}
