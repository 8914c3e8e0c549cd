import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import remarkStoryHeadingLevels from '../../src/plugins/remark-story-heading-levels';

const fixtures = new URL('./fixtures/remark-story-heading-levels/', import.meta.url);

/** Renders Markdown with Astro's processor and the plugin, as the site's story pipeline runs it (last). */
async function renderMarkdown(markdown: string) {
	const processor = await createMarkdownProcessor({
		syntaxHighlight: false,
		remarkPlugins: [remarkStoryHeadingLevels],
	});
	return (await processor.render(markdown)).code;
}

describe('remarkStoryHeadingLevels', () => {
	test.each(readdirSync(fixtures))('%s', async (name) => {
		const html = await renderMarkdown(readFileSync(new URL(`${name}/input.md`, fixtures), 'utf8'));
		const expectedFile = new URL(`${name}/output.html`, fixtures);
		if (process.env['UPDATE_FIXTURES']) writeFileSync(expectedFile, html + '\n');
		expect(html + '\n').toBe(readFileSync(expectedFile, 'utf8'));
	});
});
