import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { contentCacheDir } from '../utils/content-dir';
import { writeFileAtomicallySync } from '../utils/disk-cache';
import { BODY_FACTS_VERSION, readBodyFacts, type BodyFacts } from './body-facts';

/** The file a store keeps its facts in, under a build's cache folder. */
export const BODY_FACTS_FILE = join('content-checks', 'body-facts.json');

/**
 * The facts file of the project's own content, where a build keeps it (Astro's default cache folder), so builds,
 * `npm run check` and the dev server reuse each other's facts. None for another `CONTENT_DIR`: tests' and
 * benchmarks' throwaway content leaves no cache behind (a build of it keeps one in its own cache folder).
 */
export function projectBodyFactsFile(): string | undefined {
	return contentCacheDir() === undefined ? join('node_modules', '.astro', BODY_FACTS_FILE) : undefined;
}

/** Reads stories' facts, each story once, from a file of earlier runs' facts when it has them. */
export interface BodyFactsStore {
	/** The facts of a story: from the store when its text was seen before, else parsed. */
	factsOf(body: { text: string; line: number }): BodyFacts;
	/** The stories among `bodies` the store has no facts for, under their keys: what a thread can parse ahead. */
	unknown(bodies: readonly { text: string; line: number }[]): { key: string; body: { text: string; line: number } }[];
	/** Takes facts parsed elsewhere (by {@link BodyFactsStore.unknown}'s keys); they count as parsed this run. */
	learn(entries: Iterable<readonly [string, BodyFacts]>): void;
	/** Writes the facts of the stories seen since the store was made (and no others) to its file, if it has one. */
	save(): void;
	/** How many stories were answered from the store and how many were parsed. */
	readonly stats: { hits: number; misses: number };
}

/**
 * A store of story facts by a hash of the story's text and first line, kept in `file` between runs when given.
 * The hash also covers the facts' version and the lockfile, so new extraction code or a new parser reads every
 * story again; an unreadable file is an empty store.
 */
export function createBodyFactsStore(file?: string, projectRoot = process.cwd()): BodyFactsStore {
	const salt = `${BODY_FACTS_VERSION}:${lockfileDigest(projectRoot)}`;
	const earlier = file ? readJsonMap<BodyFacts>(file) : new Map<string, BodyFacts>();
	const seen = new Map<string, BodyFacts>();
	const learned = new Map<string, BodyFacts>();
	const stats = { hits: 0, misses: 0 };
	const keyOf = (body: { text: string; line: number }) =>
		createHash('sha256').update(`${salt}:${body.line}:`).update(body.text).digest('base64url');
	return {
		stats,
		factsOf(body) {
			const key = keyOf(body);
			let facts = seen.get(key) ?? earlier.get(key);
			if (facts) stats.hits++;
			else {
				stats.misses++;
				facts = learned.get(key) ?? readBodyFacts(body);
			}
			seen.set(key, facts);
			return facts;
		},
		unknown(bodies) {
			const unknown = new Map<string, { key: string; body: { text: string; line: number } }>();
			for (const body of bodies) {
				const key = keyOf(body);
				if (!seen.has(key) && !earlier.has(key)) unknown.set(key, { key, body });
			}
			return [...unknown.values()];
		},
		learn(entries) {
			for (const [key, facts] of entries) learned.set(key, facts);
		},
		save() {
			if (!file || stats.misses === 0) return;
			writeJsonMap(file, seen);
		},
	};
}

/** A map a store kept in `file` as a JSON object; empty when the file is missing or unreadable. */
export function readJsonMap<Value>(file: string): Map<string, Value> {
	try {
		return new Map(Object.entries(JSON.parse(readFileSync(file, 'utf8')) as Record<string, Value>));
	} catch {
		return new Map();
	}
}

/** Keeps `map` in `file` as a JSON object, written atomically: two builds at once never read half a file. */
export function writeJsonMap(file: string, map: ReadonlyMap<string, unknown>): void {
	writeFileAtomicallySync(file, JSON.stringify(Object.fromEntries(map)));
}

/** A digest of the project's lockfile: new parsers or extraction code make every cached entry stale. */
export function lockfileDigest(projectRoot: string): string {
	try {
		return createHash('sha256')
			.update(readFileSync(join(projectRoot, 'package-lock.json')))
			.digest('base64url');
	} catch {
		return 'no-lockfile';
	}
}
