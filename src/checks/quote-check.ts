import { listAt, problemAt, OWN_FILE, scoped } from './check';
import { hasStory, type ContentFile } from './content-files';
import type { Problem } from './problem';
import type { StoryFacts } from './story-facts/facts';

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
						message: 'these words do not appear word for word in the story',
						hint: 'copy the words from the story (without the quotation marks), or correct the story too',
					}),
				);
			}
			return problems;
		});
	}),
);
