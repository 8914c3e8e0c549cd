import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Root } from 'mdast';
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import { visit } from 'unist-util-visit';
import { MENTION_ELEMENT } from '../plugins/remark-actor-mentions';
import type { Check } from './check';
import type { ContentFile } from './content-files';
import { parseBody } from './mdx-body';
import type { Problem } from './problem';

/** An explainer body larger than this is a pasting accident, and would blow every page budget. */
export const MAX_BODY_BYTES = 200_000;

/** Components every article may use without importing them: the mention plugin handles them. */
const PROVIDED_COMPONENTS = new Set([MENTION_ELEMENT]);

const at = (file: ContentFile, line: number, column: number, message: string, hint?: string): Problem => ({
	severity: 'error',
	file: file.path,
	line,
	column,
	message,
	hint,
});

/** MDX that would not compile or render: syntax errors, missing imports, unknown components, empty bodies. */
export const mdxCheck: Check = ({ articles }) =>
	articles.flatMap((file): Problem[] => {
		const body = file.body;
		if (!body || file.syntaxErrors.length > 0) return [];
		const bytes = Buffer.byteLength(body.text);
		if (bytes > MAX_BODY_BYTES) {
			return [
				at(
					file,
					body.line,
					1,
					`the story is ${Math.round(bytes / 1000)} kB, more than the ${MAX_BODY_BYTES / 1000} kB an explainer may be`,
					'split it into several explainers, or check that nothing was pasted twice',
				),
			];
		}
		if (body.text.trim() === '') {
			return [
				at(
					file,
					body.line,
					1,
					'the article has frontmatter but no story',
					'write the story below the closing `---`; an empty page is never published',
				),
			];
		}
		const parsed = parseBody(file);
		if ('error' in parsed) {
			return [
				at(
					file,
					parsed.error.line,
					parsed.error.column,
					`MDX syntax error: ${parsed.error.message}`,
					'a `<` or `{` in text must be escaped as `\\<` or `\\{`; every tag must be closed',
				),
			];
		}
		return [...importProblems(file, parsed.tree), ...componentProblems(file, parsed.tree)];
	});

/** Imports whose file does not exist (Astro reports them off by the frontmatter's length). */
function importProblems(file: ContentFile, tree: Root): Problem[] {
	const problems: Problem[] = [];
	visit(tree, 'mdxjsEsm', (node) => {
		for (const match of node.value.matchAll(/from\s+['"]([^'"]+)['"]/g)) {
			const specifier = match[1] ?? '';
			if (!specifier.startsWith('.') && !specifier.startsWith('/')) continue;
			const target = resolve(dirname(file.path), specifier);
			if (existsSync(target)) continue;
			const before = node.value.slice(0, match.index);
			const line = (node.position?.start.line ?? 1) + (before.match(/\n/g)?.length ?? 0);
			problems.push(
				at(
					file,
					line,
					1,
					`import of a missing file "${specifier}"`,
					'check the path, relative to this file; editors need no import for <Mention>',
				),
			);
		}
	});
	return problems;
}

/** Capitalised JSX elements that are neither imported nor provided would fail only when the page renders. */
function componentProblems(file: ContentFile, tree: Root): Problem[] {
	const imported = new Set<string>();
	visit(tree, 'mdxjsEsm', (node) => {
		for (const match of node.value.matchAll(/import\s+(?:(\w+)|\{([^}]*)\})/g)) {
			if (match[1]) imported.add(match[1]);
			for (const name of (match[2] ?? '').split(',')) {
				const local = name
					.split(/\s+as\s+/)
					.at(-1)
					?.trim();
				if (local) imported.add(local);
			}
		}
	});
	const problems: Problem[] = [];
	visit(tree, (node) => {
		if (node.type !== 'mdxJsxFlowElement' && node.type !== 'mdxJsxTextElement') return;
		const name = (node as MdxJsxFlowElement | MdxJsxTextElement).name ?? '';
		const root = name.split('.')[0] ?? '';
		if (!/^[A-Z]/.test(root) || imported.has(root) || PROVIDED_COMPONENTS.has(name)) return;
		const start = node.position?.start;
		problems.push(
			at(
				file,
				start?.line ?? 1,
				start?.column ?? 1,
				`<${name}> is used but not imported`,
				`import it at the top of the body, or use <${MENTION_ELEMENT}>, the one component available without import`,
			),
		);
	});
	return problems;
}
