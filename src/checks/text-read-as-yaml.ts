import { visit, type Document } from 'yaml';

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
	const aliased = new Set<string>();
	visit(document, {
		Alias(_, alias) {
			aliased.add(alias.source);
		},
	});
	const misread: Misread[] = [];
	// The value as the editor meant it, from `from` to the end of its line, in the quotes that keep it whole.
	const quoted = (from: number) => {
		const lineEnd = yamlText.indexOf('\n', from);
		const meant = yamlText.slice(from, lineEnd < 0 ? undefined : lineEnd).trimEnd();
		return `put the whole value in quotes, "${meant.replaceAll('"', '\\"')}": in quotes, every character is text`;
	};
	visit(document, {
		Scalar(key, scalar) {
			if (key === 'key' || typeof scalar.value !== 'string' || !scalar.range) return;
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
			if (scalar.comment !== undefined && hash >= 0 && !after.slice(0, hash).includes('\n')) {
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
