/** The names one actor goes by: its name first, then its aliases. */
export interface NamedActor {
	id: string;
	names: readonly string[];
}

/** One place in a text where an actor is named. */
export interface NameMatch {
	id: string;
	start: number;
	end: number;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Finds actors' names in running text. Names match whole words and case-sensitively ("US" is not "us"); a
 * longer name wins over a shorter one inside it ("US Army" over "US"); a name glued to a word by a hyphen
 * is not a mention ("pro-Iran" does not name Iran); curly and straight apostrophes are the same.
 */
export function createNameMatcher(actors: readonly NamedActor[]): (text: string) => NameMatch[] {
	const idByName = new Map<string, string>();
	for (const actor of actors) {
		for (const name of actor.names) {
			const key = normaliseApostrophes(name);
			if (!idByName.has(key)) idByName.set(key, actor.id);
		}
	}
	if (idByName.size === 0) return () => [];
	const alternatives = [...idByName.keys()]
		.sort((a, b) => b.length - a.length)
		.map((name) => escapeRegExp(name).replace(/'/g, "['’]"));
	const pattern = new RegExp(`(?<![\\p{L}\\p{N}_-])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}_]|-\\p{L})`, 'gu');
	return (text) =>
		[...text.matchAll(pattern)].map((match) => ({
			id: idByName.get(normaliseApostrophes(match[0])) ?? '',
			start: match.index,
			end: match.index + match[0].length,
		}));
}

function normaliseApostrophes(text: string): string {
	return text.replace(/’/g, "'");
}
