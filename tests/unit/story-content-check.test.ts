import { describe, expect, test } from 'vitest';
import { disallowedTarget } from '../../src/checks/link-check';
import { readStoryFacts } from '../../src/checks/story-facts/parse';

const factsOf = (text: string) => readStoryFacts({ text, line: 1 });

describe('link targets a story may use', () => {
	test.each([
		'https://www.reuters.com/',
		'http://example.org/a?b=c#d',
		'mailto:desk@example.org',
		'MAILTO:desk@example.org',
		'/explainers/some-story/',
		'#timeline',
		'../other/',
		'other-story/',
	])('accepts %s', (url) => {
		expect(disallowedTarget(url)).toBeUndefined();
	});

	test.each([
		['javascript:alert(1)', 'javascript'],
		['JavaScript:alert(1)', 'javascript'],
		['java\tscript:alert(1)', 'javascript'],
		['java\nscript:alert(1)', 'javascript'],
		['  \u0001javascript:alert(1)', 'javascript'],
		['data:text/html,<script>alert(1)</script>', 'data'],
		['vbscript:msgbox(1)', 'vbscript'],
		['file:///etc/passwd', 'file'],
	])('refuses %j as a "%s:" address', (url, scheme) => {
		expect(disallowedTarget(url)).toContain(`"${scheme}:"`);
	});

	test.each(['//evil.example/', '\\\\evil.example/', '/\\evil.example/'])(
		'refuses %j, another site without a scheme',
		(url) => {
			expect(disallowedTarget(url)).toContain('https://');
		},
	);
});

describe('expressions in a story', () => {
	test.each([
		'{"text"}',
		'{42}',
		'{-1}',
		'{`a template`}',
		'{[1, "two", [3]]}',
		'{{ a: 1, "b": [true, null] }}',
		'{/* a comment */}',
	])('%s is data, which runs nothing', (text) => {
		expect(factsOf(`A ${text} b.`).expressions).toEqual([expect.objectContaining({ code: text, literal: true })]);
	});

	test.each([
		'{undefinedName.prop}',
		'{1 + 1}',
		'{`a ${name}`}',
		'{alert(1)}',
		'{[1, two]}',
		'{{ a }}',
		'{{ [key]: 1 }}',
		'{(() => 1)()}',
	])('%s is code', (text) => {
		expect(factsOf(`A ${text} b.`).expressions).toEqual([expect.objectContaining({ code: text, literal: false })]);
	});

	test('attribute values and spreads are expressions too, placed at the attribute', () => {
		const { expressions } = factsOf('A <span title={"ok"} data-x={x} {...props}>b</span>.');
		expect(expressions).toEqual([
			{ code: '{"ok"}', literal: true, line: 1, column: 9 },
			{ code: '{x}', literal: false, line: 1, column: 22 },
			{ code: '{...props}', literal: false, line: 1, column: 33 },
		]);
	});
});
