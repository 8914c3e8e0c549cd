import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { MentionableActor } from '../plugins/remark-actor-mentions';
import { ACTOR_KINDS, type ActorKind } from '../schemas/actor';
import { idFromFileName } from './ids';

let cache: { key: string; actors: MentionableActor[] } | undefined;

/**
 * Reads the actors the mention plugin needs straight from `content/actors/*.yaml`, because remark plugins run
 * outside Astro's content layer. Files that do not parse are skipped here: the content checks report them.
 * The result is cached until a file is added, removed or changed.
 */
export function readMentionableActors(directory: string): MentionableActor[] {
	const files = readdirSync(directory)
		.filter((name) => name.endsWith('.yaml'))
		.sort();
	const key = files.map((name) => `${name}:${statSync(join(directory, name)).mtimeMs}`).join('|');
	if (cache?.key === key) return cache.actors;
	const actors = files.flatMap((name) => {
		try {
			return [toMentionable(idFromFileName({ entry: name }), parse(readFileSync(join(directory, name), 'utf8')))];
		} catch {
			return [];
		}
	});
	cache = { key, actors };
	return actors;
}

function toMentionable(id: string, data: Record<string, unknown>): MentionableActor {
	const kind = ACTOR_KINDS.includes(data['kind'] as ActorKind) ? (data['kind'] as ActorKind) : 'organization';
	const texts = (value: unknown) => (Array.isArray(value) ? value.filter((item) => typeof item === 'string') : []);
	const roles = Array.isArray(data['roles']) ? (data['roles'] as Record<string, unknown>[]) : [];
	return {
		id,
		name: String(data['name']),
		kind,
		aliases: texts(data['aliases']),
		summary: String(data['summary'] ?? ''),
		roles: roles.map((role) => ({
			title: String(role['title']),
			from: role['from'] === undefined ? undefined : String(role['from']),
			to: role['to'] === undefined ? undefined : String(role['to']),
		})),
	};
}
