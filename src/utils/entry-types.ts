import type { ContentEntryType, DataEntryType } from 'astro';
import type { LoaderContext } from 'astro/loaders';

/** How Astro reads one kind of content file (`.mdx`, `.yaml`) into an entry's data. */
export type EntryType = ContentEntryType | DataEntryType;

/**
 * A loader context's entry types with each one's reading of a file (`getEntryInfo`) wrapped, to spread over the
 * context; nothing when the context has none. Astro hands the entry types to the glob loader beside the documented
 * context (content-layer.js).
 */
export function wrapEntryInfo(
	context: LoaderContext,
	wrap: (read: EntryType['getEntryInfo']) => EntryType['getEntryInfo'],
): { entryTypes?: Map<string, EntryType> } {
	const { entryTypes } = context as LoaderContext & { entryTypes?: Map<string, EntryType> };
	if (!entryTypes) return {};
	const wrapped = (type: EntryType): EntryType => ({
		...type,
		getEntryInfo: wrap((params) => type.getEntryInfo(params)),
	});
	return { entryTypes: new Map([...entryTypes].map(([extension, type]) => [extension, wrapped(type)])) };
}
