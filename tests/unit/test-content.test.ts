import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { TEST_BUILD_FIXTURE, writeTestContent } from '../helpers/test-content';

/*
 * The test build's content (tests/helpers/test-content.ts): the editors' content, the tests' own explainer and a
 * later copy of every explainer; and a clear stop when the editors' content takes an id the fixture needs.
 */
const workspace = mkdtempSync(join(tmpdir(), 'test-content-'));
afterAll(() => rmSync(workspace, { recursive: true, force: true }));

/** A content folder holding one actor file of `id`, and no explainer. */
function contentWithActor(name: string, id: string): string {
	const dir = join(workspace, name, 'content');
	for (const collection of ['articles', 'actors', 'places']) mkdirSync(join(dir, collection), { recursive: true });
	writeFileSync(join(dir, 'actors', `${id}.yaml`), `name: ${id}\nkind: person\nsummary: Someone.\n`);
	return dir;
}

const explainers = (dir: string) =>
	readdirSync(join(dir, 'articles'))
		.filter((name) => name.endsWith('.mdx'))
		.sort();

describe('the test build’s content', () => {
	test('holds the editors’ files, the tests’ own explainer and a later copy of it', () => {
		const target = join(workspace, 'plain', 'built');
		const copies = writeTestContent(contentWithActor('plain', 'dana-okafor'), target);
		const fixtureExplainers = explainers(TEST_BUILD_FIXTURE);
		expect(fixtureExplainers.length).toBeGreaterThan(0);
		expect(readdirSync(join(target, 'actors'))).toContain('dana-okafor.yaml');
		expect(explainers(target)).toEqual(
			[...fixtureExplainers, ...fixtureExplainers.map((name) => name.replace(/\.mdx$/, '-copy.mdx'))].sort(),
		);
		expect(copies.map(({ copy }) => copy).sort()).toEqual(
			fixtureExplainers.map((name) => name.replace(/\.mdx$/, '-copy')).sort(),
		);
	});

	test('stops, naming the id, when the editors’ content uses an id of the tests’ own explainer', () => {
		const [actorFile = ''] = readdirSync(join(TEST_BUILD_FIXTURE, 'actors'));
		const id = actorFile.replace(/\.yaml$/, '');
		expect(() => writeTestContent(contentWithActor('clash', id), join(workspace, 'clash', 'built'))).toThrow(
			`actors/${id}`,
		);
	});
});
