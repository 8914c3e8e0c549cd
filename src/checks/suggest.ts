/** The known id closest to a mistyped one, if it is close enough to be a likely typo. */
export function closest(wrong: string, known: Iterable<string>): string | undefined {
	let best: { id: string; distance: number } | undefined;
	for (const id of known) {
		const distance = editDistance(wrong, id);
		if (!best || distance < best.distance) best = { id, distance };
	}
	return best && best.distance <= Math.max(2, Math.floor(wrong.length / 4)) ? best.id : undefined;
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
