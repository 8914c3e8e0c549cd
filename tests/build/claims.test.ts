import { describe, expect, test } from 'vitest';
import { statusLabel } from '../../src/claims/ledger';
import type { ClaimStatus } from '../../src/schemas/claim';
import { listInWords } from '../../src/utils/words';
import {
	articleSlugs,
	asTyped,
	byId,
	explainerUrl,
	loadPage,
	readActor,
	readArticleFrontmatter,
	storyText,
	words,
} from '../helpers/built-site';

/** A claim as the frontmatter holds it (src/schemas/claim.ts), before the schema fills in defaults. */
interface ClaimFields {
	id: string;
	claimant: string;
	attributedTo?: string;
	quote?: string;
	paraphrase?: string;
	translated?: boolean;
	made?: string | number;
	status: ClaimStatus;
	statusBy?: string;
	sources: string[];
}

/** Every explainer, however many, and however many claims each has: its frontmatter says what the page shows. */
const slugs = articleSlugs();

const claimsOf = (slug: string) => (readArticleFrontmatter(slug)['claims'] as ClaimFields[] | undefined) ?? [];

/** The day the story reports its claims on: `asOf`, else the day of `published`. */
function storyDay(slug: string): string {
	const article = readArticleFrontmatter(slug);
	const asOf = article['asOf'];
	if (asOf !== undefined) return asOf instanceof Date ? asOf.toISOString().slice(0, 10) : String(asOf);
	return new Date(article.published).toISOString().slice(0, 10);
}

/** The value of the entry's fact row named `label` (Status, Made or Reported, Source or Sources). */
function fact(entry: ReturnType<typeof byId>, label: RegExp) {
	const row = entry
		.find('.claim__facts > div')
		.filter((_, div) => label.test(words(entry.find(div).children('dt').text())));
	return row.children('dd');
}

describe.each(slugs)('the explainer %s', (slug) => {
	const PAGE = explainerUrl(slug);
	const claims = claimsOf(slug);

	test('has a “Who claims what” section, listed in its contents after “Who said what”, exactly when it has claims', () => {
		const $ = loadPage(PAGE);
		const sections = $('main article > section[id]')
			.toArray()
			.map((section) => section.attribs['id']);
		const contents = $('nav.toc a')
			.toArray()
			.map((link) => link.attribs['href']);
		expect(sections.includes('who-claims-what')).toBe(claims.length > 0);
		expect(contents.includes('#who-claims-what')).toBe(claims.length > 0);
		if (claims.length === 0) return;
		expect(words($('#who-claims-what > h2').text())).toBe('Who claims what');
		const at = sections.indexOf('who-claims-what');
		expect(at).toBeGreaterThan(Math.max(sections.indexOf('story'), sections.indexOf('who-said-what')));
		expect(at).toBeLessThan(sections.indexOf('whos-who'));
	});

	test('lists every claim once, as #claim-<id>, in the frontmatter’s order', () => {
		const $ = loadPage(PAGE);
		const listed = $('#who-claims-what li[id^="claim-"]')
			.toArray()
			.map((item) => item.attribs['id']);
		expect(listed).toEqual(claims.map((claim) => `claim-${claim.id}`));
	});

	test.each(claims.map((claim) => [claim.id, claim] as const))(
		'says who makes the claim %s, and to whom it is attributed, linking each to their Who’s who entry',
		(id, claim) => {
			const $ = loadPage(PAGE);
			const entry = byId($, `claim-${id}`);
			expect(words(entry.find('.claim__kind').text())).toBe(claim.attributedTo ? 'Attribution' : 'Claim');
			const linked = [
				['.claim__claimant', claim.claimant],
				['.claim__attributed-to', claim.attributedTo],
				['.claim__status-by', claim.statusBy],
			] as const;
			for (const [selector, actor] of linked) {
				const link = entry.find(`a${selector}`);
				if (actor === undefined) {
					expect(link, selector).toHaveLength(0);
					continue;
				}
				expect(link.attr('href')).toBe(`#actor-${actor}`);
				expect(asTyped(link.text())).toBe(asTyped(readActor(actor).name));
				expect(byId($, `actor-${actor}`).closest('#whos-who')).toHaveLength(1);
			}
		},
	);

	test.each(claims.map((claim) => [claim.id, claim] as const))(
		'shows the claim %s in the story’s words when quoted, else marked as a paraphrase',
		(id, claim) => {
			const $ = loadPage(PAGE);
			const shown = byId($, `claim-${id}`).find('.claim__words');
			if (claim.quote !== undefined) {
				const quoted = asTyped(shown.find('q').text());
				expect(quoted).toBe(asTyped(claim.quote));
				// The page's story holds the quoted words, as the content checks made sure the file's story does.
				expect(asTyped(storyText($))).toContain(quoted);
				expect(/\(translated\)/.test(shown.text())).toBe(claim.translated === true);
			} else {
				expect(shown.find('q')).toHaveLength(0);
				expect(asTyped(shown.text())).toBe(`Paraphrase: ${asTyped(claim.paraphrase ?? '')}`);
			}
		},
	);

	test.each(claims.map((claim) => [claim.id, claim] as const))(
		'states where the claim %s stands, when it was made or reported, and its sources',
		(id, claim) => {
			const $ = loadPage(PAGE);
			const entry = byId($, `claim-${id}`);
			const kind = claim.attributedTo ? 'attribution' : 'claim';
			const status = fact(entry, /^Status$/);
			expect(words(status.find('.claim__status').text())).toBe(statusLabel(claim.status, kind));
			expect(asTyped(status.text())).toBe(
				[statusLabel(claim.status, kind), ...(claim.statusBy ? ['by', readActor(claim.statusBy).name] : [])]
					.map(asTyped)
					.join(' '),
			);
			const date = fact(entry, claim.made === undefined ? /^Reported$/ : /^Made$/);
			expect(date.find('time').attr('datetime')).toBe(claim.made === undefined ? storyDay(slug) : String(claim.made));
			expect(words(fact(entry, /^Sources?$/).text())).toBe(listInWords(claim.sources));
		},
	);

	test('keeps its structured data one NewsArticle, with no ClaimReview: the ledger is for readers', () => {
		const $ = loadPage(PAGE);
		const scripts = $('script[type="application/ld+json"]').toArray();
		const types = new Set<string>();
		const collect = (value: unknown): void => {
			if (Array.isArray(value)) value.forEach(collect);
			else if (value && typeof value === 'object') {
				for (const [key, inner] of Object.entries(value)) {
					if (key === '@type') types.add(String(inner));
					collect(inner);
				}
			}
		};
		for (const script of scripts) collect(JSON.parse($(script).text()));
		expect(scripts).toHaveLength(1);
		expect(types.has('NewsArticle')).toBe(true);
		expect([...types].filter((type) => /claim|review|rating/i.test(type))).toEqual([]);
		expect($.html()).not.toMatch(/ClaimReview|claimReviewed|reviewRating/);
	});
});
