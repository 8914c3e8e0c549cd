/**
 * The worker thread of prepare.ts: parses the story of every explainer in the folder it is given and posts their
 * facts back, at the lowest priority, so that Astro's own start on the main thread keeps its core. Run by Node as
 * it is (its imports name their files): no bundler is involved.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { constants, setPriority } from 'node:os';
import { join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import type { StoryFacts } from './facts.ts';
import { explainerParts, readStoryFacts } from './parse.ts';

/** One story as the checks will read it, with its facts. */
export interface PreparedStory {
	body: { text: string; line: number };
	facts: StoryFacts;
}

// On Linux this lowers this thread alone.
setPriority(0, constants.priority.PRIORITY_LOW);
const folder = (workerData as { folder: string }).folder;
const stories: PreparedStory[] = [];
for (const name of readdirSync(folder).filter((name) => name.endsWith('.mdx'))) {
	try {
		const body = explainerParts(readFileSync(join(folder, name), 'utf8').replace(/^\uFEFF/, ''))?.body;
		if (body) stories.push({ body, facts: readStoryFacts(body) });
	} catch {
		// A file that cannot be read now is read, and reported, by the checks themselves.
	}
}
parentPort?.postMessage(stories);
