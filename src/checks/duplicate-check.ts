import { basename } from 'node:path';
import { listAt, OWN_FILE, problemAt, problemAtPosition, scoped, type Check } from './check';
import type { ContentFile } from './content-files';
import type { Problem } from './problem';
import { topicKey } from './topic-check';

/**
 * Two files whose names give the same id would silently replace one another in Astro. The file whose name is its id
 * (`dana-reyes.yaml`) is the one kept; each other one (`Dana Reyes.yaml`) is the one problem, naming the kept file.
 */
export const duplicateIdCheck: Check = ({ files }) => {
	const named = (file: ContentFile) => basename(file.path).startsWith(`${file.id}.`);
	return [...Map.groupBy(files, (file) => `${file.collection}/${file.id}`).values()].flatMap((group) => {
		const [kept, ...others] = [...group].sort((a, b) => Number(named(b)) - Number(named(a)));
		if (!kept) return [];
		return others.map((file) =>
			problemAtPosition(
				file,
				{ line: 1, column: 1 },
				`duplicate slug "${file.id}": ${kept.path} has the same id`,
				`rename or remove this file: the id comes from the file name, so ${basename(file.path)} and ` +
					`${basename(kept.path)} are the same entry to Astro`,
			),
		);
	});
};

/** A headline as readers compare two: case, spacing and the kind of quotes aside. */
const headlineKey = (title: string) =>
	title
		.normalize('NFKC')
		.toLowerCase()
		.replace(/[\u2018\u2019]/g, "'")
		.replace(/[\u201C\u201D]/g, '"')
		.replace(/\s+/g, ' ')
		.trim();

/**
 * Two explainers with one headline: lists, search results and shared links would not tell them apart. Files that
 * share a slug as well are left to the duplicate slug's problem.
 */
export const duplicateTitleCheck: Check = ({ articles }) => {
	const titled = articles.filter((file) => typeof (file.data as { title?: unknown } | undefined)?.title === 'string');
	const byHeadline = Map.groupBy(titled, (file) => headlineKey((file.data as { title: string }).title));
	return [...byHeadline.values()].flatMap((group) =>
		group.flatMap((file) => {
			const others = group.filter((other) => other.id !== file.id).map((other) => other.path);
			if (others.length === 0) return [];
			return [
				problemAt(file, ['title'], {
					message: `${others.join(', ')} has the same headline`,
					hint: 'give each explainer a headline of its own: readers tell them apart by it in lists and search',
				}),
			];
		}),
	);
};

/** The lists an explainer names each item of once, by what identifies an item: an id, a source's name, a topic. */
const LISTED_ONCE: Record<string, (item: unknown) => unknown> = {
	actors: (id) => id,
	places: (id) => id,
	sources: (source) => (source as { name?: unknown } | null)?.name,
	// `Testing` and `testing` are one topic, shown twice.
	topics: (topic) => (typeof topic === 'string' ? topicKey(topic) : topic),
};

/** An actor or place listed twice would show twice on the page, a source twice in the credits. */
export const listedOnceCheck = scoped(OWN_FILE, ({ articles }) =>
	articles.flatMap((file) =>
		Object.entries(LISTED_ONCE).flatMap(([list, keyOf]) => {
			const items = listAt(file, list);
			const keys = items.map(keyOf);
			return keys.flatMap((key, index): Problem[] => {
				if (typeof key !== 'string' || keys.indexOf(key) === index) return [];
				const item = items[index];
				const listed = typeof item === 'string' ? item : key;
				return [
					problemAt(file, [list, index], { message: `"${listed}" is listed twice`, hint: 'remove the second one' }),
				];
			});
		}),
	),
);
