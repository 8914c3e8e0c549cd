import type { Plugin } from 'vite';

/** The one warning every MDX module triggers, harmless (withastro/astro#18087). */
export function isHeadInjectDirectiveWarning(log: { code?: string | undefined; message: string }): boolean {
	return log.code === 'MODULE_LEVEL_DIRECTIVE' && log.message.includes('"use astro:head-inject"');
}

/**
 * Keeps build logs worth reading. Astro marks MDX modules with the directive `"use astro:head-inject"`, and the
 * bundler warns for each that it "may not be preserved": 1000 articles print 1000 warnings and bury real ones.
 * That warning is dropped at its source; every other bundler warning fails a production build, because a
 * warning nobody reads is a bug that ships.
 */
export function buildWarnings(): Plugin {
	let failOnWarning = false;
	return {
		name: 'explainer:build-warnings',
		configResolved(config) {
			failOnWarning = config.command === 'build' && config.mode === 'production';
		},
		onLog(level, log) {
			if (isHeadInjectDirectiveWarning(log)) return false;
			if (failOnWarning && level === 'warn') {
				throw new Error(`Build warning treated as an error: ${log.message}`);
			}
			return undefined;
		},
	};
}
