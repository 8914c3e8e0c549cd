import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { isRunnableDevEnvironment, normalizePath, type Plugin, type ViteDevServer } from 'vite';
import { parse } from 'yaml';
import { idFromFileName } from '../utils/ids';
import { afterSaveSettles } from '../utils/save-settle';
import type { MentionableActor } from './remark-actor-mentions';

/** What the folder's actor files name, by file, and all of it in file order: the array the plugin indexes. */
let cache: { directory: string; byFile: Map<string, MentionableActor[]>; actors: MentionableActor[] } | undefined;

/**
 * Reads the names the mention plugin looks for straight from `content/actors/*.yaml`, because remark plugins run
 * outside Astro's content layer: each actor's id, name and aliases, nothing else (what the mention cards say is
 * read from the collection when the page renders). Files that do not parse, and fields of the wrong shape, are
 * skipped here: the content checks report them.
 *
 * The plugin asks once per explainer, so the answer is kept (the same array, which the plugin indexes once): a
 * build reads the folder once, and `astro dev` reads a saved actor file again ({@link recompileStoriesOnActorNames}).
 */
export function readMentionableActors(directory: string): MentionableActor[] {
	if (cache?.directory === directory) return cache.actors;
	const byFile = new Map(actorFiles(directory).map((name) => [name, readActorFile(directory, name)]));
	cache = { directory, byFile, actors: inFileOrder(byFile) };
	return cache.actors;
}

/** Reads the files `names` of `directory` again, keeping the others as read; drops the files gone. */
function readActorFilesAgain(directory: string, names: Iterable<string>): MentionableActor[] {
	if (cache?.directory !== directory) return readMentionableActors(directory);
	const listed = new Set(actorFiles(directory));
	for (const name of cache.byFile.keys()) if (!listed.has(name)) cache.byFile.delete(name);
	for (const name of names) if (listed.has(name)) cache.byFile.set(name, readActorFile(directory, name));
	cache.actors = inFileOrder(cache.byFile);
	return cache.actors;
}

const actorFiles = (directory: string) => readdirSync(directory).filter((name) => name.endsWith('.yaml'));

function readActorFile(directory: string, name: string): MentionableActor[] {
	try {
		return toMentionable(idFromFileName({ entry: name }), parse(readFileSync(join(directory, name), 'utf8')));
	} catch {
		return [];
	}
}

const inFileOrder = (byFile: Map<string, MentionableActor[]>) =>
	[...byFile.keys()].sort().flatMap((name) => byFile.get(name) ?? []);

function toMentionable(id: string, data: unknown): MentionableActor[] {
	if (typeof data !== 'object' || data === null) return [];
	const { name, aliases } = data as Record<string, unknown>;
	if (typeof name !== 'string' || name.trim() === '') return [];
	// As the schema reads them: trimmed.
	const trimmed = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? [value.trim()] : []);
	return [{ id, name: name.trim(), aliases: Array.isArray(aliases) ? aliases.flatMap(trimmed) : [] }];
}

/** What the mention plugin's output depends on, of the actors: their ids, names and aliases. */
const namesKey = (actors: readonly MentionableActor[]) =>
	JSON.stringify(actors.map(({ id, name, aliases }) => [id, name, aliases]));

/**
 * For `astro dev`: keeps the stories' mentions in step with the actor files. A compiled story holds its mentions
 * (which names are linked) but not what their cards say, which MentionCard.astro reads from the collection at
 * each render: an edited role or summary shows on the next reload without this plugin. But when an actor's names
 * change (an alias added, a name changed, an actor added or removed), the compiled stories are stale: the plugin
 * reads the names again and drops every compiled explainer from the dev server, which compiles the stories again
 * on the next request, and reloads the open pages. Edits that leave the names alone recompile nothing.
 */
export function recompileStoriesOnActorNames(folders: { actors: string; articles: string }): Plugin {
	const actors = normalizePath(resolve(folders.actors));
	const articles = normalizePath(resolve(folders.articles));
	const inside = (folder: string, file: string) => normalizePath(file).startsWith(`${folder}/`);
	return {
		name: 'explainer:recompile-stories-on-actor-names',
		apply: 'serve',
		configureServer(server) {
			let names: string | undefined;
			const saved = new Set<string>();
			const readNamesAgain = () => {
				const next = namesKey(readActorFilesAgain(folders.actors, saved));
				saved.clear();
				if (next === names) return;
				names = next;
				dropCompiledStories(server, (file) => inside(articles, file) && file.endsWith('.mdx'));
			};
			// Read at a save's first event, the file may be empty: the actor would have no names, and its links would be
			// gone until the next save. The names are read once a save's events have settled.
			const readNamesWhenSettled = afterSaveSettles(readNamesAgain);
			const onActorFile = (file: string) => {
				if (normalizePath(dirname(file)) !== actors || !file.endsWith('.yaml')) return;
				saved.add(basename(file));
				readNamesWhenSettled();
			};
			try {
				names = namesKey(readMentionableActors(folders.actors));
			} catch {
				// No actors folder yet: the first file added makes one.
			}
			server.watcher.add(folders.actors);
			server.watcher.on('add', onActorFile).on('change', onActorFile).on('unlink', onActorFile);
		},
	};
}

/**
 * Drops the modules of the files `isStory` picks from every environment of the dev server: their compiled code,
 * and in the environments that run modules, the evaluated module (which would otherwise be used again), as Astro
 * does when its data store changes. Then reloads the open pages.
 */
function dropCompiledStories(server: ViteDevServer, isStory: (file: string) => boolean): void {
	const timestamp = Date.now();
	for (const environment of Object.values(server.environments)) {
		for (const [file, modules] of environment.moduleGraph.fileToModulesMap) {
			if (!isStory(file)) continue;
			for (const module of modules) environment.moduleGraph.invalidateModule(module, undefined, timestamp, true);
		}
		if (!isRunnableDevEnvironment(environment)) continue;
		for (const [file, modules] of environment.runner.evaluatedModules.fileToModulesMap) {
			if (!isStory(file)) continue;
			for (const module of modules) environment.runner.evaluatedModules.invalidateModule(module);
		}
	}
	server.environments.client.hot.send({ type: 'full-reload', path: '*' });
}
