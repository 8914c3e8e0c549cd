import { earliestDay } from '../utils/partial-dates';
import { listAt, problemAt, OWN_FILE, scoped, type CheckContext } from './check';
import type { ContentFile } from './content-files';
import { afterStoryDayHint, asPartialDate, storyDayOf } from './date-check';
import type { Problem } from './problem';
import { quotedInStory, quotedWordsProblem, repeatedIds, storyToCompare } from './quote-check';
import { referenceProblems, unlistedActorProblems } from './reference-check';
import { closest, didYouMean } from './suggest';

/** The fields of a claim that name an actor. */
const ACTOR_FIELDS = ['claimant', 'attributedTo', 'statusBy'] as const;

/** A claim as the file holds it, before the schema: any field may be missing or of the wrong type. */
type ClaimFields = Partial<Record<(typeof ACTOR_FIELDS)[number] | 'id' | 'quote' | 'made' | 'sources', unknown>>;

const claimsOf = (file: ContentFile) => listAt<ClaimFields | null>(file, 'claims').map((claim) => claim ?? {});

/** An actor a claim names must exist and be listed, since the ledger links the name to its entry in Who's who. */
function actorProblems(file: ContentFile, context: CheckContext, path: (string | number)[], id: string): Problem[] {
	if (!context.actorIds.has(id)) return referenceProblems(file, context, { path, id, collection: 'actors' });
	return unlistedActorProblems(file, context, path, id, 'the ledger has no Who’s who entry to link the name to');
}

/**
 * The claims' fields against the rest of the content: each actor a claim names exists and is listed, each source is
 * one of the explainer's, ids are unique, and no claim is made after the day the explainer's facts hold.
 */
export const claimCheck = scoped(OWN_FILE, (context) =>
	context.articles.flatMap((file): Problem[] => {
		const claims = claimsOf(file);
		if (claims.length === 0) return [];
		// A source written as its name alone (`- AP`) is the sources list's own problem: its claims may still name it.
		const sourceNames = listAt<{ name?: unknown } | string | null>(file, 'sources')
			.map((source) => (typeof source === 'string' ? source : source?.name))
			.filter((name): name is string => typeof name === 'string')
			.map((name) => name.trim());
		const storyDay = storyDayOf(file);
		const repeatedId = repeatedIds(file, 'claims');
		return claims.flatMap((claim, index): Problem[] => {
			const at = (...path: (string | number)[]) => ['claims', index, ...path];
			const problems = repeatedId(claim.id, index);
			for (const key of ACTOR_FIELDS) {
				const id = claim[key];
				if (typeof id === 'string') problems.push(...actorProblems(file, context, at(key), id));
			}
			for (const [sourceIndex, name] of (Array.isArray(claim.sources) ? claim.sources : []).entries()) {
				if (typeof name !== 'string' || sourceNames.includes(name.trim())) continue;
				const suggestion = closest(name.trim(), sourceNames);
				problems.push(
					problemAt(file, at('sources', sourceIndex), {
						message: `"${name}" is not one of this explainer’s sources${didYouMean(suggestion)}`,
						hint:
							sourceNames.length > 0
								? `write the \`name\` of one of its \`sources\` (${sourceNames.join(', ')}), or add the source there`
								: 'add the source to the explainer’s `sources`, with its `name`',
					}),
				);
			}
			const made = asPartialDate(claim.made);
			if (made && storyDay && earliestDay(made) > storyDay.day) {
				problems.push(
					problemAt(file, at('made'), {
						message: `${made} is after the day the explainer’s facts hold (\`${storyDay.field}\`, ${storyDay.day})`,
						hint: afterStoryDayHint('the ledger records what the story reports: check the date', storyDay.field),
					}),
				);
			}
			return problems;
		});
	}),
);

/** A claim's quoted words must stand word for word in the story, as a pull quote's must (quote-check.ts). */
export const claimQuoteCheck = scoped(OWN_FILE, ({ articles, storyFacts }) =>
	articles.flatMap((file): Problem[] => {
		const claims = claimsOf(file);
		const facts = claims.some((claim) => typeof claim.quote === 'string') ? storyFacts(file) : undefined;
		if (!storyToCompare(file, facts)) return [];
		const inStory = quotedInStory(facts);
		return claims.flatMap((claim, index): Problem[] =>
			typeof claim.quote === 'string'
				? quotedWordsProblem(
						file,
						['claims', index, 'quote'],
						claim.quote,
						{ facts, inStory },
						'copy the words from the story (without the quotation marks), or correct the story too; when the ' +
							'story does not quote them, write what was claimed in `paraphrase` instead',
					)
				: [],
		);
	}),
);
