/**
 * An explainer file's frontmatter and its story, with the line the story starts on; undefined when the file does not
 * start with a frontmatter block. Imports nothing: the dev server's story worker runs it as it is.
 */
export function explainerParts(
	text: string,
): { frontmatter: string; body: { text: string; line: number } } | undefined {
	const match = /^---[ \t]*\r?\n([\s\S]*?)^---[ \t]*(?:\r?\n|$)/m.exec(text);
	if (!match || match.index !== 0) return undefined;
	return {
		frontmatter: match[1] ?? '',
		body: { text: text.slice(match[0].length), line: match[0].split('\n').length },
	};
}
