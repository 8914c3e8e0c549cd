import { readdirSync, readFileSync, statSync, watch, type FSWatcher } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { MentionableActor } from '../plugins/remark-actor-mentions';
import { ACTOR_KINDS, type ActorKind } from '../schemas/actor';
import { idFromFileName } from './ids';

let cache: { directory: string; key: string; actors: MentionableActor[]; stale: boolean } | undefined;
let watched: { directory: string; watcher: FSWatcher } | undefined;

/**
 * Reads the actors the mention plugin needs straight from `content/actors/*.yaml`, because remark plugins run
 * outside Astro's content layer. Files that do not parse are skipped here: the content checks report them.
 * The result is cached until a file is added, removed or changed. The plugin asks once per explainer, so with
 * hundreds of actors and thousands of explainers even a `stat` of every file per call adds seconds to a build:
 * while a watcher on the folder has seen no change, the cache is answered without touching the disk.
 */
export function readMentionableActors(directory: string): MentionableActor[] {
	if (cache?.directory === directory && !cache.stale && watched?.directory === directory) return cache.actors;
	watchFolder(directory);
	const files = readdirSync(directory)
		.filter((name) => name.endsWith('.yaml'))
		.sort();
	const key = files.map((name) => `${name}:${statSync(join(directory, name)).mtimeMs}`).join('|');
	if (cache?.directory === directory && cache.key === key) {
		cache.stale = false;
		return cache.actors;
	}
	const actors = files.flatMap((name) => {
		try {
			return [toMentionable(idFromFileName({ entry: name }), parse(readFileSync(join(directory, name), 'utf8')))];
		} catch {
			return [];
		}
	});
	cache = { directory, key, actors, stale: false };
	return actors;
}

/** Marks the cache stale on any change in the folder; where watching fails, every call checks the files. */
function watchFolder(directory: string): void {
	if (watched?.directory === directory) return;
	watched?.watcher.close();
	watched = undefined;
	try {
		const watcher = watch(directory, () => {
			if (cache) cache.stale = true;
		});
		// A build must end when its work does, not wait on the watcher.
		watcher.unref();
		watcher.on('error', () => {
			watcher.close();
			if (watched?.watcher === watcher) watched = undefined;
		});
		watched = { directory, watcher };
	} catch {
		watched = undefined;
	}
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
