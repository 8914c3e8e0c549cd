import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { AstroError } from 'astro/errors';

/** One thing wrong with the content, where it is, and how to fix it. */
export interface Problem {
	/** `error` stops the build; `warning` is printed and, with `--strict`, stops it too. */
	severity: 'error' | 'warning';
	/** The file, relative to the project root, e.g. `content/articles/x.mdx`. */
	file: string;
	/** 1-based line and column of the offending field or text. */
	line: number;
	column: number;
	/** The frontmatter or YAML field, e.g. `quotes[2].speaker`, when the problem is in one. */
	field?: string | undefined;
	/** What is wrong, in plain words. */
	message: string;
	/** How to fix it. */
	hint?: string | undefined;
}

/** `content/articles/x.mdx:7:5 quotes[2].speaker: no actor "pat-rider" — did you mean "pat-ryder"?` */
export function formatProblem(problem: Problem): string {
	const where = `${problem.file}:${problem.line}:${problem.column}`;
	const field = problem.field ? ` ${problem.field}:` : '';
	const hint = problem.hint ? `\n    → ${problem.hint}` : '';
	return `${where}${field} ${problem.message}${hint}`;
}

/** `1 error`, `2 errors`. */
export const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * The report editors see: every problem, one per line, errors first, and the warnings under a line of their own:
 * the terminal and the error overlay print both in one colour.
 */
export function describeProblems(problems: readonly Problem[]): string {
	const errors = problems.filter((problem) => problem.severity === 'error');
	const warnings = problems.filter((problem) => problem.severity === 'warning');
	return [
		`${count(errors.length, 'error')} and ${count(warnings.length, 'warning')} in the content:`,
		...errors.map(formatProblem),
		...(errors.length > 0 && warnings.length > 0 ? ['Warnings, which do not stop the build:'] : []),
		...warnings.map(formatProblem),
	].join('\n');
}

/**
 * The error that stops `astro build` or shows in the dev overlay when the content has errors: the report and `hint`,
 * located at the report's first error, so Astro's terminal output and overlay show that file and its lines rather
 * than the code that threw, and without a stack trace, which would only say where the checks stopped.
 */
export function contentError(problems: readonly Problem[], hint: string, projectRoot = process.cwd()): AstroError {
	const error = new AstroError(describeProblems(problems), hint);
	const first = problems.find((problem) => problem.severity === 'error');
	if (first) {
		const file = resolve(projectRoot, first.file);
		// The overlay shows the file's text around the line; Astro reads it itself only for files inside the project.
		let fullCode: string | undefined;
		try {
			fullCode = readFileSync(file, 'utf8');
		} catch {
			fullCode = undefined;
		}
		Object.assign(error, { loc: { file, line: first.line, column: first.column }, fullCode });
	}
	error.stack = '';
	return error;
}

/** A field path as editors read it: `quotes[2].speaker`. */
export function fieldName(path: readonly PropertyKey[]): string {
	return path.reduce<string>(
		(name, key) => (typeof key === 'number' ? `${name}[${key}]` : name ? `${name}.${String(key)}` : String(key)),
		'',
	);
}

/** Orders problems by file, then position, so a report reads top to bottom. */
export function sortProblems(problems: Problem[]): Problem[] {
	return [...problems].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
}

/** Code or text as short as an error message can quote it: on one line, at most 60 characters. */
export function shorten(text: string): string {
	const oneLine = text.replace(/\s+/g, ' ');
	return oneLine.length > 60 ? `${oneLine.slice(0, 57)}…` : oneLine;
}
