import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import { describe, expect, test } from 'vitest';
import { REPLACED_PROCESSOR_FEATURES } from '../../src/plugins';
import remarkSmartPunctuation, { smartPunctuation } from '../../src/plugins/remark-smart-punctuation';
import { CorrectionSchema } from '../../src/schemas/correction';
import { FigureSchema } from '../../src/schemas/figure';
import { ProseSchema } from '../../src/schemas/prose';
import { QuoteSchema } from '../../src/schemas/quote';
import { SourceSchema } from '../../src/schemas/source';
import { TimelineEventSchema } from '../../src/schemas/timeline-event';
import { z } from 'astro/zod';

const prose = (text: string, options?: { max?: number }) => ProseSchema(options).parse(text);

/** A paragraph's text as the story's plugin makes it, through Astro's Markdown processor as the site runs it. */
async function asStoryParagraph(text: string): Promise<string> {
	const processor = await createMarkdownProcessor({
		...REPLACED_PROCESSOR_FEATURES,
		syntaxHighlight: false,
		remarkPlugins: [remarkSmartPunctuation],
	});
	const html = (await processor.render(text)).code;
	return html.replace(/^<p>|<\/p>$/g, '').replace(/&#x26;/g, '&');
}

describe('ProseSchema', () => {
	test('curls straight quotes and apostrophes', () => {
		expect(prose(`"We are suspending attacks," it said.`)).toBe('“We are suspending attacks,” it said.');
		expect(prose(`I don't think we can be any clearer`)).toBe('I don’t think we can be any clearer');
		expect(prose(`Kataib Hezbollah's 'passive defense'`)).toBe('Kataib Hezbollah’s ‘passive defense’');
		expect(prose(`'90s`)).toBe(smartPunctuation(`'90s`));
	});

	test('makes `--` a dash and `...` an ellipsis', () => {
		expect(prose('Three soldiers -- all Americans -- were killed')).toBe(
			'Three soldiers — all Americans — were killed',
		);
		expect(prose('It waited...')).toBe('It waited…');
		expect(prose(`"Wait..." -- he said`)).toBe('“Wait…” — he said');
	});

	test('gives a text the very punctuation the story gives a paragraph of it', async () => {
		for (const text of [
			`"We are suspending attacks," it said -- in a statement... it's "done"`,
			"'Quoted' at the start, and ``backticks'' too",
			`He said: "'Yes' -- and no."`,
			`The 1990s' wars... and the '90s`,
			`Nothing to change here.`,
		]) {
			expect(smartPunctuation(text), text).toBe(await asStoryParagraph(text));
		}
	});

	test('leaves text that is already typographic, or has nothing to change, as it is', () => {
		for (const text of [
			'“We are suspending attacks,” it said — in a statement… it’s ‘done’',
			'Kataib Hezbollah suspends attacks on US forces',
			'The Syria–Jordan border, 2023–2024',
		]) {
			expect(prose(text)).toBe(text);
			expect(prose(prose(text))).toBe(text);
		}
		const educated = prose(`"It's -- well..." he said`);
		expect(prose(educated)).toBe(educated);
	});

	test('trims, refuses empty text, and counts `max` on the characters the editor typed', () => {
		expect(prose('  padded  ')).toBe('padded');
		expect(ProseSchema().safeParse('   ').success).toBe(false);
		expect(ProseSchema().safeParse(42).success).toBe(false);
		// Ten characters as typed, eight once `--` and `...` become one character each.
		const typed = 'ab -- c...';
		expect(typed).toHaveLength(10);
		expect(prose(typed)).toBe('ab — c…');
		expect(ProseSchema({ max: 10 }).safeParse(typed).success).toBe(true);
		expect(ProseSchema({ max: 9 }).safeParse(typed).success).toBe(false);
		expect(ProseSchema({ max: 9 }).safeParse(`${typed}  `).success).toBe(false);
		expect(ProseSchema({ max: 10 }).safeParse(` ${typed} `).success).toBe(true);
	});

	test('hands out one schema per limit, as zod schemas never change once made', () => {
		expect(ProseSchema()).toBe(ProseSchema());
		expect(ProseSchema({ max: 140 })).toBe(ProseSchema({ max: 140 }));
		expect(ProseSchema({ max: 140 })).not.toBe(ProseSchema({ max: 300 }));
	});
});

describe('prose fields of the schemas', () => {
	const quote = { id: 'ryder', speaker: 'pat-ryder', setting: 'press-conference' };

	test('a quote’s words come out with typographic punctuation', () => {
		const parsed = QuoteSchema().parse({ ...quote, text: `I don't think we can be any clearer -- "none"...` });
		expect(parsed.text).toBe('I don’t think we can be any clearer — “none”…');
		expect(QuoteSchema().safeParse({ ...quote, text: ' ' }).success).toBe(false);
	});

	test('timeline text and label, correction text, figure caption and alt, and a source’s note do too', () => {
		expect(TimelineEventSchema().parse({ date: 2023, label: `The group's start`, text: `It's "founded"` })).toEqual({
			date: '2023',
			qualifier: 'on',
			label: 'The group’s start',
			text: 'It’s “founded”',
		});
		expect(CorrectionSchema().parse({ date: '2024-01-31T09:00:00Z', text: `It wasn't 27 January` }).text).toBe(
			'It wasn’t 27 January',
		);
		const figure = FigureSchema(z.string()).parse({
			image: 'x.jpg',
			alt: `Soldiers' vehicle`,
			caption: `"Rumaylan" -- Syria`,
			credit: `AFP / O'Neil`,
		});
		expect(figure).toMatchObject({ alt: 'Soldiers’ vehicle', caption: '“Rumaylan” — Syria', credit: `AFP / O'Neil` });
		expect(SourceSchema().parse({ name: 'The White House', note: `The President's statement` }).note).toBe(
			'The President’s statement',
		);
	});
});
