import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parseDocument, stringify } from 'yaml';
import { quickYamlData } from '../../src/checks/quick-yaml';
import { contentDir } from '../../src/utils/content-dir';
import { articleFile, generateContent } from '../../bench/build-scale/generate';

/** What the checks' thorough reader (`yaml`, with content-files.ts's options) makes of a YAML text. */
const thoroughly = (yamlText: string) => parseDocument(yamlText, { uniqueKeys: true }).toJS();

const frontmatterOf = (file: string) => /^---\r?\n([\s\S]*?)^---/m.exec(file)?.[1] ?? '';

/** The YAML of every file in content/ and of 40 generated explainers with their actors. */
function realYaml(): { name: string; yaml: string }[] {
	const files = (['articles', 'actors', 'places'] as const).flatMap((collection) =>
		readdirSync(contentDir(collection)).map((name) => {
			const text = readFileSync(join(contentDir(collection), name), 'utf8');
			return { name: `${collection}/${name}`, yaml: collection === 'articles' ? frontmatterOf(text) : text };
		}),
	);
	const generated = generateContent({ articles: 40 });
	return [
		...files,
		...generated.articles.map((article) => ({ name: article.slug, yaml: frontmatterOf(articleFile(article)) })),
		...generated.actors.map((actor) => ({ name: actor.id, yaml: stringify(actor.data) })),
	];
}

describe('the quick YAML reading', () => {
	test('reads every real content file, and reads it exactly as the thorough reader does', () => {
		const files = realYaml();
		expect(files.length).toBeGreaterThan(100);
		for (const { name, yaml } of files) {
			const quick = quickYamlData(yaml);
			expect(quick, name).toBeDefined();
			expect(quick, name).toEqual(thoroughly(yaml));
		}
	});

	test.each([
		['1_000'],
		['0b101'],
		['0o17'],
		['0x1F'],
		['+5'],
		['010'],
		['1e3'],
		['-2.5E-2'],
		['.5'],
		['1.'],
		['.inf'],
		['-.Inf'],
		['.NaN'],
		['yes'],
		['off'],
		['~'],
		['Null'],
		['TRUE'],
		['2024-01-30'],
		['2024-01-30T21:15:00+03:00'],
		['12:30'],
		['"2"'],
		["'~'"],
		['!!str 5'],
		['!!int "7"'],
		['[1, two, 3.0]'],
	])('resolves the scalar %s as YAML 1.2’s core schema does', (value) => {
		const yaml = `value: ${value}\n`;
		expect(quickYamlData(yaml)).toEqual(thoroughly(yaml));
	});

	test.each([
		['a syntax error', 'name: "unclosed\nkind: person\n'],
		['a bad indentation', 'name: x\n  kind: person\n'],
		['a duplicate key', 'name: a\nname: b\n'],
		['an alias of a mapping', 'a: &shared { b: 1 }\nc: *shared\n'],
		['a tag outside the core schema', 'when: !!timestamp 2024-01-30\n'],
		['binary data', 'data: !!binary aGVsbG8=\n'],
		['a list at the top', '- one\n- two\n'],
		['an empty document', ''],
		['a number as a key', '1: one\n'],
		['a null key', '~: nothing\n'],
		['a boolean key', 'true: yes\n'],
		['a `__proto__` key', '__proto__: { polluted: true }\n'],
		['two documents', 'a: 1\n---\nb: 2\n'],
		['a YAML 1.1 directive, which changes the schema', '%YAML 1.1\n---\nflag: yes\nwhen: 2024-01-01\n'],
		['an alias of a scalar, which `yaml` counts', 'name: &name Dana\nalias: *name\n'],
		['an explicit key', '? [title]\n: hello\n'],
		['a flow collection as a key', '{[title]: hello}\n'],
		['a key longer than 1024 characters', `${'k'.repeat(1100)}: value\n`],
	])('leaves %s to the thorough reader', (_, yaml) => {
		expect(quickYamlData(yaml)).toBeUndefined();
	});
});
