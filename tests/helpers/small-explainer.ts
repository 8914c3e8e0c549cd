import { checkFiles } from '../../src/checks';
import { parseContentFile } from '../../src/checks/content-files';

/** The actor every {@link smallExplainer} lists. */
export const DANA_REYES = 'name: Dana Reyes\nkind: person\nsummary: A spokesperson.\n';

/**
 * A valid explainer at `content/articles/x.mdx` that lists the actor dana-reyes, with `fields` added to its
 * frontmatter and `story` as its story: content of a test's own, small enough to break one field at a time.
 */
export function smallExplainer(fields = '', story = 'Dana Reyes said the talks would resume.'): string {
	return `---
title: Dana Reyes says the talks will resume
dek: An explainer written for the content checks' tests.
published: 2024-01-30T20:00:00Z
sources:
  - name: Wire
topics:
  - Testing
actors:
  - dana-reyes
keyFacts:
  - The talks will resume.
  - Dana Reyes said so.
  - No date is set.
${fields}---

${story}
`;
}

/** The problems the checks find in an explainer's text and actor files (by id), as `field: message`. */
export function problemsOf(explainer: string, actors: Record<string, string> = { 'dana-reyes': DANA_REYES }): string[] {
	const files = [
		parseContentFile('articles', 'content/articles/x.mdx', Buffer.from(explainer)),
		...Object.entries(actors).map(([id, yaml]) =>
			parseContentFile('actors', `content/actors/${id}.yaml`, Buffer.from(yaml)),
		),
	];
	return checkFiles(files).map((problem) => `${problem.field}: ${problem.message}`);
}
