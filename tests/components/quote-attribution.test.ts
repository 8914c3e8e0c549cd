import { describe, expect, test } from 'vitest';
import QuoteAttribution from '../../src/components/QuoteAttribution.astro';
import { render } from '../helpers/render';

const base = {
	name: 'Pat Ryder',
	anchor: 'actor-pat-ryder',
	setting: 'press-conference' as const,
	reported: '2024-01-30',
	translated: false,
};

/** The text as a reader sees it: runs of white space shown as one space. */
const words = (text: string) => text.replace(/\s+/g, ' ').trim();

describe('QuoteAttribution', () => {
	test("links the speaker's name to their glossary entry", async () => {
		const $ = await render(QuoteAttribution, { props: base });
		const speaker = $('.attribution a.attribution__speaker');
		expect(speaker).toHaveLength(1);
		expect(speaker.attr('href')).toBe('#actor-pat-ryder');
		expect(speaker.text()).toBe('Pat Ryder');
	});

	test('follows the name with the role when it is known, and shows no role otherwise', async () => {
		const withRole = await render(QuoteAttribution, { props: { ...base, role: 'Pentagon spokesman' } });
		expect(withRole('.attribution__role').text()).toBe(', Pentagon spokesman');
		expect(withRole('.attribution__speaker').next().is('.attribution__role')).toBe(true);

		const without = await render(QuoteAttribution, { props: base });
		expect(without('.attribution__role')).toHaveLength(0);
	});

	test('says what the words are about after the speaker and role, when the quote says', async () => {
		const about = 'on the talks with the council';
		const $ = await render(QuoteAttribution, { props: { ...base, role: 'Pentagon spokesman', context: about } });
		expect($('.attribution__about').text()).toBe(`, ${about}`);
		expect($('.attribution__role').next().is('.attribution__about')).toBe(true);

		const without = await render(QuoteAttribution, { props: base });
		expect(without('.attribution__about')).toHaveLength(0);
	});

	test('names where the words were said', async () => {
		const conference = await render(QuoteAttribution, { props: base });
		expect(conference('.attribution__context').text()).toMatch(/^Press conference,/);

		const post = await render(QuoteAttribution, { props: { ...base, setting: 'social-media' } });
		expect(post('.attribution__context').text()).toMatch(/^Social media post,/);
	});

	test('shows the date the words were said as <time>, only as precisely as the source gives it', async () => {
		const day = await render(QuoteAttribution, { props: { ...base, date: '2024-01-28' } });
		expect(day('.attribution__context time').attr('datetime')).toBe('2024-01-28');
		expect(day('.attribution__context time').text()).toBe('28 January 2024');
		expect(day('.attribution__context').text()).not.toContain('reported');

		const month = await render(QuoteAttribution, { props: { ...base, date: '2023-11' } });
		expect(month('time').attr('datetime')).toBe('2023-11');
		expect(month('time').text()).toBe('November 2023');
	});

	test('shows the reported date when a quote has no date of its own', async () => {
		const $ = await render(QuoteAttribution, { props: base });
		const time = $('.attribution__context time');
		expect(time).toHaveLength(1);
		expect(time.attr('datetime')).toBe('2024-01-30');
		expect(time.text()).toBe('30 January 2024');
		expect($('.attribution__context').text()).toMatch(/reported\s*30 January 2024$/);
	});

	test('marks a translated quote, and only a translated one', async () => {
		const translated = await render(QuoteAttribution, { props: { ...base, translated: true } });
		expect(translated('.attribution__context .attribution__translated').text().trim()).toBe('· Translated');

		const original = await render(QuoteAttribution, { props: base });
		expect(original('.attribution__translated')).toHaveLength(0);
		expect(original('.attribution').text()).not.toContain('Translated');
	});

	test('separates the setting, the date and the translation mark with spaces', async () => {
		const dated = await render(QuoteAttribution, {
			props: { ...base, setting: 'statement', date: '2024-01-28', translated: true },
		});
		expect(words(dated('.attribution__context').text())).toBe('Statement, 28 January 2024 · Translated');

		const reported = await render(QuoteAttribution, { props: base });
		expect(words(reported('.attribution__context').text())).toBe('Press conference, reported 30 January 2024');
	});
});
