import { readdirSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { idFromText } from '../utils/ids';
import { listAt, problemAt, OWN_FILE, scoped, textItems, type CheckContext } from './check';
import { DATED_FIELDS } from './date-check';
import { imageFileFault } from './image-file';
import { lookAlikeIn } from './look-alikes';
import type { ContentFile } from './content-files';
import type { Problem } from './problem';
import { closest, didYouMean } from './suggest';

type Referenced = 'actors' | 'places' | 'articles';

interface Reference {
	path: (string | number)[];
	id: unknown;
	collection: Referenced;
}

/** Every place a file names another entry by id. */
function references(file: ContentFile): Reference[] {
	const ids = (key: string, collection: Referenced) =>
		listAt(file, key).map((id, index) => ({ path: [key, index], id, collection }));
	const field = (key: string, inner: string, collection: Referenced = 'actors') =>
		listAt<Record<string, unknown> | null>(file, key).map((item, index) => ({
			path: [key, index, inner],
			id: item?.[inner],
			collection,
		}));
	const reports = (key: string) => field(key, 'reportedIn', 'articles').filter((ref) => ref.id !== undefined);
	switch (file.collection) {
		case 'articles':
			return [...ids('actors', 'actors'), ...field('quotes', 'speaker'), ...ids('places', 'places')];
		case 'actors':
			return [
				...field('roles', 'organization').filter((ref) => ref.id !== undefined),
				...field('affiliations', 'actor'),
				...DATED_FIELDS.flatMap(reports),
			];
		case 'places':
			return [];
	}
}

// An actor's file renamed leaves the old id in explainers: the existing file comes first, so that it is not added again.
const HOW_TO_ADD: Record<Referenced, (id: string) => string> = {
	actors: (id) =>
		`use the file name of an actor in content/actors/, without .yaml (its new name, if the file was renamed), ` +
		`or add content/actors/${id}.yaml (npm run new:actor -- "Name")`,
	places: (id) => `add content/places/${id}.yaml (see docs/editing.md, “Places”) or use an existing id`,
	articles: () =>
		'use the slug of an explainer in content/articles/: its file name without .mdx (its new name, if the file was renamed)',
};

const KNOWN: Record<Referenced, (context: CheckContext) => ReadonlySet<string>> = {
	actors: (context) => context.actorIds,
	places: (context) => context.placeIds,
	articles: (context) => context.articleIds,
};

const WHAT: Record<Referenced, string> = { actors: 'actor', places: 'place', articles: 'explainer' };

/**
 * The known id an unknown one most likely means: the same written as an id ("Pat Ryder"), one spelt nearly so, or
 * the one id that begins with it, as when a file was renamed with words added (`dana-reyes-leader.yaml`) or an id
 * was left half typed (`pat-ry`). Not an id that merely holds it: `hezbollah` is not `kataib-hezbollah`.
 */
function likelyId(id: string, known: ReadonlySet<string>): string | undefined {
	// The file's name with its extension: `dana-reyes.yaml`, `story.mdx`.
	const withoutExtension = id.replace(/\.(?:ya?ml|mdx?)$/i, '');
	if (known.has(withoutExtension)) return withoutExtension;
	const asId = idFromText(id);
	if (known.has(asId)) return asId;
	const near = closest(id, known);
	if (near || asId.length < 4) return near;
	// `pat-ry` for pat-ryder; not `iraq` for iraqi-government, another entity.
	const begun = asId.includes('-') ? asId : `${asId}-`;
	const [only, ...more] = [...known].filter((other) => other.startsWith(begun));
	return more.length === 0 ? only : undefined;
}

/** A reference whose id names no entry of its collection, with the likely intended id or how to add the entry. */
export function referenceProblems(file: ContentFile, context: CheckContext, { path, id, collection }: Reference) {
	const known = KNOWN[collection](context);
	if (file.collection === 'actors' && collection === 'actors' && id === file.id) {
		return [
			problemAt(file, path, {
				message: `"${id}" is this actor's own id: a role or relation links it to another actor`,
				hint: 'write the id of the other actor, or remove the item',
			}),
		];
	}
	if (typeof id !== 'string' || known.has(id)) return [];
	// Two ids where a list takes one each: only an item of a list can be two items.
	const parts = typeof path.at(-1) === 'number' ? runTogetherIds(id, known) : undefined;
	if (parts) {
		return [
			problemAt(file, path, {
				message: `"${id}" is ${parts.length} ${WHAT[collection]}s’ ids run together`,
				hint: `put each on a line of its own after \`- \`, or separate them with commas: [${parts.join(', ')}]`,
			}),
		];
	}
	const suggestion = likelyId(id, known);
	const lookAlike = lookAlikeIn(id);
	return [
		problemAt(file, path, {
			message: `no ${WHAT[collection]} "${id}"${lookAlike ? `: it holds ${lookAlike}` : ''}${didYouMean(suggestion)}`,
			hint: suggestion
				? `change it to "${suggestion}"`
				: lookAlike
					? 'replace that character with the one you mean: ids are lower-case letters, digits and hyphens'
					: HOW_TO_ADD[collection](idFromText(id)),
		}),
	];
}

/**
 * Astro only logs an unknown `reference()`; here it stops the build, with a likely intended id. A figure's `image`
 * names a file, which Astro needs to find and read or it stops the build at no line of the content.
 */
export const referenceCheck = scoped(OWN_FILE, (context: CheckContext) => [
	...context.files.flatMap((file) =>
		references(file).flatMap((reference) => referenceProblems(file, context, reference)),
	),
	...context.articles.flatMap((file) => unlistedSpeakerProblems(file, context)),
	...context.articles.flatMap(figureImageProblems),
]);

/** The known ids that `id` is, when it is two or more of them written without a comma ("dana-reyes ostland"). */
function runTogetherIds(id: string, known: ReadonlySet<string>): string[] | undefined {
	const parts = id.split(/[\s,]+/).filter(Boolean);
	return parts.length > 1 && parts.every((part) => known.has(part)) ? parts : undefined;
}

/**
 * The actors an explainer lists, and those its unknown entries most likely mean ("Dana-Reyes", "dana-reyse" for
 * dana-reyes; each of "dana-reyes ostland"; each of a list written as one line of text): the entry's own problem
 * says so, and "not listed" problems elsewhere would repeat its one mistake.
 */
export function listedActorIds(file: ContentFile, context: CheckContext): Set<string> {
	const field = (file.data as Record<string, unknown> | undefined)?.['actors'];
	// `- ostland:` is the id with a colon after it, which YAML reads as a field with no value.
	const asWritten = (item: unknown) =>
		item && typeof item === 'object' && Object.values(item).every((value) => value === null)
			? Object.keys(item)
			: [item];
	const written = typeof field === 'string' ? [field] : textItems(listAt(file, 'actors').flatMap(asWritten));
	return new Set(
		written.flatMap((id) => {
			if (context.actorIds.has(id)) return [id];
			const meant = runTogetherIds(id, context.actorIds) ?? [likelyId(id, context.actorIds)];
			return [id, ...meant.filter((meantId) => meantId !== undefined)];
		}),
	);
}

/**
 * An actor an explainer names in a field (a quote's speaker, a claim's claimant) who is not in its `actors`: the
 * page would credit someone its Who's who does not introduce, with no summary or role as of the story's date.
 */
export function unlistedActorProblems(
	file: ContentFile,
	context: CheckContext,
	path: (string | number)[],
	id: string,
	consequence: string,
): Problem[] {
	if (listedActorIds(file, context).has(id)) return [];
	return [
		problemAt(file, path, {
			message: `"${id}" is not listed in \`actors\`, so ${consequence}`,
			hint: `add "${id}" to this article's \`actors\`, or correct the id`,
		}),
	];
}

/** Quotes whose speaker is an actor the explainer does not list. */
function unlistedSpeakerProblems(file: ContentFile, context: CheckContext): Problem[] {
	return listAt<{ speaker?: unknown } | null>(file, 'quotes').flatMap((quote, index) => {
		const speaker = quote?.speaker;
		if (typeof speaker !== 'string' || !context.actorIds.has(speaker)) return [];
		return unlistedActorProblems(
			file,
			context,
			['quotes', index, 'speaker'],
			speaker,
			'Who’s who has no entry for the quote’s speaker',
		);
	});
}

/** The files of a folder, for a likely image name; none when the folder cannot be read. */
function imageFilesIn(folder: string): string[] {
	try {
		return readdirSync(folder).filter((name) => /\.(?:jpe?g|png|webp|avif|gif|svg)$/i.test(name));
	} catch {
		return [];
	}
}

/** Figures whose `image` is not an image file beside the explainer. */
function figureImageProblems(file: ContentFile): Problem[] {
	return listAt<{ image?: unknown } | null>(file, 'figures').flatMap((figure, index): Problem[] => {
		const image = figure?.image;
		if (typeof image !== 'string') return [];
		const path = ['figures', index, 'image'];
		const problem = (message: string, hint: string) => [problemAt(file, path, { message, hint })];
		const fault = imageFileFault(resolve(dirname(file.path), image));
		if (fault === undefined) return [];
		const folder = dirname(resolve(dirname(file.path), image));
		const meant = fault === 'missing' ? closest(basename(image), imageFilesIn(folder)) : undefined;
		// The path as an editor writes it, from the explainer's folder: ./photo.jpg.
		const suggestion = meant && join(dirname(image), meant).replace(/^(?!\.{0,2}\/)/, './');
		return fault === 'missing'
			? problem(
					`no image file "${image}"${didYouMean(suggestion)}`,
					suggestion
						? `change it to "${suggestion}": file names are case-sensitive`
						: 'put the image beside the explainer and give its path from there, e.g. ./photo.jpg, or remove `image`',
				)
			: problem(
					`"${image}" is not an image the site can read`,
					'use a JPEG, PNG, WebP, AVIF, GIF or SVG file, saved again from an image editor if it is damaged',
				);
	});
}
