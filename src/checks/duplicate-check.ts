import type { Check } from './check';
import type { Problem } from './problem';

/** Two files whose names give the same id would silently replace one another in Astro. */
export const duplicateIdCheck: Check = ({ files }) => {
	const byKey = Map.groupBy(files, (file) => `${file.collection}/${file.id}`);
	return [...byKey.values()]
		.filter((group) => group.length > 1)
		.flatMap((group) =>
			group.map((file): Problem => ({
				severity: 'error',
				file: file.path,
				line: 1,
				column: 1,
				message: `duplicate slug "${file.id}": ${group
					.filter((other) => other !== file)
					.map((other) => other.path)
					.join(', ')} has the same id`,
				hint: 'rename one of the files: the id comes from the file name',
			})),
		);
};
