/** From relations (relations.ts) to the graphic: which actors it draws, which way each line runs, its words. */
import { layoutGraph } from './layout';
import type { RelationKind } from './kinds';
import { connectionWords, type Connection } from './relations';
import { relationsSvg, type GraphicText } from './svg';

/** Kinds whose object goes above the subject: an organisation above its parts, members and staff. */
const OBJECT_ABOVE: ReadonlySet<RelationKind> = new Set(['part-of', 'member-of', 'works-for']);

/** The actors that have a relation, in the order given. */
export function connectedActors<Actor extends { id: string }>(
	actors: readonly Actor[],
	connections: readonly Connection[],
) {
	const ends = new Set(connections.flatMap(({ subject, object }) => [subject, object]));
	return actors.filter((actor) => ends.has(actor.id));
}

/**
 * The graphic of `connections` between `actors` (which must include both ends of each): SVG text, its width, and
 * where across it the first actor's box is centred, for a frame narrower than the graphic to open on.
 */
export function connectionsGraphic(
	actors: readonly { id: string; name: string }[],
	connections: readonly Connection[],
	text: GraphicText,
): { svg: string; width: number; firstActorX: number } {
	const edges = connections.map((connection) => ({
		subject: connection.subject,
		object: connection.object,
		words: connectionWords(connection),
		objectAbove: OBJECT_ABOVE.has(connection.kind),
	}));
	const drawn = connections.map(({ kind, earlier }) => ({ kind, changed: earlier.length > 0 }));
	const connected = connectedActors(actors, connections);
	const layout = layoutGraph(connected, edges);
	const first = layout.nodes.find((node) => node.id === connected[0]?.id)?.box;
	const firstActorX = first ? first.x + first.width / 2 : layout.width / 2;
	return { svg: relationsSvg(layout, drawn, text), width: layout.width, firstActorX };
}

/**
 * The graphic's short description: how much it shows, what changed, and where the same relations are in words:
 * in the `listing` that follows it (a table, a list), or, where left out, somewhere after it.
 */
export function describeConnections(
	connections: readonly Connection[],
	nameOf: (id: string) => string,
	listing?: 'table' | 'list',
): string {
	const actorCount = new Set(connections.flatMap(({ subject, object }) => [subject, object])).size;
	const changes = connections
		.filter(({ earlier }) => earlier.length > 0)
		.map(
			(connection) => `${nameOf(connection.subject)} and ${nameOf(connection.object)}: ${connectionWords(connection)}`,
		);
	return [
		`${connections.length} ${connections.length === 1 ? 'relation' : 'relations'} between ${actorCount} actors.`,
		changes.length > 0 && `Changed: ${changes.join('; ')}.`,
		listing ? `The ${listing} that follows sets out each one.` : 'Each one is also set out in words after the graphic.',
	]
		.filter(Boolean)
		.join(' ');
}
