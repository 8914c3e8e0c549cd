// With `.ts`: Node runs this file as it is in the story facts' worker (src/checks/story-facts/prepare-worker.ts).
import { topicSlug } from './paths.ts';

/** Apostrophes: straight `'`, typographic `’` and `‘`, and the modifier letter `ʼ` of transliterations. */
const APOSTROPHES = /['\u2018\u2019\u02bc]/g;

/**
 * The id a text gives: lower-cased, accents and apostrophes dropped (`Kait'ib` is `kaitib`, not `kait-ib`), with
 * runs of other characters turned into single hyphens. Empty when the text has no Latin letter or digit.
 */
export function idFromText(text: string): string {
	// A topic's slug less the apostrophes, taken out once decomposed: the full-width ＇ decomposes to one.
	return topicSlug(text.normalize('NFKD').replace(APOSTROPHES, ''));
}

/**
 * The id of an entry is its file name without the extension, made an id as {@link idFromText} makes one. Two files
 * whose names give the same id are a duplicate slug: the content checks report them, because Astro would silently
 * let one replace the other.
 */
export function idFromFileName({ entry }: { entry: string }): string {
	return idFromText(entry.replace(/^.*\//, '').replace(/\.[^.]+$/, ''));
}
