/**
 * The id of an entry is its file name without the extension, lower-cased with runs of other characters
 * turned into single hyphens. Two files whose names give the same id are a duplicate slug: the content checks
 * report them, because Astro would silently let one replace the other.
 */
export function idFromFileName({ entry }: { entry: string }): string {
	const base = entry.replace(/^.*\//, '').replace(/\.[^.]+$/, '');
	return base
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-|-$/g, '');
}
