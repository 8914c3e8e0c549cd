import { OWN_FILE, problemAtPosition, scoped, sourceAt } from './check';
import { pageAnchors } from './page-anchors';
import { shorten, type Problem } from './problem';
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
		// `##Why it matters`: Markdown reads a heading only with a space after its `#`s, and shows this as text.
		const unmade = facts.blockTexts.flatMap(({ value, line, column }): Problem[] => {
			const marked = /^(#{2,6})([^\s#].*)$/.exec(value.split('\n')[0] ?? '');
			if (!marked || sourceAt(file, { line, column }) !== '#') return [];
			return [
				problemAtPosition(
					file,
					{ line, column },
					`"${shorten(marked[0])}" shows as text, not a heading: a heading has a space after its \`${marked[1]}\``,
					`write \`${marked[1]} ${shorten(marked[2] ?? '')}\``,
				),
			];
		});
		const headed = facts.headings.flatMap(({ depth, text, slug, underlined, ...at }): Problem[] => {
			const written = `${marks(depth)} ${text}`;
			const problems: Problem[] = [];
			const report = (message: string, hint: string) => problems.push(problemAtPosition(file, at, message, hint));
			if (slug === '') {
				report(
					text.trim() === ''
						? `"${marks(depth)}" is a heading with no words`
						: `the heading "${text}" has no letter or digit to make its anchor from`,
					'write the heading’s words after the `#`s, or delete the line',
				);
			}
			if (underlined) {
				report(
					`"${text}" is a heading: the line of \`${depth === 1 ? '===' : '---'}\` right under it makes it one`,
					depth === 1
						? `write the heading as \`## ${text}\``
						: `for a heading write \`## ${text}\`; for a dividing line, leave a blank line above the \`---\``,
				);
			} else if (depth === 1) {
				report(
					`"${written}": the headline is the page's one \`#\` heading`,
					`start the story's headings with \`##\`: \`## ${text}\``,
				);
			} else if (levelsKnown && depth > above + 1) {
				const before =
					above === 1 ? 'the story’s headings start at `##`' : `the heading before it is \`${marks(above)}\``;
				report(
					`"${written}" skips a level: ${before}`,
					`write it as \`${marks(above + 1)} ${text}\`: each level is a part of the one above`,
				);
			}
			const owner = owners.get(slug) ?? (MENTION_ANCHOR.test(slug) ? 'a part of the page' : undefined);
			if (owner) {
				report(
					`the heading "${text}" would take the anchor #${slug}, which ${owner} already has`,
					'reword the heading: links to that anchor, and the contents, must keep going where they go',
				);
			}
			above = depth;
			return problems;
		});
		return [...unmade, ...headed];
	}),
);
