import type { PartialDate } from '../schemas/partial-date';
import { earliestDay, latestDay } from './partial-dates.ts';

/** The fields of a role that decide whether it was held on a given day. */
export interface DatedRole {
	title: string;
	from?: PartialDate | undefined;
	to?: PartialDate | undefined;
}

/**
 * The roles an actor held on `day`, most recent first. A role with no `from` counts as held since before any
 * story and one with no `to` as still held, so a partial date only excludes a role when it surely does.
 */
export function rolesOn<Role extends DatedRole>(roles: readonly Role[], day: PartialDate): Role[] {
	return roles
		.filter(
			(role) =>
				(!role.from || earliestDay(role.from) <= latestDay(day)) &&
				(!role.to || latestDay(role.to) >= earliestDay(day)),
		)
		.sort((a, b) => (b.from ?? '').localeCompare(a.from ?? ''));
}
