import { readdirSync, readFileSync, type Dirent } from 'node:fs';
import { join, relative } from 'node:path';
import {
	isAlias,
	isMap,
	isScalar,
	isSeq,
	parseDocument,
	visit,
	type Document,
	type Node,
	type Pair,
	type YAMLError,
	type YAMLMap,
} from 'yaml';
import { idFromFileName } from '../utils/ids';
import { codePoint } from '../utils/words';
import { astroData } from './astro-yaml';
import { commentedOutField } from './commented-out-field';
import { inQuotesHint, textReadAsYaml } from './text-read-as-yaml';
import { explainerParts } from './explainer-parts';
import { yamlLookAlike } from './look-alikes';
import { count, shorten } from './problem';

/** The content collections, each a folder of the content directory. */
export const COLLECTIONS = ['articles', 'actors', 'places'] as const;
export type Collection = (typeof COLLECTIONS)[number];

/** The extension of a collection's entry files, as src/content.config.ts finds them. */
export const entryExtension = (collection: Collection) => (collection === 'articles' ? '.mdx' : '.yaml');

/** How the lock file Word and other office programs keep beside an open file starts: `~$story.mdx`. */
export const LOCK_FILE_PREFIX = '~$';

/**
 * Whether a file of a collection's folder is one of its entries, as src/content.config.ts finds them; a file
 * manager's copy of one of `siblings` is reported by folder-check.ts alone, not read as a second entry.
 */
export const isEntryFile = (collection: Collection, entry: Dirent, siblings: readonly string[]) =>
	entry.name.endsWith(entryExtension(collection)) &&
	!entry.name.startsWith(LOCK_FILE_PREFIX) &&
	!entry.isDirectory() &&
	fileManagersCopyOf(entry.name, siblings) === undefined;

/**
 * The file of `siblings` that `name` is a file manager's copy of: `story copy.mdx`, `story copy 2.mdx` and
 * `ostland 2.yaml` (macOS Finder), `story - Copy.mdx` (Windows), `story (1).mdx` (a second download).
 */
export function fileManagersCopyOf(name: string, siblings: readonly string[]): string | undefined {
	// Finder numbers copies from 2, Windows and browsers in brackets: `story 2025.mdx` is a name of its own.
	const parts = /^(.+?)(?: copy(?: \d{1,2})?| \d{1,2}| - copy(?: \(\d{1,2}\))?| \(\d{1,2}\))(\.\w+)$/i.exec(name);
	const original = parts ? `${parts[1]}${parts[2]}` : undefined;
	return original !== undefined && siblings.includes(original) ? original : undefined;
}

/** A place in a file, 1-based: where a field sits, or a piece of the story. */
export interface Position {
	line: number;
	column: number;
}

/** One content file, parsed, with a way to find where any field sits in it. */
export interface ContentFile {
	collection: Collection;
	/** Path relative to the project root, as problems name it. */
	path: string;
	/** The entry id, from the file name. */
	id: string;
	/** The whole text of the file. */
	text: string;
	/** The parsed frontmatter (articles) or document (actors); undefined when it does not parse. */
	data: unknown;
	/** The fields as Astro reads them, when that differs from `data`: with dates for plain timestamps (astro-yaml.ts). */
	astroData?: unknown;
	/** The MDX body after the frontmatter (articles only), and the file line it starts on. */
	body?: { text: string; line: number } | undefined;
	/** Why the file could not be read (encoding, YAML syntax), each placed in the file and with a fix. */
	syntaxErrors: { message: string; hint: string; position: Position }[];
	/** Where a field is: its key when it exists, else the closest existing parent. */
	locate(path: readonly PropertyKey[]): Position;
}

/**
 * Whether an article has a story below its frontmatter. Without one, the checks that compare the fields with the
 * story (quotes, claims, mentions) have nothing to compare them with: the missing story is the one problem.
 */
export const hasStory = (file: ContentFile): boolean => file.body !== undefined && file.body.text.trim() !== '';

/**
 * Invisible control characters, which text pasted from elsewhere brings along and a page would print as nothing or as
 * a box: controls but tab and line breaks, DEL and the C1 controls but NEL, U+FFFE and U+FFFF, and halves of
 * surrogate pairs. YAML reads them as part of the text.
 */
const INVISIBLE_CONTROL =
	/[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x84\x86-\x9F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?:[^\uD800-\uDBFF]|^)[\uDC00-\uDFFF]/;

/**
 * The YAML options every content file is read with: YAML 1.2 core types, whatever a `%YAML` line says, so dates stay
 * as written (astro-yaml.ts reads them as Astro does too), and `<<` merge keys, which Astro reads.
 */
const YAML_OPTIONS = {
	prettyErrors: false,
	uniqueKeys: true,
	maxAliasCount: 100,
	merge: true,
	schema: 'core',
} as const;

/** Reads every file of the collections (all by default) under `root` (the content folder). */
export function readContentFiles(
	root: string,
	projectRoot = process.cwd(),
	collections: readonly Collection[] = COLLECTIONS,
): ContentFile[] {
	return collections.flatMap((collection) => {
		const dir = join(root, collection);
		// A folder named like a file (`x.mdx/`) is not one: folder-check.ts reports what is in it.
		const entries = entriesOf(dir);
		const names = entries.map((entry) => entry.name);
		return entries
			.filter((entry) => isEntryFile(collection, entry, names))
			.map(({ name }) =>
				parseContentFile(collection, relative(projectRoot, join(dir, name)) || name, readFileSync(join(dir, name))),
			);
	});
}

/** A folder's entries, by name; none when it does not exist. */
export function entriesOf(dir: string): Dirent[] {
	try {
		return readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
	} catch {
		return [];
	}
}

/** Parses one file's bytes; never throws, so every file's problems can be reported together. */
export function parseContentFile(collection: ContentFile['collection'], path: string, bytes: Uint8Array): ContentFile {
	const id = idFromFileName({ entry: path });
	// A file that cannot be read: its one problem, where every field is located.
	const broken = (text: string, error: ContentFile['syntaxErrors'][number]): ContentFile => {
		return { collection, path, id, text, data: undefined, syntaxErrors: [error], locate: () => error.position };
	};
	let text: string;
	try {
		text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
	} catch {
		return broken('', {
			message: 'the file is not valid UTF-8 text',
			hint: 'save it as UTF-8 (your editor’s “Save with encoding” command) and retype this character',
			position: firstInvalidUtf8(bytes),
		});
	}
	text = text.replace(/^\uFEFF/, '');
	const oldMacEnding = loneCarriageReturn(text);
	if (oldMacEnding) return broken(text, oldMacEnding);

	let yamlText = text;
	let lineOffset = 0;
	let body: ContentFile['body'];
	if (collection === 'articles') {
		const parts = explainerParts(text);
		if (!parts) return broken(text, frontmatterFault(text));
		({ frontmatter: yamlText, body } = parts);
		lineOffset = 1;
	}

	// The parser's own LineCounter misses the line breaks inside a token it could not place (after a bad indent, a
	// folded text's line break and everything after it sat a line too high), so lines are counted here.
	const lineStarts = [0, ...Array.from(yamlText.matchAll(/\n/g), (match) => match.index + 1)];
	const place = (offset: number): Position => {
		const line = lineStarts.findLastIndex((start) => start <= offset);
		return { line: line + 1 + lineOffset, column: offset - (lineStarts[line] ?? 0) + 1 };
	};
	let document: Document;
	try {
		document = parseDocument(yamlText, YAML_OPTIONS);
	} catch (error) {
		if (!(error instanceof RangeError)) throw error;
		return broken(text, { ...TOO_DEEP, position: { line: 1 + lineOffset, column: 1 } });
	}
	// The parser's first error only: after one mistake it misreads what follows, and its later errors are mostly
	// that mistake's consequences (one tab as indentation gave 16; running out of stack, one per level unwound).
	const [firstError, ...laterErrors] = document.errors;
	const syntaxErrors: ContentFile['syntaxErrors'] = [];
	// Under a field put in a comment, YAML reads the lines of its value as the field above's: valid, or not.
	const commented = commentedOutField(yamlText, collection);
	if (commented && (!firstError || commented.offset <= firstError.pos[0])) {
		syntaxErrors.push({ message: commented.message, hint: commented.hint, position: place(commented.offset) });
	} else if (firstError && /Maximum call stack/.test(firstError.message)) {
		syntaxErrors.push({ ...TOO_DEEP, position: place(0) });
	} else if (firstError) {
		const errorLineStart = yamlText.lastIndexOf('\n', firstError.pos[0] - 1) + 1;
		const errorLine = yamlText.slice(errorLineStart).split('\n', 1)[0] ?? '';
		const lookAlike = yamlLookAlike(errorLine);
		const { message, hint, offset } = lookAlike
			? { ...lookAlike, offset: errorLineStart + lookAlike.column }
			: yamlError(firstError, yamlText, document, place, collection === 'articles');
		const more = laterErrors.length > 0 ? '; the lines after it may be fine once this is fixed' : '';
		syntaxErrors.push({ message: `YAML syntax error: ${message}`, hint: hint + more, position: place(offset) });
	}
	if (syntaxErrors.length === 0) {
		for (const { offset, ...misread } of textReadAsYaml(document, yamlText)) {
			syntaxErrors.push({ ...misread, position: place(offset) });
		}
	}
	const invisible = INVISIBLE_CONTROL.exec(yamlText);
	if (invisible) {
		syntaxErrors.push({
			message: `an invisible control character (${codePoint(invisible[0].slice(-1))})`,
			hint: 'delete it: it was most likely pasted with the text; retype the characters around it if unsure',
			position: place(invisible.index + invisible[0].length - 1),
		});
	}
	let data: unknown;
	let dataForAstro: unknown;
	if (syntaxErrors.length === 0) {
		try {
			data = document.toJS({ maxAliasCount: YAML_OPTIONS.maxAliasCount });
			dataForAstro = astroData(document, data, yamlText);
		} catch (error) {
			syntaxErrors.push(
				error instanceof RangeError
					? { ...TOO_DEEP, position: place(0) }
					: {
							message: `YAML syntax error: ${(error as Error).message}`,
							hint: 'write each value out instead of repeating `*alias` references',
							position: place(0),
						},
			);
		}
	}
	return {
		collection,
		path,
		id,
		text,
		data,
		astroData: dataForAstro,
		body,
		syntaxErrors,
		locate: (fieldPath) => locateIn(document, fieldPath, place),
	};
}

/** A line ended by a carriage return alone (old Mac line endings), which YAML and MDX read as no line end. */
function loneCarriageReturn(text: string): ContentFile['syntaxErrors'][number] | undefined {
	const loneReturn = /\r(?!\n)/.exec(text);
	if (!loneReturn) return undefined;
	const lines = text.slice(0, loneReturn.index).split('\n');
	return {
		message: 'a line ends with a carriage return alone (old Mac line endings), which YAML and MDX do not read as one',
		hint: 'save the file with Unix (LF) or Windows (CRLF) line endings: most editors offer this in the status bar',
		position: { line: lines.length, column: (lines.at(-1)?.length ?? 0) + 1 },
	};
}

/** Why an article's text has no frontmatter block MDX can read, and how to write one; reported at its first line. */
function frontmatterFault(text: string): ContentFile['syntaxErrors'][number] {
	const position = { line: 1, column: 1 };
	// `----`, or a dash some editors make of `---` as it is typed (`—`, `–-`): one of the block's two lines.
	const lines = text.split('\n').map((line) => line.replace(/\r$/, ''));
	const misTyped = (line: string) => line !== '---' && /^(?:-{4,}|[-–—]*[–—][-–—]*)[ \t]*$/.test(line);
	const first = lines[0] ?? '';
	const closing = first.trimEnd() === '---' ? lines.findIndex((line, index) => index > 0 && misTyped(line)) : -1;
	if (misTyped(first) || closing > 0) {
		return {
			message: `this line, “${lines[Math.max(closing, 0)]?.trim()}”, ${closing > 0 ? 'was meant to close' : 'was meant to open'} the frontmatter, which takes exactly \`---\``,
			hint: 'write three hyphens, `---`, alone on the line; some editors turn them into a dash as you type',
			position: { line: Math.max(closing, 0) + 1, column: 1 },
		};
	}
	const opening = /^---[ \t]*$/m.exec(text);
	const before = opening ? text.slice(0, opening.index) : undefined;
	if (before !== undefined && before.trim() === '') {
		const line = before.split('\n').length;
		if (line > 1) {
			return {
				message: `the frontmatter starts on line ${line}, after blank lines`,
				hint: 'delete the blank lines above `---`: an article’s first line is `---`',
				position,
			};
		}
		return {
			message: 'the frontmatter is never closed',
			hint: 'add a line `---` after the last field, before the story',
			position,
		};
	}
	return {
		message: 'the file has no frontmatter',
		hint: 'an article starts with a line `---`, then its fields, then another line `---` (`npm run new:article` writes one)',
		position,
	};
}

/**
 * A YAML parser error in plain words, with a fix, at the offset of the mistake in `yamlText`: an article's
 * `frontmatter`, or a data file.
 */
function yamlError(
	error: YAMLError,
	yamlText: string,
	document: Document,
	place: (offset: number) => Position,
	frontmatter: boolean,
): { message: string; hint: string; offset: number } {
	const offset = error.pos[0];
	const lineStart = yamlText.lastIndexOf('\n', offset - 1) + 1;
	const quote = /^Missing closing (["'])quote/.exec(error.message)?.[1];
	if (error.code === 'MISSING_CHAR' && quote) {
		// The parser notices an unclosed quote only where the document ends; the quote opened earlier.
		const opening = unclosedQuoteOffset(yamlText);
		return {
			message: `the ${quote} that opens this value is never closed`,
			hint: `add a closing ${quote} at the end of the value`,
			offset: opening ?? offset,
		};
	}
	// An article whose closing `---` is gone: YAML reads on into the story, up to a `---` rule in it.
	const story = frontmatter ? storyReadAsFields(yamlText) : undefined;
	if (story !== undefined && story <= offset) {
		return {
			message: 'this line reads as the story, not as a field: the frontmatter is not closed above it',
			hint: 'add a line `---` after the last field, before the story',
			offset: story,
		};
	}
	// A list or map written in brackets that never closes: the parser stops where the file ends, or at a later line.
	const flow = unclosedFlowOffset(yamlText);
	if (flow !== undefined && flow <= offset) {
		const [opening, closing, what] = yamlText[flow] === '[' ? ['[', ']', 'list'] : ['{', '}', 'map'];
		return {
			message: `the \`${opening}\` that opens this ${what} is never closed`,
			hint: `add \`${closing}\` after its last item, e.g. \`actors: [one-actor, another-actor]\``,
			offset: flow,
		};
	}
	if (error.code === 'DUPLICATE_KEY') {
		const first = firstOfDuplicateKey(document, offset);
		if (first) {
			return {
				message: `\`${first.key}\` is written twice: it is already on line ${place(first.offset).line}`,
				hint: `remove one of the two \`${first.key}:\`, keeping the value you mean`,
				offset,
			};
		}
	}
	if (error.code === 'TAB_AS_INDENT') {
		return {
			message: 'this line is indented with a tab, and YAML indents with spaces only',
			hint: 'replace the tab with spaces, lined up with the lines around it',
			offset,
		};
	}
	const lineEnd = yamlText.indexOf('\n', offset);
	const rest = yamlText.slice(offset, lineEnd < 0 ? undefined : lineEnd);
	// The mistake's line as the editor sees it, without a Windows line ending's `\r`.
	const line = yamlText.slice(lineStart, lineEnd < 0 ? undefined : lineEnd).replace(/\r$/, '');
	// `  – item`, `  • item`: a list item marked as a word processor marks one.
	const [, indent = '', bullet] = /^([ \t]*)([–—•◦▪●·])[ \t]/.exec(line) ?? [];
	if (bullet) {
		return {
			message: `this list item starts with “${bullet}”, where YAML takes a hyphen, \`- \``,
			hint: 'replace it with a hyphen: word processors and some editors turn `- ` into a dash or a bullet',
			offset: lineStart + indent.length,
		};
	}
	// `- *Ostland* doubts it`: `*` starts an alias (a repeat of a value marked `&`), and the rest cannot be read.
	const [, beforeStar = ''] = /^([ \t]*(?:-[ \t]+|[^:#]+:[ \t]+))\*/.exec(line) ?? [];
	if (beforeStar && !/^Unresolved alias/.test(error.message)) {
		return {
			message: 'a value cannot start with “*” in YAML, which reads it as a repeat of another value',
			hint: inQuotesHint(line.slice(beforeStar.length)),
			offset: lineStart + beforeStar.length,
		};
	}
	const reserved = /^Plain value cannot start with (?:reserved|directive indicator) character (.)/.exec(error.message);
	if (reserved) {
		return {
			message: `a value cannot start with “${reserved[1]}” in YAML, which keeps it for its own use`,
			hint: inQuotesHint(rest),
			offset,
		};
	}
	// `name: | AP`: `|` and `>` start a block of text on the lines below; the words after them cannot be read.
	const [opening, marker] = /:[ \t]+([|>])[ \t]*\S/.exec(line) ?? [];
	if (error.message.startsWith('Not a YAML token') && opening && marker) {
		return {
			message: `\`${marker}\` starts a value written on the lines below it, so the words after it on this line cannot be read`,
			hint: 'put the whole value in quotes, or write it on the next lines, indented under the field',
			offset: lineStart + line.indexOf(opening) + opening.indexOf(marker),
		};
	}
	if (error.code === 'BLOCK_AS_IMPLICIT_KEY' && /^Nested mappings/.test(error.message)) {
		if (/:(\s|$)/.test(rest)) {
			return {
				message: 'this value holds ": ", which YAML reads as the start of another field',
				hint: 'put quotes around the whole value',
				offset,
			};
		}
		// A value followed by a line indented deeper: YAML reads that line as more of the value, and its `key:` as
		// part of the value too. The mistake is on that next line.
		const next = /\n[ \t]*(?:#.*)?(?=\n)|\n( *)(?=\S)/g;
		next.lastIndex = lineEnd < 0 ? yamlText.length : lineEnd;
		for (let match = next.exec(yamlText); match; match = next.exec(yamlText)) {
			if (match[1] === undefined) continue;
			return {
				message: `this line is indented ${count(match[1].length, 'space')}, more than the field above it (${keyColumn(yamlText, lineStart)})`,
				hint: `indent it as the field above it, with ${count(keyColumn(yamlText, lineStart), 'space').replace(/^0 spaces/, 'no spaces')}: as it is, YAML reads it as part of that field's value`,
				offset: match.index + 1,
			};
		}
	}
	if (error.code === 'MULTILINE_IMPLICIT_KEY' && offset === lineStart && !/:(\s|$)/.test(rest)) {
		// Not an address on a line of its own (`https://…`), which belongs indented under the field above.
		const glued = /^[ \t]*(?:- +)?([A-Za-z][\w-]*):(?=\S)(?!\/\/)(.*)$/.exec(line);
		if (glued) {
			return {
				message: `there is no space after \`${glued[1]}:\``,
				hint: `write \`${glued[1]}: ${shorten(glued[2] ?? '')}\`: YAML reads a field only with a space after its colon`,
				offset,
			};
		}
		return {
			message: 'this line has no `:` after its field name',
			hint: 'write the field as `name: value`, or indent the line under the field it continues',
			offset,
		};
	}
	if (
		error.code === 'BAD_INDENT' ||
		/^Sequence item without - indicator|^A block sequence may not be used as an implicit map key/.test(error.message)
	) {
		const previous = previousLineStart(yamlText, lineStart);
		const indent = /^ */.exec(yamlText.slice(lineStart))?.[0].length ?? 0;
		// `-dana-reyes`: without a space the dash is part of the text, which YAML joins to the item above.
		const dashed = /^([ \t]*)-([^\s-].*)$/.exec(line);
		if (dashed) {
			return {
				message: 'this list item has no space after its `-`',
				hint: `write \`- ${shorten(dashed[2] ?? '')}\`: YAML reads a list item only with a space after the dash`,
				offset: lineStart + (dashed[1]?.length ?? 0),
			};
		}
		if (previous !== undefined) {
			// A list item lines up with the `- ` of the items above; a field with the fields above, after any `- `.
			const listItem = /^ *- /.test(yamlText.slice(lineStart));
			const above = listItem ? (/^ */.exec(yamlText.slice(previous))?.[0].length ?? 0) : keyColumn(yamlText, previous);
			return {
				message: `this line is indented ${count(indent, 'space')}, the line above it ${above}: YAML reads what belongs together by its indentation`,
				hint: 'line it up with the fields or list items it belongs with, using spaces',
				offset: lineStart,
			};
		}
	}
	// `title: "We pause" says the Front`: the quotes close before the value ends, and YAML stops at them.
	const quotedStart = /^([ \t]*(?:- +)?[\w-]+:[ \t]+)((["']).*?\3[ \t]*[^\s#].*)$/.exec(line);
	if (quotedStart) {
		const value = quotedStart[2] ?? '';
		const requoted = quotedStart[3] === '"' ? `'${value.replace(/'/g, "''")}'` : `"${value.replace(/"/g, '\\"')}"`;
		return {
			message: 'the quotes at the start of this value close before its end, and YAML reads no further',
			hint: `put the whole value in the other kind of quotes: ${shorten(`${quotedStart[1]?.trim()} ${requoted}`)}`,
			offset: lineStart + (quotedStart[1]?.length ?? 0),
		};
	}
	return {
		message: error.message.split('\n')[0] ?? error.message,
		hint: 'check the indentation and quotes on this line and the one before it',
		offset,
	};
}

/**
 * Where the first line after a blank one starts that no frontmatter line can be: not indented, and neither a field
 * (`name:`), a list item (`- `) nor a comment. Such a line is an article's story; undefined when there is none.
 */
function storyReadAsFields(yamlText: string): number | undefined {
	const match = /\n[ \t]*\r?\n(?![ \t]|-[ \t]|#|[^\s:#][^:\n]*:(?:[ \t]|\r?$)|\r?\n|$)/.exec(yamlText);
	return match ? match.index + match[0].length : undefined;
}

/**
 * Where a list or map written in brackets (`[a, b]`, `{a: 1}`) opens and never closes, up to the end of the text;
 * undefined when each one closes. Quoted text and comments are skipped.
 */
function unclosedFlowOffset(yamlText: string): number | undefined {
	const opening = /^[ \t]*(?:- +)?(?:[^\s:#'"][^:#]*:[ \t]+)?([[{])/gm;
	for (let match = opening.exec(yamlText); match; match = opening.exec(yamlText)) {
		const start = match.index + match[0].length - 1;
		let depth = 0;
		for (let at = start; at < yamlText.length; at++) {
			const character = yamlText[at];
			// A quote opens quoted text where an item starts, not inside a word (`[O'Brien]`).
			if ((character === '"' || character === "'") && /[[{,:][ \t]*$/.test(yamlText.slice(start, at))) {
				const end = yamlText.indexOf(character, at + 1);
				if (end < 0) break;
				at = end;
			} else if (character === '#' && /\s/.test(yamlText[at - 1] ?? '')) {
				const end = yamlText.indexOf('\n', at);
				if (end < 0) break;
				at = end;
			} else if (character === '[' || character === '{') depth++;
			else if ((character === ']' || character === '}') && --depth === 0) break;
		}
		if (depth > 0) return start;
	}
	return undefined;
}

/** The key and offset of the first of the keys in the map whose key starts at `offset`, when it repeats that key. */
function firstOfDuplicateKey(document: Document, offset: number): { key: string; offset: number } | undefined {
	let found: { key: string; offset: number } | undefined;
	visit(document, {
		Map(_, map) {
			const repeated = map.items.find((pair) => isScalar(pair.key) && pair.key.range?.[0] === offset)?.key;
			if (!isScalar(repeated)) return undefined;
			const first = map.items.find((pair) => isScalar(pair.key) && pair.key.value === repeated.value)?.key;
			if (isScalar(first)) found = { key: String(first.value), offset: first.range?.[0] ?? offset };
			return visit.BREAK;
		},
	});
	return found;
}

/** The column, from 0, of the key on the line starting at `lineStart`: after its indentation and any `- `. */
const keyColumn = (text: string, lineStart: number) => /^[ ]*(?:-[ ]+)*/.exec(text.slice(lineStart))?.[0].length ?? 0;

/** Where the last line before the one starting at `lineStart` that holds more than a comment starts. */
function previousLineStart(text: string, lineStart: number): number | undefined {
	let start = lineStart;
	while (start > 0) {
		start = text.lastIndexOf('\n', start - 2) + 1;
		if (!/^[ \t]*(#.*)?\r?\n/.test(text.slice(start))) return start;
	}
	return undefined;
}

/** Nesting deep enough to exhaust the parser is never real content. */
const TOO_DEEP = {
	message: 'the YAML is nested too deeply to read',
	hint: 'content is never nested more than a few levels: look for runaway `[` or `{`',
};

function locateIn(document: Document, path: readonly PropertyKey[], place: (offset: number) => Position): Position {
	let node: Node | null | undefined = document.contents;
	let found: Position = place(node?.range?.[0] ?? 0);
	for (const key of path) {
		if (isMap(node)) {
			const pair = pairOf(document, node, key);
			if (!pair) break;
			found = place((pair.key as Node).range?.[0] ?? 0);
			node = pair.value as Node | null;
		} else if (isSeq(node) && typeof key === 'number') {
			const item = node.items[key] as Node | undefined;
			if (!item) break;
			found = place(item.range?.[0] ?? 0);
			node = item;
		} else {
			break;
		}
	}
	return found;
}

/** The pair of `key` in a map, or in a map it merges with `<<` (written there, or repeated by `*alias`). */
function pairOf(document: Document, map: YAMLMap, key: PropertyKey, seen = new Set<YAMLMap>()): Pair | undefined {
	const own = map.items.find((item) => isScalar(item.key) && item.key.value === key);
	if (own) return own;
	// A map that merges itself (`a: &a` then `<<: *a` inside it) is looked through once.
	if (seen.has(map)) return undefined;
	seen.add(map);
	for (const item of map.items) {
		// The parser reads a merge key `<<` as a symbol.
		if (!isScalar(item.key) || typeof item.key.value !== 'symbol') continue;
		const merged = isAlias(item.value) ? item.value.resolve(document) : item.value;
		const sources = isSeq(merged) ? merged.items : [merged];
		for (const source of sources) {
			const map = isAlias(source) ? source.resolve(document) : source;
			const pair = isMap(map) ? pairOf(document, map, key, seen) : undefined;
			if (pair) return pair;
		}
	}
	return undefined;
}

/** The offset of the first quote that opens a value and is not closed on its own line. */
function unclosedQuoteOffset(yamlText: string): number | undefined {
	let offset = 0;
	for (const line of yamlText.split('\n')) {
		const value = /^(\s*(?:-\s+)?(?:[^\s:#'"][^:#]*:\s+|-\s+))(["'])/.exec(line);
		if (value) {
			const quote = value[2] ?? '"';
			const rest = line.slice((value[1] ?? '').length + 1);
			const closed = quote === '"' ? /(^|[^\\])"/.test(rest) : /'(?!')/.test(rest.replace(/''/g, ''));
			if (!closed) return offset + (value[1] ?? '').length;
		}
		offset += line.length + 1;
	}
	return undefined;
}

function firstInvalidUtf8(bytes: Uint8Array): Position {
	const text = new TextDecoder().decode(bytes);
	const lines = text.slice(0, Math.max(0, text.indexOf('\uFFFD'))).split('\n');
	return { line: lines.length, column: (lines.at(-1)?.length ?? 0) + 1 };
}
