import { charactersCardCannotDraw } from '../share-image/coverage';
import { OWN_FILE, problemAt, scoped } from './check';
import type { Problem } from './problem';

/**
 * The share image draws an explainer's headline and dek with fonts of Latin letters (src/share-image/): a character
 * they lack, such as Cyrillic or an emoji, is a box in the image social networks show. A warning: the page itself
 * shows every character.
 */
export const shareCardCheck = scoped(OWN_FILE, ({ articles }) =>
	articles.flatMap((file) =>
		(['title', 'dek'] as const).flatMap((field): Problem[] => {
			const text = (file.data as Record<string, unknown> | undefined)?.[field];
			const missing = typeof text === 'string' ? charactersCardCannotDraw(text) : [];
			if (missing.length === 0) return [];
			const named = missing.slice(0, 6).map((character) => `“${character}”`);
			if (missing.length > named.length) named.push(`${missing.length - named.length} more`);
			return [
				problemAt(file, [field], {
					message: `the share image cannot draw ${named.join(', ')}: its font has no such characters, so social networks would show boxes`,
					hint: 'write it in Latin letters if the share image matters, e.g. a name as English spells it',
					severity: 'warning',
				}),
			];
		}),
	),
);
