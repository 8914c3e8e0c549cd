import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { TestProject } from 'vitest/node';
import { contentDir } from '../src/utils/content-dir';
import { writeTestContent } from './helpers/test-content';

declare module 'vitest' {
	export interface ProvidedContext {
		/** The absolute path of the site built for this test run; empty when the run has no built-site tests. */
		builtSiteDir: string;
		/** The content folder that site was built from (see below); empty when the run has no built-site tests. */
		builtContentDir: string;
	}
}

/** The folders of the tests that read the built site: as parsed HTML, and in a browser. */
const BUILT_SITE_TESTS = [`${sep}tests${sep}build${sep}`, `${sep}tests${sep}browser${sep}`];

/**
 * Builds the site once per test run, before any test file runs, and hands the output folder to tests through
 * `inject('builtSiteDir')`. A build error fails the run, which is right: the site is broken.
 *
 * Each run builds into its own folder under `.tmp/` (gitignored), with its own content cache, and removes it when
 * the run ends, so runs started at the same time in one checkout do not delete or overwrite each other's site.
 * A run whose files include no built-site or browser test (e.g. `vitest run tests/plugins`) skips the build.
 *
 * The site is built from a content folder of its own, `<run>/content`, handed to tests through
 * `inject('builtContentDir')` (tests/helpers/built-site.ts reads the content there): the content folder, the tests'
 * own explainer (tests/fixtures/test-build/, so every feature tested is on some page whatever content/ holds) and a
 * later copy of every explainer under another slug and headline (tests/helpers/test-content.ts). The copies make
 * every built-site and browser test run on several explainers sharing actors, topics and places, so a test that
 * assumes one explainer is the only one fails now, not when editors add the next story. `CONTENT_DIR` points the
 * build at the folder and is put back as it was afterwards, so the test files (run in workers started later) see
 * the environment the run was started with.
 */
export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
	const root = resolve(project.config.root);
	if (!(await runIncludesBuiltSiteTests(project))) {
		project.provide('builtSiteDir', '');
		project.provide('builtContentDir', '');
		return undefined;
	}
	await mkdir(join(root, '.tmp'), { recursive: true });
	const runDir = await mkdtemp(join(root, '.tmp', 'test-dist-'));
	const outDir = join(runDir, 'dist');
	const content = join(runDir, 'content');
	const build = await astroBuild();
	const contentDirBefore = process.env['CONTENT_DIR'];
	try {
		writeTestContent(contentDir(), content);
		process.env['CONTENT_DIR'] = content;
		await build({ root, outDir, cacheDir: join(runDir, 'cache'), logLevel: 'warn', mode: 'production' });
	} catch (error) {
		await rm(runDir, { recursive: true, force: true });
		throw error;
	} finally {
		if (contentDirBefore === undefined) delete process.env['CONTENT_DIR'];
		else process.env['CONTENT_DIR'] = contentDirBefore;
	}
	project.provide('builtSiteDir', outDir);
	project.provide('builtContentDir', content);
	return () => rm(runDir, { recursive: true, force: true });
}

/**
 * Astro's programmatic `build`. This file runs through the Vite config of `getViteConfig`, which aliases the bare
 * specifier `astro` to Astro's type-only module, so `import { build } from 'astro'` is undefined here: the
 * package's real entry is imported by its file URL instead.
 */
async function astroBuild(): Promise<(typeof import('astro'))['build']> {
	const entry = createRequire(import.meta.url).resolve('astro');
	const astro = (await import(/* @vite-ignore */ pathToFileURL(entry).href)) as typeof import('astro');
	return astro.build;
}

/**
 * Whether the test files of this run include one in `tests/build/` or `tests/browser/`. Vitest does not hand the
 * run's files to a global setup, so this reads the command line's file filters from Vitest (an undocumented field);
 * when they cannot be read, every test file counts and the site is built.
 */
async function runIncludesBuiltSiteTests(project: TestProject): Promise<boolean> {
	const filters = (project.vitest as unknown as { filenamePattern?: unknown }).filenamePattern;
	const usable =
		Array.isArray(filters) && filters.every((filter) => typeof filter === 'string') ? (filters as string[]) : undefined;
	const { testFiles } = await project.globTestFiles(usable);
	return testFiles.some((file) => BUILT_SITE_TESTS.some((folder) => resolve(file).includes(folder)));
}
