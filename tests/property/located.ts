import { existsSync, readFileSync, statSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import type { Problem } from '../../src/checks/problem';

/**
 * What is wrong with how a problem is reported, or undefined when an editor can act on it: it names a file of the
 * content folder, a line and column inside that file, says what is wrong and how to fix it.
 */
export function reportingFault(problem: Problem, contentRoot: string, projectRoot: string): string | undefined {
	if (problem.severity !== 'error' && problem.severity !== 'warning') return `severity "${String(problem.severity)}"`;
	if (typeof problem.message !== 'string' || problem.message.trim() === '') return 'no message';
	if (typeof problem.hint !== 'string' || problem.hint.trim() === '') return 'no hint on how to fix it';
	const path = resolve(projectRoot, problem.file);
	const inContent = relative(resolve(contentRoot), path);
	if (inContent === '' || inContent.startsWith('..') || inContent.startsWith(sep)) {
		return `names ${problem.file}, not a file of the content folder`;
	}
	if (!existsSync(path)) return `names ${problem.file}, which does not exist`;
	if (!Number.isInteger(problem.line) || problem.line < 1) return `line ${problem.line}`;
	if (!Number.isInteger(problem.column) || problem.column < 1) return `column ${problem.column}`;
	if (statSync(path).isDirectory()) {
		return problem.line === 1 && problem.column === 1 ? undefined : `a folder at ${problem.line}:${problem.column}`;
	}
	// As an editor's window shows the file: undecodable bytes as one character each, any line break a break.
	const text = new TextDecoder().decode(readFileSync(path));
	const lines = text.split(/\r\n|\r|\n|\u2028|\u2029/);
	const line = lines[problem.line - 1];
	if (line === undefined) return `line ${problem.line} of a file of ${lines.length} lines`;
	// A problem at the end of a line that a lone `\r` or a line separator cut short in the editor's view still points
	// at text of the line as the parsers count lines (`\n` only).
	const longest = Math.max(line.length, text.split('\n')[problem.line - 1]?.length ?? 0);
	if (problem.column > longest + 1) return `column ${problem.column} of line ${problem.line}, ${line.length} long`;
	return undefined;
}
