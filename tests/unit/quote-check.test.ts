import { describe, expect, test } from 'vitest';
import { closestPassage } from '../../src/checks/quote-check';
import { readStoryFacts } from '../../src/checks/story-facts/parse';

/** A story that starts on line 10 of its file, as it would after nine lines of frontmatter. */
const facts = readStoryFacts({
	line: 10,
	text: [
		'The Northern Front said on Friday that it would pause its attacks.',
		'',
		'“We pause our operations today,” said its leader, *Dana Reyes*, who added that',
		'the talks would go on “in other ways”.',
	].join('\n'),
});

describe('closestPassage', () => {
	test('names the passage of the story that a quote changed in one place only resembles, and its line', () => {
		expect(closestPassage(facts, 'We pause all our operations today')).toBe(
			'; the story has “We pause our operations today” at line 12',
		);
		expect(closestPassage(facts, 'in some other ways')).toBe('; the story has “in other ways” at line 13');
	});

	test('suggests nothing for words the story does not come close to', () => {
		expect(closestPassage(facts, 'The army will respond at a moment of its choosing')).toBe('');
	});

	test('reads a passage across emphasis and line breaks, as the page shows it', () => {
		expect(closestPassage(facts, 'its leader Dana Reyes who adds that the talks')).toBe(
			'; the story has “its leader, Dana Reyes, who added that the talks” at line 12',
		);
	});
});
