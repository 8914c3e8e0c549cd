import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { articleSlugs, builtSiteDir, readArticleFrontmatter, readArticleStory } from '../helpers/built-site';

/** The content layer's data store the test build wrote (its cache folder sits beside the built site). */
const dataStore = () => readFileSync(join(dirname(builtSiteDir()), 'cache', 'data-store.json'), 'utf8');

/** Text as it appears inside a JSON string. */
const inJson = (text: string) => JSON.stringify(text).slice(1, -1);

describe('the content data store', () => {
	test.each(articleSlugs())(
		'holds the fields of the explainer %s but not its raw story, which no page reads',
		(slug) => {
			const store = dataStore();
			const fields = readArticleFrontmatter(slug);
			// The title's longest run of words: punctuation may be set typographically in the store.
			const titleWords = (fields.title.match(/[\p{L}\p{N} ]+/gu) ?? []).reduce(
				(a, b) => (b.length > a.length ? b : a),
				'',
			);
			expect(store).toContain(inJson(titleWords.trim()));
			// A piece of the story that the fields do not repeat (a key fact may quote the story word for word).
			const fieldsText = JSON.stringify(fields);
			const probe = readArticleStory(slug)
				.split(/\r?\n/)
				.map((line) => line.slice(0, 80))
				.filter((piece) => !fieldsText.includes(inJson(piece)))
				.reduce((a, b) => (b.length > a.length ? b : a), '');
			expect(probe.length, `${slug}: a story line of some length`).toBeGreaterThan(40);
			expect(store).not.toContain(inJson(probe));
		},
	);
});
