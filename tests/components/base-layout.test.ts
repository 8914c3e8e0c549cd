import { describe, expect, test } from 'vitest';
import BaseLayout from '../../src/layouts/BaseLayout.astro';
import ArticleHeader from '../../src/components/ArticleHeader.astro';
import { pathTo } from '../../src/utils/paths';
import { render } from '../helpers/render';

const hostile = '</script><script>alert(1)</script><img src=x onerror=alert(2)>';

describe('hostile frontmatter', () => {
	test('a title or description that closes a script element stays text in the page head', async () => {
		const $ = await render(BaseLayout, {
			props: { title: hostile, description: hostile },
			slots: { default: '<p>Body</p>' },
		});
		expect($('script')).toHaveLength(0);
		expect($('img')).toHaveLength(0);
		expect($('title').text()).toBe(`${hostile} · The Explainer Desk`);
		expect($('meta[name="description"]').attr('content')).toBe(hostile);
	});

	test('a headline or dek that closes a script element stays text in the article header', async () => {
		const $ = await render(ArticleHeader, {
			props: {
				title: hostile,
				dek: hostile,
				published: new Date('2024-01-30T20:00:00Z'),
				sources: [{ name: hostile }],
				readingMinutes: 3,
			},
		});
		expect($('script')).toHaveLength(0);
		expect($('img')).toHaveLength(0);
		expect($('h1').text()).toBe(hostile);
	});
});

describe('the site navigation', () => {
	const navAt = async (path: string) => {
		const $ = await render(BaseLayout, {
			props: { title: 'A page', description: 'A page.' },
			slots: { default: '<p>Body</p>' },
			request: new Request(new URL(path, 'https://example.org')),
		});
		return $('nav[aria-label="Site"] a')
			.toArray()
			.map((link) => [$(link).text().trim(), $(link).attr('aria-current')]);
	};

	test('marks the section a page is in: the section itself as the page, a page under it as current', async () => {
		expect(await navAt(pathTo('actors/'))).toContainEqual(['Who’s who', 'page']);
		expect(await navAt(pathTo('actors/pat-ryder/'))).toContainEqual(['Who’s who', 'true']);
		expect(await navAt(pathTo('explainers/some-story/'))).toContainEqual(['Explainers', 'true']);
		const onHome = await navAt(pathTo(''));
		expect(onHome.filter(([, current]) => current)).toEqual([['Explainers', 'page']]);
	});
});

test('the footer links to the RSS feed the page head announces', async () => {
	const $ = await render(BaseLayout, { props: { title: 'A page', description: 'A page.' } });
	const feed = $('link[rel="alternate"][type="application/rss+xml"]').attr('href');
	expect(feed).toBe(pathTo('rss.xml'));
	expect(
		$('footer a')
			.filter((_, link) => $(link).attr('href') === feed)
			.text(),
	).toMatch(/RSS feed/);
});
