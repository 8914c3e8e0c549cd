import { z } from 'astro/zod';
import { PartialDateSchema } from './partial-date';
import { ProseSchema } from './prose';
import { ID_PATTERN, ReferenceSchema } from './reference';
import { once } from '../utils/once';

/**
 * Where a claim stands as the story reports it. Only the story's word counts: a claim nobody in the story answers
 * stays `claimed`, however likely it looks.
 */
export const CLAIM_STATUSES = ['claimed', 'disputed', 'denied', 'confirmed', 'not-independently-verified'] as const;

export type ClaimStatus = (typeof CLAIM_STATUSES)[number];

/** The statuses that name who answered the claim; `confirmed` must say who. */
const ANSWERED: ReadonlySet<ClaimStatus> = new Set(['disputed', 'denied', 'confirmed']);

/** Each of an article's `claims`: the "Who claims what" ledger. */
export const ClaimSchema = once(() =>
	z
		.strictObject({
			id: z
				.string()
				.regex(ID_PATTERN, 'use lower-case words joined by hyphens, e.g. kh-claims-drone-attack')
				.meta({ description: "A short id, unique in the article; the claim's anchor is `#claim-<id>`." }),
			claimant: ReferenceSchema('actors').meta({
				description:
					'Who makes the claim, listed under `actors` too; for an attribution, who attributes the act (the ' +
					'Secretary of Defense), not whom it is attributed to.',
			}),
			attributedTo: ReferenceSchema('actors')
				.optional()
				.meta({
					description:
						'For an attribution, the actor the claimant pins the act on, listed under `actors` too; leave out ' +
						'for a claim an actor makes about itself.',
				}),
			quote: ProseSchema().optional().meta({
				description:
					"The claimant's words exactly as the story quotes them, without the quotation marks; or use `paraphrase`.",
			}),
			paraphrase: ProseSchema().optional().meta({
				description: 'What was claimed, in our words, when the story does not quote it; shown marked as a paraphrase.',
			}),
			translated: z.boolean().default(false).meta({
				description: 'True when the quoted words are our translation or a translation the source made.',
			}),
			made: PartialDateSchema().optional().meta({
				description: 'When the claim was made, if the story says (YYYY, YYYY-MM or YYYY-MM-DD).',
			}),
			status: z
				.enum(CLAIM_STATUSES, {
					// Not for a status left out or empty, which the content checks report as such.
					error: (issue) =>
						typeof issue.input === 'string'
							? `"${issue.input}" is not a status: write one of ${CLAIM_STATUSES.join(', ')}, as the story reports it`
							: undefined,
				})
				.meta({
					description:
						'Where the claim stands as the story reports it: `claimed` (nobody in the story answers it), ' +
						'`disputed`, `denied`, `confirmed` (say by whom in `statusBy`) or `not-independently-verified`.',
				}),
			statusBy: ReferenceSchema('actors').optional().meta({
				description: 'Who confirmed, disputed or denied it, listed under `actors` too: required with `confirmed`.',
			}),
			sources: z
				.array(z.string().trim().min(1))
				.min(1)
				.meta({
					description:
						"Which of the explainer's `sources` report the claim, by their `name`; when the story does not say " +
						'which of its sources reported what, list them all.',
				}),
		})
		.refine((claim) => claim.quote !== undefined || claim.paraphrase !== undefined, {
			message: 'say what was claimed: the words in `quote` when the story quotes them, else `paraphrase`',
			path: [],
		})
		.refine((claim) => claim.quote === undefined || claim.paraphrase === undefined, {
			message: 'a claim is quoted or paraphrased, not both: keep `quote` and remove `paraphrase`',
			path: ['paraphrase'],
		})
		.refine((claim) => claim.status !== 'confirmed' || claim.statusBy !== undefined, {
			message: '`confirmed` needs `statusBy`: the actor id of who confirmed it, as the story reports',
			path: ['status'],
		})
		.refine((claim) => claim.statusBy === undefined || ANSWERED.has(claim.status), {
			message:
				'`statusBy` names who confirmed, disputed or denied a claim: remove it, or set `status` to one of ' +
				'confirmed, disputed, denied',
			path: ['statusBy'],
		})
		.refine((claim) => claim.statusBy?.id !== claim.claimant.id, {
			message:
				'a claimant cannot confirm, dispute or deny its own claim: name who else did, or use `claimed` and say in ' +
				'the story that it was withdrawn',
			path: ['statusBy'],
		})
		.refine((claim) => claim.attributedTo?.id !== claim.claimant.id, {
			message:
				'an actor speaking of its own act makes a claim, not an attribution: remove `attributedTo`, or make the ' +
				'claimant who attributes the act',
			path: ['attributedTo'],
		})
		.meta({
			title: 'claim',
			description:
				'Something an actor claims, or attributes to another actor, as the story reports it, with where it ' +
				'stands: the "Who claims what" ledger. Quoted words are checked word for word against the story.',
			file: 'src/schemas/claim.ts',
		}),
);

export type ClaimData = z.output<ReturnType<typeof ClaimSchema>>;
