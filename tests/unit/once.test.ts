import { describe, expect, test } from 'vitest';
import { ArticleSchema } from '../../src/schemas/article';
import { QuoteSchema } from '../../src/schemas/quote';
import { once } from '../../src/utils/once';

describe('once', () => {
	test('builds the value on the first call only and hands out that same value after', () => {
		let builds = 0;
		const value = once(() => ({ built: ++builds }));
		expect(builds).toBe(0);
		const first = value();
		expect(value()).toBe(first);
		expect(builds).toBe(1);
	});

	test('lets every article schema Astro builds share the nested schemas, which still validate', () => {
		const quotes = (schema: ReturnType<typeof ArticleSchema>) =>
			(schema.shape.quotes.unwrap() as unknown as { element: unknown }).element;
		expect(quotes(ArticleSchema(QuoteSchema()))).toBe(QuoteSchema());
		expect(quotes(ArticleSchema(QuoteSchema()))).toBe(quotes(ArticleSchema(QuoteSchema())));
		expect(QuoteSchema().safeParse({ text: 'x' }).success).toBe(false);
	});
});
