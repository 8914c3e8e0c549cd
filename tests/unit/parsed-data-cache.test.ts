import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { checkContent } from '../../src/checks';
import { formatProblem } from '../../src/checks/problem';
import { forgetParsedContentFiles, parseContentFile, saveParsedData } from '../../src/checks/content-files';
import { keptExactlyByJson, parsedDataStore, PARSED_DATA_FILE } from '../../src/checks/parsed-data-cache';
import { badContentCases, badContentFor } from '../helpers/bad-content';

let dir: string;

beforeEach(() => {
	dir = mkdtempSync(join(tmpdir(), 'parsed-data-'));
});

afterEach(() => {
	forgetParsedContentFiles();
	rmSync(dir, { recursive: true, force: true });
});

const actor = (yaml: string) => Buffer.from(yaml);

describe('the parsed YAML store', () => {
	test('gives a later run the data an earlier run parsed, and places its fields by parsing only when asked', () => {
		const file = join(dir, PARSED_DATA_FILE);
		const parsed = parseContentFile(
			'actors',
			'content/actors/a.yaml',
			actor('name: Dana Reyes\nrole: spokesperson\n'),
			parsedDataStore(file),
		);
		saveParsedData(file);
		forgetParsedContentFiles();

		const again = parseContentFile(
			'actors',
			'content/actors/a.yaml',
			actor('name: Dana Reyes\nrole: spokesperson\n'),
			parsedDataStore(file),
		);
		expect(again.data).toEqual(parsed.data);
		expect(again.locate(['role'])).toEqual({ line: 2, column: 1 });
		expect(again.locate(['role'])).toEqual(parsed.locate(['role']));
	});

	test('parses a file again when its YAML changed', () => {
		const file = join(dir, PARSED_DATA_FILE);
		parseContentFile('actors', 'content/actors/a.yaml', actor('name: Dana Reyes\n'), parsedDataStore(file));
		saveParsedData(file);
		forgetParsedContentFiles();
		const store = parsedDataStore(file);
		expect(store.get('name: Dana Reyez\n')).toBeUndefined();
		expect(store.get('name: Dana Reyes\n')).toEqual({ data: { name: 'Dana Reyes' } });
	});

	test('keeps neither files with syntax errors nor values JSON would change, and writes nothing new unchanged', () => {
		const file = join(dir, PARSED_DATA_FILE);
		const store = parsedDataStore(file);
		parseContentFile('actors', 'content/actors/a.yaml', actor('name: [unclosed\n'), store);
		parseContentFile('actors', 'content/actors/b.yaml', actor('size: .inf\n'), store);
		expect(store.get('name: [unclosed\n')).toBeUndefined();
		expect(store.get('size: .inf\n')).toBeUndefined();
		store.save();
		expect(existsSync(file)).toBe(false);
	});

	test('keeps only the files of its last run, so the file does not grow with every edit', () => {
		const file = join(dir, PARSED_DATA_FILE);
		parseContentFile('actors', 'content/actors/a.yaml', actor('name: One\n'), parsedDataStore(file));
		saveParsedData(file);
		forgetParsedContentFiles();
		parseContentFile('actors', 'content/actors/a.yaml', actor('name: Two\n'), parsedDataStore(file));
		saveParsedData(file);
		expect(Object.keys(JSON.parse(readFileSync(file, 'utf8')) as object)).toHaveLength(1);
	});

	test('tells which values JSON gives back exactly', () => {
		expect(keptExactlyByJson({ a: [1, 'x', true, null, { b: 2.5 }] })).toBe(true);
		expect(keptExactlyByJson({ a: Number.POSITIVE_INFINITY })).toBe(false);
		expect(keptExactlyByJson([Number.NaN])).toBe(false);
		expect(keptExactlyByJson(-0)).toBe(false);
		expect(keptExactlyByJson(JSON.parse('{"__proto__": 1}'))).toBe(false);
		expect(keptExactlyByJson(new Date(0))).toBe(false);
		expect(keptExactlyByJson(undefined)).toBe(false);
	});
});

test('the content checks report every bad-content case the same from saved YAML and facts as from parsing', () => {
	const cases = badContentCases();
	expect(cases.length).toBeGreaterThan(40);
	for (const name of cases) {
		const { dir: content, spec } = badContentFor(name, join(dir, 'content'));
		const factsFile = join(dir, 'cache', name, 'content-checks', 'body-facts.json');
		const parsed = checkContent(content, process.cwd(), factsFile);
		forgetParsedContentFiles();
		const fromSaved = checkContent(content, process.cwd(), factsFile);
		forgetParsedContentFiles();
		expect(fromSaved, name).toEqual(parsed);
		const message = spec.expect.message;
		if (message) expect(parsed.map(formatProblem).join('\n'), name).toContain(message);
	}
	expect(existsSync(join(dir, 'cache', 'unknown-actor-listed', PARSED_DATA_FILE))).toBe(true);
});
