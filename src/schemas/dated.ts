import { PartialDateSchema } from './partial-date';
import { ReferenceSchema } from './reference';

/**
 * When a fact about an actor (a role, a relation, a summary) holds. Give `from`/`to` where a source dates it;
 * where none does, tie it to the explainer that reports it with `reportedIn`, so no one has to invent a date.
 * A fact with none of the three holds on every explainer's date.
 */
export const datedFields = () => ({
	from: PartialDateSchema().optional().meta({
		description: 'When it began (YYYY, YYYY-MM or YYYY-MM-DD); leave out when the source does not say.',
	}),
	to: PartialDateSchema().optional().meta({ description: 'When it ended; leave out while it holds.' }),
	reportedIn: ReferenceSchema('articles')
		.optional()
		.meta({
			description:
				"The slug of the explainer that first reports it, when no source gives `from`: it holds from that explainer's " +
				'date on, and is never shown on an earlier explainer.',
		}),
});
