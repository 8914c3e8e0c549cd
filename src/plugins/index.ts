import type { RemarkPlugins } from '@astrojs/markdown-remark';
import remarkGfm from 'remark-gfm';
import remarkActorMentions, { type RemarkActorMentionsOptions } from './remark-actor-mentions';
import remarkReadingTime from './remark-reading-time';
import remarkSmartPunctuation from './remark-smart-punctuation';

/**
 * The processor's own features this plugin list replaces, so they must be off: remark-gfm is the one GFM
 * implementation (tables and footnotes are not parsed twice), and remark-smart-punctuation is a faster SmartyPants.
 */
export const REPLACED_PROCESSOR_FEATURES = { gfm: false, smartypants: false } as const;

/**
 * The remark plugins every explainer body goes through, in order: typographic punctuation first, where Astro
 * runs its own, so the mention plugin sees the curly quotes; then GFM, mentions, reading time.
 */
export function explainerRemarkPlugins(actors: RemarkActorMentionsOptions['actors']): RemarkPlugins {
	return [remarkSmartPunctuation, remarkGfm, [remarkActorMentions, { actors }], remarkReadingTime];
}
