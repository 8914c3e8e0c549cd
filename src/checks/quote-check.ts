import { listAt, problemAt, OWN_FILE, scoped } from './check';
import { hasStory, type ContentFile } from './content-files';
import type { Problem } from './problem';
import { unclosedFence } from './story-facts/fences';
import { nothingRead, positionIn, type StoryFacts } from './story-facts/facts';
import { codePoint } from '../utils/words';

/**
 * Whether words stand word for word in the story, curly or straight quotes, ellipses and spacing aside. In the
 * paragraphs MDX could not read, the same words in the same order will do, once their markup is set aside.
 */
export function quotedInStory(facts: StoryFacts): (words: string) => boolean {
	const normalise = (text: string) =>
		text
			.replace(/[\u2018\u2019\u201B\u2032]/g, "'")
			.replace(/[\u201C\u201D\u201F\u2033«»]/g, '"')
			.replace(/\u2026/g, '...')
			// `--` is printed as an em dash, in the story and in a quote alike (remark-smart-punctuation.ts).
			.replace(/--/g, '\u2014')
			.replace(/[\s\u00A0]+/g, ' ')
			.trim();
	// Emphasis copied from the story with its Markdown (`*pause*`) is the Markdown check's one problem.
	const withoutEmphasis = (text: string) => text.replace(/(\*{1,2}|_{1,2})(\S(?:.*?\S)?)\1/g, '$2');
	const story = facts.blockTexts.map((block) => normalise(block.value)).join('\n');
	const wordRun = (text: string) => ` ${foldedWords(text).join(' ')} `;
	const unread = facts.unreadText === undefined ? '' : wordRun(withoutMarkup(facts.unreadText));
	return (words) =>
		story.includes(normalise(withoutEmphasis(words))) || (unread !== '' && unread.includes(wordRun(words)));
}

/** MDX text without its markup's words: comments, tags, link addresses and braces. */
const withoutMarkup = (text: string) =>
	text
		.replace(/<!--[\s\S]*?(?:-->|$)/g, ' ')
		.replace(/<\/?[A-Za-z][^<>\n]*>?/g, ' ')
		.replace(/\]\([^)\n]*\)?/g, ' ')
		.replace(/[{}]/g, ' ');

const wordsOf = (text: string) => [...text.matchAll(/[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu)];

/** The words of a text as compared: lower case, with straight apostrophes. */
const foldedWords = (text: string) => wordsOf(text).map(([word]) => word.toLowerCase().replace(/’/g, "'"));

/**
 * The passage of the story most like `words`, word by word, when it is close enough to be the same quote changed in
 * one of the two places, so the editor sees which words differ: `; the story has “…” at line N`, or nothing.
 */
export function closestPassage(facts: StoryFacts, words: string): string {
	const quoted = foldedWords(words);
	if (quoted.length === 0) return '';
	let best: { distance: number; text: string; line: number } | undefined;
	for (const block of facts.blockTexts) {
		const found = wordsOf(block.value);
		const span = closestSpan(quoted, foldedWords(block.value));
		const [first, last] = [found[span.start], found[span.end - 1]];
		if (!first || !last || (best && span.distance >= best.distance)) continue;
		// With the punctuation around the words, which is all that differs when the words are the same.
		const end = last.index + last[0].length;
		const after = /^[^\s\p{L}\p{N}"“”'‘’]*/u.exec(block.value.slice(end))?.[0] ?? '';
		const text = block.value.slice(first.index, end + (span.distance === 0 ? after.length : 0));
		best = { distance: span.distance, text, line: positionIn(block, first.index).line };
	}
	if (best?.distance === 0) {
		// Folded alike: the words differ in their capitals (`we pause` for `We pause`), else in their punctuation.
		const written = wordsOf(words);
		const other = wordsOf(best.text).some(([word], index) => word !== written[index]?.[0])
			? 'other capitals'
			: 'other punctuation';
		return `; the story has the same words with ${other}, “${best.text.replace(/\s+/g, ' ')}” at line ${best.line}`;
	}
	// Up to two words in five changed, added or dropped: the same quote, still, not another passage.
	return best && best.distance <= Math.max(1, Math.floor((quoted.length * 2) / 5))
		? `; the story has “${best.text.replace(/\s+/g, ' ')}” at line ${best.line}`
		: '';
}

/**
 * The run of `text` most like `pattern` (both lists of words): the edit distance between them, with the run free to
 * start and end anywhere in `text` (Sellers' algorithm), and where the run starts and ends.
 */
function closestSpan(pattern: readonly string[], text: readonly string[]) {
	let previous = Array.from({ length: text.length + 1 }, (_, end) => ({ cost: 0, start: end }));
	for (let i = 1; i <= pattern.length; i++) {
		const current = [{ cost: i, start: 0 }];
		for (let j = 1; j <= text.length; j++) {
			const [diagonal, above, left] = [previous[j - 1], previous[j], current[j - 1]];
			if (!diagonal || !above || !left) break;
			const candidates = [
				{ cost: diagonal.cost + (pattern[i - 1] === text[j - 1] ? 0 : 1), start: diagonal.start },
				{ cost: above.cost + 1, start: above.start },
				{ cost: left.cost + 1, start: left.start },
			];
			current.push(candidates.reduce((a, b) => (b.cost < a.cost ? b : a)));
		}
		previous = current;
	}
	let best = { distance: Infinity, start: 0, end: 0 };
	// Of runs as close, one ending on the quote's last word, else the one as long as the quote: the passage shown is
	// then not cut short of the word that differs ("We never" for "We never attacked" against "We never attack").
	const misfit = (start: number, end: number) => Math.abs(end - start - pattern.length);
	const endsAsQuote = (end: number) => text[end - 1] === pattern.at(-1);
	previous.forEach(({ cost, start }, end) => {
		const ends = Number(endsAsQuote(end)) - Number(endsAsQuote(best.end));
		const fits = misfit(start, end) < misfit(best.start, best.end);
		const closer = cost < best.distance || (cost === best.distance && (ends > 0 || (ends === 0 && fits)));
		if (end > start && closer) best = { distance: cost, start, end };
	});
	// Likewise at the start: a run just after the quote's first word starts on it, at no greater distance.
	if (best.start > 0 && text[best.start - 1] === pattern[0] && text[best.start] !== pattern[0]) best.start--;
	return best;
}

/**
 * Whether a story can be compared with its fields' words: it was read (around any syntax errors), it has words, and
 * no code fence left open swallows them (that fence is then the one problem, mdx-check.ts).
 */
export const storyToCompare = (file: ContentFile, facts: StoryFacts | undefined): facts is StoryFacts =>
	facts !== undefined && !nothingRead(facts) && hasStory(file) && unclosedFence(file.body) === undefined;

/**
 * Words written with quotation marks at both ends, which the page adds itself: `"a passive defense"`. Marks of the
 * same kind inside (`“No retreat” and “no surrender”`, `'No retreat' and 'no surrender'`) mean the words quote two
 * things, which the story does too; a single mark inside after a letter is an apostrophe (`'It's over'`).
 */
const WITHIN_QUOTATION_MARKS = /^\s*(?:["“”„«][^"“”„«»]*["“”»]|['‘](?:(?!\s['‘])[^‘])*['’])\s*$/;

/**
 * What is wrong with a quote's words at `path` (a quote's `text`, a claim's `quote`), if anything: written with the
 * quotation marks the page adds, or not word for word in the story (`hint` says what to do then).
 */
export function quotedWordsProblem(
	file: ContentFile,
	path: (string | number)[],
	words: string,
	{ facts, inStory }: { facts: StoryFacts; inStory: (words: string) => boolean },
	hint: string,
): Problem[] {
	if (WITHIN_QUOTATION_MARKS.test(words)) {
		return [
			problemAt(file, path, {
				message: 'the words are written with quotation marks, which the page adds itself',
				hint: 'remove the quotation marks at both ends',
			}),
		];
	}
	if (inStory(words)) return [];
	// Text pasted from a PDF brings ligatures ("ﬁ") that look like the story's letters and are not.
	const compatible = words.normalize('NFKC');
	// Letters only: an ellipsis or a no-break space, which NFKC changes too, the story's comparison already folds.
	const [pasted] = [...words].filter(
		(character) => /\p{L}/u.test(character) && character.normalize('NFKC') !== character,
	);
	if (pasted && inStory(compatible)) {
		return [
			problemAt(file, path, {
				message: `the words hold “${pasted}” (${codePoint(pasted)}), where the story has “${pasted.normalize('NFKC')}”`,
				hint: 'retype it as the story has it: text pasted from a PDF brings such characters along',
			}),
		];
	}
	return [
		problemAt(file, path, {
			message: `these words do not appear word for word in the story${closestPassage(facts, words)}`,
			hint,
		}),
	];
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
		if (!storyToCompare(file, facts)) return [];
		const inStory = quotedInStory(facts);
		const repeatedId = repeatedIds(file, 'quotes');
		return listAt<{ id?: unknown; text?: unknown } | null>(file, 'quotes').flatMap((quote, index): Problem[] => {
			if (typeof quote?.text !== 'string') return repeatedId(quote?.id, index);
			return [
				...repeatedId(quote.id, index),
				...quotedWordsProblem(
					file,
					['quotes', index, 'text'],
					quote.text,
					{ facts, inStory },
					'copy the words from the story (without the quotation marks), or correct the story too',
				),
			];
		});
	}),
);
