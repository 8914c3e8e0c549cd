import { listAt, problemAt, OWN_FILE, scoped } from './check';
import { hasStory, type ContentFile } from './content-files';
import type { Problem } from './problem';
import { positionIn, type StoryFacts } from './story-facts/facts';
import { editDistance } from './suggest';

/** Whether words stand word for word in the story, curly or straight quotes, ellipses and spacing aside. */
export function quotedInStory(facts: StoryFacts): (words: string) => boolean {
	const normalise = (text: string) =>
		text
			.replace(/[\u2018\u2019\u201B\u2032]/g, "'")
			.replace(/[\u201C\u201D\u201F\u2033«»]/g, '"')
			.replace(/\u2026/g, '...')
			.replace(/[\s\u00A0]+/g, ' ')
			.trim();
	const story = facts.blockTexts.map((block) => normalise(block.value)).join('\n');
	return (words) => story.includes(normalise(words));
}

/** Longer quotes get no suggestion: comparing them with every passage of a story would take seconds. */
const MAX_SUGGESTED_WORDS = 60;

/**
 * The passage of the story most like `words`, word by word, when it is close enough to be the same quote changed in
 * one of the two places, so the editor sees which words differ: ` the story has “…” at line N`, or nothing.
 */
export function closestPassage(facts: StoryFacts, words: string): string {
	const wordsOf = (text: string) => [...text.matchAll(/[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu)];
	const fold = (word: string) => word.toLowerCase().replace(/’/g, "'");
	const target = wordsOf(words).map(([word]) => fold(word));
	if (target.length === 0 || target.length > MAX_SUGGESTED_WORDS) return '';
	let best: { distance: number; text: string; line: number } | undefined;
	for (const block of facts.blockTexts) {
		const found = wordsOf(block.value);
		const folded = found.map(([word]) => fold(word));
		for (let length = Math.max(1, target.length - 2); length <= target.length + 2; length++) {
			for (let start = 0; start + length <= found.length; start++) {
				const distance = editDistance(target, folded.slice(start, start + length));
				const [first, last] = [found[start], found[start + length - 1]];
				if (!first || !last || (best && distance >= best.distance)) continue;
				const from = first.index;
				best = {
					distance,
					text: block.value.slice(from, last.index + last[0].length),
					line: positionIn(block, from).line,
				};
			}
		}
	}
	return best && best.distance <= Math.max(1, Math.floor(target.length / 3))
		? `; the story has “${best.text.replace(/\s+/g, ' ')}” at line ${best.line}`
		: '';
}

/** Given the ids of a file's quotes or claims in turn, the problem at each that an earlier item already uses. */
export function repeatedIds(file: ContentFile, list: 'quotes' | 'claims') {
	const item = list.slice(0, -1);
	const seen = new Map<string, number>();
	return (id: unknown, index: number): Problem[] => {
		if (typeof id !== 'string') return [];
		const first = seen.get(id);
		if (first === undefined) {
			seen.set(id, index);
			return [];
		}
		return [
			problemAt(file, [list, index, 'id'], {
				message: `${item} id "${id}" is already used by ${list}[${first}]`,
				hint: `give each ${item} its own id: it is the ${item}’s anchor on the page`,
			}),
		];
	};
}

/** Every quote must stand word for word in the story, so a quote edited in one place only is caught. */
export const quoteCheck = scoped(OWN_FILE, ({ articles, storyFacts }) =>
	articles.flatMap((file): Problem[] => {
		const facts = storyFacts(file);
		if (!facts || facts.syntaxError || !hasStory(file)) return [];
		const inStory = quotedInStory(facts);
		const repeatedId = repeatedIds(file, 'quotes');
		return listAt<{ id?: unknown; text?: unknown } | null>(file, 'quotes').flatMap((quote, index): Problem[] => {
			const problems = repeatedId(quote?.id, index);
			if (typeof quote?.text === 'string' && !inStory(quote.text)) {
				problems.push(
					problemAt(file, ['quotes', index, 'text'], {
						message: `these words do not appear word for word in the story${closestPassage(facts, quote.text)}`,
						hint: 'copy the words from the story (without the quotation marks), or correct the story too',
					}),
				);
			}
			return problems;
		});
	}),
);
