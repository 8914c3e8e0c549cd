import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { delimiter, dirname, join, relative, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { parse } from 'yaml';
import { checkFiles } from '../../src/checks';
import { entryText, main } from '../../src/cli/new-entry';
import { idFromFileName, idFromText } from '../../src/utils/ids';
import { readContentFiles } from '../../src/checks/content-files';
import { formatProblem } from '../../src/checks/problem';
import { ACTOR_KINDS, AFFILIATION_RELATIONS } from '../../src/schemas/actor';
import { QUOTE_SETTINGS } from '../../src/schemas/quote';

const TSX = resolve('node_modules/.bin/tsx');
const SCRIPT = 'src/cli/new-entry.ts';

/** The placeholder the article template lists under `actors`: the one field an editor must fill in first. */
const ACTOR_PLACEHOLDER = 'replace-with-an-actor-id';

let contentDir: string;

beforeEach(async () => {
	// Inside the project (under the gitignored .tmp/), so the printed path is relative, as editors see it.
	await mkdir('.tmp', { recursive: true });
	contentDir = await mkdtemp(join('.tmp', 'new-entry-'));
});

afterEach(async () => {
	await rm(contentDir, { recursive: true, force: true });
});

type Run = { code: number; stdout: string; stderr: string };

/**
 * Runs `npm run new:<kind> -- <text>` as a command, with CONTENT_DIR pointing at the test's folder: the script as
 * npm starts it, for the test that the command works end to end.
 */
function newEntryCommand(kind: 'article' | 'actor', ...text: string[]): Promise<Run> {
	return new Promise((done) => {
		execFile(
			TSX,
			[SCRIPT, kind, ...text],
			{
				// tsx starts `node` from PATH: use the Node running the tests (the pinned one), not the machine's.
				env: {
					...process.env,
					CONTENT_DIR: contentDir,
					PATH: `${dirname(process.execPath)}${delimiter}${process.env['PATH'] ?? ''}`,
				},
			},
			(error, stdout, stderr) => done({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
		);
	});
}

/**
 * Runs the same command line in this process (its `main`, with CONTENT_DIR set and its output captured): starting
 * a process per case would make these tests most of the unit tier's time.
 */
async function newEntry(kind: 'article' | 'actor', ...text: string[]): Promise<Run> {
	const output = { stdout: '', stderr: '' };
	const capture = (stream: 'stdout' | 'stderr') =>
		vi.spyOn(process[stream], 'write').mockImplementation((chunk) => {
			output[stream] += String(chunk);
			return true;
		});
	const spies = [capture('stdout'), capture('stderr')];
	vi.stubEnv('CONTENT_DIR', contentDir);
	try {
		return { code: main([kind, ...text]), ...output };
	} finally {
		for (const spy of spies) spy.mockRestore();
		vi.unstubAllEnvs();
	}
}

const articlePath = (slug: string) => join(contentDir, 'articles', `${slug}.mdx`);
const actorPath = (id: string) => join(contentDir, 'actors', `${id}.yaml`);
const frontmatter = (text: string) => parse(/^---\n([\s\S]*?)\n---\n/.exec(text)?.[1] ?? '') as Record<string, unknown>;
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const errors = () =>
	checkFiles(readContentFiles(contentDir))
		.filter((problem) => problem.severity === 'error')
		.map(formatProblem);

describe('npm run new:article', () => {
	test('creates content/articles/<slug>.mdx from the headline and prints the path to edit', async () => {
		const result = await newEntryCommand('article', 'Kataib Hezbollah suspends attacks on US forces');
		const path = articlePath('kataib-hezbollah-suspends-attacks-on-us-forces');
		expect(result).toMatchObject({ code: 0, stderr: '' });
		expect(relative('.', path)).toBe(path);
		expect(result.stdout.split('\n')[0]).toBe(`Created ${path}`);
		expect(result.stdout).toMatch(/under `actors`/);
		const data = frontmatter(await readFile(path, 'utf8'));
		expect(data['title']).toBe('Kataib Hezbollah suspends attacks on US forces');
	});

	test('sets `published` to the moment it ran, in ISO 8601 with Z', async () => {
		const before = Math.floor(Date.now() / 1000) * 1000;
		await newEntry('article', 'A story');
		const after = Date.now();
		const published = frontmatter(await readFile(articlePath('a-story'), 'utf8'))['published'];
		expect(published).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
		const time = new Date(String(published)).getTime();
		expect(time).toBeGreaterThanOrEqual(before);
		expect(time).toBeLessThanOrEqual(after);
	});

	test('writes a headline YAML would misread as text, exactly as given', async () => {
		const headline = `Iran: "no comment" on the #1 strike — what's next?`;
		const result = await newEntry('article', headline);
		expect(result.code).toBe(0);
		const text = await readFile(articlePath('iran-no-comment-on-the-1-strike-whats-next'), 'utf8');
		expect(frontmatter(text)['title']).toBe(headline);
	});

	test('quotes a headline any YAML reader could take for a date, a number or a yes', () => {
		for (const headline of ['2024-01-30', '1917', 'Yes', 'null', '- a list?', '[brackets]']) {
			const data = frontmatter(entryText('article', headline));
			expect(data['title'], headline).toBe(headline);
			expect(
				parse(/^---\n([\s\S]*?)\n---\n/.exec(entryText('article', headline))?.[1] ?? '', { version: '1.1' }),
			).toMatchObject({
				title: headline,
			});
		}
	});

	test('writes an explainer whose only errors are the placeholders the editor must replace', async () => {
		await newEntry('article', 'A story');
		const text = await readFile(articlePath('a-story'), 'utf8');
		expect(text).not.toMatch(/__[A-Z_]+__/);
		expect(frontmatter(text)['actors']).toEqual([ACTOR_PLACEHOLDER]);
		const all = errors();
		const actorError = all.find((error) => error.includes(' actors[0]: '));
		const todoErrors = all.filter((error) => error !== actorError);
		expect(actorError).toMatch(
			new RegExp(
				`^${escape(articlePath('a-story'))}:\\d+:5 actors\\[0\\]: no actor "${ACTOR_PLACEHOLDER}"\\n    → use the file name of an actor in content/actors/.*$`,
			),
		);
		// `asOf: TODO` is not a date either, but its one problem is the note: the schema does not report it again.
		expect(todoErrors.map((error) => /^\S+ (\S+:)? ?(.*)\n/.exec(error)?.slice(1, 3).join(' '))).toEqual([
			'dek: still holds “TODO”, a note to finish it',
			'asOf: still holds “TODO”, a note to finish it',
			'sources[0].name: still holds “TODO”, a note to finish it',
			'topics[0]: still holds “TODO”, a note to finish it',
			'keyFacts[0]: still holds “TODO”, a note to finish it',
			'keyFacts[1]: still holds “TODO”, a note to finish it',
			'keyFacts[2]: still holds “TODO”, a note to finish it',
			' the story still holds “TODO”, a note to finish it',
		]);
	});

	test('writes an explainer that passes the content checks once it lists an actor its story names', async () => {
		await newEntry('actor', 'Pat Ryder');
		const actor = actorPath('pat-ryder');
		await writeFile(actor, (await readFile(actor, 'utf8')).replace(/^summary: TODO.*$/m, 'summary: A spokesman.'));
		await newEntry('article', 'A story');
		const path = articlePath('a-story');
		const text = await readFile(path, 'utf8');
		await writeFile(
			path,
			text
				.replace(`  - ${ACTOR_PLACEHOLDER}\n`, '  - pat-ryder\n')
				.replace(/^asOf: TODO$/m, 'asOf: 2024-01-30')
				.replace('TODO Write the story here.', 'Pat Ryder said the United States would respond.')
				.replace(/TODO[^\n]*/g, 'Filled in.'),
		);
		expect(errors()).toEqual([]);
	});

	test('asks for `asOf`, the day the facts hold, right after `published`, with what it means', async () => {
		await newEntry('article', 'A story');
		const text = await readFile(articlePath('a-story'), 'utf8');
		expect(Object.keys(frontmatter(text)).slice(0, 4)).toEqual(['title', 'dek', 'published', 'asOf']);
		expect(frontmatter(text)['asOf']).toBe('TODO');
		const comment = /\npublished: .*\n((?:#.*\n)+)asOf: TODO\n/.exec(text)?.[1] ?? '';
		expect(comment).toMatch(/YYYY-MM-DD/);
		expect(comment).toMatch(/roles, relations and summaries/);
		expect(comment).toMatch(/publication day/);
	});

	test('lists the allowed quote settings in its comments', async () => {
		await newEntry('article', 'A story');
		const text = await readFile(articlePath('a-story'), 'utf8');
		expect(text).toContain(`# ${QUOTE_SETTINGS.join(', ')}.`);
	});

	test('refuses to overwrite an existing explainer, exits with code 1 and names the file', async () => {
		await newEntry('article', 'A story');
		const path = articlePath('a-story');
		await writeFile(path, 'the editor’s work');
		const result = await newEntry('article', 'A Story');
		expect(result.code).toBe(1);
		expect(result.stdout).toBe('');
		expect(result.stderr).toContain(`${path} already exists`);
		expect(await readFile(path, 'utf8')).toBe('the editor’s work');
	});

	test('refuses a headline whose slug another file already has', async () => {
		await mkdir(join(contentDir, 'articles'), { recursive: true });
		await writeFile(join(contentDir, 'articles', 'A-Story.mdx'), 'the editor’s work');
		const result = await newEntry('article', 'A story');
		expect(result.code).toBe(1);
		expect(result.stderr).toContain(
			`${join(contentDir, 'articles', 'A-Story.mdx')} already exists, with the id "a-story"`,
		);
		expect(readContentFiles(contentDir).map((file) => file.path)).toEqual([
			join(contentDir, 'articles', 'A-Story.mdx'),
		]);
	});

	test('refuses a headline longer than a title may be, or none at all, with exit code 1', async () => {
		const long = await newEntry('article', 'x'.repeat(141));
		expect(long.code).toBe(1);
		expect(long.stderr).toMatch(/cannot be the `title`: .*140/);
		const none = await newEntry('article');
		expect(none.code).toBe(1);
		expect(none.stderr).toContain('npm run new:article -- "Headline"');
		expect(readContentFiles(contentDir)).toEqual([]);
	});
});

describe('npm run new:actor', () => {
	test('creates content/actors/<id>.yaml from the name and prints the path to edit', async () => {
		const result = await newEntry('actor', 'Abu Hussein al-Hamidawi');
		const path = actorPath('abu-hussein-al-hamidawi');
		expect(result).toMatchObject({ code: 0, stderr: '' });
		expect(result.stdout.split('\n')[0]).toBe(`Created ${path}`);
		expect(result.stdout).toContain('"abu-hussein-al-hamidawi" under `actors`');
		expect(parse(await readFile(path, 'utf8'))).toMatchObject({ name: 'Abu Hussein al-Hamidawi', kind: 'person' });
	});

	test('writes an actor whose only error is the summary to write, with the kinds and relations in its comments', async () => {
		await newEntry('actor', 'Kataib Hezbollah');
		const path = actorPath('kataib-hezbollah');
		const text = await readFile(path, 'utf8');
		expect(text).not.toMatch(/__[A-Z_]+__/);
		expect(text).toContain(`# ${ACTOR_KINDS.join(', ')}.`);
		expect(text).toContain(`# ${AFFILIATION_RELATIONS.join(', ')}, e.g.`);
		expect(errors()).toEqual([expect.stringMatching(/ summary: still holds “TODO”, a note to finish it\n/)]);
		await writeFile(path, text.replace(/^summary: TODO.*$/m, 'summary: An armed group in Iraq.'));
		expect(errors()).toEqual([]);
	});

	test('makes the id from the name as the site does: accents dropped, other characters hyphens', async () => {
		const result = await newEntry('actor', '  Hezbollah  (Liban) —  Élysée ');
		expect(result.code).toBe(0);
		expect(parse(await readFile(actorPath('hezbollah-liban-elysee'), 'utf8'))['name']).toBe(
			'Hezbollah (Liban) — Élysée',
		);
	});

	test('drops apostrophes from the id, straight or typographic, instead of making them hyphens', async () => {
		const result = await newEntry('actor', "Kait'ib Sayyid al-Shuhada");
		expect(result).toMatchObject({ code: 0, stderr: '' });
		expect(parse(await readFile(actorPath('kaitib-sayyid-al-shuhada'), 'utf8'))['name']).toBe(
			"Kait'ib Sayyid al-Shuhada",
		);
		for (const name of ['Kait’ib Sayyid al-Shuhada', 'Kait‘ib Sayyid al-Shuhada', 'Kaitʼib Sayyid al-Shuhada']) {
			expect(idFromText(name), name).toBe('kaitib-sayyid-al-shuhada');
			expect(idFromFileName({ entry: `${name}.yaml` }), name).toBe('kaitib-sayyid-al-shuhada');
		}
		expect(idFromText("'Asa'ib Ahl al-Haq'")).toBe('asaib-ahl-al-haq');
	});

	test('makes the id from the whole name: its dots and slashes are not an extension or a folder', async () => {
		expect(idFromText('U.S. Central Command')).toBe('u-s-central-command');
		expect(idFromText('Iraq/Syria border force')).toBe('iraq-syria-border-force');
		const result = await newEntry('article', 'U.S. strikes back in Iraq/Syria');
		expect(result.code).toBe(0);
		expect(result.stdout.split('\n')[0]).toBe(`Created ${articlePath('u-s-strikes-back-in-iraq-syria')}`);
	});

	test('refuses to overwrite an existing actor, exits with code 1 and names the file', async () => {
		await newEntry('actor', 'Iran');
		const path = actorPath('iran');
		await writeFile(path, 'name: Iran\n');
		const result = await newEntry('actor', 'Iran');
		expect(result.code).toBe(1);
		expect(result.stderr).toContain(`${path} already exists`);
		expect(result.stderr).toMatch(/not overwriting it/);
		expect(await readFile(path, 'utf8')).toBe('name: Iran\n');
	});

	test('refuses a name that gives no id, with exit code 1', async () => {
		const result = await newEntry('actor', '!!!');
		expect(result.code).toBe(1);
		expect(result.stderr).toMatch(/"!!!" gives no file name/);
		expect(readContentFiles(contentDir)).toEqual([]);
	});
});
