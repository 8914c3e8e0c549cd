/**
 * Files a build draws (share images, locator maps) kept on disk between builds, so a rebuild draws only what
 * changed. Each file is named by a key that hashes everything it depends on, so a stale file is never read: a
 * changed input is a new key.
 */
import { createHash, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, stat, unlink, utimes, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';

/**
 * A digest of the files that make a cached file (its drawing code, dependencies' package.json, assets) and of any
 * further bytes, for the cache key: a change to any of them makes new keys, so no version number is bumped by
 * hand. A file that cannot be read gives a digest that matches no earlier one.
 */
export function digestOfSources(sources: readonly string[], root = process.cwd(), extra: readonly Uint8Array[] = []) {
	const hash = createHash('sha256');
	for (const source of sources) {
		try {
			hash.update(readFileSync(resolve(root, source)));
		} catch {
			hash.update(`unreadable ${source} ${randomUUID()}`);
		}
	}
	for (const bytes of extra) hash.update(bytes);
	return hash.digest('hex');
}

/** A cache key: the SHA-256, as hex, of the values as JSON, which keeps them apart (no two lists share a text). */
export const keyOf = (values: readonly unknown[]): string =>
	createHash('sha256').update(JSON.stringify(values)).digest('hex');

export interface DiskCacheOptions<Input> {
	/** The folder of the cached files; created when missing. */
	dir: string;
	/** The files' extension, e.g. `png`. */
	extension: string;
	/** The key of an input: a hash of everything its file depends on, as hex. */
	key: (input: Input) => string;
	/** Draws one file; called only when the cache has none for the input's key. */
	render: (input: Input) => Promise<Buffer>;
}

export interface DiskCache<Input> {
	/** The file's bytes: from the cache when it has them for the input's key, else drawn and stored. */
	get(input: Input): Promise<Buffer>;
	/** The path of the input's file, once the cache holds it: drawn and stored first when it does not. */
	stored(input: Input): Promise<string>;
	/** The path the input's file is (or will be) stored at. */
	fileFor(input: Input): string;
	/** How many `get` calls were answered from disk and how many drew, since the cache was made. */
	readonly stats: { hits: number; misses: number };
}

/** A cache of drawn files in `dir`, drawing missing ones with `render`. */
export function createDiskCache<Input>({ dir, extension, key, render }: DiskCacheOptions<Input>): DiskCache<Input> {
	const stats = { hits: 0, misses: 0 };
	const fileFor = (input: Input) => join(dir, `${key(input)}.${extension}`);
	/** Files being looked up or drawn, by path: two pages asking for one file at once share the work. */
	const pending = new Map<string, Promise<string>>();

	async function store(file: string, input: Input): Promise<string> {
		const size = await stat(file).then(
			(stats) => stats.size,
			() => 0,
		);
		if (size > 0) {
			stats.hits++;
			// Marks the file as used, so pruning (pruneUnusedFiles) keeps what builds still read.
			const now = new Date();
			await utimes(file, now, now).catch(() => undefined);
			return file;
		}
		stats.misses++;
		await writeFileAtomically(file, await render(input));
		return file;
	}

	function stored(input: Input): Promise<string> {
		const file = fileFor(input);
		let result = pending.get(file);
		if (!result) {
			result = store(file, input).finally(() => pending.delete(file));
			pending.set(file, result);
		}
		return result;
	}

	return { stats, fileFor, stored, get: async (input) => readFile(await stored(input)) };
}

/**
 * Writes a cache file beside its place and renames it into place, so a build stopped halfway, or another build
 * (or thread) writing the same file at the same time, never leaves or reads half a file.
 */
export async function writeFileAtomically(file: string, bytes: Uint8Array | string): Promise<void> {
	await mkdir(dirname(file), { recursive: true });
	// A name beside the file that no other process or thread writes to.
	const partial = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.partial`;
	await writeFile(partial, bytes);
	await rename(partial, file);
}

/** How long a cached file may go unread before a build removes it. */
export const UNUSED_FILE_DAYS = 30;

/**
 * Removes the files of a cache folder that no build has read or written for {@link UNUSED_FILE_DAYS} days: an
 * edited headline or a new design leaves its old files behind, and the folder would otherwise grow for ever. Returns
 * how many it removed. A file another build is reading at the time is unaffected (it was just read, so it is fresh); a
 * missing folder is an empty one.
 */
export async function pruneUnusedFiles(dir: string): Promise<number> {
	const names = await readdir(dir).catch(() => [] as string[]);
	const oldest = Date.now() - UNUSED_FILE_DAYS * 24 * 60 * 60 * 1000;
	let removed = 0;
	for (const name of names) {
		const file = join(dir, name);
		const info = await stat(file).catch(() => undefined);
		if (!info?.isFile() || info.mtimeMs >= oldest) continue;
		await unlink(file).then(
			() => removed++,
			() => undefined,
		);
	}
	return removed;
}
