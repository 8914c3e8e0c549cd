import { describe, expect, test } from 'vitest';
import { relatedArticles, type Article } from '../../src/utils/articles';

/** An explainer with only what relatedness reads: its id, actors, topics and date. */
function explainer(id: string, actors: string[], topics: string[], day: number): Article {
	return {
		id,
		data: {
			actors: actors.map((actor) => ({ id: actor, collection: 'actors' })),
			topics,
			published: new Date(Date.UTC(2024, 0, day)),
		},
	} as unknown as Article;
}

/** The rule as written: count what each other explainer shares, most first, then newest, then list order. */
function relatedByComparingEveryPair(article: Article, articles: readonly Article[], limit = 3): Article[] {
	const actors = new Set(article.data.actors.map((ref) => ref.id));
	const topics = new Set(article.data.topics);
	return articles
		.filter((other) => other.id !== article.id)
		.map((other) => ({
			other,
			shared:
				other.data.actors.filter((ref) => actors.has(ref.id)).length +
				other.data.topics.filter((topic) => topics.has(topic)).length,
		}))
		.filter(({ shared }) => shared > 0)
		.sort((a, b) => b.shared - a.shared || b.other.data.published.getTime() - a.other.data.published.getTime())
		.slice(0, limit)
		.map(({ other }) => other);
}

describe('related explainers', () => {
	const articles = [
		explainer('ceasefire', ['hamas', 'israel', 'qatar'], ['Gaza'], 20),
		explainer('drone-attack', ['kataib-hezbollah', 'pentagon'], ['Iraq', 'Jordan'], 28),
		explainer('suspension', ['kataib-hezbollah', 'pentagon', 'iran'], ['Iraq'], 30),
		explainer('red-sea', ['houthis', 'pentagon'], ['Yemen'], 12),
		explainer('talks', ['qatar', 'iran'], ['Diplomacy'], 5),
		explainer('elsewhere', ['un'], ['Sudan'], 1),
	];

	test('lists the explainers sharing the most actors and topics first, and never the explainer itself', () => {
		const suspension = articles[2]!;
		expect(relatedArticles(suspension, articles).map((article) => article.id)).toEqual([
			'drone-attack',
			'red-sea',
			'talks',
		]);
	});

	test('breaks ties by date, newest first, and leaves out explainers that share nothing', () => {
		const talks = articles[4]!;
		expect(relatedArticles(talks, articles, 10).map((article) => article.id)).toEqual(['suspension', 'ceasefire']);
		expect(relatedArticles(articles[5]!, articles)).toEqual([]);
		expect(relatedArticles(talks, articles, 0)).toEqual([]);
	});

	test('finds what comparing every pair finds, on a thousand generated explainers', () => {
		const many = Array.from({ length: 1000 }, (_, index) =>
			explainer(
				`explainer-${index}`,
				[`actor-${index % 97}`, `actor-${(index * 7) % 131}`, `actor-${(index * 13) % 89}`],
				[`topic-${index % 12}`],
				(index * 37) % 28,
			),
		);
		for (const article of many.filter((_, index) => index % 50 === 0)) {
			expect(relatedArticles(article, many, 5)).toEqual(relatedByComparingEveryPair(article, many, 5));
		}
	});
});
