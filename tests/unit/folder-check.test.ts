import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { folderProblems } from '../../src/checks/folder-check';

let root: string;

beforeEach(() => {
	root = mkdtempSync(join(tmpdir(), 'folder-check-'));
});

afterEach(() => {
	rmSync(root, { recursive: true, force: true });
});

/** Creates each file (with any text) under the content folder, and returns what the check says of them. */
function problemsWith(...files: string[]) {
	for (const file of files) {
		mkdirSync(dirname(join(root, file)), { recursive: true });
		writeFileSync(join(root, file), 'text');
	}
	return folderProblems(root, root).map(({ file, line, column, message, hint }) => ({
		file,
		line,
		column,
		message,
		hint,
	}));
}

test('content the site publishes, figure images and hidden files are no problem', () => {
	expect(
		problemsWith(
			'articles/story.mdx',
			'articles/photo.jpg',
			'articles/images/map.PNG',
			'articles/.DS_Store',
			'actors/someone.yaml',
			'places/somewhere.yaml',
			'.gitkeep',
		),
	).toEqual([]);
});

test('a file the loaders skip is named, with the extension to use, collection by collection', () => {
	expect(problemsWith('articles/story.md', 'actors/someone.yml', 'places/Somewhere.YAML')).toEqual([
		{
			file: 'articles/story.md',
			line: 1,
			column: 1,
			message: '"story.md" is not published: articles are read only from `.mdx` files',
			hint: 'rename it to story.mdx (figures may be images beside it)',
		},
		{
			file: 'actors/someone.yml',
			line: 1,
			column: 1,
			message: '"someone.yml" is not published: actors are read only from `.yaml` files',
			hint: 'rename it to someone.yaml',
		},
		{
			file: 'places/Somewhere.YAML',
			line: 1,
			column: 1,
			message: '"Somewhere.YAML" is not published: places are read only from `.yaml` files',
			hint: 'rename it to Somewhere.yaml',
		},
	]);
});

test('folders: an explainer in a subfolder, an actor folder and an unknown collection are named', () => {
	const problems = problemsWith('articles/2024/story.mdx', 'actors/people/someone.yaml', 'article/story.mdx');
	expect(problems.map(({ file, message }) => [file, message])).toEqual([
		['article', '"article" is not published: the content folder holds only articles, actors, places'],
		['articles/2024/story.mdx', '"story.mdx" is not published: articles are read only from the articles folder itself'],
		['actors/people', '"people" is not published: actors are not read from folders'],
	]);
});

test('a file whose name gives no id (no Latin letter or digit) is named, with a name to give it', () => {
	expect(
		problemsWith('articles/日本.mdx', 'actors/—.yaml').map(({ file, message, hint }) => [file, message, hint]),
	).toEqual([
		[
			'articles/日本.mdx',
			'"日本.mdx" gives no id: an id is made of the file name\'s Latin letters and digits',
			'rename it with Latin letters, e.g. the-headline-in-short.mdx',
		],
		[
			'actors/—.yaml',
			'"—.yaml" gives no id: an id is made of the file name\'s Latin letters and digits',
			'rename it with Latin letters, e.g. the-name.yaml',
		],
	]);
});
