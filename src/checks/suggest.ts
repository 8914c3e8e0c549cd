/** How many letters a word has for each typo a suggestion may correct: `state` is not `site`, nor `Gaza` `Ghana`. */
const LETTERS_PER_TYPO = 4;

/**
 * The known value closest to a mistyped one, if it is close enough to be a likely typo: one typo in four letters,
 * one in a word of three to seven (`txt`, `Syira`: two neighbours swapped count as one, though an edit distance
 * counts two), none in a shorter one.
 */
export function closest(wrong: string, known: Iterable<string>): string | undefined {
	let best: { id: string; distance: number } | undefined;
	for (const id of known) {
		const distance = editDistance(wrong, id);
		if (!best || distance < best.distance) best = { id, distance };
	}
	const typos = wrong.length < 3 ? 0 : Math.max(1, Math.floor(wrong.length / LETTERS_PER_TYPO));
	const closeEnough = best && (best.distance <= typos || (typos === 1 && oneTypoApart(wrong, best.id)));
	return closeEnough ? best?.id : undefined;
}

/** Whether two words differ by one letter added, dropped or changed, or by two neighbouring letters swapped. */
function oneTypoApart(a: string, b: string): boolean {
	let start = 0;
	while (start < a.length && start < b.length && a[start] === b[start]) start++;
	let end = 0;
	while (end < a.length - start && end < b.length - start && a.at(-1 - end) === b.at(-1 - end)) end++;
	const [restA, restB] = [a.slice(start, a.length - end), b.slice(start, b.length - end)];
	return (restA.length <= 1 && restB.length <= 1) || (restA.length === 2 && restA === [...restB].reverse().join(''));
}

/** ` — did you mean "…"?` after a message, when there is a likely intended value. */
export const didYouMean = (suggestion: string | undefined) => (suggestion ? ` — did you mean "${suggestion}"?` : '');

/** Levenshtein distance between two strings. */
function editDistance(a: string, b: string): number {
	let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
	for (let i = 1; i <= a.length; i++) {
		const current = [i];
		for (let j = 1; j <= b.length; j++) {
			current[j] = Math.min(
				(previous[j] ?? 0) + 1,
				(current[j - 1] ?? 0) + 1,
				(previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1),
			);
		}
		previous = current;
	}
	return previous[b.length] ?? 0;
}
