import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { checkContent } from '../../src/checks';
import { readBodyFacts } from '../../src/checks/body-facts';
import { createBodyFactsStore, projectBodyFactsFile } from '../../src/checks/body-facts-cache';

const STORY = {
	line: 12,
	text: [
		'## How we got here',
		'',
		'<Mention actor="kataib-hezbollah">The group</Mention> said it would stop, [the Pentagon](https://example.org) said.',
		'',
	].join('\n'),
};

let dir: string;

beforeEach(() => {
	dir = mkdtempSync(join(tmpdir(), 'body-facts-'));
});

afterEach(() => {
	rmSync(dir, { recursive: true, force: true });
});

describe('the story facts store', () => {
	test('reads a story’s facts from the file an earlier run saved, without parsing the story again', () => {
		const file = join(dir, 'facts.json');
		const first = createBodyFactsStore(file);
		const parsed = first.factsOf(STORY);
		first.save();
		const next = createBodyFactsStore(file);
		expect(next.factsOf({ ...STORY })).toEqual(parsed);
		expect(next.stats).toEqual({ hits: 1, misses: 0 });
	});

	test('holds what parsing finds: headings, mentions, links and text, placed in the file', () => {
		const facts = readBodyFacts(STORY);
		expect(facts.headingSlugs).toEqual(['how-we-got-here']);
		expect(facts.mentions).toEqual([{ id: 'kataib-hezbollah', line: 14, column: 1 }]);
		expect(facts.links).toEqual([{ url: 'https://example.org', line: 14, column: 75 }]);
		expect(facts.blockTexts.map((block) => block.value)).toEqual([
			'How we got here',
			'The group said it would stop, the Pentagon said.',
		]);
		expect(facts.syntaxError).toBeUndefined();
	});

	test('parses a story again when its text or its first line changed', () => {
		const file = join(dir, 'facts.json');
		const first = createBodyFactsStore(file);
		first.factsOf(STORY);
		first.save();
		const next = createBodyFactsStore(file);
		const edited = next.factsOf({ ...STORY, text: STORY.text.replace('stop', 'pause') });
		const moved = next.factsOf({ ...STORY, line: STORY.line + 1 });
		expect(next.stats).toEqual({ hits: 0, misses: 2 });
		expect(edited.blockTexts[1]?.value).toContain('pause');
		expect(moved.mentions[0]?.line).toBe(15);
	});

	test('keeps only the stories of its last run, so the file does not grow with every edit', () => {
		const file = join(dir, 'facts.json');
		const first = createBodyFactsStore(file);
		first.factsOf(STORY);
		first.save();
		const next = createBodyFactsStore(file);
		next.factsOf({ ...STORY, text: `${STORY.text}\nOne more sentence.\n` });
		next.save();
		expect(Object.keys(JSON.parse(readFileSync(file, 'utf8')) as object)).toHaveLength(1);
	});

	test('reads an unreadable file as an empty store and parses every story', () => {
		const file = join(dir, 'facts.json');
		writeFileSync(file, '{"cut short');
		const store = createBodyFactsStore(file);
		expect(store.factsOf(STORY).headingSlugs).toEqual(['how-we-got-here']);
		expect(store.stats).toEqual({ hits: 0, misses: 1 });
	});

	test('lists the stories it has no facts for, once each, and answers them with facts learned from elsewhere', () => {
		const file = join(dir, 'facts.json');
		const first = createBodyFactsStore(file);
		first.factsOf(STORY);
		first.save();
		const next = createBodyFactsStore(file);
		const edited = { ...STORY, text: STORY.text.replace('stop', 'pause') };
		const unknown = next.unknown([STORY, edited, { ...edited }]);
		expect(unknown.map(({ body }) => body)).toEqual([edited]);
		// Facts from a thread are taken as they come, not parsed again, and count as parsed this run.
		const fromThread = { ...readBodyFacts(edited), headingSlugs: ['from-the-thread'] };
		next.learn(unknown.map(({ key }) => [key, fromThread] as const));
		expect(next.factsOf(edited).headingSlugs).toEqual(['from-the-thread']);
		expect(next.factsOf(STORY).headingSlugs).toEqual(['how-we-got-here']);
		expect(next.stats).toEqual({ hits: 1, misses: 1 });
		next.save();
		expect(readFileSync(file, 'utf8')).toContain('from-the-thread');
	});

	test('keeps a syntax error with its place, so a rebuild reports it as the first build did', () => {
		const file = join(dir, 'facts.json');
		const broken = { line: 3, text: 'A stray { brace.\n' };
		const first = createBodyFactsStore(file);
		const error = first.factsOf(broken).syntaxError;
		first.save();
		expect(error).toMatchObject({ line: 3 });
		expect(createBodyFactsStore(file).factsOf(broken).syntaxError).toEqual(error);
	});
});

test('the content checks report the same problems from saved facts as from parsing', () => {
	const content = join(dir, 'content');
	cpSync('tests/fixtures/bad-content/_base', content, { recursive: true });
	const [first = ''] = readdirSync(join(content, 'articles'));
	const article = readFileSync(join(content, 'articles', first), 'utf8');
	writeFileSync(
		join(content, 'articles', 'broken-links.mdx'),
		article.replace(/\n---\n/, '\n---\n\nSee [the timeline](#no-such-anchor) and <Widget />. TODO\n'),
	);
	const factsFile = join(dir, 'facts.json');
	const parsed = checkContent(content, process.cwd(), factsFile);
	const fromFacts = checkContent(content, process.cwd(), factsFile);
	expect(parsed.length).toBeGreaterThan(0);
	expect(fromFacts).toEqual(parsed);
	expect(readFileSync(factsFile, 'utf8')).toContain('no-such-anchor');
});

test('the project’s content keeps its facts in Astro’s cache folder; another content folder keeps none', () => {
	vi.stubEnv('CONTENT_DIR', undefined);
	expect(projectBodyFactsFile()).toBe(join('node_modules', '.astro', 'content-checks', 'body-facts.json'));
	vi.stubEnv('CONTENT_DIR', join(dir, 'content'));
	expect(projectBodyFactsFile()).toBeUndefined();
	vi.unstubAllEnvs();
});
