import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';

/**
 * Makes a story's Markdown headings one level lower: `##` becomes `<h3>`, under the page's `<h2>` "The story", of
 * which the story's subheadings are parts. Editors write `##` as in any Markdown; a heading already at the lowest
 * level (`######`) stays there. The content checks refuse `#` and skipped levels (heading-check.ts).
 */
export default function remarkStoryHeadingLevels() {
	return function transform(tree: Root) {
		visit(tree, 'heading', (heading) => {
			heading.depth = Math.min(heading.depth + 1, 6) as typeof heading.depth;
		});
	};
}
