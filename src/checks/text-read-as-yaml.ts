import { visit, type Alias, type Document } from 'yaml';

/** A mistake in how a value is written, at its offset in the YAML text. */
interface Misread {
	message: string;
	hint: string;
	offset: number;
}

/**
 * Words of a value that YAML reads as its own markup and silently leaves out: after a space, `#NoPause` starts a
 * comment (`title: … as #NoPause trends` would be published as "… as"); a word after `&` names an anchor and one
 * after `!` a tag (`- &Ostland doubts it` is "doubts it"). A comment written as YAML's are, `# note`, is left alone, as
 * are an anchor an `*alias` repeats and YAML's own tags.
 */
export function textReadAsYaml(document: Document, yamlText: string): Misread[] {
	const aliases: Alias[] = [];
	const anchors = new Set<string>();
	visit(document, {
		Alias(_, alias) {
			aliases.push(alias);
		},
		Node(_, node) {
			if (node.anchor) anchors.add(node.anchor);
		},
	});
	const aliased = new Set(aliases.map((alias) => alias.source));
	const misread: Misread[] = [];
	// The value as the editor meant it, from `from` to the end of its line, in the quotes that keep it whole.
	const quoted = (from: number) => {
		const lineEnd = yamlText.indexOf('\n', from);
		const meant = yamlText.slice(from, lineEnd < 0 ? undefined : lineEnd).trimEnd();
		return `put the whole value in quotes, "${meant.replaceAll('"', '\\"')}": in quotes, every character is text`;
	};
	// `credit: *AP`: a repeat of a value marked `&AP`, where none is.
	for (const alias of aliases) {
		if (anchors.has(alias.source) || !alias.range) continue;
		misread.push({
			message: `“*${alias.source}” is read as a YAML alias, a repeat of a value marked “&${alias.source}”, and none is`,
			hint: quoted(alias.range[0]),
			offset: alias.range[0],
		});
	}
	visit(document, {
		Scalar(key, scalar) {
			if (key === 'key' || !(typeof scalar.value === 'string' || scalar.value === null) || !scalar.range) return;
			const [start, valueEnd, end] = scalar.range;
			const markupAt = (markup: string) => yamlText.lastIndexOf(markup, start);
			const written = Math.min(
				start,
				...[scalar.anchor && markupAt(`&${scalar.anchor}`), scalar.tag && markupAt(scalar.tag)].filter(
					(at): at is number => typeof at === 'number' && at >= 0,
				),
			);
			const hint = quoted(written);
			const after = yamlText.slice(valueEnd, end);
			const hash = after.search(/[ \t]#\S/);
			// A comment right after the colon leaves the value empty: the schema check says so, at the field.
			const text = typeof scalar.value === 'string';
			if (text && scalar.comment !== undefined && hash >= 0 && !after.slice(0, hash).includes('\n')) {
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
					offset: markupAt(`&${scalar.anchor}`),
				});
			}
			if (scalar.tag !== undefined && !scalar.tag.startsWith('tag:yaml.org,2002:')) {
				misread.push({
					message: `“${scalar.tag}” is read as a YAML tag and left out of the value`,
					hint,
					offset: markupAt(scalar.tag),
				});
			}
		},
	});
	return misread;
}
