import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { articleSlugs, builtSiteDir, readArticleFrontmatter } from '../helpers/built-site';
import { contentDir } from '../../src/utils/content-dir';

/** The content layer's data store the test build wrote (its cache folder sits beside the built site). */
const dataStore = () => readFileSync(join(dirname(builtSiteDir()), 'cache', 'data-store.json'), 'utf8');

describe('the content data store', () => {
	test('holds each explainer’s fields but not its raw story, which no page reads', () => {
		const store = dataStore();
		for (const slug of articleSlugs()) {
			const source = readFileSync(join(contentDir('articles'), `${slug}.mdx`), 'utf8');
			const story = source.replace(/^---\n[\s\S]*?\n---\n/, '');
			const longestLine = story.split('\n').reduce((a, b) => (b.length > a.length ? b : a), '');
			expect(longestLine.length, slug).toBeGreaterThan(80);
			expect(store).toContain(JSON.stringify(readArticleFrontmatter(slug).title).slice(1, -1));
			expect(store).not.toContain(JSON.stringify(longestLine.slice(0, 80)).slice(1, -1));
		}
	});
});
