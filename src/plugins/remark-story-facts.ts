import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import type { CompiledStoryFacts } from '../checks/story-facts/compiled';
import { storyFactsOf } from '../checks/story-facts/facts';

/**
 * Reads what the content checks and the search index need from each story (src/checks/story-facts/facts.ts) from
 * the tree Astro's MDX compile has just parsed, and hands it to `store`, keyed by the file's path: so a build parses
 * each story once. It must come first in the plugin list (src/plugins/index.ts): the facts are the story as written,
 * before typographic punctuation and mentions change its text. MDX gives the plugins the whole file with its
 * frontmatter blanked out, so every position is a line and column of the file. It changes nothing in the tree.
 */
export default function remarkStoryFacts({ store }: { store: CompiledStoryFacts }) {
	return function transform(tree: Root, file: VFile) {
		if (!store.collecting || !file.path) return;
		// The compiler's path may carry a query.
		const source = String(file.value);
		store.add(file.path.replace(/[?#].*$/, ''), source, storyFactsOf(tree, source));
	};
}
