import type { RemarkPlugins } from '@astrojs/markdown-remark';
import remarkGfm from 'remark-gfm';
import type { CompiledStoryFacts } from '../checks/story-facts/compiled';
import remarkActorMentions, { type RemarkActorMentionsOptions } from '../mentions/remark-actor-mentions';
import remarkReadingTime from './remark-reading-time';
import remarkSmartPunctuation from './remark-smart-punctuation';
import remarkStoryFacts from './remark-story-facts';
import remarkStoryHeadingLevels from './remark-story-heading-levels';

/**
 * The processor's own features this plugin list replaces, so they must be off: remark-gfm is the one GFM
 * implementation (tables and footnotes are not parsed twice), and remark-smart-punctuation is a faster SmartyPants.
 */
export const REPLACED_PROCESSOR_FEATURES = { gfm: false, smartypants: false } as const;

/**
 * The remark plugins every explainer body goes through, in order: with `storyFacts`, the story's facts for the
 * build's content checks first, from the tree as MDX parsed it; then typographic punctuation, where Astro runs its
 * own, so the mention plugin sees the curly quotes; then GFM, mentions, reading time, and the headings one level
 * down, under the page's own.
 */
export function explainerRemarkPlugins(
	actors: RemarkActorMentionsOptions['actors'],
	storyFacts?: CompiledStoryFacts,
): RemarkPlugins {
	const facts: RemarkPlugins = storyFacts ? [[remarkStoryFacts, { store: storyFacts }]] : [];
	return [
		...facts,
		remarkSmartPunctuation,
		remarkGfm,
		[remarkActorMentions, { actors }],
		remarkReadingTime,
		remarkStoryHeadingLevels,
	];
}
