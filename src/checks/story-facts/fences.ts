import type { Position } from '../content-files.ts';

/** A line that opens or closes a code fence: up to three spaces, then three or more backticks or tildes. */
const FENCE = /^ {0,3}(`{3,}|~{3,})(.*)$/;

/**
 * Where a story opens a code fence it never closes (`body` starts on file line `line`), which Markdown and MDX
 * accept: everything after it is then shown as code, its quotes and names gone from the page without an error.
 */
export function unclosedFence(body: { text: string; line: number } | undefined): Position | undefined {
	if (!body) return undefined;
	let open: { marks: string; at: Position } | undefined;
	body.text.split('\n').forEach((text, index) => {
		const [, marks = '', rest = ''] = FENCE.exec(text.replace(/\r$/, '')) ?? [];
		if (!marks) return;
		if (!open) {
			// A backtick fence's info string may not hold a backtick.
			if (!(marks.startsWith('`') && rest.includes('`'))) open = { marks, at: { line: body.line + index, column: 1 } };
		} else if (marks[0] === open.marks[0] && marks.length >= open.marks.length && rest.trim() === '') {
			open = undefined;
		}
	});
	return open?.at;
}
