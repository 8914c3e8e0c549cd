import { parseFrontmatter, unified } from '@astrojs/markdown-remark';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { checkContent, checkFiles, DATA_CHECKS, startContentChecks } from '../../src/checks';
import { readContentFiles } from '../../src/checks/content-files';
import { MAX_BODY_BYTES } from '../../src/checks/story-facts/parse';
import { folderProblems } from '../../src/checks/folder-check';
import { formatProblem, sortProblems } from '../../src/checks/problem';
import { createCompiledStoryFacts, type CompiledStoryFacts } from '../../src/checks/story-facts/compiled';
import { explainerRemarkPlugins, REPLACED_PROCESSOR_FEATURES } from '../../src/plugins';
import { readMentionableActors } from '../../src/mentions/actor-names';
import { badContentCases, badContentFor } from '../helpers/bad-content';

let dir: string;

beforeEach(() => {
	dir = mkdtempSync(join(tmpdir(), 'check-run-'));
});

afterEach(() => {
	rmSync(dir, { recursive: true, force: true });
});

/**
 * Compiles every story of the content folder with the site's MDX compiler, as a build does, while `store` collects
 * their facts; a story the compiler stops at (its MDX, its frontmatter, an unknown mention) is left as it is.
 * Returns how many it stopped at.
 */
async function compileStories(content: string, store: CompiledStoryFacts): Promise<number> {
	const compiler = await unified({
		...REPLACED_PROCESSOR_FEATURES,
		remarkPlugins: explainerRemarkPlugins(() => readMentionableActors(join(content, 'actors')), store),
	}).createMdxRenderer?.({ syntaxHighlight: false }, { optimize: true });
	const articles = join(content, 'articles');
	let failed = 0;
	for (const name of readdirSync(articles).filter((file) => file.endsWith('.mdx'))) {
		const source = readFileSync(join(articles, name), 'utf8');
		// A story over the checks' limit takes the compiler long, and the checks stop at its size alone.
		if (Buffer.byteLength(source) > MAX_BODY_BYTES) {
			failed++;
			continue;
		}
		try {
			const { frontmatter, content: blanked } = parseFrontmatter(source, { frontmatter: 'empty-with-spaces' });
			await compiler?.process(blanked, join(articles, name), frontmatter);
		} catch {
			// As in a build: the story checks report it.
			failed++;
		}
	}
	return failed;
}

/**
 * A build's checks of `content`: the fields' problems at once, then every problem once Astro's compile of the
 * stories (`compile`) handed their facts over, as editors read them.
 */
async function checkedInABuild(content: string, compile = true) {
	const store = createCompiledStoryFacts();
	store.collect();
	const run = startContentChecks(content, process.cwd(), store);
	const data = run.dataProblems.map(formatProblem);
	const readBeforeCompile = { ...run.stories };
	const notCompiled = compile ? await compileStories(content, store) : undefined;
	const all = run.finish().map(formatProblem);
	store.stop();
	return { data, all, readBeforeCompile, stories: run.stories, notCompiled };
}

const checkedInOneGo = (content: string) => checkContent(content).map(formatProblem);

describe('content checks in a build', () => {
	test.each(badContentCases())(
		'find what checking in one go finds (%s), reading the stories Astro compiled from its compile',
		async (name) => {
			const { dir: content } = badContentFor(name, dir);
			const expected = checkedInOneGo(content);
			const { data, all, readBeforeCompile, stories, notCompiled } = await checkedInABuild(content);
			expect(all).toEqual(expected);
			// The fields' problems come before Astro reads a file, and before any story is read.
			const dataAlone = [...folderProblems(content), ...checkFiles(readContentFiles(content), DATA_CHECKS)];
			expect(data).toEqual(sortProblems(dataAlone).map(formatProblem));
			expect(readBeforeCompile).toEqual({ compiled: 0, parsed: 0 });
			// Each story is read once: by Astro's compile, or here when the compile stopped before reading it.
			const withStories = readContentFiles(content).filter((file) => file.body).length;
			expect(stories.compiled + stories.parsed).toBe(withStories);
			expect(stories.parsed).toBeLessThanOrEqual(notCompiled ?? 0);
		},
	);

	test('report a field’s problem and a story’s together, as checking in one go does', async () => {
		const { dir: content } = badContentFor('unknown-quote-speaker', dir);
		writeFileSync(join(content, 'articles', 'second.mdx'), '---\ntitle: Only a title\n---\n\nA stray { brace.\n');
		const { data, all, stories } = await checkedInABuild(content);
		expect(all).toEqual(checkedInOneGo(content));
		expect(all.some((problem) => problem.includes('second.mdx:5'))).toBe(true);
		expect(data.some((problem) => problem.includes('second.mdx:5'))).toBe(false);
		expect(all.some((problem) => problem.includes('speaker'))).toBe(true);
		expect(stories).toEqual({ compiled: 1, parsed: 1 });
	});

	test('parse the stories themselves when Astro compiled none (a broken field stops the build first)', async () => {
		const { dir: content } = badContentFor('quote-not-in-body', dir);
		const { all, stories } = await checkedInABuild(content, false);
		expect(all).toEqual(checkedInOneGo(content));
		expect(all.length).toBeGreaterThan(0);
		expect(stories).toEqual({ compiled: 0, parsed: 1 });
	});

	test('parse a story saved again since the checks read it, not the text Astro compiled', async () => {
		const { dir: content } = badContentFor('quote-not-in-body', dir);
		const store = createCompiledStoryFacts();
		store.collect();
		const run = startContentChecks(content, process.cwd(), store);
		const story = join(content, 'articles', 'story.mdx');
		const checked = readFileSync(story, 'utf8');
		writeFileSync(story, checked.replace('## ', 'A new first paragraph.\n\n## '));
		await compileStories(content, store);
		writeFileSync(story, checked);
		expect(run.finish().map(formatProblem)).toEqual(checkedInOneGo(content));
		expect(run.stories).toEqual({ compiled: 0, parsed: 1 });
	});
});
