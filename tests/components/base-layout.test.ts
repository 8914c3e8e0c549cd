import { describe, expect, test } from 'vitest';
import BaseLayout from '../../src/layouts/BaseLayout.astro';
import ArticleHeader from '../../src/components/ArticleHeader.astro';
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
