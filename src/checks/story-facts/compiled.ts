import { realpathSync } from 'node:fs';
import type { StoryFacts } from './facts';

/**
 * The stories' facts as Astro's compile of each story read them, for a build's content checks: the remark plugin
 * src/plugins/remark-story-facts.ts adds each story's facts as the story compiles, and the checks take them once
 * Astro's bundle has compiled every module, instead of parsing every story a second time. Collects only while a
 * build's checks asked it to (between `collect` and `stop`): the dev server and the tests' renders compile stories
 * without it.
 */
export type CompiledStoryFacts = ReturnType<typeof createCompiledStoryFacts>;

export function createCompiledStoryFacts() {
	let stories: Map<string, { text: string; facts: StoryFacts }> | undefined;
	return {
		/** Whether a build is collecting: the plugin reads no facts otherwise. */
		get collecting() {
			return stories !== undefined;
		},
		/** Starts collecting for a build, forgetting whatever an earlier build left. */
		collect() {
			stories = new Map();
		},
		/** Keeps the facts of the story compiled from `path` (absolute), whose compiled text was `text`. */
		add(path: string, text: string, facts: StoryFacts) {
			stories?.set(path, { text, facts });
		},
		/**
		 * The facts of the story in the file at `path` (absolute), when Astro compiled that file with this story:
		 * `body` is the story as the checks read it, and the line it starts on. Undefined when the compile did not
		 * read it (a story it could not parse, or a file saved again since the checks read it).
		 */
		of(path: string, body: { text: string; line: number }): StoryFacts | undefined {
			const compiled = stories?.get(path) ?? stories?.get(realPath(path));
			return compiled && compiledFrom(compiled.text, body) ? compiled.facts : undefined;
		},
		/** Stops collecting and lets the facts go. */
		stop() {
			stories = undefined;
		},
	};
}

/**
 * Whether a compiled text is the file the story was read from: Astro compiles the whole file with its frontmatter
 * blanked out, so the text ends with the story, which starts on the same line.
 */
function compiledFrom(text: string, body: { text: string; line: number }): boolean {
	return text.endsWith(body.text) && text.slice(0, text.length - body.text.length).split('\n').length === body.line;
}

/** The path with its links resolved, as Vite names a module; the path itself when it does not exist. */
function realPath(path: string): string {
	try {
		return realpathSync(path);
	} catch {
		return path;
	}
}
