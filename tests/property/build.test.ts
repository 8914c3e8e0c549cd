import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as fc from 'fast-check';
import { afterAll, describe, expect, test } from 'vitest';
import { idFromFileName } from '../../src/utils/ids';
import { startChecker } from './checker';
import {
	applyMutation,
	mutationsOf,
	PROPERTY_BASE,
	readContent,
	writeContent,
	type Content,
	type Mutation,
} from './mutations';
import { buildSite } from './site-build';
import { CHECK_TIMEOUT_MS, PROPERTY_BATCH, PROPERTY_BUILDS, PROPERTY_SEED } from './settings';

/**
 * Property B of issue #19: content the checks pass, the build passes. A build takes most of a minute, so one build
 * tries a batch: each random mutation of an explainer is made to a copy of it under a slug of its own
 * (`articles/case-<n>.mdx`), each mutation of a shared file (an actor, a place, the figure) to the shared file, and a
 * mutation is kept when the checks still pass on everything kept so far. The build of what is kept must pass, and
 * every explainer in it must have its page. When it fails, halves of the batch are built until one mutation (or the
 * smallest set found) still breaks it.
 */
const projectRoot = process.cwd();
const base = readContent(PROPERTY_BASE);
const mutations = mutationsOf(base);
const workspace = mkdtempSync(join(tmpdir(), 'property-build-'));
const checker = startChecker(projectRoot);

/** The most builds spent looking for the smallest failing set, after a failed build. */
const BISECT_BUILDS = 6;

afterAll(() => {
	checker.stop();
	rmSync(workspace, { recursive: true, force: true });
});

/**
 * Mutations the checks once passed and the build did not, tried first in every batch: the checks must now refuse
 * them, or the build shows they still let them through.
 */
const FOUND: Mutation[] = [
	{ kind: 'delete', file: 'articles/front-pauses-attacks.png' },
	{ kind: 'set', file: 'articles/front-pauses-attacks.mdx', path: ['dek'], value: '7908-09-14T05:10:43.140Z' },
	{ kind: 'set', file: 'articles/front-pauses-attacks.mdx', path: ['timeline', 0, 'label'], value: '2024-02-30' },
	{
		kind: 'story',
		file: 'articles/front-pauses-attacks.mdx',
		line: 13,
		column: 392,
		fragment: '![an image](#nowhere)',
	},
	{
		kind: 'story',
		file: 'articles/front-pauses-attacks.mdx',
		line: 5,
		column: 352,
		fragment: '<Mention actor="ostland">the country</Mention>',
	},
	{
		kind: 'story',
		file: 'articles/front-pauses-attacks.mdx',
		line: 73,
		column: 6,
		fragment: "\n\nimport X from '/etc/passwd'\n\n",
	},
	{ kind: 'set', file: 'places/baghdad.yaml', path: ['label'], value: 'et vestibulum\uffff\ufffe augue orci' },
	{ kind: 'duplicate', file: 'articles/front-pauses-attacks.mdx', as: 'no-id' },
	{ kind: 'set', file: 'places/baghdad.yaml', path: ['label'], value: 'A much longer label of 32 chars!' },
];

/** A candidate mutation, numbered within its batch. */
interface Candidate {
	index: number;
	mutation: Mutation;
}

/** An explainer's mutation is made to a copy of it under a slug of its own; any other goes to the file itself. */
function applyCandidate(content: Content, { index, mutation }: Candidate): Content {
	if (!('file' in mutation) || !mutation.file.endsWith('.mdx') || !base.has(mutation.file)) {
		return applyMutation(content, mutation);
	}
	const copy = `articles/case-${index}.mdx`;
	const withCopy: Content = new Map(content);
	withCopy.set(copy, base.get(mutation.file) ?? new Uint8Array());
	return applyMutation(withCopy, { ...mutation, file: copy });
}

const contentOf = (candidates: readonly Candidate[]) => candidates.reduce(applyCandidate, base);

/** Whether the checks find no error in `content`; they must answer, as property A asserts. */
async function checksPass(content: Content, dir: string): Promise<boolean> {
	writeContent(dir, content);
	const outcome = await checker.check(dir, CHECK_TIMEOUT_MS);
	if (!('problems' in outcome)) throw new Error(`the checks failed to answer: ${JSON.stringify(outcome)}`);
	return !outcome.problems.some((problem) => problem.severity === 'error');
}

/** The explainers a content folder publishes: its `articles/*.mdx` files, by slug. */
const explainerSlugs = (content: Content) =>
	[...content.keys()].filter((path) => /^articles\/[^/]+\.mdx$/.test(path)).map((entry) => idFromFileName({ entry }));

/** Builds the content, when the checks pass on it: undefined when they do not, else whether the build passed. */
async function buildOf(candidates: readonly Candidate[], name: string) {
	const content = contentOf(candidates);
	const dir = join(workspace, name, 'content');
	if (!(await checksPass(content, dir))) return undefined;
	const outDir = join(workspace, name, 'dist');
	const result = await buildSite(dir, outDir);
	const missing = result.ok
		? explainerSlugs(content).filter((slug) => !existsSync(join(outDir, 'explainers', slug, 'index.html')))
		: [];
	return { ...result, missing, failed: !result.ok || missing.length > 0 };
}

/** The smallest set of the kept candidates found to still fail the build, halving at most `BISECT_BUILDS` times. */
async function smallestFailing(
	kept: readonly Candidate[],
): Promise<{ candidates: readonly Candidate[]; output: string }> {
	let failing = kept;
	let output = '';
	for (let builds = 0; failing.length > 1 && builds < BISECT_BUILDS;) {
		const halves = [failing.slice(0, Math.ceil(failing.length / 2)), failing.slice(Math.ceil(failing.length / 2))];
		let narrowed = false;
		for (const half of halves) {
			builds++;
			const result = await buildOf(half, `bisect-${builds}`);
			if (result?.failed) {
				failing = half;
				output = result.output;
				narrowed = true;
				break;
			}
		}
		// Neither half fails alone: the failure needs mutations of both.
		if (!narrowed) break;
	}
	return { candidates: failing, output };
}

describe('content the checks pass', () => {
	test.for(Array.from({ length: PROPERTY_BUILDS }, (_, build) => PROPERTY_SEED + build))(
		'builds, with a page for every explainer (seed %i)',
		// The build, and room to look for the smallest failing set when it fails.
		{ timeout: (1 + BISECT_BUILDS) * 180_000 },
		async (seed, { annotate }) => {
			const candidates = [...FOUND, ...fc.sample(mutations.any, { seed, numRuns: PROPERTY_BATCH })].map(
				(mutation, index): Candidate => ({ index, mutation }),
			);
			const kept: Candidate[] = [];
			for (const candidate of candidates) {
				if (await checksPass(contentOf([...kept, candidate]), join(workspace, `${seed}`, 'content'))) {
					kept.push(candidate);
				}
			}
			// Enough passing mutations that the build tests something beyond the base content.
			expect(kept.length, 'mutations the checks passed').toBeGreaterThanOrEqual(Math.ceil(PROPERTY_BATCH / 10));

			const started = performance.now();
			const result = await buildOf(kept, `${seed}`);
			await annotate(
				`${kept.length} of ${PROPERTY_BATCH} mutations passed the checks; built in ${Math.round((performance.now() - started) / 1000)} s`,
			);
			expect(result, 'the checks pass on everything kept').toBeDefined();
			if (!result?.failed) return;
			const smallest = await smallestFailing(kept);
			const cases = (list: readonly Candidate[]) =>
				list.map(({ index, mutation }) => `  case-${index}: ${JSON.stringify(mutation)}`).join('\n');
			throw new Error(
				[
					`The checks passed and the build ${result.ok ? `left out the pages of ${result.missing.join(', ')}` : 'failed'} (seed ${seed}, batch ${PROPERTY_BATCH}).`,
					`Mutations kept:\n${cases(kept)}`,
					`Smallest failing set found:\n${cases(smallest.candidates)}`,
					`Build output:\n${(smallest.output || result.output).slice(-4000)}`,
				].join('\n\n'),
			);
		},
	);
});
