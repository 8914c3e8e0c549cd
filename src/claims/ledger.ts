/**
 * An explainer's claims as the entries ClaimsLedger.astro draws. The ledger is for readers only: the page's
 * structured data gets no ClaimReview, since we record claims and never rate them.
 */
import { actorOnDay, quoteDay, type ReportDays } from '../actors/as-of';
import type { ActorData } from '../schemas/actor';
import type { ClaimData, ClaimStatus } from '../schemas/claim';
import type { PartialDate } from '../schemas/partial-date';

/** An actor as an entry names it: the name links to its Who's who entry. */
export interface LedgerActor {
	id: string;
	name: string;
	/** The anchor of the actor's glossary entry, without `#`. */
	anchor: string;
}

/**
 * A claim the actor makes itself, or an attribution: one actor pinning an act on another. Readers must never take
 * the second for the first (the Secretary of Defense blaming a group is not the group claiming the attack).
 */
export type ClaimKind = 'claim' | 'attribution';

/** One entry of the ledger, as the page shows it. */
export interface LedgerEntry {
	id: string;
	kind: ClaimKind;
	claimant: LedgerActor & { role?: string | undefined };
	attributedTo?: LedgerActor | undefined;
	/** The claimant's words, exactly as the story quotes them, or what was claimed in our words. */
	words: { quoted: true; text: string; translated: boolean } | { quoted: false; text: string };
	status: ClaimStatus;
	/** The status in words, e.g. "Disputed"; `statusBy` follows it as "by …". */
	statusLabel: string;
	statusBy?: LedgerActor | undefined;
	/** When the claim was made, if the story says. */
	made?: PartialDate | undefined;
	/** The day the story reported it: shown when it gives no `made`. */
	reported: PartialDate;
	sources: string[];
}

const STATUS_LABELS: Record<ClaimStatus, string> = {
	claimed: 'Claimed',
	disputed: 'Disputed',
	denied: 'Denied',
	confirmed: 'Confirmed',
	'not-independently-verified': 'Not independently verified',
};

/** A status in words. `claimed` reads "Attributed" on an attribution, so no reader takes it for the group's claim. */
export const statusLabel = (status: ClaimStatus, kind: ClaimKind): string =>
	status === 'claimed' && kind === 'attribution' ? 'Attributed' : STATUS_LABELS[status];

/** What the ledger needs to know of the explainer. */
export interface LedgerContext {
	/** Every actor, by id: a claim may name one the page lists only for it. */
	actorById: ReadonlyMap<string, { data: ActorData }>;
	/** The explainer whose claims these are, whose own facts about a claimant win a tie of dates. */
	explainer: string;
	/** The day the explainer's facts hold: actors' roles are shown as of the claim's day, never after it. */
	storyDay: PartialDate;
	reportDays: ReportDays;
	/** The anchor of an actor's glossary entry. */
	anchorOf: (id: string) => string;
}

/** The explainer's claims as ledger entries, in the editor's order. */
export function ledgerEntries(claims: readonly ClaimData[], context: LedgerContext): LedgerEntry[] {
	const { actorById, explainer, storyDay, reportDays, anchorOf } = context;
	const named = (id: string): LedgerActor => ({ id, name: actorById.get(id)?.data.name ?? id, anchor: anchorOf(id) });
	return claims.map((claim) => {
		const kind: ClaimKind = claim.attributedTo ? 'attribution' : 'claim';
		const claimant = actorById.get(claim.claimant.id);
		return {
			id: claim.id,
			kind,
			claimant: {
				...named(claim.claimant.id),
				role: claimant && actorOnDay(claimant.data, quoteDay(claim.made, storyDay), reportDays, explainer).role?.title,
			},
			attributedTo: claim.attributedTo && named(claim.attributedTo.id),
			words:
				claim.quote === undefined
					? { quoted: false, text: claim.paraphrase ?? '' }
					: { quoted: true, text: claim.quote, translated: claim.translated },
			status: claim.status,
			statusLabel: statusLabel(claim.status, kind),
			statusBy: claim.statusBy && named(claim.statusBy.id),
			made: claim.made,
			reported: storyDay,
			sources: claim.sources,
		};
	});
}
