/*
 * Valid HTML on every built page: html-validate with its recommended rules, and the W3C's Nu Html Checker (vnu,
 * which needs Java) over all pages in one run. Each validator is first shown a broken page, to prove it reports.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { HtmlValidate, type Message } from 'html-validate';
import { beforeAll, describe, expect, test } from 'vitest';
import { builtSiteDir, listBuiltFiles } from '../helpers/built-site';

const files = listBuiltFiles('.html').sort();

/**
 * html-validate's recommended rules, less one: `long-title` (titles over 70 characters) is a search-snippet
 * guideline, not validity, and our titles are the headline and the site's name, which editors do not shorten.
 */
const htmlValidate = new HtmlValidate({ extends: ['html-validate:recommended'], rules: { 'long-title': 'off' } });

/** A page that breaks HTML's rules in ways both validators must report. */
const BROKEN_PAGE =
	'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Broken</title></head>' +
	'<body><p id="a"><div id="a"></div></p><img src="x.png"></body></html>';

const describeMessage = (message: Pick<Message, 'line' | 'column' | 'ruleId' | 'message'>) =>
	`${message.line}:${message.column} ${message.ruleId}: ${message.message}`;

async function htmlValidateErrors(file: string): Promise<string[]> {
	const report = await htmlValidate.validateFile(file);
	return report.results.flatMap((result) =>
		result.messages.filter((message) => message.severity === 2).map(describeMessage),
	);
}

test('html-validate reports the errors of a broken page', async () => {
	const report = await htmlValidate.validateString(BROKEN_PAGE);
	const rules = report.results.flatMap((result) => result.messages.map((message) => message.ruleId));
	expect(rules).toEqual(expect.arrayContaining(['no-dup-id', 'wcag/h37']));
});

describe.each(files.map((file) => [relative(builtSiteDir(), file), file]))('the built page %s', (_, file) => {
	test('has no html-validate error (recommended rules)', async () => {
		expect(await htmlValidateErrors(file)).toEqual([]);
	});
});

/**
 * Properties the Nu checker's CSS validator does not know yet although browsers ship them (CSS anchor
 * positioning, used by the mention cards; the initial scroll target of a wide relations graphic): its
 * "Property … doesn't exist" errors for these are not errors.
 */
const CSS_UNKNOWN_TO_VNU = [
	'anchor-name',
	'anchor-scope',
	'position-anchor',
	'position-area',
	'position-try-fallbacks',
	'scroll-initial-target',
];

interface VnuMessage {
	type: 'error' | 'info' | 'non-document-error';
	subType?: string;
	url?: string;
	lastLine?: number;
	firstColumn?: number;
	message: string;
}

describe('the Nu Html Checker (vnu)', () => {
	let messages: VnuMessage[] = [];
	let brokenUrl = '';

	beforeAll(async () => {
		const jar = resolve(createRequire(import.meta.url).resolve('vnu-jar'), '..', 'build', 'dist', 'vnu.jar');
		const fixtureDir = mkdtempSync(join(tmpdir(), 'vnu-'));
		const broken = join(fixtureDir, 'broken.html');
		writeFileSync(broken, BROKEN_PAGE);
		brokenUrl = pathToFileURL(broken).href;
		try {
			const { stdout } = await promisify(execFile)(
				'java',
				['-jar', jar, '--stdout', '--format', 'json', '--exit-zero-always', broken, ...files],
				{ maxBuffer: 64 * 1024 * 1024 },
			);
			messages = (JSON.parse(stdout) as { messages: VnuMessage[] }).messages;
		} catch (error) {
			const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
			throw new Error(
				missing
					? 'Java is not installed, and the Nu Html Checker (vnu.jar) needs it: apt-get install default-jre-headless.'
					: `The Nu Html Checker failed to run: ${(error as Error).message}`,
				{ cause: error },
			);
		} finally {
			rmSync(fixtureDir, { recursive: true, force: true });
		}
	}, 120_000);

	/** Errors vnu reported for a file (its file: URL), less those about CSS it does not know yet. */
	const errorsFor = (url: string) =>
		messages
			.filter((message) => message.type !== 'info' && sameFile(message.url, url))
			.filter(
				(message) =>
					!CSS_UNKNOWN_TO_VNU.some((property) =>
						message.message.startsWith(`CSS: “${property}”: Property “${property}” doesn't exist`),
					),
			)
			.map((message) => `${message.lastLine}:${message.firstColumn ?? ''} ${message.message}`);

	test('reports the errors of a broken page', () => {
		expect(errorsFor(brokenUrl).join('\n')).toMatch(/Duplicate ID/);
		expect(errorsFor(brokenUrl).join('\n')).toMatch(/No “p” element in scope/);
	});

	test('reports no error that concerns no page (a file it could not read, say)', () => {
		expect(
			messages.filter((message) => message.type === 'non-document-error').map((message) => message.message),
		).toEqual([]);
	});

	test.each(files.map((file) => [relative(builtSiteDir(), file), file]))('finds no error in %s', (_, file) => {
		expect(errorsFor(pathToFileURL(file).href)).toEqual([]);
	});
});

/** Whether two file URLs name the same file (vnu writes `file:/x`, Node `file:///x`). */
function sameFile(a: string | undefined, b: string): boolean {
	const path = (url: string) => decodeURIComponent(url.replace(/^file:\/*/, '/'));
	return a !== undefined && path(a) === path(b);
}
