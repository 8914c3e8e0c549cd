import { describe, expect, test } from 'vitest';
import PullQuotes, { type AttributedQuote } from '../../src/components/PullQuotes.astro';
import { render } from '../helpers/render';

const quote = (overrides: Partial<AttributedQuote> & Pick<AttributedQuote, 'id' | 'text'>): AttributedQuote => ({
	speaker: { collection: 'actors', id: 'pat-ryder' },
	setting: 'press-conference',
	translated: false,
	pull: false,
	speakerName: 'Pat Ryder',
	speakerAnchor: 'actor-pat-ryder',
	...overrides,
});

const suspension = quote({
	id: 'hamidawi-suspension',
	text: 'We announce the suspension of military operations',
	speaker: { collection: 'actors', id: 'abu-hussein-al-hamidawi' },
	speakerName: 'Abu Hussein al-Hamidawi',
	speakerAnchor: 'actor-abu-hussein-al-hamidawi',
	speakerRole: 'Secretary general of Kataib Hezbollah',
	setting: 'statement',
	date: '2024-01-30',
	translated: true,
	pull: true,
});
const otherWays = quote({
	id: 'hamidawi-other-ways',
	text: 'in other ways',
	speaker: suspension.speaker,
	speakerName: suspension.speakerName,
	speakerAnchor: suspension.speakerAnchor,
	setting: 'statement',
	date: '2024-01-30',
	translated: true,
});
const broaderWar = quote({
	id: 'broader-war',
	text: 'a broader war in the Middle East',
	speaker: { collection: 'actors', id: 'white-house' },
	speakerName: 'White House',
	speakerAnchor: 'actor-white-house',
	setting: 'statement',
});
const ryder = quote({ id: 'ryder-response', text: 'I don’t think we can be any clearer.', pull: true });

const reported = '2024-01-29';

describe('PullQuotes', () => {
	test('sits in the "Who said what" section', async () => {
		const $ = await render(PullQuotes, { props: { quotes: [suspension], reported } });
		expect($('section#who-said-what > h2').text()).toBe('Who said what');
	});

	test('shows each pulled quote as a figure anchored at quote-<id>, words in a blockquote and speaker in the caption', async () => {
		const $ = await render(PullQuotes, { props: { quotes: [suspension, otherWays, ryder], reported } });
		const figures = $('#who-said-what figure.pull-quote');
		expect(figures.toArray().map((figure) => $(figure).attr('id'))).toEqual([
			'quote-hamidawi-suspension',
			'quote-ryder-response',
		]);

		const first = figures.first();
		expect(first.children('blockquote').find('p').text()).toBe('“We announce the suspension of military operations”');
		const caption = first.children('figcaption');
		expect(caption).toHaveLength(1);
		const speaker = caption.find('a.attribution__speaker');
		expect(speaker.attr('href')).toBe('#actor-abu-hussein-al-hamidawi');
		expect(speaker.text()).toBe('Abu Hussein al-Hamidawi');
		expect(caption.find('.attribution__role').text()).toBe(', Secretary general of Kataib Hezbollah');
	});

	test('lists the quotes that are not pulled under "Also quoted", each as a <q> anchored at quote-<id>', async () => {
		const $ = await render(PullQuotes, { props: { quotes: [suspension, otherWays, broaderWar, ryder], reported } });
		expect($('#who-said-what h3').text()).toBe('Also quoted');
		const items = $('ul.phrases > li');
		expect(items.toArray().map((li) => $(li).attr('id'))).toEqual(['quote-hamidawi-other-ways', 'quote-broader-war']);
		expect(items.toArray().map((li) => $(li).children('q').text())).toEqual([
			'in other ways',
			'a broader war in the Middle East',
		]);
		expect(items.eq(1).find('a.attribution__speaker').attr('href')).toBe('#actor-white-house');
		// Read as one line (the browser draws the quotation marks), the words and who said them stand apart.
		expect(items.eq(0).text().replace(/\s+/g, ' ')).toMatch(/^in other ways — Abu Hussein al-Hamidawi/);
		expect($('ul.phrases figure, ul.phrases blockquote')).toHaveLength(0);
	});

	test('keeps pulled quotes and phrases apart: a quote is shown once, in its own group', async () => {
		const $ = await render(PullQuotes, { props: { quotes: [otherWays, suspension], reported } });
		expect($('[id="quote-hamidawi-suspension"]')).toHaveLength(1);
		expect($('[id="quote-hamidawi-other-ways"]')).toHaveLength(1);
		expect($('figure#quote-hamidawi-other-ways')).toHaveLength(0);
		expect($('li#quote-hamidawi-suspension')).toHaveLength(0);
	});

	test('leaves out "Also quoted" when every quote is pulled', async () => {
		const $ = await render(PullQuotes, { props: { quotes: [suspension, ryder], reported } });
		expect($('figure.pull-quote')).toHaveLength(2);
		expect($('h3')).toHaveLength(0);
		expect($('ul.phrases')).toHaveLength(0);
	});

	test('shows no figure when no quote is pulled', async () => {
		const $ = await render(PullQuotes, { props: { quotes: [otherWays, broaderWar], reported } });
		expect($('figure')).toHaveLength(0);
		expect($('ul.phrases > li')).toHaveLength(2);
	});

	test('marks a translated quote', async () => {
		const $ = await render(PullQuotes, { props: { quotes: [suspension, otherWays, broaderWar, ryder], reported } });
		const translated = (selector: string) => $(selector).find('.attribution__translated').length > 0;
		expect(translated('#quote-hamidawi-suspension')).toBe(true);
		expect(translated('#quote-hamidawi-other-ways')).toBe(true);
		expect(translated('#quote-broader-war')).toBe(false);
		expect(translated('#quote-ryder-response')).toBe(false);
	});

	test('shows the reported date when a quote has no date of its own', async () => {
		const $ = await render(PullQuotes, { props: { quotes: [suspension, broaderWar, ryder], reported } });
		const time = (selector: string) => [
			$(selector).find('time').attr('datetime'),
			$(selector).find('.attribution__context').text(),
		];
		expect(time('#quote-hamidawi-suspension')[0]).toBe('2024-01-30');
		expect(time('#quote-hamidawi-suspension')[1]).not.toContain('reported');
		expect(time('#quote-broader-war')[0]).toBe('2024-01-29');
		expect(time('#quote-broader-war')[1]).toMatch(/reported\s*29 January 2024/);
		expect(time('#quote-ryder-response')[0]).toBe('2024-01-29');
		expect(time('#quote-ryder-response')[1]).toMatch(/^Press conference,\s*reported/);
	});
});
