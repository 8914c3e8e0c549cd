/*
 * Random mutations of valid content, for the property tests: each mutation is plain data (so fast-check prints a
 * failing case as it is and shrinks it field by field) that `applyMutation` turns into files.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import * as fc from 'fast-check';
import { isMap, isScalar, isSeq, parseDocument, type Node } from 'yaml';

/** The valid content every case starts from: every collection, and every field the schemas know. */
export const PROPERTY_BASE = join(import.meta.dirname, '../fixtures/property-base');

/** A content folder as its files' bytes, by path relative to the folder (`articles/x.mdx`), `/`-separated. */
export type Content = Map<string, Uint8Array>;

export function readContent(root: string): Content {
	const content: Content = new Map();
	const walk = (dir: string) => {
		for (const name of readdirSync(dir).sort()) {
			const path = join(dir, name);
			if (statSync(path).isDirectory()) walk(path);
			else content.set(relative(root, path).split(sep).join('/'), readFileSync(path));
		}
	};
	walk(root);
	return content;
}

/** Empties `root` and lays `content` out in it; a path ending in `/` is made a folder. */
export function writeContent(root: string, content: Content): void {
	rmSync(root, { recursive: true, force: true });
	mkdirSync(root, { recursive: true });
	for (const [path, bytes] of content) {
		const target = join(root, path);
		if (path.endsWith('/')) {
			mkdirSync(target, { recursive: true });
			continue;
		}
		mkdirSync(dirname(target), { recursive: true });
		writeFileSync(target, bytes);
	}
}

/** The three strings issue #19 names as hostile, and their cousins. */
export const HOSTILE_STRINGS = [
	'</script><script>alert(1)</script>',
	'"><img src=x onerror=alert(1)>',
	'javascript:alert(1)',
	"'><svg onload=alert(1)>",
	'{alert(1)}',
	'${alert(1)}',
	'<!--',
	']]>',
	'&lt;script&gt;',
] as const;

/** A path into a YAML document: keys and list indexes. */
export type YamlPath = (string | number)[];

export type Mutation =
	/** Sets a field (existing or new) to a value, which may be of another type than the schema's. */
	| { kind: 'set'; file: string; path: YamlPath; value: unknown }
	| { kind: 'delete-key'; file: string; path: YamlPath }
	/** Line-level edits of a YAML document (an article's frontmatter): `line` is taken modulo its lines. */
	| { kind: 'yaml-line'; file: string; line: number; edit: 'duplicate' | 'delete' | 'indent' | 'dedent' | 'tab' }
	/** Inserts text into the YAML at a line and column (both modulo what exists). */
	| { kind: 'yaml-insert'; file: string; line: number; column: number; text: string }
	/** Inserts a fragment into an article's story, at a line and column of the story (modulo what exists). */
	| { kind: 'story'; file: string; line: number; column: number; fragment: string }
	/** Inserts raw bytes at a byte offset of the file (modulo its length): invalid UTF-8. */
	| { kind: 'bytes'; file: string; offset: number; bytes: readonly number[] }
	| { kind: 'empty'; file: string }
	| { kind: 'delete'; file: string }
	| { kind: 'duplicate'; file: string; as: RenameTo }
	| { kind: 'rename'; file: string; to: RenameTo }
	| { kind: 'binary'; file: string; bytes: readonly number[] }
	| { kind: 'line-endings'; file: string; endings: '\r\n' | '\r' }
	| { kind: 'bom'; file: string }
	/** A new file or folder at a path of the content folder. */
	| { kind: 'add'; path: string; bytes: readonly number[] };

/** What a renamed or duplicated file is called: a new name, or the old one changed. */
export type RenameTo =
	| 'upper-first'
	| 'upper'
	| 'other-slug'
	| 'spaced'
	| 'accented'
	| 'no-id'
	| 'hidden'
	| 'subfolder'
	| 'content-root'
	| 'other-collection'
	| `ext:${string}`;

const RENAMES: RenameTo[] = [
	'upper-first',
	'upper',
	'other-slug',
	'spaced',
	'accented',
	'no-id',
	'hidden',
	'subfolder',
	'content-root',
	'other-collection',
	...['.md', '.MDX', '.Mdx', '.mdx.bak', '.txt', '', '.yml', '.YAML', '.json', '.mdx.mdx', '.yaml'].map(
		(ext) => `ext:${ext}` as const,
	),
];

/** The path a file gets when renamed or duplicated. */
export function renamed(path: string, to: RenameTo): string {
	const slash = path.lastIndexOf('/');
	const folder = path.slice(0, slash + 1);
	const name = path.slice(slash + 1);
	const dot = name.indexOf('.');
	const stem = dot < 0 ? name : name.slice(0, dot);
	const ext = dot < 0 ? '' : name.slice(dot);
	switch (to) {
		case 'upper-first':
			return `${folder}${stem.charAt(0).toUpperCase()}${stem.slice(1)}${ext}`;
		case 'upper':
			return `${folder}${stem.toUpperCase()}${ext}`;
		case 'other-slug':
			return `${folder}${stem}-again${ext}`;
		case 'spaced':
			return `${folder}${stem.replaceAll('-', ' ')} copy${ext}`;
		case 'accented':
			return `${folder}é${stem}ñ${ext}`;
		case 'no-id':
			return `${folder}日本${ext}`;
		case 'hidden':
			return `${folder}.${name}`;
		case 'subfolder':
			return `${folder}sub/${name}`;
		case 'content-root':
			return name;
		case 'other-collection':
			return `${folder.startsWith('articles/') ? 'actors/' : 'articles/'}${name}`;
		default:
			return `${folder}${stem}${to.slice('ext:'.length)}`;
	}
}

const decoder = new TextDecoder();
const encoder = new TextEncoder();

/** An article's frontmatter and story, split as the checks split them; the whole file for YAML. */
function split(path: string, bytes: Uint8Array): { before: string; yaml: string; after: string } {
	const text = decoder.decode(bytes);
	if (!path.endsWith('.mdx')) return { before: '', yaml: text, after: '' };
	const match = /^(---\r?\n)([\s\S]*?)^---[ \t]*(?:\r?\n|$)/m.exec(text);
	if (!match || match.index !== 0) return { before: '', yaml: text, after: '' };
	const before = match[1] ?? '';
	const yaml = match[2] ?? '';
	return { before, yaml, after: text.slice(before.length + yaml.length) };
}

/** Lines of a text, and a way to put them back. */
const lines = (text: string) => text.split('\n');

function insertAt(text: string, line: number, column: number, insert: string, firstLine = 0): string {
	const all = lines(text);
	const count = all.length - firstLine;
	if (count <= 0) return text + insert;
	const index = firstLine + (line % count);
	const current = all[index] ?? '';
	const at = column % (current.length + 1);
	all[index] = current.slice(0, at) + insert + current.slice(at);
	return all.join('\n');
}

/** Applies one mutation to a copy of the content; a mutation of a file that is not there changes nothing. */
export function applyMutation(content: Content, mutation: Mutation): Content {
	const next: Content = new Map(content);
	if (mutation.kind === 'add') {
		next.set(mutation.path, Uint8Array.from(mutation.bytes));
		return next;
	}
	const bytes = content.get(mutation.file);
	if (bytes === undefined) return next;
	const setText = (text: string) => next.set(mutation.file, encoder.encode(text));
	switch (mutation.kind) {
		case 'set':
		case 'delete-key': {
			const { before, yaml, after } = split(mutation.file, bytes);
			const document = parseDocument(yaml, { uniqueKeys: false });
			if (document.errors.length > 0) return next;
			try {
				if (mutation.kind === 'set') document.setIn(mutation.path, document.createNode(mutation.value));
				else document.deleteIn(mutation.path);
			} catch {
				// A path through a value that is no longer a map or list (an earlier mutation changed it): no change.
				return next;
			}
			setText(before + String(document) + after);
			return next;
		}
		case 'yaml-line': {
			const { before, yaml, after } = split(mutation.file, bytes);
			const all = lines(yaml);
			const index = mutation.line % Math.max(1, all.length - 1);
			const line = all[index] ?? '';
			if (mutation.edit === 'duplicate') all.splice(index, 0, line);
			else if (mutation.edit === 'delete') all.splice(index, 1);
			else if (mutation.edit === 'indent') all[index] = ` ${line}`;
			else if (mutation.edit === 'dedent') all[index] = line.replace(/^ /, '');
			else all[index] = `\t${line}`;
			setText(before + all.join('\n') + after);
			return next;
		}
		case 'yaml-insert': {
			const { before, yaml, after } = split(mutation.file, bytes);
			setText(before + insertAt(yaml, mutation.line, mutation.column, mutation.text) + after);
			return next;
		}
		case 'story': {
			const text = decoder.decode(bytes);
			const { before, yaml } = split(mutation.file, bytes);
			const firstLine = lines(before + yaml).length;
			setText(
				insertAt(text, mutation.line, mutation.column, mutation.fragment, Math.min(firstLine, lines(text).length - 1)),
			);
			return next;
		}
		case 'bytes': {
			const at = mutation.offset % (bytes.length + 1);
			next.set(mutation.file, Uint8Array.from([...bytes.subarray(0, at), ...mutation.bytes, ...bytes.subarray(at)]));
			return next;
		}
		case 'empty':
			next.set(mutation.file, new Uint8Array());
			return next;
		case 'delete':
			next.delete(mutation.file);
			return next;
		case 'duplicate':
			next.set(renamed(mutation.file, mutation.as), bytes);
			return next;
		case 'rename':
			next.delete(mutation.file);
			next.set(renamed(mutation.file, mutation.to), bytes);
			return next;
		case 'binary':
			next.set(mutation.file, Uint8Array.from(mutation.bytes));
			return next;
		case 'line-endings':
			setText(decoder.decode(bytes).replace(/\n/g, mutation.endings));
			return next;
		case 'bom':
			next.set(mutation.file, Uint8Array.from([0xef, 0xbb, 0xbf, ...bytes]));
			return next;
	}
}

export const applyMutations = (content: Content, mutations: readonly Mutation[]): Content =>
	mutations.reduce(applyMutation, content);

/** Every path of a YAML document that holds a value: map keys and list items, at every depth. */
export function yamlPaths(text: string): YamlPath[] {
	const paths: YamlPath[] = [];
	const walk = (node: Node | null | undefined, path: YamlPath) => {
		if (isMap(node)) {
			for (const pair of node.items) {
				if (!isScalar(pair.key)) continue;
				const child = [...path, String(pair.key.value)];
				paths.push(child);
				walk(pair.value as Node | null, child);
			}
		} else if (isSeq(node)) {
			node.items.forEach((item, index) => {
				const child = [...path, index];
				paths.push(child);
				walk(item as Node | null, child);
			});
		}
	};
	walk(parseDocument(text).contents, []);
	return paths;
}

// ---- The arbitraries -----------------------------------------------------------------------------------------

const CONTROL_CHARACTERS = [
	'\u0000',
	'\u0001',
	'\u0007',
	'\b',
	'\t',
	'\v',
	'\f',
	'\r',
	'\u001b',
	'\u007f',
	'\u0085',
	'\u00a0',
	'\u2028',
	'\u2029',
	'\u200b',
	'\u200e',
	'\u202e',
	'\ufeff',
	'\ufffe',
	'\uffff',
	'\ud800',
	'\udfff',
];

const controls = fc
	.array(fc.constantFrom(...CONTROL_CHARACTERS), { minLength: 1, maxLength: 6 })
	.map((characters) => characters.join(''));

/** Text of every sort: plain, any Unicode, with control characters mixed in, very long. */
const anyText = fc.oneof(
	fc.string({ maxLength: 40 }),
	fc.string({ unit: 'grapheme', maxLength: 40 }),
	fc.string({ unit: 'binary', maxLength: 40 }),
	fc.tuple(fc.lorem({ maxCount: 3 }), controls, fc.lorem({ maxCount: 3 })).map((parts) => parts.join('')),
	fc.lorem({ maxCount: 8 }),
	fc
		.tuple(
			fc.constantFrom('x', 'word ', 'ñ', '日本', '👩‍👩‍👧', '\u0301', '-- ', '... ', '"', "'"),
			fc.integer({ min: 100, max: 20_000 }),
		)
		.map(([unit, times]) => unit.repeat(times)),
	fc.constantFrom(...HOSTILE_STRINGS),
);

/** Dates right and wrong, as text and as YAML would read them. */
const dates = fc.oneof(
	fc.date({ min: new Date('0001-01-01'), max: new Date('9999-12-31'), noInvalidDate: true }),
	fc
		.tuple(fc.integer({ min: 0, max: 99_999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }))
		.chain(([year, month, day]) =>
			fc.constantFrom(
				`${year}`,
				`${year}-${String(month).padStart(2, '0')}`,
				`${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
				`${year}-${month}-${day}`,
				`${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}T25:61:00Z`,
				`${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}T12:00:00`,
				`${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}T12:00:00+14:00`,
			),
		),
	fc.constantFrom('2024-02-30', '2023-02-29', '2024-02-29', '1970-01-01', '2024', '2024-03-01T12:00:00Z', 'yesterday'),
	fc.integer({ min: -1, max: 100_000 }),
);

/** Ids of the base content, right where a reference is wanted and wrong elsewhere. */
const ids = fc.constantFrom(
	'dana-reyes',
	'northern-front',
	'ostland',
	'sam-okoro',
	'baghdad',
	'iraq',
	'border-crossing',
	'front-pauses-attacks',
	'talks-go-on',
	'Dana-Reyes',
	'nobody',
	'',
);

const enums = fc.constantFrom(
	'person',
	'country',
	'city',
	'site',
	'leads',
	'opposed-to',
	'statement',
	'confirmed',
	'about',
);

/** A value for a field: scalars of every type, and lists and maps where scalars belong. */
export const fieldValue: fc.Arbitrary<unknown> = fc.oneof(
	{ weight: 4, arbitrary: anyText },
	{ weight: 3, arbitrary: dates },
	{ weight: 2, arbitrary: ids },
	{ weight: 1, arbitrary: enums },
	{
		weight: 2,
		arbitrary: fc.oneof(
			fc.integer(),
			fc.double(),
			fc.boolean(),
			fc.constant(null),
			fc.constant([]),
			fc.constant({}),
			fc.array(fc.oneof(anyText, ids), { maxLength: 4 }),
			fc.dictionary(fc.constantFrom('text', 'from', 'to', 'reportedIn', 'name', 'x'), fc.oneof(anyText, dates, ids)),
		),
	},
);

/** Keys a field may be set under that the base does not use: unknown, mistyped, or special to JavaScript. */
const newKeys = fc.constantFrom(
	'unknown',
	'Title',
	'title ',
	'from',
	'to',
	'reportedIn',
	'__proto__',
	'constructor',
	'toString',
	'',
);

/** Fragments of YAML syntax that break a document or change its meaning. */
const yamlSyntax = fc.constantFrom(
	'"',
	"'",
	': ',
	'#',
	'- ',
	'{',
	'[',
	'}',
	']',
	'&anchor ',
	'*anchor',
	'!!binary ',
	'!!js/function ',
	'|',
	'>',
	'\n',
	'\t',
	'<<: *a',
	'? ',
	'%YAML 1.1\n',
	'---\n',
	'...\n',
	'[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[',
);

const jsCode = fc.constantFrom(
	'1 + 1',
	'alert(1)',
	'"text"',
	"'text'",
	'42',
	'[1, 2]',
	'{ a: 1 }',
	'/* a comment */',
	'// a comment\n',
	'props.x',
	'x',
	'...rest',
	'() => 1',
	'await import("x")',
	'`t${1}`',
	'"a" + "b"',
	'new Date()',
	'globalThis',
	'this',
	'',
	' ',
	'{',
	'}',
	'[',
	'"unclosed',
);

const expression = fc.oneof(
	jsCode.map((code) => `{${code}}`),
	fc.string({ maxLength: 20 }).map((code) => `{${code}}`),
);

const htmlElement = fc.constantFrom(
	'script',
	'style',
	'iframe',
	'img',
	'a',
	'span',
	'div',
	'b',
	'q',
	'abbr',
	'time',
	'form',
	'object',
	'svg',
	'math',
	'template',
	'table',
	'br',
	'details',
	'SCRIPT',
	'Script',
	'foo-bar',
	'x:y',
);

const attribute = fc.constantFrom(
	'',
	' onclick="alert(1)"',
	' onerror=alert(1)',
	' ONERROR="alert(1)"',
	' style="color:red"',
	' href="javascript:alert(1)"',
	' href="JaVaScRiPt:alert(1)"',
	' href="https://example.org/"',
	' href="#timeline"',
	' href="/explainers/talks-go-on/"',
	' cite="data:text/html,x"',
	' href={"javascript:alert(1)"}',
	' href={x}',
	' {...props}',
	' class="x"',
	' className="x"',
	' title="a &quot;title&quot;"',
	' srcdoc="<script>alert(1)</script>"',
	' formaction="javascript:alert(1)"',
	' data-x="1"',
	' dangerouslySetInnerHTML={{__html: "<img src=x onerror=alert(1)>"}}',
	' actor="ostland"',
	' actor="nobody"',
	' actor={"ostland"}',
);

const tag = fc
	.tuple(htmlElement, attribute, fc.constantFrom('pair', 'self', 'open', 'close'))
	.map(([name, attrs, form]) =>
		form === 'pair'
			? `<${name}${attrs}>text</${name}>`
			: form === 'self'
				? `<${name}${attrs} />`
				: form === 'open'
					? `<${name}${attrs}>`
					: `</${name}>`,
	);

const component = fc.constantFrom(
	'<Mention actor="ostland">the country</Mention>',
	'<Mention actor="nobody">someone</Mention>',
	'<Mention actor="">someone</Mention>',
	'<Mention>someone</Mention>',
	'<Mention actor={x}>someone</Mention>',
	'<Mention actor="ostland" />',
	'<Mention.Part />',
	'<mention actor="ostland">x</mention>',
	'<Foo />',
	'<Foo>text</Foo>',
	'<>fragment</>',
	'<Mention actor="ostland"><Mention actor="dana-reyes">nested</Mention></Mention>',
);

const esm = fc.constantFrom(
	"import x from 'some-package'",
	"import X from './missing.astro'",
	"import X from '../../../src/components/Thing.astro'",
	"import * as fs from 'node:fs'",
	"import './front-pauses-attacks.png'",
	"import X from '/etc/passwd'",
	'export const a = 1',
	'export default function Layout() { return null }',
	"export { a } from './b'",
	"import { Mention } from './Mention.astro'",
	'import',
	'export',
);

/** Link targets: the web, mail and this site, and every way to write a script or another site. */
const LINK_TARGETS = [
	'javascript:alert(1)',
	'JaVaScRiPt:alert(1)',
	'java\tscript:alert(1)',
	'\u0001javascript:alert(1)',
	'vbscript:msgbox(1)',
	'data:text/html,<script>alert(1)</script>',
	'file:///etc/passwd',
	'//evil.example/',
	'\\\\evil.example',
	'/\\evil.example',
	'https://example.org/',
	'http://example.org/',
	'mailto:editor@example.org',
	'#timeline',
	'#nowhere',
	'/explainers/talks-go-on/',
	'/explainers/talks-go-on/#timeline',
	'/explainers/missing/',
	'/explainers/talks-go-on/#nowhere',
	'%',
	'#%E0%A4%A',
	'javascript&colon;alert(1)',
	'&#106;avascript:alert(1)',
	'',
];

const link = fc
	.tuple(fc.constantFrom('inline', 'angle', 'reference', 'autolink', 'html', 'image'), fc.constantFrom(...LINK_TARGETS))
	.map(([form, url]) => {
		switch (form) {
			case 'inline':
				return `[a link](${url})`;
			case 'angle':
				return `[a link](<${url}>)`;
			case 'reference':
				return `[a link][ref]\n\n[ref]: ${url}\n`;
			case 'autolink':
				return `<${url}>`;
			case 'html':
				return `<a href="${url}">a link</a>`;
			default:
				return `![an image](${url})`;
		}
	});

const rawHtml = fc.constantFrom(
	'<!-- a comment -->',
	'<!-- unclosed',
	'<script>alert(1)</script>',
	'<style>body { display: none }</style>',
	'<div>block</div>',
	'<img src=x onerror=alert(1)>',
	'<br>',
	'<p>unclosed',
	'</div>',
	'<?php echo 1 ?>',
	'<![CDATA[x]]>',
	'<!DOCTYPE html>',
	'&lt;script&gt;',
	'&#0;',
	'&#x110000;',
	'&nbsp;',
	'&unknown;',
	'<',
	'>',
	'&',
	'<<>>',
	'< a >',
	'\\<script>',
	'\\{',
);

const markdown = fc.constantFrom(
	'\n\n## A heading\n\n',
	'\n\n# A first-level heading\n\n',
	'\n\n## Why it matters\n\n',
	'\n\n---\n\n',
	'\n\n```\ncode\n```\n\n',
	'\n\n```',
	'\n\n> a block quote\n\n',
	'\n\n- an item\n\n',
	'\n\n1. an item\n\n',
	'\n\n| a |\n| - |\n| b |\n\n',
	'[^1]',
	'\n\n[^1]: a note\n\n',
	'\\',
	'*',
	'_',
	'~~struck~~',
	'**bold**',
	'    indented code',
	'\n\n---\ntitle: x\n---\n\n',
);

/** A piece of a story: text, code, tags, imports, links, HTML, control characters. */
export const storyFragment: fc.Arbitrary<string> = fc.oneof(
	{ weight: 3, arbitrary: expression },
	{ weight: 3, arbitrary: tag },
	{ weight: 2, arbitrary: component },
	{ weight: 2, arbitrary: esm.map((statement) => `\n\n${statement}\n\n`) },
	{ weight: 3, arbitrary: link },
	{ weight: 2, arbitrary: rawHtml },
	{ weight: 2, arbitrary: controls },
	{ weight: 2, arbitrary: markdown },
	{ weight: 3, arbitrary: anyText },
);

/** Byte sequences that are not UTF-8: stray continuation bytes, overlong forms, surrogates, cut sequences. */
const invalidUtf8 = fc.oneof(
	fc.constantFrom(
		[0xff],
		[0xfe],
		[0x80],
		[0xc0, 0x80],
		[0xe2, 0x82],
		[0xed, 0xa0, 0x80],
		[0xf4, 0x90, 0x80, 0x80],
		[0xf0, 0x9f, 0x98],
	),
	fc.array(fc.integer({ min: 0x80, max: 0xff }), { minLength: 1, maxLength: 8 }),
);

const binaryBytes = fc.oneof(
	fc.array(fc.integer({ min: 0, max: 255 }), { maxLength: 512 }),
	fc.constant([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]),
	fc.constant([0xff, 0xfe, 0x2d, 0x00, 0x2d, 0x00, 0x2d, 0x00]),
	fc.constant([0, 0, 0, 0]),
);

/** The arbitraries of mutations of one content folder: which files and fields there are to mutate. */
export function mutationsOf(base: Content) {
	const files = [...base.keys()].sort();
	const textFiles = files.filter((file) => file.endsWith('.mdx') || file.endsWith('.yaml'));
	const articles = files.filter((file) => file.endsWith('.mdx'));
	const fields = textFiles.flatMap((file) =>
		yamlPaths(split(file, base.get(file) ?? new Uint8Array()).yaml).map((path) => ({ file, path })),
	);
	const parents = [{ file: textFiles[0] ?? '', path: [] as YamlPath }, ...fields].filter((field) =>
		textFiles.includes(field.file),
	);
	const file = fc.constantFrom(...files);
	const textFile = fc.constantFrom(...textFiles);
	const field = fc.constantFrom(...fields);

	const yamlMutation: fc.Arbitrary<Mutation> = fc.oneof(
		{
			weight: 6,
			arbitrary: fc
				.record({ kind: fc.constant('set' as const), value: fieldValue, at: field })
				.map(({ at, value }) => ({ kind: 'set' as const, file: at.file, path: at.path, value })),
		},
		{
			weight: 1,
			arbitrary: fc
				.tuple(fc.constantFrom(...parents), newKeys, fieldValue)
				.map(([at, key, value]): Mutation => ({ kind: 'set', file: at.file, path: [...at.path, key], value })),
		},
		{ weight: 3, arbitrary: field.map((at): Mutation => ({ kind: 'delete-key', file: at.file, path: at.path })) },
		{
			weight: 2,
			arbitrary: fc
				.tuple(textFile, fc.nat(200), fc.constantFrom('duplicate', 'delete', 'indent', 'dedent', 'tab'))
				.map(([at, line, edit]): Mutation => ({ kind: 'yaml-line', file: at, line, edit })),
		},
		{
			weight: 2,
			arbitrary: fc
				.tuple(textFile, fc.nat(200), fc.nat(200), fc.oneof(yamlSyntax, controls, anyText))
				.map(([at, line, column, text]): Mutation => ({ kind: 'yaml-insert', file: at, line, column, text })),
		},
	);

	const storyMutation: fc.Arbitrary<Mutation> = fc
		.tuple(fc.constantFrom(...articles), fc.nat(100), fc.nat(400), storyFragment)
		.map(([at, line, column, fragment]) => ({ kind: 'story', file: at, line, column, fragment }));

	const fileMutation: fc.Arbitrary<Mutation> = fc.oneof(
		file.map((at): Mutation => ({ kind: 'empty', file: at })),
		file.map((at): Mutation => ({ kind: 'delete', file: at })),
		fc.tuple(file, fc.constantFrom(...RENAMES)).map(([at, as]): Mutation => ({ kind: 'duplicate', file: at, as })),
		fc.tuple(file, fc.constantFrom(...RENAMES)).map(([at, to]): Mutation => ({ kind: 'rename', file: at, to })),
		fc.tuple(file, binaryBytes).map(([at, bytes]): Mutation => ({ kind: 'binary', file: at, bytes })),
		fc
			.tuple(textFile, fc.nat(5000), invalidUtf8)
			.map(([at, offset, bytes]): Mutation => ({ kind: 'bytes', file: at, offset, bytes })),
		fc
			.tuple(textFile, fc.constantFrom('\r\n' as const, '\r' as const))
			.map(([at, endings]): Mutation => ({ kind: 'line-endings', file: at, endings })),
		textFile.map((at): Mutation => ({ kind: 'bom', file: at })),
		fc
			.tuple(
				fc.constantFrom(
					'articles/new.mdx',
					'actors/new.yaml',
					'places/new.yaml',
					'new.mdx',
					'articles/folder.mdx/',
					'actors/folder.yaml/',
					'articles/sub/',
					'drafts/',
				),
				fc.oneof(
					binaryBytes,
					fc.string({ maxLength: 200 }).map((text) => [...encoder.encode(text)]),
				),
			)
			.map(([path, bytes]): Mutation => ({ kind: 'add', path, bytes: path.endsWith('/') ? [] : bytes })),
	);

	return {
		yaml: yamlMutation,
		story: storyMutation,
		file: fileMutation,
		any: fc.oneof(
			{ weight: 4, arbitrary: yamlMutation },
			{ weight: 4, arbitrary: storyMutation },
			{ weight: 2, arbitrary: fileMutation },
		),
	};
}
