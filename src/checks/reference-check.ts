import { problemAt, type Check } from './check';
import type { ContentFile } from './content-files';
import { fieldName, type Problem } from './problem';
import { closest } from './suggest';

/** Every place an article or actor names an actor by id. */
function actorReferences(file: ContentFile): { path: (string | number)[]; id: unknown }[] {
	const data = (file.data ?? {}) as Record<string, unknown>;
	const list = (key: string) => (Array.isArray(data[key]) ? (data[key] as unknown[]) : []);
	const field = (key: string, inner: string) =>
		list(key).map((item, index) => ({
			path: [key, index, inner],
			id: (item as Record<string, unknown> | null)?.[inner],
		}));
	if (file.collection === 'articles') {
		return [...list('actors').map((id, index) => ({ path: ['actors', index], id })), ...field('quotes', 'speaker')];
	}
	return [...field('roles', 'organization').filter((ref) => ref.id !== undefined), ...field('affiliations', 'actor')];
}

/** Astro only logs an unknown `reference()`; here it stops the build, with a likely intended id. */
export const referenceCheck: Check = ({ files, actorIds }) =>
	files.flatMap((file) =>
		actorReferences(file).flatMap(({ path, id }): Problem[] => {
			if (typeof id !== 'string' || actorIds.has(id)) return [];
			const suggestion = closest(id, actorIds);
			return [
				problemAt(file, path, {
					field: fieldName(path),
					message: `no actor "${id}"${suggestion ? ` — did you mean "${suggestion}"?` : ''}`,
					hint: suggestion
						? `change it to "${suggestion}"`
						: `add content/actors/${id}.yaml (npm run new:actor -- "Name") or use an existing id`,
				}),
			];
		}),
	);
