import { z } from 'astro/zod';
import { smartPunctuation } from '../plugins/remark-smart-punctuation';

/** Zod schemas never change once made, so one per limit is shared by every field. */
const built = new Map<number | undefined, z.ZodPipe<z.ZodString, z.ZodTransform<string, string>>>();

/**
 * Prose an editor writes in a field (a headline, a caption, a quote's words): trimmed, not empty, at most `max`
 * characters as typed (`--` is two, though it becomes one dash), then given the story's typographic punctuation
 * (curly quotes and apostrophes, `--` as a dash, `...` as an ellipsis) by the same passes as the story
 * (src/plugins/remark-smart-punctuation.ts). The content checks read the text as typed, so quotes still match the
 * story word for word.
 */
export function ProseSchema({ max }: { max?: number } = {}) {
	let schema = built.get(max);
	if (!schema) {
		const typed = z.string().trim().min(1);
		schema = (max === undefined ? typed : typed.max(max)).transform(smartPunctuation);
		built.set(max, schema);
	}
	return schema;
}
