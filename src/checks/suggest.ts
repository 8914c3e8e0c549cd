/** How many letters a word has for each typo a suggestion may correct: `state` is not `site`, nor `Gaza` `Ghana`. */
const LETTERS_PER_TYPO = 4;

/**
 * The known value closest to a mistyped one, if it is close enough to be a likely typo: one typo in four letters,
 * one in a word of three to seven (`txt`, `Syira`), none in a shorter one.
 */
export function closest(wrong: string, known: Iterable<string>): string | undefined {
	let best: { id: string; distance: number } | undefined;
	for (const id of known) {
		const distance = editDistance(wrong, id);
		if (!best || distance < best.distance) best = { id, distance };
	}
	const typos = wrong.length < 3 ? 0 : Math.max(1, Math.floor(wrong.length / LETTERS_PER_TYPO));
	return best && best.distance <= typos ? best.id : undefined;
}

/** ` — did you mean "…"?` after a message, when there is a likely intended value. */
export const didYouMean = (suggestion: string | undefined) => (suggestion ? ` — did you mean "${suggestion}"?` : '');

/**
 * The typos between two strings: letters added, dropped or changed, and two neighbours swapped (`Syira`), each one
 * (Levenshtein's distance with transpositions, "optimal string alignment").
 */
function editDistance(a: string, b: string): number {
	const rows = [Array.from({ length: b.length + 1 }, (_, index) => index)];
	for (let i = 1; i <= a.length; i++) {
		const row = [i];
		for (let j = 1; j <= b.length; j++) {
			const [above, diagonal] = [rows[i - 1]?.[j] ?? 0, rows[i - 1]?.[j - 1] ?? 0];
			row[j] = Math.min(above + 1, (row[j - 1] ?? 0) + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
			if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
				row[j] = Math.min(row[j] ?? 0, (rows[i - 2]?.[j - 2] ?? 0) + 1);
			}
		}
		rows.push(row);
	}
	return rows[a.length]?.[b.length] ?? 0;
}
