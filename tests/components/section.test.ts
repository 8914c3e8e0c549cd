import { AstroError } from 'astro/errors';
import { describe, expect, test } from 'vitest';
import Section from '../../src/components/Section.astro';
import { render } from '../helpers/render';

describe('Section', () => {
	test('renders a section anchored at its id and labelled by its heading', async () => {
		const $ = await render(Section, { props: { id: 'key-facts', title: 'Key facts' } });
		const section = $('section#key-facts');
		expect(section).toHaveLength(1);
		expect(section.attr('aria-labelledby')).toBe('key-facts-heading');
		const heading = section.children('h2');
		expect(heading.attr('id')).toBe('key-facts-heading');
		expect(heading.text()).toBe('Key facts');
	});

	test('puts its content after the heading', async () => {
		const $ = await render(Section, {
			props: { id: 'timeline', title: 'How we got here' },
			slots: { default: '<p class="body">First step.</p>' },
		});
		const children = $('section#timeline').children();
		expect(children.eq(0).is('h2')).toBe(true);
		expect(children.eq(1).is('p.body')).toBe(true);
		expect(children.eq(1).text()).toBe('First step.');
	});

	test('accepts ids made of lower-case words and digits joined by hyphens', async () => {
		for (const id of ['sources', 'who-said-what', 'whos-who', 'section-2']) {
			const $ = await render(Section, { props: { id, title: 'T' } });
			expect($(`section#${id} > h2#${id}-heading`)).toHaveLength(1);
		}
	});

	test('throws an AstroError with a hint for an invalid section id', async () => {
		for (const id of ['Key facts', 'KeyFacts', 'key_facts', '2nd-section', '', '-facts']) {
			const error = await render(Section, { props: { id, title: 'T' } }).then(
				() => undefined,
				(thrown: unknown) => thrown,
			);
			expect(error, `id "${id}"`).toBeInstanceOf(AstroError);
			const { message, hint } = error as AstroError;
			expect(message).toBe(`Section id "${id}" is not a valid anchor.`);
			expect(hint).toMatch(/lower-case words joined by hyphens/);
		}
	});
});
