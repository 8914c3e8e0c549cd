import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { DRAWING_SOURCES, drawingDigest, locatorMapKey } from '../../src/locator-map/cache';
import type { MapDrawing } from '../../src/locator-map/locator-map';

const DRAWING: MapDrawing = {
	variant: 'wide',
	title: 'Locator map',
	plan: {
		marked: [
			{
				id: 'baghdad',
				data: { name: 'Baghdad', kind: 'city', country: 'Iraq', coordinates: { latitude: 33.31, longitude: 44.37 } },
			},
		],
		shaded: [],
		beyond: [],
	},
};

const roots: string[] = [];
afterEach(() => {
	for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

/** A copy of the drawing code in a folder of its own, to change without touching the project. */
function copyOfDrawingCode(): string {
	const root = mkdtempSync(join(tmpdir(), 'map-code-'));
	roots.push(root);
	for (const file of DRAWING_SOURCES) {
		mkdirSync(dirname(join(root, file)), { recursive: true });
		cpSync(file, join(root, file));
	}
	return root;
}

describe('the locator map cache', () => {
	test('keys a map by everything it is drawn from: the same drawing, the same key', () => {
		const key = locatorMapKey(DRAWING, 'code');
		expect(locatorMapKey(structuredClone(DRAWING), 'code')).toBe(key);
		expect(locatorMapKey({ ...DRAWING, variant: 'narrow' }, 'code')).not.toBe(key);
		expect(locatorMapKey({ ...DRAWING, title: 'Another map' }, 'code')).not.toBe(key);
		const moved = structuredClone(DRAWING);
		moved.plan.marked[0]!.data.coordinates.latitude = 33.32;
		expect(locatorMapKey(moved, 'code')).not.toBe(key);
		expect(locatorMapKey(DRAWING, 'other code')).not.toBe(key);
	});

	test('draws every map again when the drawing code changes', () => {
		const root = copyOfDrawingCode();
		const before = drawingDigest(root);
		expect(drawingDigest(root)).toBe(before);
		for (const file of DRAWING_SOURCES.filter((source) => source.startsWith('src/'))) {
			const digest = drawingDigest(root);
			writeFileSync(join(root, file), '// changed\n', { flag: 'a' });
			expect(drawingDigest(root), file).not.toBe(digest);
		}
	});

	test('hashes every module of the folder and of src/utils/ the drawing imports', () => {
		const imported = new Set<string>();
		const visit = (file: string) => {
			if (imported.has(file)) return;
			imported.add(file);
			const imports = /^import (?!type )[^;]*? from '(\.\/|\.\.\/utils\/)([\w-]+)(?:\.ts)?';$/gm;
			for (const [, folder, name] of readFileSync(file, 'utf8').matchAll(imports)) {
				visit(`${folder === './' ? dirname(file) : 'src/utils'}/${name}.ts`);
			}
		};
		visit('src/locator-map/locator-map.ts');
		expect([...imported].sort()).toEqual(DRAWING_SOURCES.filter((source) => source.startsWith('src/')).sort());
	});

	test('never reuses a map when the drawing code cannot be read', () => {
		const root = mkdtempSync(join(tmpdir(), 'map-code-missing-'));
		roots.push(root);
		expect(drawingDigest(root)).not.toBe(drawingDigest(root));
	});
});
