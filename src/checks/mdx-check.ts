import { MENTION_ELEMENT } from '../mentions/remark-actor-mentions';
import { OWN_FILE, problemAtPosition, scoped } from './check';
import type { ContentFile, Position } from './content-files';
import type { Problem } from './problem';
import type { StoryFacts } from './story-facts/facts';
import { unclosedFence } from './story-facts/fences';
import { MAX_BODY_BYTES } from './story-facts/parse';

/** MDX that would not compile or render: syntax errors, missing imports, unknown components, empty bodies. */
export const mdxCheck = scoped(OWN_FILE, ({ articles, storyFacts }) =>
	articles.flatMap((file): Problem[] => {
		const body = file.body;
		// The story is read even when the frontmatter is not: both are reported at once.
		if (!body) return [];
		const problem = (at: Position, message: string, hint: string) => [problemAtPosition(file, at, message, hint)];
		const bytes = Buffer.byteLength(body.text);
		if (bytes > MAX_BODY_BYTES) {
			return problem(
				{ line: body.line, column: 1 },
				`the story is ${Math.round(bytes / 1000)} kB, more than the ${MAX_BODY_BYTES / 1000} kB an explainer may be`,
				'split it into several explainers, or check that nothing was pasted twice',
			);
		}
		if (body.text.trim() === '') {
			return problem(
				{ line: body.line, column: 1 },
				'the article has frontmatter but no story',
				'write the story below the closing `---`; an empty page is never published',
			);
		}
		const facts = storyFacts(file);
		if (!facts) return [];
		const syntaxProblems = (facts.syntaxErrors ?? []).map((error) =>
			problemAtPosition(
				file,
				error,
				`MDX syntax error: ${error.message}`,
				error.hint ?? 'a `<` or `{` in text must be escaped as `\\<` or `\\{`; every tag must be closed',
			),
		);
		const fence = unclosedFence(body);
		const fenceProblems = fence
			? problem(
					fence,
					'this code fence is never closed, so all of the story after it would show as code',
					'add a line with the same fence (```) where the code ends',
				)
			: [];
		return [...syntaxProblems, ...fenceProblems, ...componentProblems(file, facts), ...imageProblems(file, facts)];
	}),
);

/**
 * Capitalised JSX elements (but <Mention>, the mention plugin's) fail only when the page renders. The site gives
 * stories no other component, and a story imports nothing, so the fix is the text without the tags.
 */
function componentProblems(file: ContentFile, facts: StoryFacts): Problem[] {
	return facts.elements.flatMap(({ name, line, column }): Problem[] => {
		if (!/^[A-Z]/.test(name) || name === MENTION_ELEMENT) return [];
		return [
			problemAtPosition(
				file,
				{ line, column },
				`there is no <${name}> component for stories: the only one is <${MENTION_ELEMENT}>`,
				`delete the <${name}> tags and keep the words between them, in **bold** or _italic_ if they should stand ` +
					`out; to link an actor, write <${MENTION_ELEMENT} actor="id">…</${MENTION_ELEMENT}>`,
			),
		];
	});
}

/**
 * Markdown images: a photo or graphic goes in `figures`, where it must have alt text, a caption and a credit; in the
 * story it would have none of them, and one from another site would be a request to a third party.
 */
function imageProblems(file: ContentFile, facts: StoryFacts): Problem[] {
	return facts.images.map((image) =>
		problemAtPosition(
			file,
			image,
			'a story may not show images: a photo or a graphic goes in `figures`',
			'remove it here and add it to `figures` with its `image` (a file beside the story), `alt`, `caption` and `credit`',
		),
	);
}
