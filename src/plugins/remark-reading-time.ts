import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { VFile } from 'vfile';

export interface RemarkReadingTimeOptions {
	/** Reading speed in words per minute. Default: 230, an adult reading news prose. */
	wordsPerMinute?: number;
}

/** Puts the body's reading time in whole minutes (at least 1) into `readingMinutes` of the frontmatter. */
export default function remarkReadingTime(options: RemarkReadingTimeOptions = {}) {
	const wordsPerMinute = options.wordsPerMinute ?? 230;
	return function transform(tree: Root, file: VFile) {
		const words = toString(tree).split(/\s+/).filter(Boolean).length;
		((file.data.astro ??= {}).frontmatter ??= {})['readingMinutes'] = Math.max(1, Math.round(words / wordsPerMinute));
	};
}
