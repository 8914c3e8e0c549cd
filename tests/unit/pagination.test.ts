import { describe, expect, test } from 'vitest';
import { pageParam, pagedPath, pagedTitle, paginateList } from '../../src/utils/pagination';

describe('paginateList', () => {
	test('splits a listing into pages of the given size, the last one holding the rest', () => {
		const pages = paginateList([1, 2, 3, 4, 5], 2);
		expect(pages.map((page) => page.items)).toEqual([[1, 2], [3, 4], [5]]);
		expect(pages.map((page) => page.number)).toEqual([1, 2, 3]);
		expect(pages.every((page) => page.count === 3)).toBe(true);
	});

	test('makes one page of a listing that fits, and one empty page of an empty listing', () => {
		expect(paginateList(['a', 'b'], 2)).toEqual([{ items: ['a', 'b'], number: 1, count: 1 }]);
		expect(paginateList([], 20)).toEqual([{ items: [], number: 1, count: 1 }]);
	});

	test('refuses a page size that is not a positive integer', () => {
		expect(() => paginateList([1], 0)).toThrow(RangeError);
		expect(() => paginateList([1], 1.5)).toThrow(RangeError);
	});
});

describe('page URLs', () => {
	test('keep the listing’s own URL for page 1 and add page/<n>/ after it', () => {
		expect(pagedPath('/topics/iraq/', 1)).toBe('/topics/iraq/');
		expect(pagedPath('/topics/iraq/', 2)).toBe('/topics/iraq/page/2/');
		expect(pagedPath('/base/', 12)).toBe('/base/page/12/');
	});

	test('give the rest parameter no value on page 1, so the listing keeps its URL', () => {
		expect(pageParam(1)).toBeUndefined();
		expect(pageParam(3)).toBe('page/3');
	});
});

test('a listing page’s title is the listing’s name on page 1, and says which page it is after that', () => {
	expect(pagedTitle('Who’s who', 1, 8)).toBe('Who’s who');
	expect(pagedTitle('Who’s who', 3, 8)).toBe('Who’s who, page 3 of 8');
});
