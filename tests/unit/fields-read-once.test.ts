import type { LoaderContext } from 'astro/loaders';
import { parseFrontmatter } from 'astro/markdown';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, test, vi } from 'vitest';
import { parseContentFile, type ContentFile } from '../../src/checks/content-files';
import { fieldsReadOnce, handFieldsToAstro } from '../../src/checks/fields-read-once';

const ROOT = resolve('tests/fixtures/bad-content/_base');

/** A content file as the checks read it, from its text. */
const read = (collection: ContentFile['collection'], path: string, text: string) =>
	parseContentFile(collection, path, new TextEncoder().encode(text));

/** A fixture file's text. */
const fixture = (path: string) => readFileSync(resolve(ROOT, path), 'utf8');

/** Astro's own reading of a file's fields: its frontmatter parser, which reads YAML files' text the same way. */
const astroFields = (collection: ContentFile['collection'], text: string) =>
	parseFrontmatter(collection === 'articles' ? text : `---\n${text}\n---\n`).frontmatter;

/** An entry type that records the files Astro's own parser was asked to read. */
function astroEntryType(collection: ContentFile['collection']) {
	const getEntryInfo = vi.fn(async ({ contents }: { contents: string; fileUrl: URL }) => ({
		data: astroFields(collection, contents),
		body: '',
		slug: '',
		rawData: contents,
	}));
	return { extensions: [collection === 'articles' ? '.mdx' : '.yaml'], getEntryInfo };
}

/** What a loader wrapped in fieldsReadOnce sees as its entry types, over the given ones. */
async function entryTypesSeen(entryTypes: Map<string, ReturnType<typeof astroEntryType>>) {
	let seen: Map<string, ReturnType<typeof astroEntryType>> | undefined;
	const loader = fieldsReadOnce({
		name: 'probe',
		load: async (context) => {
			seen = (context as LoaderContext & { entryTypes: typeof entryTypes }).entryTypes;
		},
	});
	await loader.load({ entryTypes } as unknown as LoaderContext);
	return seen!;
}

const fileUrl = (path: string) => pathToFileURL(resolve(ROOT, path));

describe('each content file read once in a build', () => {
	test('the loader takes the fields the checks read, equal to what Astro reads, without parsing again', async () => {
		// Dates Astro reads as dates, a merge key and a plain timestamp as text: what the checks hand over must match.
		const actor = `${fixture('actors/ostland.yaml')}\nextra: &shared\n  founded: 2001-02-03\nmore:\n  <<: *shared\n`;
		// A date Astro reads as text, marked so, in a file with no alias or merge key.
		const place = `${fixture('places/valletta.yaml')}\nfounded: 2001-02-03\ntagged: !!str 2001-02-03\n`;
		const files = [
			read('articles', 'articles/story.mdx', fixture('articles/story.mdx')),
			read('actors', 'actors/ostland.yaml', actor),
			read('places', 'places/valletta.yaml', place),
		];
		handFieldsToAstro(files, ROOT);
		const mdx = astroEntryType('articles');
		const yaml = astroEntryType('actors');
		const types = await entryTypesSeen(
			new Map([
				['.mdx', mdx],
				['.yaml', yaml],
			]),
		);

		const article = await types.get('.mdx')!.getEntryInfo({
			contents: files[0]!.text,
			fileUrl: fileUrl('articles/story.mdx'),
		});
		const actorInfo = await types
			.get('.yaml')!
			.getEntryInfo({ contents: actor, fileUrl: fileUrl('actors/ostland.yaml') });

		const placeInfo = await types
			.get('.yaml')!
			.getEntryInfo({ contents: place, fileUrl: fileUrl('places/valletta.yaml') });

		expect(mdx.getEntryInfo).not.toHaveBeenCalled();
		expect(yaml.getEntryInfo).not.toHaveBeenCalled();
		expect(article.data).toEqual(astroFields('articles', files[0]!.text));
		expect(actorInfo.data).toEqual(astroFields('actors', actor));
		expect(placeInfo.data).toEqual(astroFields('places', place));
		expect(placeInfo.data).toMatchObject({ founded: expect.any(Date), tagged: '2001-02-03' });
		expect((actorInfo.data as { more: { founded: unknown } }).more.founded).toBeInstanceOf(Date);
		expect(article.body).toBe(files[0]!.body!.text.trim());
	});

	test('Astro reads a file itself when its text changed since the checks read it, or was read already', async () => {
		const text = fixture('places/valletta.yaml');
		handFieldsToAstro([read('places', 'places/valletta.yaml', text)], ROOT);
		const yaml = astroEntryType('places');
		const types = await entryTypesSeen(new Map([['.yaml', yaml]]));
		const saved = `${text}\n# saved again`;

		await types.get('.yaml')!.getEntryInfo({ contents: saved, fileUrl: fileUrl('places/valletta.yaml') });
		expect(yaml.getEntryInfo).toHaveBeenCalledTimes(1);
		// Handed over once: a second read of the same file (a later sync in the process) parses it.
		await types.get('.yaml')!.getEntryInfo({ contents: text, fileUrl: fileUrl('places/valletta.yaml') });
		expect(yaml.getEntryInfo).toHaveBeenCalledTimes(2);
	});

	test('files the checks could not read, and those of an earlier build, are left to Astro', async () => {
		const broken = 'name: [Valletta\n';
		handFieldsToAstro([read('places', 'places/broken.yaml', broken)], ROOT);
		handFieldsToAstro([read('places', 'places/valletta.yaml', fixture('places/valletta.yaml'))], resolve('elsewhere'));
		const yaml = astroEntryType('places');
		const types = await entryTypesSeen(new Map([['.yaml', yaml]]));

		await types
			.get('.yaml')!
			.getEntryInfo({ contents: broken, fileUrl: fileUrl('places/broken.yaml') })
			.catch(() => 0);
		await types.get('.yaml')!.getEntryInfo({
			contents: fixture('places/valletta.yaml'),
			fileUrl: fileUrl('places/valletta.yaml'),
		});
		expect(yaml.getEntryInfo).toHaveBeenCalledTimes(2);
	});
});
