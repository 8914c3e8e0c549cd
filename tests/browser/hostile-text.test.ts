import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { checkContent } from '../../src/checks';
import { fieldName } from '../../src/checks/problem';
import { smartPunctuation } from '../../src/plugins/remark-smart-punctuation';
import { launchChromium } from '../helpers/browser';
import { listSitePages, startStaticServer, type StaticServer } from '../helpers/static-server';
import {
	applyMutation,
	PROPERTY_BASE,
	readContent,
	writeContent,
	type Content,
	type Mutation,
	type YamlPath,
} from '../property/mutations';
import { buildSite } from '../property/site-build';

/**
 * Issue #19: hostile text in every field is inert. Every string field of every collection holds the three strings
 * below, after a tag that tells the fields apart; the site is built once from that content and read in Chromium:
 * no dialog may open on any page, feed, sitemap or SVG (with the pages' content security policy bypassed, so that
 * only escaping stands between the text and a script), no element may carry an event handler, and each field's
 * text must read as typed. Where a field's schema forbids the strings (addresses, ids, kinds, a country), the checks
 * must refuse them with an error at the field.
 */
const HOSTILE = ['</script><script>alert(1)</script>', '"><img src=x onerror=alert(1)>', 'javascript:alert(1)'];
const ALL = HOSTILE.join(' ');

/** A string field, what it is set to, and whether the site typesets it (curly quotes) as prose. */
interface Field {
	file: string;
	path: YamlPath;
	value: string;
	prose: boolean;
}

const STORY = 'articles/front-pauses-attacks.mdx';
const LATER = 'articles/talks-go-on.mdx';
let tags = 0;
/** A field holding a tag of its own and the hostile strings (or `text`, where a field has no room for them all). */
const field = (file: string, path: YamlPath, prose: boolean, text = ALL): Field => ({
	file,
	path,
	prose,
	value: `x${String(++tags).padStart(2, '0')}q ${text}`,
});

const FIELDS: Field[] = [
	field(STORY, ['title'], true),
	field(STORY, ['dek'], true),
	field(STORY, ['dateline'], false),
	field(STORY, ['sources', 0, 'name'], false),
	field(STORY, ['sources', 0, 'note'], true),
	field(STORY, ['sources', 1, 'name'], false),
	field(STORY, ['topics', 0], false),
	field(STORY, ['keyFacts', 0], true),
	field(STORY, ['keyFacts', 1], true),
	field(STORY, ['quotes', 0, 'text'], true),
	field(STORY, ['quotes', 1, 'text'], true),
	field(STORY, ['claims', 0, 'quote'], true),
	field(STORY, ['claims', 1, 'paraphrase'], true),
	field(STORY, ['timeline', 0, 'label'], true),
	field(STORY, ['timeline', 0, 'text'], true),
	field(STORY, ['corrections', 0, 'text'], true),
	field(STORY, ['figures', 0, 'alt'], true),
	field(STORY, ['figures', 0, 'caption'], true),
	field(STORY, ['figures', 0, 'credit'], false),
	field(STORY, ['figures', 1, 'caption'], true),
	field(STORY, ['figures', 1, 'credit'], false),
	field(LATER, ['title'], true),
	field(LATER, ['dek'], true),
	...['dana-reyes', 'northern-front', 'ostland', 'sam-okoro'].flatMap((actor) => [
		field(`actors/${actor}.yaml`, ['name'], false),
		field(`actors/${actor}.yaml`, ['aliases', 0], false),
	]),
	field('actors/dana-reyes.yaml', ['summary', 0, 'text'], true),
	field('actors/dana-reyes.yaml', ['summary', 1, 'text'], true),
	field('actors/dana-reyes.yaml', ['roles', 0, 'title'], true),
	field('actors/dana-reyes.yaml', ['roles', 1, 'title'], true),
	field('actors/northern-front.yaml', ['summary'], true),
	field('actors/sam-okoro.yaml', ['roles', 0, 'title'], true),
	// A place's name has room for 80 characters and its label for 32: one hostile string each.
	...['border-crossing', 'baghdad', 'iraq'].map((place, index) =>
		field(`places/${place}.yaml`, ['name'], false, HOSTILE[index]),
	),
	{ file: 'places/border-crossing.yaml', path: ['label'], prose: false, value: '<script>alert(1)</script>' },
	{ file: 'places/baghdad.yaml', path: ['label'], prose: false, value: HOSTILE[1] ?? '' },
	{ file: 'places/iraq.yaml', path: ['label'], prose: false, value: HOSTILE[2] ?? '' },
	field('places/border-crossing.yaml', ['approximate'], false),
];

/** Fields whose schema refuses the hostile strings: the checks must say so at the field. */
const REFUSED: { file: string; path: YamlPath; value: string }[] = [
	{ file: STORY, path: ['sources', 0, 'url'], value: 'javascript:alert(1)' },
	{ file: STORY, path: ['sources', 0, 'url'], value: HOSTILE[1] ?? '' },
	{ file: STORY, path: ['figures', 0, 'image'], value: 'javascript:alert(1)' },
	{ file: STORY, path: ['quotes', 0, 'id'], value: HOSTILE[1] ?? '' },
	{ file: STORY, path: ['quotes', 0, 'speaker'], value: HOSTILE[0] ?? '' },
	{ file: STORY, path: ['claims', 0, 'claimant'], value: HOSTILE[2] ?? '' },
	{ file: STORY, path: ['places', 0], value: HOSTILE[0] ?? '' },
	{ file: 'actors/ostland.yaml', path: ['kind'], value: HOSTILE[2] ?? '' },
	{ file: 'actors/dana-reyes.yaml', path: ['roles', 0, 'organization'], value: HOSTILE[1] ?? '' },
	{ file: 'places/iraq.yaml', path: ['country'], value: HOSTILE[1] ?? '' },
	// Too long for a label: a label has room for 32 characters, the first string has 35.
	{ file: 'places/iraq.yaml', path: ['label'], value: HOSTILE[0] ?? '' },
];

const set = (content: Content, file: string, path: YamlPath, value: unknown): Content =>
	applyMutation(content, { kind: 'set', file, path, value } satisfies Mutation);

/** Text for a story: `<` and braces escaped, so MDX reads them as the characters themselves. */
const escapeMdx = (text: string) => text.replace(/[<{}\\]/g, (character) => `\\${character}`);

/** Replaces an article's story, keeping its frontmatter. */
function withStory(content: Content, file: string, story: string): Content {
	const text = new TextDecoder().decode(content.get(file));
	const end = text.indexOf('\n---\n', 4) + '\n---\n'.length;
	return new Map(content).set(file, new TextEncoder().encode(`${text.slice(0, end)}\n${story}\n`));
}

const valueAt = (file: string, path: YamlPath) =>
	FIELDS.find((candidate) => candidate.file === file && candidate.path.join('.') === path.join('.'))?.value ?? '';

/** The base content with every field of {@link FIELDS}, and stories that quote and name what the fields now say. */
function hostileContent(): Content {
	let content = readContent(PROPERTY_BASE);
	for (const { file, path, value } of FIELDS) content = set(content, file, path, value);
	const sources = [valueAt(STORY, ['sources', 0, 'name']), valueAt(STORY, ['sources', 1, 'name'])];
	content = set(content, STORY, ['claims', 0, 'sources'], [sources[0]]);
	content = set(content, STORY, ['claims', 1, 'sources'], sources);
	const mention = (actor: string, words: string) => `<Mention actor="${actor}">${words}</Mention>`;
	content = withStory(
		content,
		STORY,
		[
			`${mention('northern-front', 'The group')} said that it would pause its attacks. “${escapeMdx(valueAt(STORY, ['quotes', 0, 'text']))},” said ${mention('dana-reyes', 'its spokeswoman')}.`,
			`## Why it matters`,
			`${mention('ostland', 'The country')} doubts it. “${escapeMdx(valueAt(STORY, ['quotes', 1, 'text']))},” said ${mention('sam-okoro', 'its spokesman')}; “${escapeMdx(valueAt(STORY, ['claims', 0, 'quote']))}.”`,
			`The story's own words: ${escapeMdx(`x00q ${ALL}`)}`,
		].join('\n\n'),
	);
	content = withStory(
		content,
		LATER,
		`${mention('dana-reyes', 'The new leader')} of ${mention('northern-front', 'the group')} said the talks with ${mention('ostland', 'the country')} would go on.`,
	);
	return content;
}

const workspace = mkdtempSync(join(tmpdir(), 'hostile-text-'));
const contentDir = join(workspace, 'content');
const outDir = join(workspace, 'dist');
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
	writeContent(contentDir, hostileContent());
	const problems = checkContent(contentDir).filter((problem) => problem.severity === 'error');
	expect(problems, 'the hostile content passes the checks').toEqual([]);
	const built = await buildSite(contentDir, outDir);
	expect(built.ok, built.output.slice(-3000)).toBe(true);
	server = await startStaticServer(outDir);
	browser = await launchChromium();
}, 300_000);

afterAll(async () => {
	await browser?.close();
	await server?.close();
	rmSync(workspace, { recursive: true, force: true });
});

/** Everything a reader can be sent to: every page, the feed, the sitemaps and the SVGs. */
function addresses(): string[] {
	const files = (dir: string): string[] =>
		readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
			entry.isDirectory() ? files(join(dir, entry.name)) : [join(dir, entry.name)],
		);
	const built = files(outDir).map((file) => `/${relative(outDir, file).split(sep).join('/')}`);
	return [
		...listSitePages(outDir).map((page) => (page === '/404.html' ? '/no-page-here/' : page)),
		...built.filter((path) => /\.(svg|xml)$/.test(path)),
	];
}

/** What a document says to a reader: its text, and the words of its attributes read aloud or shown. */
async function readerText(page: Page): Promise<string> {
	return page.evaluate(() => {
		const attributes = [...document.querySelectorAll('[alt], [title], [aria-label], meta[content]')].flatMap(
			(element) => ['alt', 'title', 'aria-label', 'content'].map((name) => element.getAttribute(name) ?? ''),
		);
		return [document.documentElement.textContent ?? '', ...attributes].join('\n').replace(/\s+/g, ' ');
	});
}

describe('hostile text in every field', () => {
	const read = new Map<string, string>();

	test('opens no dialog and adds no event handler or script link on any page, feed, sitemap or SVG', async () => {
		const context = await browser.newContext({ bypassCSP: true });
		const page = await context.newPage();
		const dialogs: string[] = [];
		const handlers: string[] = [];
		let address = '';
		const errors: string[] = [];
		page.on('pageerror', (error) => errors.push(`${address}: ${error.message}`));
		page.on('console', (message) => {
			if (message.type() === 'error') errors.push(`${address}: ${message.text()}`);
		});
		page.on('dialog', (dialog) => {
			dialogs.push(`${address}: ${dialog.type()} "${dialog.message()}"`);
			void dialog.dismiss();
		});
		const visited = addresses();
		expect(visited.filter((path) => path.endsWith('.svg')).length, 'maps drawn').toBeGreaterThan(0);
		for (address of visited) {
			await page.goto(new URL(address, server.url).href, { waitUntil: 'load' });
			// Time for an injected image's error handler, or a script, to run.
			await page.waitForTimeout(50);
			handlers.push(
				...(
					await page.evaluate(() =>
						[...document.querySelectorAll('*')].flatMap((element) =>
							[...element.attributes]
								.filter(
									(attribute) =>
										attribute.name.toLowerCase().startsWith('on') ||
										/^\s*javascript:/i.test(attribute.value) ||
										(element.localName === 'img' && attribute.name === 'src' && attribute.value === 'x'),
								)
								.map((attribute) => `<${element.localName} ${attribute.name}="${attribute.value}">`),
						),
					)
				).map((found) => `${address}: ${found}`),
			);
			read.set(address, await readerText(page));
		}
		await context.close();
		expect(dialogs).toEqual([]);
		expect(handlers).toEqual([]);
	}, 240_000);

	test.for(FIELDS.map((entry) => [`${entry.file} ${fieldName(entry.path)}`, entry] as const))(
		'%s reads as typed',
		([, { value, prose }]) => {
			expect(read.size, 'the pages were read').toBeGreaterThan(0);
			const typed = (prose ? smartPunctuation(value) : value).replace(/\s+/g, ' ');
			const where = [...read].filter(([, text]) => text.includes(typed)).map(([address]) => address);
			expect(where, `"${typed}" on no page`).not.toEqual([]);
		},
	);

	test('reads as typed in the explainer’s page, the feed and the map', () => {
		const title = smartPunctuation(valueAt(STORY, ['title']));
		expect(read.get('/explainers/front-pauses-attacks/')).toContain(title);
		expect(read.get('/rss.xml')).toContain(title);
		const map = [...read].find(([address]) => address.endsWith('map-wide.svg'))?.[1] ?? '';
		expect(map).toContain(HOSTILE[1]);
		expect(map).toContain(HOSTILE[2]);
		expect(read.get('/explainers/front-pauses-attacks/')).toContain(`x00q ${smartPunctuation(ALL)}`);
	});
});

describe('fields that may not hold hostile text', () => {
	const base = readContent(PROPERTY_BASE);
	const workspaceForChecks = join(workspace, 'refused');

	test.for(
		REFUSED.map((entry, index) => [`${entry.file} ${fieldName(entry.path)} = ${entry.value}`, entry, index] as const),
	)('%s is refused at the field', ([name, { file, path, value }, index]) => {
		const dir = join(workspaceForChecks, String(index));
		const content = set(base, file, path, value);
		writeContent(dir, content);
		const lines = new TextDecoder().decode(content.get(file)).split('\n');
		const key = String(path.findLast((part) => typeof part === 'string'));
		const problems = checkContent(dir).filter((problem) => problem.severity === 'error' && problem.file.endsWith(file));
		expect(problems, name).not.toEqual([]);
		// Located: the problem's line is the field's (or, for a list item, holds its value).
		const atField = problems.filter((problem) => {
			const line = lines[problem.line - 1] ?? '';
			return line.includes(`${key}:`) || line.includes(value.slice(0, 10));
		});
		expect(atField, JSON.stringify(problems)).not.toEqual([]);
	});
});
