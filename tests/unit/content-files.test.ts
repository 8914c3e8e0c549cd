import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { readContentFiles } from '../../src/checks/content-files';

let root: string;

beforeEach(() => {
	root = mkdtempSync(join(tmpdir(), 'content-files-'));
	mkdirSync(join(root, 'content', 'actors'), { recursive: true });
	writeFileSync(join(root, 'content', 'actors', 'dana-reyes.yaml'), 'name: Dana Reyes\n');
});

afterEach(() => {
	rmSync(root, { recursive: true, force: true });
});

const readActors = () => readContentFiles(join(root, 'content'), root, ['actors']);

describe('reading content files', () => {
	test('names each file from the project root it is read from, with its fields parsed', () => {
		const [fromRoot] = readActors();
		const [fromContent] = readContentFiles(join(root, 'content'), join(root, 'content'), ['actors']);
		expect(fromRoot?.path).toBe(join('content', 'actors', 'dana-reyes.yaml'));
		expect(fromContent?.path).toBe(join('actors', 'dana-reyes.yaml'));
		expect(fromRoot?.data).toEqual({ name: 'Dana Reyes' });
	});
});
