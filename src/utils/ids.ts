/** Apostrophes: straight `'`, typographic `’` and `‘`, and the modifier letter `ʼ` of transliterations. */
const APOSTROPHES = /['\u2018\u2019\u02bc]/g;

/**
 * The id a text gives: lower-cased, accents and apostrophes dropped (`Kait'ib` is `kaitib`, not `kait-ib`), with
 * runs of other characters turned into single hyphens. Empty when the text has no Latin letter or digit.
 */
export function idFromText(text: string): string {
	return text
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.replace(APOSTROPHES, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-|-$/g, '');
}

/**
 * The id of an entry is its file name without the extension, made an id as {@link idFromText} makes one. Two files
 * whose names give the same id are a duplicate slug: the content checks report them, because Astro would silently
 * let one replace the other.
 */
export function idFromFileName({ entry }: { entry: string }): string {
	return idFromText(entry.replace(/^.*\//, '').replace(/\.[^.]+$/, ''));
}
