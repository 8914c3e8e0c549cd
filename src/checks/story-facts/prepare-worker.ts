/**
 * The worker thread of prepare.ts: parses the story of every explainer in the folder it is given and posts their
 * facts back. Node runs it as it is (its imports name their files): no bundler is involved.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { explainerParts } from '../explainer-parts.ts';
import type { StoryFacts } from './facts.ts';
import { readStoryFacts } from './parse.ts';

/** One story as the checks will read it, with its facts. */
export interface PreparedStory {
	body: { text: string; line: number };
	facts: StoryFacts;
}

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
