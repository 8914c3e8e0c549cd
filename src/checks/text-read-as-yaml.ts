import { visit, type Alias, type Document, type Scalar } from 'yaml';

/** A mistake in how a value is written, at its offset in the YAML text. */
interface Misread {
	message: string;
	hint: string;
	offset: number;
}

/** The fix for a value YAML reads as its own markup: `meant`, as the editor meant it, in the quotes that keep it whole. */
export const inQuotesHint = (meant: string) =>
	`put the whole value in quotes, "${meant.trim().replaceAll('"', '\\"')}": in quotes, every character is text`;

/**
 * Words of a value that YAML reads as its own markup and silently leaves out: after a space, `#NoPause` starts a
 * comment (`title: … as #NoPause trends` would be published as "… as"); a word after `&` names an anchor and one
 * after `!` a tag (`- &Ostland doubts it` is "doubts it"); `*AP` repeats a value marked `&AP`, where none is. A
 * comment written as YAML's are, `# note`, is left alone, as are an anchor an `*alias` repeats and YAML's own tags.
 */
export function textReadAsYaml(document: Document, yamlText: string): Misread[] {
	const aliases: Alias[] = [];
	const anchors = new Set<string>();
	const marked: Scalar[] = [];
	// One walk: whether an anchor is repeated is known only once every alias is seen.
	visit(document, {
		Alias(_, alias) {
			aliases.push(alias);
		},
		Node(key, node) {
			if (node.anchor) anchors.add(node.anchor);
			const value = 'value' in node ? node.value : undefined;
			if (key === 'key' || !node.range || !(typeof value === 'string' || value === null)) return;
			if ((node as Scalar).comment !== undefined || node.anchor !== undefined || node.tag !== undefined) {
				marked.push(node as Scalar);
			}
		},
	});
	const aliased = new Set(aliases.map((alias) => alias.source));
	// The value from `from` to the end of its line.
	const lineFrom = (from: number) => yamlText.slice(from).split(/\r?\n/, 1)[0] ?? '';
	const misread: Misread[] = aliases.flatMap((alias) =>
		anchors.has(alias.source) || !alias.range
			? []
			: [
					{
						message: `“*${alias.source}” is read as a YAML alias, a repeat of a value marked “&${alias.source}”, and none is`,
						hint: inQuotesHint(lineFrom(alias.range[0])),
						offset: alias.range[0],
					},
				],
	);
	for (const scalar of marked) {
		const [start, valueEnd, end] = scalar.range!;
		const markupAt = (markup: string) => yamlText.lastIndexOf(markup, start);
		const anchorAt = scalar.anchor === undefined ? -1 : markupAt(`&${scalar.anchor}`);
		const tagAt = scalar.tag === undefined ? -1 : markupAt(scalar.tag);
		const hint = inQuotesHint(lineFrom(Math.min(start, ...[anchorAt, tagAt].filter((at) => at >= 0))));
		const after = yamlText.slice(valueEnd, end);
		const hash = after.search(/[ \t]#\S/);
		// A comment right after the colon leaves the value empty: the schema check says so, at the field.
		if (
			typeof scalar.value === 'string' &&
			scalar.comment !== undefined &&
			hash >= 0 &&
			!after.slice(0, hash).includes('\n')
		) {
			misread.push({
				message: `the words from “${after.slice(hash + 1).split(/\r?\n/, 1)[0]}” are read as a YAML comment and left out of the value`,
				hint,
				offset: valueEnd + hash + 1,
			});
		}
		if (scalar.anchor !== undefined && !aliased.has(scalar.anchor)) {
			misread.push({
				message: `“&${scalar.anchor}” is read as a YAML anchor and left out of the value`,
				hint,
				offset: anchorAt,
			});
		}
		if (scalar.tag !== undefined && !scalar.tag.startsWith('tag:yaml.org,2002:')) {
			misread.push({ message: `“${scalar.tag}” is read as a YAML tag and left out of the value`, hint, offset: tagAt });
		}
	}
	return misread;
}
