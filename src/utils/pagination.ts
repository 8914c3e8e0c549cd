/**
 * Listings that grow with the newsroom (the home page, topics, actors) are split into pages, so each page stays
 * within one round trip (14,600 bytes with brotli, see docs/performance.md) however many explainers there are.
 * Page 1 keeps the listing's own URL; page n is `<listing>/page/<n>/`.
 */

/** How many items each kind of listing shows per page. Measured against the budget in tests/scale/. */
export const PAGE_SIZE = {
	/** Explainers (headline, dek, date) on the home page and topic pages. */
	articles: 20,
	/** Actors (name, summary) on the Who's who index. */
	actors: 40,
	/** Explainers, and quotes, on an actor's page. */
	actorPage: 15,
} as const;

/** Splits a listing into pages of `size` items, each with its number (from 1) and the count; empty, one page. */
export function paginateList<T>(items: readonly T[], size: number) {
	if (!Number.isInteger(size) || size < 1) throw new RangeError(`page size must be a positive integer, not ${size}`);
	const count = Math.max(1, Math.ceil(items.length / size));
	return Array.from({ length: count }, (_, index) => ({
		items: items.slice(index * size, (index + 1) * size),
		number: index + 1,
		count,
	}));
}

/** The rest parameter (`[...page]`) of page n: none for page 1, `page/<n>` after it. */
export const pageParam = (number: number): string | undefined => (number === 1 ? undefined : `page/${number}`);

/** The path of page n of a listing whose first page is `listingPath` (ending in `/`). */
export const pagedPath = (listingPath: string, number: number): string =>
	number === 1 ? listingPath : `${listingPath}page/${number}/`;

/** A listing page's title: the listing's name on page 1, "<name>, page n of count" after it. */
export const pagedTitle = (name: string, number: number, count: number): string =>
	number === 1 ? name : `${name}, page ${number} of ${count}`;
