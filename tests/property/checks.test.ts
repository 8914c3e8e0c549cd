import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fc, test } from '@fast-check/vitest';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { formatProblem } from '../../src/checks/problem';
import { startChecker, type CheckOutcome } from './checker';
import { reportingFault } from './located';
import { applyMutations, mutationsOf, PROPERTY_BASE, readContent, writeContent, type Mutation } from './mutations';
import { CHECK_TIMEOUT_MS, PROPERTY_RUNS, PROPERTY_SEED } from './settings';

/**
 * Property A of issue #19: whatever an editor does to valid content, the checks answer, in time, with problems an
 * editor can act on. Each case is the base content with one to three random mutations.
 */
const projectRoot = process.cwd();
const base = readContent(PROPERTY_BASE);
const mutations = mutationsOf(base);
const workspace = mkdtempSync(join(tmpdir(), 'property-checks-'));
const contentRoot = join(workspace, 'content');
const checker = startChecker(projectRoot);

afterAll(() => {
	checker.stop();
	rmSync(workspace, { recursive: true, force: true });
});

/** Why an outcome breaks the property, or undefined. */
function fault(outcome: CheckOutcome): string | undefined {
	if ('threw' in outcome) return `the checks threw: ${outcome.threw}`;
	if ('hung' in outcome) return `the checks did not finish in ${outcome.hung} ms`;
	const faults = outcome.problems.flatMap((problem) => {
		const why = reportingFault(problem, contentRoot, projectRoot);
		return why ? [`${why}: ${formatProblem(problem)}`] : [];
	});
	return faults.length > 0 ? faults.join('\n') : undefined;
}

/** Cases the property found once, run first in every run (the commits that fixed them say what each broke). */
const FOUND: Mutation[][] = [
	[{ kind: 'set', file: 'actors/dana-reyes.yaml', path: ['roles', 0], value: 'person' }],
	[{ kind: 'add', path: 'actors/folder.yaml/', bytes: [] }],
	[{ kind: 'yaml-line', file: 'articles/front-pauses-attacks.mdx', line: 0, edit: 'indent' }],
	[{ kind: 'set', file: 'articles/front-pauses-attacks.mdx', path: ['published'], value: '2024-03-01 12:00' }],
	[{ kind: 'set', file: 'actors/northern-front.yaml', path: ['name'], value: '' }],
	[{ kind: 'set', file: 'actors/dana-reyes.yaml', path: ['name'], value: '👩‍👩‍👧'.repeat(20_000) }],
];

describe('the content checks on randomly broken content', () => {
	beforeAll(async () => {
		// The base must pass, so each case's problems come from its mutations; this also starts the checks' process.
		writeContent(contentRoot, base);
		const outcome = await checker.check(contentRoot, 60_000);
		expect(outcome).toMatchObject({ problems: [] });
	}, 90_000);

	test.prop([fc.array(mutations.any, { minLength: 1, maxLength: 3 })], {
		seed: PROPERTY_SEED,
		numRuns: PROPERTY_RUNS,
		examples: FOUND.map((found): [Mutation[]] => [found]),
	})(
		'never throw or hang, and every problem names a file, line and column of the content, and a fix',
		async (applied) => {
			writeContent(contentRoot, applyMutations(base, applied));
			const outcome = await checker.check(contentRoot, CHECK_TIMEOUT_MS);
			const why = fault(outcome);
			if (why !== undefined) throw new Error(why);
		},
		// Room for every case to take its whole time bound would be hours; this is many times what the runs take.
		Math.max(120_000, PROPERTY_RUNS * 1_000),
	);
});
