/*
 * The content the test build reads (tests/global-setup.ts): a copy of the content folder, the tests' own explainer
 * (tests/fixtures/test-build/), and, for every explainer, a second explainer made from it, published a year later
 * under a slug and a headline of its own.
 *
 * Why the tests' own explainer: tests of a feature (a pull quote, a mention that wraps on a phone, a map that leaves
 * a far place off, a relations graphic) need some page that has it, and what content/ has is the editors' to change.
 * The fixture is fictional, carries every feature a page can show, and its files are named `fixture-…` so they do
 * not meet the editors' ids; if they ever do, the run fails saying which file to rename.
 *
 * Why the copies: the site has few explainers, and tests written against one of them tend to assume it is the
 * only one (an actor's quotes counted on one explainer, "the" explainer of a topic). Editors keep adding
 * explainers, and a valid one must never turn the tests red. With the copies, every built-site and browser test
 * runs on several explainers that share every actor, topic and place, so such an assumption fails at once instead
 * of on the day a colleague adds a story. Moving the dates later keeps every quote and timeline date valid (they
 * may not come after publication), and the actors' dated facts (`reportedIn` an original) hold on the later day.
 *
 * The frontmatter is edited as text, line by line, so everything else stays byte for byte as the editor wrote it;
 * the result is read back with `yaml` and compared with the original, field by field, before the build sees it.
 */
import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { idFromFileName } from '../../src/utils/ids';

/** What a copy's headline starts with: distinct from the original's, and plain words a reader would accept. */
export const COPY_TITLE_PREFIX = 'Copy: ';

/** The longest headline the schema accepts (src/schemas/article.ts). */
const MAX_TITLE_LENGTH = 140;

/** Top-level fields holding a moment or a day of the explainer itself, moved a year later in a copy. */
const OWN_DATES = new Set(['published', 'updated', 'asOf']);

const FRONTMATTER = /^(---\r?\n)([\s\S]*?\r?\n)(---(?:\r?\n|$)[\s\S]*)$/;

/** One explainer copy: the original's slug and the copy's. */
export interface ExplainerCopy {
	original: string;
	copy: string;
}

/** The tests' own content, added to every test build (see the module comment). */
export const TEST_BUILD_FIXTURE = join(import.meta.dirname, '../fixtures/test-build');

/**
 * Copies `source` (a content folder: articles/, actors/, places/) to `target`, adds the tests' own content
 * (`fixture`) and a later copy of every explainer (see the module comment). Returns the copies made, by slug.
 * Fails, naming them, when ids of the fixture are ids in `source`.
 */
export function writeTestContent(source: string, target: string, fixture = TEST_BUILD_FIXTURE): ExplainerCopy[] {
	cpSync(source, target, { recursive: true });
	const clashes = ['articles', 'actors', 'places'].flatMap((collection) => {
		const ids = (folder: string) =>
			existsSync(join(folder, collection))
				? readdirSync(join(folder, collection)).map((entry) => idFromFileName({ entry }))
				: [];
		const editors = new Set(ids(target));
		return ids(fixture)
			.filter((id) => editors.has(id))
			.map((id) => `${collection}/${id}`);
	});
	if (clashes.length > 0) {
		throw new Error(
			`The content uses ids of the tests' own explainer (${fixture}): ${[...new Set(clashes)].join(', ')}.\n` +
				"Rename the fixture's files and the ids that refer to them, so the tests keep an explainer of their own.",
		);
	}
	cpSync(fixture, target, { recursive: true });
	const articles = join(target, 'articles');
	const files = readdirSync(articles).filter((name) => name.endsWith('.mdx'));
	const taken = new Set(files.map((entry) => idFromFileName({ entry })));
	return files.map((name) => {
		const original = idFromFileName({ entry: name });
		let copy = `${original}-copy`;
		while (taken.has(copy)) copy = `${copy}-copy`;
		taken.add(copy);
		writeFileSync(join(articles, `${copy}.mdx`), laterCopyOf(readFileSync(join(articles, name), 'utf8'), name));
		return { original, copy };
	});
}

/**
 * The text of an explainer's copy: its headline prefixed with {@link COPY_TITLE_PREFIX} (shortened to fit the
 * schema's limit when it must), and `published`, `updated`, `asOf` and the corrections' dates a year later. Fails,
 * naming `name`, when the edited frontmatter does not read back as exactly those changes.
 */
export function laterCopyOf(text: string, name = 'the explainer'): string {
	const match = FRONTMATTER.exec(text);
	if (!match) throw new Error(`${name} has no frontmatter between --- lines`);
	const [, open = '', yaml = '', rest = ''] = match;
	const original = parse(yaml) as Record<string, unknown>;
	if (typeof original['title'] !== 'string') throw new Error(`${name} has no title to copy`);
	const title = `${COPY_TITLE_PREFIX}${original['title'].trim()}`;
	const copyTitle = Array.from(title).slice(0, MAX_TITLE_LENGTH).join('').trimEnd();

	const lines = yaml.split(/(?<=\n)/);
	const out: string[] = [];
	let field: string | undefined;
	for (let index = 0; index < lines.length; index++) {
		const line = lines[index] ?? '';
		const key = /^([A-Za-z_][\w-]*):/.exec(line)?.[1];
		if (key !== undefined) field = key;
		if (key === 'title') {
			// The headline may go on over indented lines (a folded or quoted scalar): they are replaced too.
			while (index + 1 < lines.length && /^([ \t]|\r?\n$)/.test(lines[index + 1] ?? '')) index++;
			out.push(`title: ${JSON.stringify(copyTitle)}${line.endsWith('\r\n') ? '\r\n' : '\n'}`);
		} else if (key !== undefined && OWN_DATES.has(key)) {
			out.push(shiftLine(line, new RegExp(`^${key}:`), name));
		} else if (field === 'corrections' && /^\s+(?:-\s+)?date:/.test(line)) {
			// A correction comes after publication: it moves with it.
			out.push(shiftLine(line, /^\s+(?:-\s+)?date:/, name));
		} else {
			out.push(line);
		}
	}
	const copyYaml = out.join('');

	const expected: Record<string, unknown> = { ...original, title: copyTitle };
	for (const key of OWN_DATES) if (key in original) expected[key] = yearLater(original[key], `${name} ${key}`);
	if (Array.isArray(original['corrections'])) {
		expected['corrections'] = original['corrections'].map((correction: Record<string, unknown>, index) => ({
			...correction,
			date: yearLater(correction['date'], `${name} corrections[${index}].date`),
		}));
	}
	const actual = parse(copyYaml) as Record<string, unknown>;
	if (JSON.stringify(actual) !== JSON.stringify(expected)) {
		throw new Error(
			`The copy of ${name} does not read back as its frontmatter with a new title and later dates:\n` +
				`${JSON.stringify(actual)}\nexpected\n${JSON.stringify(expected)}`,
		);
	}
	return `${open}${copyYaml}${rest}`;
}

/** A date at the start of a YAML value (after an optional quote): the year, month and day. */
const DATE_AT_START = /^(\s*['"]?)(\d{4})-(\d{2})-(\d{2})/;

/** `line` with the date after `key` a year later; fails when the value does not start with a date. */
function shiftLine(line: string, key: RegExp, name: string): string {
	const head = key.exec(line)?.[0] ?? '';
	const value = line.slice(head.length);
	if (!DATE_AT_START.test(value)) throw new Error(`${name}: "${line.trim()}" does not start with a date to move`);
	return (
		head +
		value.replace(DATE_AT_START, (_, lead: string, year: string, month: string, day: string) => {
			return `${lead}${yearLaterDate(year, month, day)}`;
		})
	);
}

/** A date value read from YAML, a year later; a non-string (or undated) value fails. */
function yearLater(value: unknown, what: string): string {
	if (typeof value !== 'string' || !DATE_AT_START.test(value)) throw new Error(`${what} is not a date: ${value}`);
	return value.replace(DATE_AT_START, (_, lead: string, year: string, month: string, day: string) => {
		return `${lead}${yearLaterDate(year, month, day)}`;
	});
}

/** YYYY-MM-DD a year later; 29 February becomes 28 February, which every year has. */
function yearLaterDate(year: string, month: string, day: string): string {
	const later = String(Number(year) + 1).padStart(4, '0');
	return `${later}-${month}-${month === '02' && day === '29' ? '28' : day}`;
}
