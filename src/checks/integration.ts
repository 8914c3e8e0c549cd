import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import type { Plugin } from 'vite';
import { AstroError } from 'astro/errors';
import { fileURLToPath } from 'node:url';
import { contentDir } from '../utils/content-dir';
import { startContentChecks, type CheckedContent, type ContentCheckRun } from '.';
import { handFieldsToAstro } from './fields-read-once';
import { readContentAtStartup } from './incremental';
import { contentError, formatProblem } from './problem';
import type { CompiledStoryFacts } from './story-facts/compiled';

// The build under way's content for the two functions below; rejected when its checks failed.
let checked: PromiseWithResolvers<CheckedContent> | undefined;
let fieldsChecked: PromiseWithResolvers<CheckedContent['files']> | undefined;

/**
 * The content this build checks, once every check passed, stories included, for the integrations that make
 * something of it (the search index): ask in `astro:config:done`, and let it go once used (it holds every file,
 * parsed). Undefined when no content checks run in this build (not a build, or `contentChecks()` missing).
 */
export function checkedContent(): Promise<CheckedContent> | undefined {
	return checked?.promise;
}

/**
 * The content files of this build once their fields passed the checks, before the stories are checked, for what
 * needs only the fields and should start early (the share images): ask in `astro:config:done`.
 */
export function checkedFields(): Promise<CheckedContent['files']> | undefined {
	return fieldsChecked?.promise;
}

/**
 * The content a build's integration took from {@link checkedContent} or {@link checkedFields}, or, when there was
 * none, the error that says `contentChecks()` is missing from the build that `what` needs it for.
 */
export function contentToBuildFrom<Content>(content: Promise<Content> | undefined, what: string): Promise<Content> {
	if (content) return content;
	throw new AstroError(
		`The ${what} have no content to build from: the content checks did not run in this build.`,
		'Register `contentChecks()` before the other build steps (src/build/index.ts).',
	);
}

/**
 * Checks the content before Astro publishes it, because Astro alone publishes pages with unknown references and
 * lets a duplicate slug replace a page. Any error stops `astro build` with every problem listed. The files' fields
 * are checked first, before Astro reads them; the stories when Astro's bundle of the pages has compiled them, from
 * what its compile read of each, before a page renders or a file is written: `storyFacts` is the store given to the
 * remark plugins (`explainerRemarkPlugins` in src/plugins/index.ts; without it, the checks parse every story
 * themselves). When Astro's own MDX compiler stops at a story it cannot parse first, the build still ends with the
 * checks' report, that story's problem and every other at once: the stories the compile did not read are parsed.
 */
export default function contentChecks({ storyFacts }: { storyFacts?: CompiledStoryFacts } = {}): AstroIntegration {
	let run: ContentCheckRun | undefined;
	let logger: AstroIntegrationLogger | undefined;
	/** Where the problems' file paths start from. */
	let projectRoot: string | undefined;
	/** The stories' checks, once asked for by the end of Astro's bundle; rejects with the report when they failed. */
	let storyChecks: Promise<void> | undefined;
	const checkStories = () => {
		if (run) {
			storyChecks = report(run);
			run = undefined;
		}
		return storyChecks;
	};

	const report = async (checks: ContentCheckRun) => {
		const problems = checks.finish();
		const { compiled, parsed } = checks.stories;
		logger?.debug(`stories' facts: ${compiled} from Astro's compile, ${parsed} parsed for the checks`);
		storyFacts?.stop();
		if (problems.some((problem) => problem.severity === 'error')) {
			const error = contentError(
				problems,
				'Fix the files above and build again; `npm run check` lists the same problems without building.',
				projectRoot,
			);
			checked?.reject(error);
			fieldsChecked?.reject(error);
			checked = fieldsChecked = undefined;
			throw error;
		}
		for (const problem of problems) logger?.warn(formatProblem(problem));
		checked?.resolve(checks.content);
		// Let the files go: whoever needed them took them at config done.
		checked = fieldsChecked = undefined;
	};

	return {
		name: 'explainer:content-checks',
		hooks: {
			'astro:config:setup': async ({ config, command, logger: integrationLogger, updateConfig }) => {
				checked = fieldsChecked = undefined;
				storyChecks = undefined;
				storyFacts?.stop();
				// The dev server reads the files before Astro does too: its first request's checks start from them.
				if (command === 'dev')
					handFieldsToAstro(readContentAtStartup(contentDir(), fileURLToPath(config.root)), fileURLToPath(config.root));
				if (command !== 'build') return;
				logger = integrationLogger;
				checked = Promise.withResolvers();
				fieldsChecked = Promise.withResolvers();
				// Whoever waits for the content reports the failure themselves; nobody waiting is not an unhandled rejection.
				checked.promise.catch(() => undefined);
				fieldsChecked.promise.catch(() => undefined);
				updateConfig({ vite: { plugins: [storyChecksGate(checkStories)] } });
				// Astro's compile of each story hands its facts over from now on, for the story checks at the bundle's end.
				storyFacts?.collect();
				projectRoot = fileURLToPath(config.root);
				run = startContentChecks(contentDir(), projectRoot, storyFacts);
				// A broken field stops the build here, before Astro reads the files, with the stories' problems too.
				if (run.dataProblems.some((problem) => problem.severity === 'error')) await report(run);
				// Astro's content loader takes the fields from here rather than parse every file again.
				handFieldsToAstro(run.content.files, projectRoot);
				fieldsChecked.resolve(run.content.files);
			},
		},
	};
}

/**
 * Holds each of Astro's bundles until the stories' checks are done: they start when the bundle has compiled every
 * module (the first bundle to get there starts them), run on the main thread while the bundler's own threads
 * generate its chunks, and must pass before it writes a file, long before a page renders; so a failed check leaves
 * no trace in the output folder. When the bundle failed (Astro's MDX compiler stops at the first story it cannot
 * parse), its error gives way to the checks' report, which has that story's problem and every other.
 */
function storyChecksGate(checkStories: () => Promise<void> | undefined): Plugin {
	return {
		name: 'explainer:story-checks',
		apply: 'build',
		async buildEnd(error) {
			const checks = checkStories();
			if (error) {
				await checks;
				return;
			}
			// Awaited before the bundle is written, which reports the failure.
			checks?.catch(() => undefined);
		},
		// Before any other plugin's generateBundle, which may write files of its own.
		generateBundle: {
			order: 'pre',
			async handler() {
				await checkStories();
			},
		},
	};
}
