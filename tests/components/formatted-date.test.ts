import { afterEach, describe, expect, test } from 'vitest';
import FormattedDate from '../../src/components/FormattedDate.astro';
import { render } from '../helpers/render';

const originalZone = process.env['TZ'];

describe('FormattedDate', () => {
	afterEach(() => {
		if (originalZone === undefined) delete process.env['TZ'];
		else process.env['TZ'] = originalZone;
	});

	test('shows the day in words in a <time> with the ISO datetime', async () => {
		const $ = await render(FormattedDate, { props: { date: new Date('2024-01-30T20:00:00Z') } });
		const time = $('time');
		expect(time).toHaveLength(1);
		expect(time.attr('datetime')).toBe('2024-01-30T20:00:00.000Z');
		expect(time.text()).toBe('30 January 2024');
	});

	test('shows the time of day in UTC only when asked', async () => {
		const $ = await render(FormattedDate, { props: { date: new Date('2024-01-30T20:05:00+01:00'), withTime: true } });
		expect($('time').attr('datetime')).toBe('2024-01-30T19:05:00.000Z');
		expect($('time').text()).toBe('30 January 2024 at 19:05 UTC');

		const dayOnly = await render(FormattedDate, {
			props: { date: new Date('2024-01-30T20:05:00+01:00'), withTime: false },
		});
		expect(dayOnly('time').text()).toBe('30 January 2024');
	});

	test('shows the UTC day whatever the time zone of the machine that builds the site', async () => {
		process.env['TZ'] = 'Pacific/Kiritimati';
		const late = new Date('2024-01-30T23:30:00Z');
		const $ = await render(FormattedDate, { props: { date: late } });
		expect($('time').text()).toBe('30 January 2024');

		process.env['TZ'] = 'America/Los_Angeles';
		const early = await render(FormattedDate, { props: { date: new Date('2024-01-31T02:00:00Z'), withTime: true } });
		expect(early('time').text()).toBe('31 January 2024 at 02:00 UTC');
	});
});
