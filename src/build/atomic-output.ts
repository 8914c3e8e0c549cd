import type { AstroIntegration } from 'astro';
import { existsSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * Builds into a staging folder beside the output folder and swaps it in only when the build has finished, so a
 * failed build leaves the previous `dist/` as it was: nothing half-built is ever deployable. The output it replaces
 * stays as `dist.previous/` until the next build, which removes it while it compiles rather than after its pages,
 * when every second is waited for.
 */
export default function atomicOutput(): AstroIntegration {
	let finalDir = '';
	let stagingDir = '';
	let previousDir = '';
	let removingPrevious: Promise<void> | undefined;
	return {
		name: 'explainer:atomic-output',
		hooks: {
			'astro:config:setup': async ({ config, command, updateConfig }) => {
				if (command !== 'build') return;
				finalDir = fileURLToPath(config.outDir).replace(/[\\/]$/, '');
				stagingDir = `${finalDir}.staging`;
				previousDir = `${finalDir}.previous`;
				removingPrevious = rm(previousDir, { recursive: true, force: true });
				// Awaited in astro:build:done, which reports its failure; until then it is not an unhandled rejection.
				removingPrevious.catch(() => undefined);
				await rm(stagingDir, { recursive: true, force: true });
				updateConfig({ outDir: pathToFileURL(`${stagingDir}/`) });
			},
			'astro:build:done': async () => {
				await removingPrevious;
				if (existsSync(finalDir)) await rename(finalDir, previousDir);
				await rename(stagingDir, finalDir);
			},
		},
	};
}
