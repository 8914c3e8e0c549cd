import { problemAtPosition, type Check } from './check';

/** Two files whose names give the same id would silently replace one another in Astro. */
export const duplicateIdCheck: Check = ({ files }) => {
	const byKey = Map.groupBy(files, (file) => `${file.collection}/${file.id}`);
	return [...byKey.values()]
		.filter((group) => group.length > 1)
		.flatMap((group) =>
			group.map((file) => {
				const others = group.filter((other) => other !== file).map((other) => other.path);
				return problemAtPosition(
					file,
					{ line: 1, column: 1 },
					`duplicate slug "${file.id}": ${others.join(', ')} has the same id`,
					'rename one of the files: the id comes from the file name',
				);
			}),
		);
};
