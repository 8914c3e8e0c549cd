import { basename, extname, join, relative } from 'node:path';
import { COLLECTIONS, entriesOf, entryExtension, fileManagersCopyOf } from './content-files';
import type { Problem } from './problem';
import { idFromFileName } from '../utils/ids';

/** Images an explainer's figures may point at, beside it or in a folder of it. */
const FIGURE_IMAGES = new Set(['.avif', '.gif', '.jpeg', '.jpg', '.png', '.svg', '.webp']);

/**
 * Files in the content folder that would not be published: the loaders read `articles/*.mdx`, `actors/*.yaml` and
 * `places/*.yaml` and nothing else, so an explainer saved as `.md` or `.MDX`, or an actor as `.yml`, would vanish
 * from the site without a word. Figure images may sit beside the explainers; hidden files (`.DS_Store`) are the
 * system's, not the editors'.
 */
export function folderProblems(contentRoot: string, projectRoot = process.cwd()): Problem[] {
	const problems: Problem[] = [];
	const report = (path: string, message: string, hint: string, severity: Problem['severity'] = 'error') =>
		problems.push({ severity, file: relative(projectRoot, path) || path, line: 1, column: 1, message, hint });
	for (const entry of visibleEntries(contentRoot)) {
		if (entry.isDirectory() && (COLLECTIONS as readonly string[]).includes(entry.name)) continue;
		report(
			join(contentRoot, entry.name),
			`"${entry.name}" is not published: the content folder holds only ${COLLECTIONS.join(', ')}`,
			`move it into one of those folders${entry.isDirectory() ? ', or check the folder name for a typing mistake' : ''}`,
		);
	}
	for (const collection of COLLECTIONS) {
		const extension = entryExtension(collection);
		const walk = (dir: string, nested: boolean) => {
			const entries = visibleEntries(dir);
			const names = entries.map((entry) => entry.name);
			for (const entry of entries) {
				const path = join(dir, entry.name);
				const ext = extname(entry.name);
				const id = idFromFileName({ entry: entry.name });
				const original = editorsCopyOf(entry.name);
				const copied = entry.isDirectory() ? undefined : fileManagersCopyOf(entry.name, names);
				if (original !== undefined && !entry.isDirectory()) {
					report(
						path,
						`"${entry.name}" looks like a backup or lock file an editing program keeps of ${original}: it is not published`,
						`delete it once ${original} is saved and closed; do not rename it, which would replace ${original}`,
						'warning',
					);
				} else if (copied !== undefined && ext === extension) {
					// Read as an entry, it would repeat every name and headline of the file it copies, at each of them.
					const kind = collection === 'articles' ? 'explainer' : collection.slice(0, -1);
					report(
						path,
						`"${entry.name}" looks like a copy of ${copied}: it would be published as a second ${kind}, "${id}"`,
						`delete it; to start a new ${kind} from it, rename it to a name of its own and change its ${collection === 'articles' ? 'headline' : 'name'}`,
					);
				} else if (entry.isDirectory()) {
					if (collection === 'articles') walk(path, true);
					else
						report(
							path,
							`"${entry.name}" is not published: ${collection} are not read from folders`,
							`move its files up into ${collection}/`,
						);
				} else if (collection === 'articles' && FIGURE_IMAGES.has(ext.toLowerCase())) {
					// A figure's image, beside its explainer or in a folder of it.
				} else if (ext !== extension) {
					report(
						path,
						`"${entry.name}" is not published: ${collection} are read only from \`${extension}\` files`,
						`rename it to ${basename(entry.name, ext)}${extension}${collection === 'articles' ? ' (figures may be images beside it)' : ''}`,
					);
				} else if (nested) {
					report(
						path,
						`"${entry.name}" is not published: ${collection} are read only from the ${collection} folder itself`,
						`move it up into ${collection}/`,
					);
				} else if (!id) {
					report(
						path,
						`"${entry.name}" gives no id: an id is made of the file name's Latin letters and digits`,
						`rename it with Latin letters, e.g. ${collection === 'articles' ? 'the-headline-in-short' : 'the-name'}${extension}`,
					);
				} else if (`${id}${extension}` !== entry.name) {
					// `My Story.mdx` is published as my-story: the file and what names it would go by two names.
					report(
						path,
						`"${entry.name}" is published as "${id}": ids are file names in lower case, with hyphens for spaces`,
						`rename it to ${id}${extension}, the name ${collection === 'articles' ? 'its address and links' : 'other files'} use`,
						'warning',
					);
				}
			}
		};
		walk(join(contentRoot, collection), false);
	}
	return problems;
}

/**
 * The file a backup or lock file that an editing program keeps beside it is of: `story.mdx~` and `#story.mdx#`
 * (Emacs, gedit), `~$story.mdx` (Word and other office programs), `story.mdx.bak`, `.orig`, `.swp`, `.tmp`.
 */
function editorsCopyOf(name: string): string | undefined {
	const original = name.replace(/^~\$|~$|\.(?:bak|orig|swp|tmp)$/i, '').replace(/^#(.+)#$/, '$1');
	return original !== name && original !== '' ? original : undefined;
}

/** A folder's entries but hidden ones; none when it does not exist. */
const visibleEntries = (dir: string) =>
	entriesOf(dir)
		.filter((entry) => !entry.name.startsWith('.'))
		.sort((a, b) => a.name.localeCompare(b.name));
