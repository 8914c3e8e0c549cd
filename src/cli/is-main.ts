import { realpathSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Whether the module at `moduleUrl` is the script node was started with (not imported, e.g. by a test). */
export function isMain(moduleUrl: string): boolean {
	const script = process.argv[1];
	if (!script) return false;
	try {
		return realpathSync(resolve(script)) === realpathSync(fileURLToPath(moduleUrl));
	} catch {
		return false;
	}
}
