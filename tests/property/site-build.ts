import { execFile } from 'node:child_process';
import { rmSync } from 'node:fs';
import { promisify } from 'node:util';
import { contentCacheDir } from '../../src/utils/content-dir';

const run = promisify(execFile);

/**
 * `astro build` of a content folder into `outDir`, in a process of its own with only the environment a build needs
 * (none of the test runner's), leaving no content cache behind: whether it passed, and what it printed.
 */
export async function buildSite(content: string, outDir: string): Promise<{ ok: boolean; output: string }> {
	const kept = ['PATH', 'HOME', 'LANG', 'TMPDIR'].flatMap((name) => {
		const value = process.env[name];
		return value === undefined ? [] : [[name, value]];
	});
	try {
		const { stdout, stderr } = await run(
			process.execPath,
			['node_modules/astro/bin/astro.mjs', 'build', '--outDir', outDir],
			{
				env: { ...Object.fromEntries(kept), CONTENT_DIR: content, ASTRO_TELEMETRY_DISABLED: '1' },
				maxBuffer: 64 * 1024 * 1024,
			},
		);
		return { ok: true, output: stdout + stderr };
	} catch (error) {
		const failed = error as { stdout?: string; stderr?: string; message: string };
		return { ok: false, output: `${failed.stdout ?? ''}${failed.stderr ?? ''}` || failed.message };
	} finally {
		rmSync(contentCacheDir(content) ?? content, { recursive: true, force: true });
	}
}
