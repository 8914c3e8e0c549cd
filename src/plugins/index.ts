import type { RemarkPlugins } from '@astrojs/markdown-remark';
import remarkGfm from 'remark-gfm';
import remarkActorMentions, { type RemarkActorMentionsOptions } from './remark-actor-mentions';
import remarkReadingTime from './remark-reading-time';

/**
 * The remark plugins every explainer body goes through, in order. remark-gfm is the one GFM implementation:
 * the processor's own GFM must be off (`gfm: false`) so tables and footnotes are not parsed twice.
 */
export function explainerRemarkPlugins(actors: RemarkActorMentionsOptions['actors']): RemarkPlugins {
	return [remarkGfm, [remarkActorMentions, { actors }], remarkReadingTime];
}
