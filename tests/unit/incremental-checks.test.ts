import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { checkContent, CHECKS, parsedStoryFacts } from '../../src/checks';
import type { Check } from '../../src/checks/check';
import type { ContentFile } from '../../src/checks/content-files';
import { IncrementalChecks, readContentAtStartup } from '../../src/checks/incremental';
import { formatProblem } from '../../src/checks/problem';
import { BAD_CONTENT_FIXTURES, badContentCases, badContentFor } from '../helpers/bad-content';

let work: string;
let live: string;
let checks: IncrementalChecks;

/** Every file under `dir`, by its path in it. */
function filesUnder(dir: string): Map<string, Buffer> {
	const files = new Map<string, Buffer>();
	for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
		if (entry.isFile()) {
			const path = join(entry.parentPath, entry.name);
			files.set(relative(dir, path), readFileSync(path));
		}
	}
	return files;
}

/** Saves into `live` what differs from `target`, file by file, as an editor would; removes what `target` lacks. */
function saveAs(target: string): void {
	const wanted = filesUnder(target);
	const present = filesUnder(live);
	for (const [path, bytes] of wanted) {
		if (present.get(path)?.equals(bytes)) continue;
		mkdirSync(dirname(join(live, path)), { recursive: true });
		writeFileSync(join(live, path), bytes);
	}
	for (const path of present.keys()) if (!wanted.has(path)) rmSync(join(live, path));
}

/** The problems as the report shows them, in an order that does not depend on which check found them first. */
const report = (problems: Parameters<typeof formatProblem>[0][]) => problems.map(formatProblem).sort();

beforeAll(() => {
	work = mkdtempSync(join(tmpdir(), 'incremental-checks-'));
	live = join(work, 'live');
	cpSync(join(BAD_CONTENT_FIXTURES, '_base'), live, { recursive: true });
	checks = new IncrementalChecks(live, process.cwd(), parsedStoryFacts);
	expect(checks.problems(CHECKS)).toEqual([]);
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('checks run again over what a save changed', () => {
	test.each(badContentCases())('find what checking everything finds, after the mistake and its fix (%s)', (name) => {
		const { dir: broken, spec } = badContentFor(name, work);
		saveAs(broken);
		const found = report(checks.problems(CHECKS));
		expect(found).toEqual(report(checkContent(live)));
		// A few cases are content that must pass (a hostile title is only text).
		if (spec.expect.exit !== 0) expect(found.length).toBeGreaterThan(0);
		saveAs(join(BAD_CONTENT_FIXTURES, '_base'));
		expect(checks.problems(CHECKS)).toEqual([]);
	});

	test('a check with no scope of its own sees every file after a save', () => {
		const seen: number[] = [];
		const counting: Check = (context) => {
			seen.push(context.files.length);
			return [];
		};
		checks.problems([...CHECKS, counting]);
		const story = readdirSync(join(live, 'articles')).find((name) => name.endsWith('.mdx'))!;
		const path = join(live, 'articles', story);
		writeFileSync(path, readFileSync(path, 'utf8').replace(/\n$/, '\n\nOne more sentence for the save.\n'));
		expect(report(checks.problems([...CHECKS, counting]))).toEqual(report(checkContent(live)));
		expect(seen.length).toBe(2);
		expect(seen[1]).toBe(seen[0]);
		expect(seen[0]).toBeGreaterThan(1);
	});

	test('an edit of a place alone checks again the maps of the explainers that list it', () => {
		const { dir: crowded } = badContentFor('map-label-without-room', work);
		saveAs(crowded);
		const before = report(checks.problems(CHECKS));
		expect(before.join('\n')).toMatch(/places\[2\]: the map has no room to label "Town with a long name number 2"/);
		const place = join(live, 'places', 'town-2.yaml');
		const text = readFileSync(place, 'utf8');
		writeFileSync(place, `${text}label: Town 2\n`);
		expect(report(checks.problems(CHECKS))).toEqual(report(checkContent(live)));
		// Its new label is laid out in the explainer's map: the place still has no room, under its new name.
		expect(report(checks.problems(CHECKS)).join('\n')).toMatch(/places\[2\]: the map has no room to label "Town 2"/);
		writeFileSync(place, text);
		expect(report(checks.problems(CHECKS))).toEqual(before);
		saveAs(join(BAD_CONTENT_FIXTURES, '_base'));
	});
});

describe('the dev server’s first checks', () => {
	/** The files a check is given on the first run of fresh checks of `dir`, and their problems. */
	function firstRun(dir: string) {
		let given: readonly ContentFile[] = [];
		const recording: Check = (context) => {
			given = context.files;
			return [];
		};
		const problems = new IncrementalChecks(dir, process.cwd(), parsedStoryFacts).problems([...CHECKS, recording]);
		return { given, problems };
	}

	test('start from the files read as the server started, reading again only those saved since', () => {
		const dir = join(work, 'startup');
		cpSync(join(BAD_CONTENT_FIXTURES, '_base'), dir, { recursive: true });
		const read = readContentAtStartup(dir, process.cwd());
		const story = join(dir, 'articles', 'story.mdx');
		writeFileSync(story, readFileSync(story, 'utf8').replace('  - dana-reyes\n', '  - dana-reyse\n'));

		const { given, problems } = firstRun(dir);
		expect(report(problems)).toEqual(report(checkContent(dir)));
		expect(report(problems).join('\n')).toMatch(/no actor "dana-reyse"/);
		const kept = given.filter((file) => read.includes(file)).map((file) => file.path);
		expect(kept.sort()).toEqual(
			read
				.map((file) => file.path)
				.filter((path) => !path.endsWith('story.mdx'))
				.sort(),
		);
	});

	test('leave what was read at the start of another folder, and take what was read only once', () => {
		const dir = join(work, 'startup-elsewhere');
		cpSync(join(BAD_CONTENT_FIXTURES, '_base'), dir, { recursive: true });
		const other = readContentAtStartup(join(work, 'live'), process.cwd());
		expect(firstRun(dir).given.some((file) => other.includes(file))).toBe(false);

		const read = readContentAtStartup(dir, process.cwd());
		expect(firstRun(dir).given.every((file) => read.includes(file))).toBe(true);
		expect(firstRun(dir).given.some((file) => read.includes(file))).toBe(false);
	});
});
