import { describe, expect, test } from 'vitest';
import { checkFiles } from '../../src/checks';
import { parseContentFile } from '../../src/checks/content-files';
import { DANA_REYES, smallExplainer } from '../helpers/small-explainer';

const explainerAt = (slug: string, title: string) =>
	parseContentFile(
		'articles',
		`content/articles/${slug}.mdx`,
		Buffer.from(smallExplainer().replace('title: Dana Reyes says the talks will resume', `title: ${title}`)),
	);
const dana = parseContentFile('actors', 'content/actors/dana-reyes.yaml', Buffer.from(DANA_REYES));

describe('headlines', () => {
	test('two explainers with one headline are both refused at their title, each naming the other', () => {
		const problems = checkFiles([
			explainerAt('first', 'Talks resume'),
			explainerAt('second', 'Talks  resume'),
			explainerAt('third', 'Talks end'),
			dana,
		]);
		expect(problems.map(({ file, line, field, message }) => ({ file, line, field, message }))).toEqual([
			{
				file: 'content/articles/first.mdx',
				line: 2,
				field: 'title',
				message: 'content/articles/second.mdx has the same headline',
			},
			{
				file: 'content/articles/second.mdx',
				line: 2,
				field: 'title',
				message: 'content/articles/first.mdx has the same headline',
			},
		]);
	});

	test('differ in more than case, spacing or the kind of quotes', () => {
		const problems = checkFiles([
			explainerAt('first', `'"Talks resume", says Reyes'`),
			explainerAt('second', '“talks resume”, says Reyes'),
			dana,
		]);
		expect(problems.map((problem) => problem.file)).toEqual([
			'content/articles/first.mdx',
			'content/articles/second.mdx',
		]);
	});
});
