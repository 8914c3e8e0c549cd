import type { AstroIntegration } from 'astro';
import { existsSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * Builds into a staging folder beside the output folder and swaps it in only when the build has finished, so a
 * failed build leaves the previous `dist/` as it was: nothing half-built is ever deployable.
 */
export default function atomicOutput(): AstroIntegration {
	let finalDir = '';
	let stagingDir = '';
	return {
		name: 'explainer:atomic-output',
		hooks: {
			'astro:config:setup': async ({ config, command, updateConfig }) => {
				if (command !== 'build') return;
				finalDir = fileURLToPath(config.outDir).replace(/[\\/]$/, '');
				stagingDir = `${finalDir}.staging`;
				await rm(stagingDir, { recursive: true, force: true });
				updateConfig({ outDir: pathToFileURL(`${stagingDir}/`) });
			},
			'astro:build:done': async () => {
				const previousDir = `${finalDir}.previous`;
				await rm(previousDir, { recursive: true, force: true });
				if (existsSync(finalDir)) await rename(finalDir, previousDir);
				await rename(stagingDir, finalDir);
				await rm(previousDir, { recursive: true, force: true });
			},
		},
	};
}
