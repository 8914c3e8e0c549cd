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

/** Curly apostrophes as straight ones: the names and the texts are compared so. */
export const normaliseApostrophes = (text: string) => text.replace(/’/g, "'");

/** A name as matched: apostrophes alike, and any run of spaces (a no-break space, a line break) one space. */
const nameKey = (name: string) => normaliseApostrophes(name).replace(/\s+/g, ' ');

/**
 * Finds actors' names in running text. Names match whole words and case-sensitively ("US" is not "us"); a
 * longer name wins over a shorter one inside it ("US Army" over "US"); a name glued to a word by a hyphen
 * is not a mention ("pro-Iran" does not name Iran); curly and straight apostrophes are the same, and so are a
 * space, a no-break space and a line break between a name's words.
 */
export function createNameMatcher(actors: readonly NamedActor[]): (text: string) => NameMatch[] {
	const idByName = new Map<string, string>();
	for (const actor of actors) {
		for (const name of actor.names) {
			const key = nameKey(name);
			if (!idByName.has(key)) idByName.set(key, actor.id);
		}
	}
	if (idByName.size === 0) return () => [];
	const alternatives = [...idByName.keys()]
		.sort((a, b) => b.length - a.length)
		.map((name) =>
			name
				.split(' ')
				.map((word) => word.split("'").map(RegExp.escape).join("['’]"))
				.join('\\s+'),
		);
	// The word boundary before a name is checked by hand, not by a lookbehind in the pattern: the engine would try
	// the lookbehind at every character of the text before the 600 names, ten times the cost at 1000 explainers.
	const pattern = new RegExp(`(?:${alternatives.join('|')})(?![\\p{L}\\p{N}_]|-\\p{L})`, 'gu');
	return (text) => {
		const matches: NameMatch[] = [];
		pattern.lastIndex = 0;
		for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
			if (gluedToWordBefore(text, match.index)) {
				// What the lookbehind would do: try again from the next character, where a shorter name may start.
				pattern.lastIndex = match.index + 1;
				continue;
			}
			matches.push({
				id: idByName.get(nameKey(match[0])) ?? '',
				start: match.index,
				end: match.index + match[0].length,
			});
		}
		return matches;
	};
}

const WORD_CHARACTER_AT_END = /[\p{L}\p{N}_-]$/u;

/** Whether the character before `index` joins a name there to a word ("xUS", "pro-Iran"). */
function gluedToWordBefore(text: string, index: number): boolean {
	// Two code units: the character before may be a letter outside the Basic Multilingual Plane.
	return index > 0 && WORD_CHARACTER_AT_END.test(text.slice(Math.max(0, index - 2), index));
}
