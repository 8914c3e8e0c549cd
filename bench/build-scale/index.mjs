// Build time and memory at newsroom scale, against bare Astro. For each N it generates N synthetic explainers
// (bench/build-scale/generate.ts) into .tmp/, builds this site on them and a bare Astro + MDX + remark-gfm site
// (bench/build-scale/bare/) on the same bodies, and prints wall and CPU seconds, peak RSS, the ms each further
// explainer costs (the slope between the two largest N) and the ratio ours / bare. After the largest N it edits
// one explainer and builds again with the caches of the first build (content layer, share images).
//
//   npm run bench:build-scale                          N = 1, 100, 1000
//   npm run bench:build-scale -- --sizes 10,50         other sizes
//   npm run bench:build-scale -- --no-rebuild          skip the one-edit rebuild
//   npm run bench:build-scale -- --keep                keep .tmp/build-scale-*/ (content, builds) for a look
//
// Each build runs in its own process under GNU time (/usr/bin/time), which reports the process's CPU time and
// peak resident memory, its children included (Pagefind's indexer). Nothing is written to content/ or dist/.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { writeContent } from './generate.ts';

const root = resolve(import.meta.dirname, '../..');
const bareRoot = join(import.meta.dirname, 'bare');
const buildScript = join(import.meta.dirname, 'astro-build.mjs');
const TIME = '/usr/bin/time';

const { values: options } = parseArgs({
	options: {
		sizes: { type: 'string', default: '1,100,1000' },
		keep: { type: 'boolean', default: false },
		'no-rebuild': { type: 'boolean', default: false },
	},
});
const sizes = (options.sizes ?? '')
	.split(',')
	.map((size) => Number.parseInt(size, 10))
	.filter((size) => size > 0)
	.sort((a, b) => a - b);
if (sizes.length === 0) throw new Error('--sizes takes a list of explainer counts, e.g. 1,100,1000');
if (!existsSync(TIME)) throw new Error(`${TIME} (GNU time) is needed to measure CPU and memory: apt-get install time`);

mkdirSync(join(root, '.tmp'), { recursive: true });
const work = mkdtempSync(join(root, '.tmp', 'build-scale-'));
const loads = [];
const results = [];

try {
	for (const n of sizes) {
		const content = join(work, `content-${n}`);
		writeContent(content, { articles: n });
		// The bare site first, then ours: each N pays the same cold file-system cache for the generated files.
		const bare = await measure('bare', n, bareRoot, content);
		const ours = await measure('ours', n, root, content);
		results.push({ n, ours, bare, ratio: ours.wall / bare.wall });
		console.log(
			`N = ${n}: ours ${ours.wall.toFixed(1)} s (${ours.pages} pages), bare ${bare.wall.toFixed(1)} s (${bare.pages} pages), ratio ${(ours.wall / bare.wall).toFixed(2)}`,
		);
	}

	let rebuild;
	if (!options['no-rebuild']) {
		const n = sizes.at(-1) ?? 1;
		const content = join(work, `content-${n}`);
		const edited = editOneExplainer(join(content, 'articles'));
		rebuild = {
			n,
			edited,
			ours: await measure('ours', n, root, content),
			bare: await measure('bare', n, bareRoot, content),
		};
		console.log(
			`Rebuild of N = ${n} after editing ${edited}: ours ${rebuild.ours.wall.toFixed(1)} s, bare ${rebuild.bare.wall.toFixed(1)} s`,
		);
	}

	const report = { date: new Date().toISOString(), machine: machine(), results, rebuild };
	const out = join(root, 'test-results', 'build-scale');
	mkdirSync(out, { recursive: true });
	writeFileSync(join(out, 'results.json'), JSON.stringify(report, null, '\t'));
	console.log(`\n${table(results, rebuild)}\n`);
	console.log(
		`Machine: ${report.machine.cores} cores (${report.machine.cpu}), ${report.machine.memoryGb} GB; load average ` +
			`${report.machine.load.min.toFixed(1)} to ${report.machine.load.max.toFixed(1)} during the builds (shared machines vary).`,
	);
	console.log(`Full figures: ${join('test-results', 'build-scale', 'results.json')}`);
} finally {
	if (!options.keep) rmSync(work, { recursive: true, force: true });
	else console.log(`Kept ${work}`);
}

/**
 * Builds one site in a child process under GNU time. A build of the same site and N reuses its caches (the
 * content layer's data store, our share images and maps): the first build of each is cold, a second one incremental.
 */
async function measure(site, n, siteRoot, content) {
	const dir = join(work, `${site}-${n}`);
	const outDir = join(dir, 'dist');
	const timing = join(dir, 'time.txt');
	mkdirSync(dir, { recursive: true });
	const env = {
		...process.env,
		CONTENT_DIR: content,
		SHARE_IMAGE_CACHE: join(dir, 'share-images'),
		LOCATOR_MAP_CACHE: join(dir, 'locator-maps'),
	};
	const sampler = setInterval(() => loads.push(loadavg()[0] ?? 0), 5_000);
	const started = performance.now();
	try {
		await run(
			TIME,
			['-f', '%e %U %S %M', '-o', timing, process.execPath, buildScript, siteRoot, outDir, join(dir, 'cache')],
			{
				cwd: siteRoot,
				env,
			},
		);
	} finally {
		clearInterval(sampler);
	}
	loads.push(loadavg()[0] ?? 0);
	const [elapsed, user, system, maxRssKb] = readFileSync(timing, 'utf8')
		.trim()
		.split('\n')
		.at(-1)
		.split(' ')
		.map(Number);
	return {
		wall: elapsed || (performance.now() - started) / 1000,
		cpu: user + system,
		peakRssMb: maxRssKb / 1024,
		pages: countPages(outDir),
	};
}

function run(command, args, options) {
	return new Promise((done, fail) => {
		const child = spawn(command, args, { ...options, stdio: ['ignore', 'inherit', 'inherit'] });
		child.on('error', fail);
		child.on('exit', (code) =>
			code === 0 ? done() : fail(new Error(`${args.slice(4).join(' ')} exited with ${code}`)),
		);
	});
}

function countPages(dir) {
	if (!existsSync(dir)) return 0;
	return readdirSync(dir, { recursive: true }).filter((file) => String(file).endsWith('.html')).length;
}

/** Rewords one sentence of the middle explainer, as an editor's fix would: its text changes, nothing else. */
function editOneExplainer(articlesDir) {
	const files = readdirSync(articlesDir).sort();
	const file = files[Math.floor(files.length / 2)];
	const path = join(articlesDir, file);
	writeFileSync(path, `${readFileSync(path, 'utf8')}\nThis explainer was updated with a correction of one sentence.\n`);
	return file;
}

function machine() {
	return {
		cores: availableParallelism(),
		cpu: cpus()[0]?.model ?? 'unknown CPU',
		memoryGb: Math.round(totalmem() / 2 ** 30),
		node: process.version,
		load: { min: Math.min(...loads), max: Math.max(...loads), mean: loads.reduce((a, b) => a + b, 0) / loads.length },
	};
}

function table(rows, rebuild) {
	const seconds = (value) => value.toFixed(1);
	const mb = (value) => `${Math.round(value)} MB`;
	const slope = (site) => {
		const [a, b] = rows.slice(-2);
		return a && b && b.n > a.n ? `${Math.round(((b[site].wall - a[site].wall) / (b.n - a.n)) * 1000)}` : '–';
	};
	const lines = [
		'| N | Pages (ours / bare) | Ours: wall s | CPU s | Peak RSS | Bare: wall s | CPU s | Peak RSS | Ratio ours / bare |',
		'| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
		...rows.map(
			({ n, ours, bare, ratio }) =>
				`| ${n} | ${ours.pages} / ${bare.pages} | ${seconds(ours.wall)} | ${seconds(ours.cpu)} | ${mb(ours.peakRssMb)} | ` +
				`${seconds(bare.wall)} | ${seconds(bare.cpu)} | ${mb(bare.peakRssMb)} | ${ratio.toFixed(2)} |`,
		),
	];
	if (rebuild) {
		lines.push(
			`| ${rebuild.n}, one explainer edited | – | ${seconds(rebuild.ours.wall)} | ${seconds(rebuild.ours.cpu)} | ${mb(rebuild.ours.peakRssMb)} | ` +
				`${seconds(rebuild.bare.wall)} | ${seconds(rebuild.bare.cpu)} | ${mb(rebuild.bare.peakRssMb)} | ${(rebuild.ours.wall / rebuild.bare.wall).toFixed(2)} |`,
		);
	}
	lines.push(
		'',
		`Each further explainer (slope between the two largest N): ours ${slope('ours')} ms, bare ${slope('bare')} ms.`,
	);
	return lines.join('\n');
}
