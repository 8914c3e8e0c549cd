import type { Plugin } from 'vite';

/**
 * Drops the one warning every MDX module triggers: Astro marks MDX modules with the directive
 * `"use astro:head-inject"`, which the bundler warns it "may not be preserved" (withastro/astro#18087). The
 * directive has done its work by then, so the warning is noise: 1000 articles print 1000 of them and bury real
 * warnings. Every other log, including other MODULE_LEVEL_DIRECTIVE warnings, passes through.
 */
export function quietHeadInjectDirective(): Plugin {
	return {
		name: 'explainer:quiet-head-inject-directive',
		onLog(_level, log) {
			if (log.code === 'MODULE_LEVEL_DIRECTIVE' && log.message.includes('"use astro:head-inject"')) return false;
			return undefined;
		},
	};
}
