import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { forgetParsedContentFiles, readContentFiles } from '../../src/checks/content-files';

let root: string;

beforeEach(() => {
	root = mkdtempSync(join(tmpdir(), 'content-files-'));
	mkdirSync(join(root, 'content', 'actors'), { recursive: true });
	writeFileSync(join(root, 'content', 'actors', 'dana-reyes.yaml'), 'name: Dana Reyes\n');
});

afterEach(() => {
	forgetParsedContentFiles();
	rmSync(root, { recursive: true, force: true });
});

const readActors = () => readContentFiles(join(root, 'content'), root, ['actors']);

describe('reading content files', () => {
	test('parses a file read again with the same bytes only once (the share image list, then the checks)', () => {
		const [first] = readActors();
		const [second] = readActors();
		expect(second).toBe(first);
		expect(second?.data).toEqual({ name: 'Dana Reyes' });
	});

	test('parses a file again when its bytes changed, however little (an editor’s save)', () => {
		const [before] = readActors();
		writeFileSync(join(root, 'content', 'actors', 'dana-reyes.yaml'), 'name: Dana Reyez\n');
		const [after] = readActors();
		expect(after).not.toBe(before);
		expect(after?.data).toEqual({ name: 'Dana Reyez' });
	});

	test('names the file from the project root it is read from, even when the bytes are the same', () => {
		const [fromRoot] = readActors();
		const [fromContent] = readContentFiles(join(root, 'content'), join(root, 'content'), ['actors']);
		expect(fromRoot?.path).toBe(join('content', 'actors', 'dana-reyes.yaml'));
		expect(fromContent?.path).toBe(join('actors', 'dana-reyes.yaml'));
	});

	test('parses every file again once the parsed files are let go', () => {
		const [first] = readActors();
		forgetParsedContentFiles();
		const [again] = readActors();
		expect(again).not.toBe(first);
		expect(again).toEqual(first === undefined ? undefined : { ...first, locate: again?.locate });
	});
});
