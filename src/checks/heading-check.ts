import { OWN_FILE, problemAtPosition, scoped } from './check';
import { pageAnchors } from './page-anchors';
import type { Problem } from './problem';
import { nothingRead } from './story-facts/facts';

/** The anchors of a story's mentions and their cards, which the page makes as it renders: `mention-iran-1-card`. */
const MENTION_ANCHOR = /^mention-.+-\d+(?:-card)?$/;

const marks = (depth: number) => '#'.repeat(depth);

/**
 * A story's headings are parts of the page's section "The story" (remark-story-heading-levels.ts makes `##` an
 * `<h3>` under it): they start at `##` (the headline is the page's one `#`), go down one level at a time for screen
 * readers' outline, and take none of the anchors of the page's own sections, where links and the contents go.
 */
export const headingCheck = scoped(OWN_FILE, ({ articles, storyFacts }) =>
	articles.flatMap((file): Problem[] => {
		const facts = storyFacts(file);
		if (!facts || nothingRead(facts)) return [];
		// A heading in a paragraph MDX could not read is not among them: levels may seem skipped that are not.
		const levelsKnown = facts.syntaxErrors === undefined;
		const owners = pageAnchors(file);
		let above = 1;
		const lines = file.text.split('\n');
		return facts.headings.flatMap(({ depth, text, slug, ...at }): Problem[] => {
			// A heading underlined with `===` or `---` (Markdown's other way to write `#` and `##`) is quoted as written.
			const underlined = !(lines[at.line - 1] ?? '').trimStart().startsWith('#');
			const written = underlined
				? `${text}" underlined with "${depth === 1 ? '===' : '---'}`
				: `${marks(depth)} ${text}`;
			const problems: Problem[] = [];
			if (depth === 1) {
				problems.push(
					problemAtPosition(
						file,
						at,
						`"${written}": the headline is the page's one \`#\` heading`,
						`start the story's headings with \`##\`: \`## ${text}\``,
					),
				);
			} else if (levelsKnown && depth > above + 1) {
				const before =
					above === 1 ? 'the story’s headings start at `##`' : `the heading before it is \`${marks(above)}\``;
				problems.push(
					problemAtPosition(
						file,
						at,
						`"${written}" skips a level: ${before}`,
						`write it as \`${marks(above + 1)} ${text}\`: each level is a part of the one above`,
					),
				);
			}
			const owner = owners.get(slug) ?? (MENTION_ANCHOR.test(slug) ? 'a part of the page' : undefined);
			if (owner) {
				problems.push(
					problemAtPosition(
						file,
						at,
						`the heading "${text}" would take the anchor #${slug}, which ${owner} already has`,
						'reword the heading: links to that anchor, and the contents, must keep going where they go',
					),
				);
			}
			above = depth;
			return problems;
		});
	}),
);
