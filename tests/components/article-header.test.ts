import { describe, expect, test } from 'vitest';
import ArticleHeader from '../../src/components/ArticleHeader.astro';
import { render } from '../helpers/render';

const base = {
	title: 'Kataib Hezbollah says it is suspending attacks on US forces',
	dek: 'The pro-Iran militia in Iraq claimed the drone attack.',
	published: new Date('2024-01-30T20:00:00Z'),
	sources: [{ name: 'AP' }, { name: 'EFE' }, { name: 'Reuters' }],
	readingMinutes: 4,
};

const spanTexts = ($: Awaited<ReturnType<typeof render>>) =>
	$('.article-header__meta > span')
		.toArray()
		.map((span) => $(span).text().replace(/\s+/g, ' ').trim());

describe('ArticleHeader', () => {
	test('shows the headline as the page h1 and the dek under it', async () => {
		const $ = await render(ArticleHeader, { props: base });
		expect($('header.article-header h1')).toHaveLength(1);
		expect($('h1').text()).toBe(base.title);
		expect($('header .article-header__dek').text()).toBe(base.dek);
	});

	test('shows published and updated as <time> with ISO datetime', async () => {
		const $ = await render(ArticleHeader, {
			props: { ...base, updated: new Date('2024-01-31T09:15:00Z') },
		});
		const times = $('.article-header__meta time')
			.toArray()
			.map((time) => [$(time).attr('datetime'), $(time).text()]);
		expect(times).toEqual([
			['2024-01-30T20:00:00.000Z', '30 January 2024 at 20:00 UTC'],
			['2024-01-31T09:15:00.000Z', '31 January 2024 at 09:15 UTC'],
		]);
		expect(spanTexts($).slice(0, 2)).toEqual([
			'Published 30 January 2024 at 20:00 UTC',
			'Updated 31 January 2024 at 09:15 UTC',
		]);
	});

	test('says nothing about an update when the explainer was never updated', async () => {
		const $ = await render(ArticleHeader, { props: base });
		expect($('.article-header__meta time')).toHaveLength(1);
		expect($('.article-header__meta').text()).not.toContain('Updated');
	});

	test('shows the dateline first when there is one, and leaves it out otherwise', async () => {
		const withDateline = await render(ArticleHeader, { props: { ...base, dateline: 'Baghdad' } });
		const first = withDateline('.article-header__meta > span').first();
		expect(first.hasClass('article-header__dateline')).toBe(true);
		expect(first.text()).toBe('Baghdad');

		const without = await render(ArticleHeader, { props: base });
		expect(without('.article-header__dateline')).toHaveLength(0);
		expect(spanTexts(without)[0]).toMatch(/^Published /);
	});

	test('credits the sources in words, then the reading time', async () => {
		const $ = await render(ArticleHeader, { props: base });
		expect(spanTexts($).slice(-2)).toEqual(['Sources: AP, EFE and Reuters', '4 min read']);

		const single = await render(ArticleHeader, {
			props: { ...base, sources: [{ name: 'Reuters' }], readingMinutes: 1 },
		});
		expect(spanTexts(single).slice(-2)).toEqual(['Source: Reuters', '1 min read']);

		const pair = await render(ArticleHeader, { props: { ...base, sources: [{ name: 'AP' }, { name: 'EFE' }] } });
		expect(spanTexts(pair)).toContain('Sources: AP and EFE');
	});
});
