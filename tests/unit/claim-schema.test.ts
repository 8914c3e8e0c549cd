import { readFile } from 'node:fs/promises';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { z } from 'astro/zod';
import { ArticleSchema } from '../../src/schemas/article';
import { CLAIM_STATUSES, ClaimSchema } from '../../src/schemas/claim';

const claim = (fields: Record<string, unknown> = {}) => ({
	id: 'kh-suspension',
	claimant: 'abu-hussein-al-hamidawi',
	quote: 'We announce the suspension of military operations',
	status: 'disputed',
	statusBy: 'pat-ryder',
	sources: ['Reuters'],
	...fields,
});

/** The messages of the schema's issues, by field path. */
function issues(input: unknown): [string, string][] {
	const result = ClaimSchema().safeParse(input);
	return (result.error?.issues ?? []).map((issue) => [issue.path.join('.'), issue.message]);
}

describe('a claim', () => {
	test('names its actors as references and is not translated unless it says so', () => {
		expect(ClaimSchema().parse(claim({ made: '2024-01-30' }))).toEqual({
			id: 'kh-suspension',
			claimant: { collection: 'actors', id: 'abu-hussein-al-hamidawi' },
			quote: 'We announce the suspension of military operations',
			translated: false,
			made: '2024-01-30',
			status: 'disputed',
			statusBy: { collection: 'actors', id: 'pat-ryder' },
			sources: ['Reuters'],
		});
	});

	test('may be an attribution: the claimant attributes the act to another actor', () => {
		const attribution = claim({
			id: 'erbil-attack',
			claimant: 'lloyd-austin',
			attributedTo: 'kataib-hezbollah',
			status: 'claimed',
			statusBy: undefined,
		});
		expect(ClaimSchema().parse(attribution).attributedTo).toEqual({ collection: 'actors', id: 'kataib-hezbollah' });
	});

	test.each(CLAIM_STATUSES)('accepts the status %s', (status) => {
		expect(issues(claim({ status, statusBy: status === 'confirmed' ? 'pentagon' : undefined }))).toEqual([]);
	});

	test('refuses a status outside the list, naming every status it takes', () => {
		const [found] = issues(claim({ status: 'verified' }));
		expect(found?.[0]).toBe('status');
		expect(found?.[1]).toMatch(/^"verified" is not a status: write one of /);
		for (const status of CLAIM_STATUSES) expect(found?.[1]).toContain(status);
	});

	test('says what was claimed: quoted or paraphrased, never both or neither', () => {
		expect(issues(claim({ quote: undefined, paraphrase: 'It is suspending its operations.' }))).toEqual([]);
		expect(issues(claim({ quote: undefined }))).toEqual([['', expect.stringMatching(/^say what was claimed/)]]);
		expect(issues(claim({ paraphrase: 'It is suspending its operations.' }))).toEqual([
			['paraphrase', expect.stringMatching(/quoted or paraphrased, not both/)],
		]);
	});

	test('says who confirmed a confirmed claim, and someone other than the claimant answers it', () => {
		expect(issues(claim({ status: 'confirmed', statusBy: undefined }))).toEqual([
			['status', expect.stringMatching(/^`confirmed` needs `statusBy`/)],
		]);
		for (const status of ['confirmed', 'disputed', 'denied']) {
			expect(issues(claim({ status, statusBy: 'abu-hussein-al-hamidawi' }))).toEqual([
				['statusBy', expect.stringMatching(/cannot confirm, dispute or deny its own claim/)],
			]);
		}
	});

	test('names who answered it only when someone did: not on a claim nobody answers', () => {
		for (const status of ['claimed', 'not-independently-verified']) {
			expect(issues(claim({ status }))).toEqual([['statusBy', expect.stringMatching(/^`statusBy` names who/)]]);
		}
		expect(issues(claim({ status: 'disputed', statusBy: undefined }))).toEqual([]);
	});

	test('is not an attribution to its own claimant', () => {
		expect(issues(claim({ attributedTo: 'abu-hussein-al-hamidawi' }))).toEqual([
			['attributedTo', expect.stringMatching(/makes a claim, not an attribution/)],
		]);
	});
});

describe('the article template (npm run new:article)', () => {
	const template = readFile('src/cli/templates/article.mdx', 'utf8');

	test('has a commented claims example the schema accepts', async () => {
		const lines = (await template).split('\n');
		const start = lines.indexOf('# claims:');
		expect(start).toBeGreaterThan(-1);
		// The example runs on for as long as the comment lines are indented under `claims:`.
		const length = lines.slice(start + 1).findIndex((line) => !/^# {2,}/.test(line));
		const block = lines.slice(start, start + 1 + length).map((line) => line.slice(2));
		const { claims } = parse(block.join('\n')) as { claims: unknown[] };
		expect(claims.length).toBeGreaterThan(0);
		for (const item of claims) expect(issues(item)).toEqual([]);
	});

	test('gives every field of an explainer, or a commented example of it', async () => {
		const text = await template;
		const fields = Object.keys(ArticleSchema(z.string()).shape);
		expect(fields.filter((field) => !new RegExp(`^(?:# )?${field}:`, 'm').test(text))).toEqual([]);
	});

	test('names every status', async () => {
		const text = await template;
		for (const status of CLAIM_STATUSES) expect(text).toContain(status);
	});
});
