import { z } from 'astro/zod';
import { ActorSchema } from '../schemas/actor';
import { ArticleSchema } from '../schemas/article';
import { PlaceSchema } from '../schemas/place';
import type { Collection } from './content-files';

/** The fields a file of each collection may have at its top level. */
const TOP_LEVEL_FIELDS: Record<Collection, readonly string[]> = {
	articles: Object.keys(ArticleSchema(z.string()).shape),
	actors: Object.keys(ActorSchema().shape),
	places: Object.keys(PlaceSchema().shape),
};

/** A top-level field written at the start of its line, and its name. */
const FIELD_LINE = /^([^\s#-][^:]*):/;

/** A field put in a comment, `# timeline:`, and its name. */
const COMMENTED_FIELD_LINE = /^#[ \t]*([A-Za-z]+):[ \t]*\r?$/;

/**
 * A field whose `key:` line the editor put in a comment but not the lines of its value (`# corrections:` over its
 * items): YAML then reads those lines as more of the field above, whose every item gets a problem of its own (a
 * quote with no `id`, no `speaker`…), none of which names the mistake. Only a comment that names a field of the
 * collection the file does not have, over lines that joined the field above, is taken for one, so a note such as
 * `# pulled quotes:` inside a list is left alone. Returns the mistake at the comment's offset in `yamlText`.
 */
export function commentedOutField(
	yamlText: string,
	collection: Collection,
): { message: string; hint: string; offset: number } | undefined {
	const lines = yamlText.split('\n');
	const written = new Set(lines.flatMap((line) => FIELD_LINE.exec(line)?.[1] ?? []));
	let above: string | undefined;
	let offset = 0;
	for (const [index, line] of lines.entries()) {
		const lineOffset = offset;
		offset += line.length + 1;
		const field = FIELD_LINE.exec(line)?.[1];
		if (field !== undefined) above = field;
		const commented = COMMENTED_FIELD_LINE.exec(line)?.[1];
		if (!commented || !above || written.has(commented) || !TOP_LEVEL_FIELDS[collection].includes(commented)) continue;
		const next = lines.slice(index + 1).find((after) => after.trim() !== '' && !/^\s*#/.test(after));
		if (next === undefined || !/^(?:\s|-)/.test(next)) continue;
		return {
			message: `\`${line.trim()}\` is a comment, so the lines below it are read as more of \`${above}\``,
			hint: `delete the \`#\` to keep \`${commented}\`; to leave it out, put a \`#\` before each of its lines too`,
			offset: lineOffset,
		};
	}
	return undefined;
}
