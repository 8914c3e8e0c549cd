import type { AstroIntegration } from 'astro';
import { drawnBesideExplainers, type Drawer } from '../build/background-drawing';
import type { CheckedContent } from '../checks';
import { checkedEntries } from '../checks/schema-check';
import { checkedFields, contentToBuildFrom } from '../checks/integration';
import { SHARE_IMAGE_FILE } from '../utils/paths';
import { explainerShareCard, shareImageCache } from './cache';

/** What draws the cards in the background: card.ts, which Node runs as it is. */
const DRAWER: Drawer = { module: new URL('./card.ts', import.meta.url), name: 'renderShareImage' };

/**
 * The explainers' share images (`/explainers/<slug>/share.png`). When Astro starts building, the build lists them from
 * the articles whose fields the content checks passed, and starts drawing the missing ones in a child process at the
 * lowest priority (src/build/background-drawing.ts), so that a cold build draws them on the CPU Astro's compiling and rendering leave idle.
 * Once the pages are built it stops the child and writes every image beside its page from the cache, drawing those
 * the child had not reached. The images skip Astro's pages, whose pipeline costs far more per file than writing it.
 * The dev server draws each on request (route.ts).
 */
export default function shareImages(): AstroIntegration {
	const cards = drawnBesideExplainers('share image', DRAWER, shareImageCache);
	let content: Promise<CheckedContent['files']> | undefined;
	return {
		name: 'explainer:share-images',
		hooks: {
			'astro:config:setup': ({ command, injectRoute }) => {
				if (command === 'dev') {
					injectRoute({ pattern: `/explainers/[slug]/${SHARE_IMAGE_FILE}`, entrypoint: './src/share-image/route.ts' });
				}
			},
			'astro:config:done': () => {
				content = checkedFields();
			},
			// The fields' checks have passed by now (at config setup), so the cards are their articles'.
			'astro:build:start': async ({ logger }) => {
				const files = await contentToBuildFrom(content, 'share images');
				content = undefined;
				const planned = checkedEntries(files, 'articles').map(({ id, data }) => ({
					slug: id,
					name: SHARE_IMAGE_FILE,
					input: explainerShareCard(data),
				}));
				cards.start(planned, logger);
			},
			'astro:build:generated': ({ dir }) => cards.write(dir),
			'astro:build:done': ({ logger }) => cards.done(logger),
		},
	};
}
