import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { VFile } from 'vfile';

/** Reading speed in words per minute: an adult reading news prose. */
const WORDS_PER_MINUTE = 230;

/** Puts the body's reading time in whole minutes (at least 1) into `readingMinutes` of the frontmatter. */
export default function remarkReadingTime() {
	return function transform(tree: Root, file: VFile) {
		const words = toString(tree).split(/\s+/).filter(Boolean).length;
		((file.data.astro ??= {}).frontmatter ??= {})['readingMinutes'] = Math.max(1, Math.round(words / WORDS_PER_MINUTE));
	};
}
