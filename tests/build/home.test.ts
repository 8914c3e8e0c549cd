import { expect, test } from 'vitest';
import { SITE } from '../../src/site';
import {
	BASE,
	articleSlugs,
	asTyped,
	builtFileFor,
	explainerUrl,
	listPages,
	listingPages,
	loadPage,
	pageUrl,
	readArticleFrontmatter,
} from '../helpers/built-site';

const HOME = pageUrl(SITE.base).pathname;
const EXPLAINERS = `${BASE}explainers/`;

/**
 * The home page's links to explainers, on the home page and the pages after it (it lists a page of explainers at a
 * time), in page order, with the date shown beside each.
 */
function listedExplainers() {
	return listingPages(HOME).flatMap((page) => {
		const $ = loadPage(page);
		return $('main a[href]')
			.toArray()
			.map((link) => ({ link, path: new URL(link.attribs['href'] ?? '', pageUrl(page)).pathname }))
			.filter(({ path }) => path.startsWith(EXPLAINERS) && path !== EXPLAINERS)
			.map(({ link, path }) => ({
				path,
				title: asTyped($(link).text()),
				datetime: $(link).closest('li, article').find('time[datetime]').first().attr('datetime'),
			}));
	});
}

test('the home page and the pages after it list every explainer once, titled as its article, with links that resolve to built pages', () => {
	const listed = listedExplainers();
	const expected = articleSlugs().map((slug) => ({
		path: explainerUrl(slug),
		title: asTyped(readArticleFrontmatter(slug).title),
	}));
	expect(listed.map(({ path, title }) => ({ path, title })).sort((a, b) => a.path.localeCompare(b.path))).toEqual(
		expected.sort((a, b) => a.path.localeCompare(b.path)),
	);
	expect(listed.filter(({ path }) => !builtFileFor(path)?.endsWith('.html'))).toEqual([]);
	expect(
		listPages()
			.filter((page) => page.startsWith(EXPLAINERS))
			.sort(),
	).toEqual(listed.map(({ path }) => path).sort());
});

test('the home page and the pages after it list explainers newest first, each with its published date as <time datetime>', () => {
	const listed = listedExplainers();
	const published = (path: string) => {
		const slug = articleSlugs().find((candidate) => explainerUrl(candidate) === path) ?? '';
		return new Date(readArticleFrontmatter(slug).published).toISOString();
	};
	expect(listed.map(({ path, datetime }) => [path, datetime])).toEqual(
		listed.map(({ path }) => [path, published(path)]),
	);
	const moments = listed.map(({ datetime }) => Date.parse(datetime ?? ''));
	expect(moments).toEqual([...moments].sort((a, b) => b - a));
});
