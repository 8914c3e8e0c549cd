import { describe, expect, test } from 'vitest';
import { DANA_REYES, problemsOf, smallExplainer } from '../helpers/small-explainer';

const SAM_OKORO = 'name: Sam Okoro\nkind: person\nsummary: A negotiator.\n';

const quoteBy = (speaker: string) =>
	smallExplainer(
		`quotes:\n  - id: resume\n    speaker: ${speaker}\n    text: The talks will resume\n    setting: statement\n`,
		'Dana Reyes said: “The talks will resume.”',
	);

describe('a quote’s speaker', () => {
	test('must be listed in the explainer’s actors, as a claim’s actors must', () => {
		expect(problemsOf(quoteBy('sam-okoro'), { 'dana-reyes': DANA_REYES, 'sam-okoro': SAM_OKORO })).toEqual([
			'quotes[0].speaker: "sam-okoro" is not listed in `actors`, so Who’s who has no entry for the quote’s speaker',
		]);
	});

	test('passes when listed, and an unknown id is reported once, as unknown', () => {
		expect(problemsOf(quoteBy('dana-reyes'))).toEqual([]);
		expect(problemsOf(quoteBy('dana-reyess'))).toEqual([
			'quotes[0].speaker: no actor "dana-reyess" — did you mean "dana-reyes"?',
		]);
	});
});
