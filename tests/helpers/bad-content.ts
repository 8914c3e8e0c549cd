import { appendFileSync, cpSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Each case under tests/fixtures/bad-content/ is the valid `_base` content with one mistake: files to add or
 * replace, `edits` to make, files to `remove`. The case's `expect` says the exit code of `npm run check`, where
 * the problem is reported and a fragment of what it says.
 */
export interface BadContentCase {
	mistake: string;
	edits?: { file: string; find: string; replace: string }[];
	remove?: string[];
	append?: { file: string; text: string; times: number };
	expect: { exit?: number; file?: string; line?: number; column?: number; message?: string };
}

export const BAD_CONTENT_FIXTURES = join(import.meta.dirname, '../fixtures/bad-content');

/** The names of the cases: every folder but `_base`. */
export const badContentCases = (): string[] =>
	readdirSync(BAD_CONTENT_FIXTURES).filter((name) => !name.startsWith('_'));

/** Lays out the base content with the case's one mistake in `workspace/<name>`: the content folder to check. */
export function badContentFor(name: string, workspace: string): { dir: string; spec: BadContentCase } {
	const dir = join(workspace, name);
	cpSync(join(BAD_CONTENT_FIXTURES, '_base'), dir, { recursive: true });
	cpSync(join(BAD_CONTENT_FIXTURES, name), dir, { recursive: true, filter: (source) => !source.endsWith('case.json') });
	const spec = JSON.parse(readFileSync(join(BAD_CONTENT_FIXTURES, name, 'case.json'), 'utf8')) as BadContentCase;
	for (const edit of spec.edits ?? []) {
		const path = join(dir, edit.file);
		const text = readFileSync(path, 'utf8');
		if (!text.includes(edit.find)) throw new Error(`case ${name}: "${edit.find}" is not in ${edit.file}`);
		writeFileSync(path, text.replace(edit.find, edit.replace));
	}
	for (const file of spec.remove ?? []) rmSync(join(dir, file));
	if (spec.append) appendFileSync(join(dir, spec.append.file), spec.append.text.repeat(spec.append.times));
	return { dir, spec };
}
