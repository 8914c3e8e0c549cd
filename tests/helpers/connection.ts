import type { RelationKind } from '../../src/relations/kinds';
import type { Connection } from '../../src/relations/relations';

/** A relation between two actors of a test's own graphic, undated, with what it was before (`earlier`) if anything. */
export const connection = (
	subject: string,
	kind: RelationKind,
	object: string,
	earlier: Connection['earlier'] = [],
): Connection => ({
	subject,
	kind,
	object,
	facts: [],
	period: 'Dates not reported',
	reportedIn: [],
	earlier,
});
