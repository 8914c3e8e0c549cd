import type { Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { ContentFile } from './content-files';

/** An article body parsed as MDX, or where parsing stopped. */
export type ParsedBody = { tree: Root } | { error: { message: string; line: number; column: number } };

const parser = unified().use(remarkParse).use(remarkMdx).use(remarkGfm);
const cache = new WeakMap<ContentFile, ParsedBody>();

/**
 * Parses an article's body the way MDX does, with the frontmatter blanked out so every position is a position
 * in the file. Syntax errors (an unclosed tag, a stray `{` or `<`) come back with their line and column.
 */
export function parseBody(file: ContentFile): ParsedBody {
	const cached = cache.get(file);
	if (cached) return cached;
	let parsed: ParsedBody;
	const body = file.body;
	if (!body) {
		parsed = { tree: { type: 'root', children: [] } };
	} else {
		const text = '\n'.repeat(body.line - 1) + body.text;
		try {
			parsed = { tree: parser.runSync(parser.parse(text)) as Root };
		} catch (error) {
			const place = error as { reason?: string; message: string; line?: number; column?: number };
			parsed = {
				error: { message: place.reason ?? place.message, line: place.line ?? body.line, column: place.column ?? 1 },
			};
		}
	}
	cache.set(file, parsed);
	return parsed;
}
