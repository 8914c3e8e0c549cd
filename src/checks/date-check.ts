import { PartialDateSchema } from '../schemas/partial-date';
import { earliestDay, latestDay } from '../utils/partial-dates';
import { problemAt, type Check } from './check';
import type { Problem } from './problem';

const partialDate = PartialDateSchema();
const asPartialDate = (value: unknown) => {
	const result = partialDate.safeParse(value);
	return result.success ? result.data : undefined;
};

/** Dates that parse but cannot be true together: the timeline after publication or out of order, roles ending before they start. */
export const dateCheck: Check = ({ articles, actors }) => [
	...articles.flatMap((file): Problem[] => {
		const data = file.data as { published?: unknown; timeline?: unknown } | undefined;
		if (!Array.isArray(data?.timeline)) return [];
		const published = typeof data.published === 'string' ? new Date(data.published) : undefined;
		const publishedDay =
			published && !Number.isNaN(published.getTime()) ? published.toISOString().slice(0, 10) : undefined;
		let previous: { day: string; index: number } | undefined;
		return (data.timeline as { date?: unknown }[]).flatMap((event, index): Problem[] => {
			const date = asPartialDate(event?.date);
			if (!date) return [];
			const problems: Problem[] = [];
			if (publishedDay && earliestDay(date) > publishedDay) {
				problems.push(
					problemAt(file, ['timeline', index, 'date'], {
						field: `timeline[${index}].date`,
						message: `${date} is after the explainer was published (${publishedDay})`,
						hint: 'a timeline tells how we got here: check the year, or update `published`',
					}),
				);
			}
			if (previous && latestDay(date) < previous.day) {
				problems.push(
					problemAt(file, ['timeline', index, 'date'], {
						field: `timeline[${index}].date`,
						message: `${date} comes before timeline[${previous.index}] (${previous.day}): events must be oldest first`,
						hint: 'move this event up, or check its date',
					}),
				);
			}
			previous = { day: earliestDay(date), index };
			return problems;
		});
	}),
	...actors.flatMap((file): Problem[] => {
		const data = file.data as { roles?: unknown } | undefined;
		if (!Array.isArray(data?.roles)) return [];
		return (data.roles as { from?: unknown; to?: unknown }[]).flatMap((role, index): Problem[] => {
			const from = asPartialDate(role?.from);
			const to = asPartialDate(role?.to);
			if (!from || !to || latestDay(to) >= earliestDay(from)) return [];
			return [
				problemAt(file, ['roles', index, 'to'], {
					field: `roles[${index}].to`,
					message: `the role ends (${to}) before it starts (${from})`,
					hint: 'swap `from` and `to`, or correct the year',
				}),
			];
		});
	}),
];
