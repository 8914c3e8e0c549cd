import { AFFILIATION_RELATIONS, type AffiliationData } from '../schemas/actor';
import { KIND_WORDS, statementOf, type RelationKind } from '../relations/kinds';
import { appendTo } from '../utils/append-to';
import { earliestDay, latestDay } from '../utils/partial-dates';
import { listAt, problemAt, type Check } from './check';
import type { ContentFile } from './content-files';
import { asPartialDate, storyDayOf } from './date-check';
import type { Problem } from './problem';

/** One recorded relation read one way, "<subject> <kind> <object>", and the days it surely holds on. */
interface Recorded {
	file: ContentFile;
	index: number;
	start: string;
	end: string;
}

/**
 * The kinds that rank one actor under another, which cannot hold both ways at once. Two actors may back each other,
 * and allies and opponents read the same both ways.
 */
const RANKING_KINDS: ReadonlySet<RelationKind> = new Set(['part-of', 'member-of', 'works-for', 'leads']);

const isRelation = (value: unknown): value is AffiliationData['relation'] =>
	(AFFILIATION_RELATIONS as readonly unknown[]).includes(value);

/**
 * A relation recorded one way in one place and the other way in another, for days that overlap: "White House leads
 * Joe Biden" in one file and "Joe Biden leads White House" in another cannot both be true, and the graphic would draw
 * both. Dates that do not overlap (one led the other, then the other way round) are fine. A record with no `from` holds
 * from the day of the explainer that reports it, as the pages show it, or on every day when none does.
 */
export const relationCheck: Check = ({ actors, articles }) => {
	const reportDays = new Map(articles.map((file) => [file.id, storyDayOf(file)?.day]));
	const names = new Map(actors.map((file) => [file.id, (file.data as { name?: unknown } | undefined)?.name]));
	const nameOf = (id: string) => {
		const name = names.get(id);
		return typeof name === 'string' ? name : id;
	};
	const recorded = new Map<string, Recorded[]>();
	return actors.flatMap((file) =>
		listAt<Record<string, unknown> | null>(file, 'affiliations').flatMap((item, index): Problem[] => {
			const { relation, actor } = item ?? {};
			if (!isRelation(relation) || typeof actor !== 'string') return [];
			const { subject, kind, object } = statementOf(file.id, { relation, actor: { id: actor } } as AffiliationData);
			if (!RANKING_KINDS.has(kind)) return [];
			const from = asPartialDate(item?.['from']);
			const to = asPartialDate(item?.['to']);
			// Only the days each surely holds on: one ending in 2021 and the other starting in 2021 may be a handover.
			const here: Recorded = {
				file,
				index,
				start: from ? latestDay(from) : (reportDays.get(String(item?.['reportedIn'])) ?? '0000'),
				end: to ? earliestDay(to) : '9999',
			};
			const reversed = (recorded.get(`${kind} ${object} ${subject}`) ?? []).find(
				(other) => other.start < here.end && here.start < other.end,
			);
			appendTo(recorded, `${kind} ${subject} ${object}`, here);
			if (!reversed) return [];
			const words = (a: string, b: string) => `${nameOf(a)} ${KIND_WORDS[kind]} ${nameOf(b)}`;
			const where = reversed.file === file ? `affiliations[${reversed.index}]` : reversed.file.path;
			return [
				problemAt(file, ['affiliations', index], {
					message: `“${words(subject, object)}”, but ${where} records “${words(object, subject)}” for the same time`,
					hint: 'keep the one the sources give and remove the other, or date both with `from` and `to` if each held at a different time',
				}),
			];
		}),
	);
};
