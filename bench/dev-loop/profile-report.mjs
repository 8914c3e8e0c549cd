// What the dev server spent its main thread's time on, step by step, from a `npm run bench:dev-loop -- --profile`
// run: for each server (cold start and warm restart of each N) and each step the bench timed (the start to the first
// page, each edit until the page showed it), the CPU time in the parts of the site and of Astro that matter for
// the editor's loop, then the functions that took the most (inclusive) time.
//
//   node bench/dev-loop/profile-report.mjs                   the last run (.tmp/dev-loop/results.json)
//   node bench/dev-loop/profile-report.mjs --top 30          more functions per step
//   node bench/dev-loop/profile-report.mjs --step "actor"    only the steps whose name has this text
//
// Times are of samples in the step's window (the profiler samples the thread every ~1 ms); a sample counts for
// every part whose code is on its stack, so the parts overlap (the checks run inside the middleware, inside the
// request).
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const out = resolve(import.meta.dirname, '../../.tmp/dev-loop');
const { values: options } = parseArgs({
	options: { top: { type: 'string', default: '15' }, step: { type: 'string', default: '' } },
});
const top = Number(options.top) || 15;

/** The parts of the loop, by where their code is. */
const PARTS = [
	[
		'content checks (src/checks/, src/middleware.ts)',
		(url) => url.includes('/src/checks/') || url.endsWith('/src/middleware.ts'),
	],
	['actor names for mentions (src/mentions/actor-names.ts)', (url) => url.endsWith('/src/mentions/actor-names.ts')],
	[
		'our remark plugins (src/plugins/, src/mentions/)',
		(url) => url.includes('/src/plugins/') || url.endsWith('/src/mentions/remark-actor-mentions.ts'),
	],
	['MDX compile (@mdx-js/, micromark)', (url) => url.includes('/@mdx-js/') || url.includes('/micromark')],
	['content layer (astro/dist/content/)', (url) => url.includes('/astro/dist/content/')],
	['YAML (yaml, js-yaml)', (url) => url.includes('/node_modules/yaml/') || url.includes('/node_modules/js-yaml/')],
	['devalue (the data store’s format)', (url) => url.includes('/node_modules/devalue/')],
	['page rendering (astro/dist/runtime/)', (url) => url.includes('/astro/dist/runtime/')],
	[
		'our pages and components (src/pages, components, layouts, utils, mentions)',
		(url) => /\/src\/(pages|components|layouts|utils|actors|mentions)\//.test(url),
	],
	['Vite', (url) => url.includes('/node_modules/vite/')],
];

const report = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8'));
for (const result of report.results) {
	for (const [name, marks] of Object.entries(result.marks ?? {})) {
		const profile = mainThreadProfile(name);
		if (!profile) {
			console.log(`N = ${result.n}, ${name}: no profile (run the bench with --profile)`);
			continue;
		}
		const samples = indexSamples(profile);
		for (const mark of marks) {
			if (mark.to === undefined || !mark.step.includes(options.step)) continue;
			console.log(`\nN = ${result.n}, ${name}, ${mark.step}: ${ms(mark.to - mark.from)} wall`);
			describe(samples, mark.from, mark.to);
		}
	}
}

/** The main thread's profile of the server `name` (Node names it CPU.<date>.<time>.<pid>.<thread>.<n>). */
function mainThreadProfile(name) {
	let files;
	try {
		files = readdirSync(join(out, 'profiles', name)).filter((file) =>
			/^CPU\.\d+\.\d+\.\d+\.0\.\d+\.cpuprofile$/.test(file),
		);
	} catch {
		return undefined;
	}
	const file = files.sort().at(-1);
	return file ? JSON.parse(readFileSync(join(out, 'profiles', name, file), 'utf8')) : undefined;
}

/** Each sample's time and stack (leaf first), once. */
function indexSamples(profile) {
	const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
	const parent = new Map();
	for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
	const stacks = new Map();
	const stackOf = (id) => {
		let stack = stacks.get(id);
		if (!stack) {
			stack = [];
			for (let at = id; at !== undefined; at = parent.get(at)) stack.push(nodes.get(at).callFrame);
			stacks.set(id, stack);
		}
		return stack;
	};
	const samples = [];
	let time = profile.startTime;
	for (let i = 0; i < profile.samples.length; i++) {
		time += profile.timeDeltas[i] ?? 0;
		const next = profile.timeDeltas[i + 1] ?? 0;
		samples.push({ time, weight: next, stack: stackOf(profile.samples[i]) });
	}
	return samples;
}

function describe(samples, from, to) {
	let busy = 0;
	let gc = 0;
	const parts = new Map();
	const functions = new Map();
	for (const sample of samples) {
		if (sample.time < from || sample.time > to) continue;
		const leaf = sample.stack[0];
		if (leaf.functionName === '(idle)' || leaf.functionName === '(program)') continue;
		busy += sample.weight;
		if (leaf.functionName === '(garbage collector)') gc += sample.weight;
		for (const [part, matches] of PARTS) {
			if (sample.stack.some((frame) => matches(frame.url))) parts.set(part, (parts.get(part) ?? 0) + sample.weight);
		}
		const seen = new Set();
		for (const frame of sample.stack) {
			if (!frame.url || frame.url.startsWith('node:')) continue;
			const key = `${frame.functionName || '(anonymous)'} ${shortUrl(frame.url)}:${frame.lineNumber + 1}`;
			if (seen.has(key)) continue;
			seen.add(key);
			functions.set(key, (functions.get(key) ?? 0) + sample.weight);
		}
	}
	console.log(`  main thread busy ${ms(busy)} (garbage collection ${ms(gc)})`);
	for (const [part, time] of [...parts].sort((a, b) => b[1] - a[1])) console.log(`  ${ms(time).padStart(9)}  ${part}`);
	console.log('  functions (inclusive):');
	for (const [key, time] of [...functions].sort((a, b) => b[1] - a[1]).slice(0, top)) {
		console.log(`  ${ms(time).padStart(9)}  ${key}`);
	}
}

function shortUrl(url) {
	return url
		.replace(/^file:\/\//, '')
		.replace(/^.*\/node_modules\//, '')
		.replace(/^.*?\/src\//, 'src/');
}

function ms(us) {
	return `${Math.round(us / 1000)} ms`;
}
