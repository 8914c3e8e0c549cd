import { fileURLToPath } from 'node:url';

/**
 * Whether the module of `meta` is the script Node was started with, not an import (a test's). `import.meta.main`
 * says so from Node 24; on an older Node (tsx run straight, outside npm) it is undefined, and the script's path as
 * started tells instead, so a command never silently does nothing.
 */
export function ranAsCommand(meta: { main?: boolean; url: string }, startedScript = process.argv[1]): boolean {
	return meta.main ?? startedScript === fileURLToPath(meta.url);
}
