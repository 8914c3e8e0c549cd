// The editor's loop in `astro dev`, at newsroom scale. For each N it generates N synthetic explainers
// (bench/build-scale/generate.ts) into .tmp/, starts `astro dev` on them with CONTENT_DIR on a free port, as an
// editor runs it, and measures, by polling the HTML of one explainer page (the middle one) every 25 ms:
//
//   first page     from starting the server to that page's first answer (200), on a folder it never read (cold:
//                  empty content data store, no story compiled); then, once the edits below are done, again after a
//                  restart on the same folder (warm: the data store and the caches of the first start)
//   idle render    one request for the page when nothing changed: the floor of every figure below
//   story edit     from saving a changed sentence in the story to the page's HTML showing it
//   actor edit     from saving an actor's changed summary and role title to the page showing both in the actor's
//                  glossary entry AND in its first mention card
//   error          from saving a broken field (an unknown actor id added to the story's `actors`) to the page
//                  answering with the error (Astro's error page, status 500, whose overlay names the problem)
//   recovery       from saving the fixed file to the page answering 200 again, with the story's text
//
// Each edit is made three times (`--runs`), each with text of its own, and the median is reported. Between two
// edits the bench waits a moment (`--settle`) so that what one save set off is over before the next.
//
// Polling asks for the page all the time, so the server also renders stale pages while it works on the save: at
// N = 1000 a render takes longer than the interval. With `--browser` an edit is measured as an editor's open page
// sees it: the bench listens on the dev server's HMR socket, as the page's Vite client does, and asks for the page
// when the server tells open pages to reload (and once a second without such a message, as an editor would).
//
//   npm run bench:dev-loop                              N = 1, 100, 1000 (about 5 minutes on the machine of
//                                                       docs/performance.md)
//   npm run bench:dev-loop -- --sizes 1,100             other sizes
//   npm run bench:dev-loop -- --runs 5 --interval 10    more edits of each kind; a shorter polling interval
//   npm run bench:dev-loop -- --no-restart              skip the warm restart
//   npm run bench:dev-loop -- --browser                 edits seen as an open page sees them (above)
//   npm run bench:dev-loop -- --keep                    keep the generated content and the servers' logs
//   npm run bench:dev-loop -- --root ../other-checkout  measure another checkout of the site (same content)
//   npm run bench:dev-loop -- --work /tmp               generate the content there instead of in .tmp/dev-loop/
//   npm run bench:dev-loop -- --profile                 CPU profiles of the servers' main threads, in
//                                                       .tmp/dev-loop/profiles/; bench/dev-loop/profile-report.mjs
//                                                       says what each start and edit spent its time on
//
// It prints a table and writes every figure (each edit's time, the servers' logs' tails) to
// .tmp/dev-loop/results.json. Nothing is written to content/. The dev server keeps its content data store in the
// project's .astro/, as `npm run dev` does (Astro puts it there in dev, whatever the cache folder), so a
// `npm run dev` run meanwhile on another folder would share it: run the bench alone.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { load } from 'cheerio';
import { parse, stringify } from 'yaml';
import { contentCacheDir } from '../../src/utils/content-dir.ts';
import { editorEnvironment } from '../../tests/helpers/dev-server.ts';
import { writeContent } from '../build-scale/generate.ts';

const benchRoot = resolve(import.meta.dirname, '../..');

const { values: options } = parseArgs({
	options: {
		sizes: { type: 'string', default: '1,100,1000' },
		runs: { type: 'string', default: '3' },
		interval: { type: 'string', default: '25' },
		settle: { type: 'string', default: '1000' },
		timeout: { type: 'string', default: '120' },
		root: { type: 'string' },
		work: { type: 'string' },
		'no-restart': { type: 'boolean', default: false },
		profile: { type: 'boolean', default: false },
		keep: { type: 'boolean', default: false },
		browser: { type: 'boolean', default: false },
	},
});
const sizes = (options.sizes ?? '')
	.split(',')
	.map((size) => Number.parseInt(size, 10))
	.filter((size) => size > 0)
	.sort((a, b) => a - b);
if (sizes.length === 0) throw new Error('--sizes takes a list of explainer counts, e.g. 1,100,1000');
const positive = (value, name) => {
	const number = Number(value);
	if (!(number > 0)) throw new Error(`--${name} takes a positive number, not ${value}`);
	return number;
};
const runs = Math.round(positive(options.runs, 'runs'));
const interval = positive(options.interval, 'interval');
const settle = positive(options.settle, 'settle');
const timeout = positive(options.timeout, 'timeout') * 1000;
/** With `--browser`: how long an editor waits for the page to reload by itself before reloading it. */
const RELOAD_BY_HAND_MS = 1_000;
/** The site measured: this checkout, or another one given by `--root`. */
const siteRoot = resolve(options.root ?? benchRoot);

const out = join(benchRoot, '.tmp', 'dev-loop');
mkdirSync(out, { recursive: true });
/** Where the content is generated: in .tmp/dev-loop/, or under `--work`. */
const workParent = resolve(options.work ?? out);
mkdirSync(workParent, { recursive: true });
const work = mkdtempSync(join(workParent, 'run-'));
if (options.profile) rmSync(join(out, 'profiles'), { recursive: true, force: true });
const loads = [];
const results = [];
const sampler = setInterval(() => loads.push(loadavg()[0] ?? 0), 5_000);

try {
	for (const n of sizes) {
		const result = await measureSize(n);
		results.push(result);
		console.log(`N = ${n}: ${summary(result)}`);
	}
} finally {
	clearInterval(sampler);
	if (!options.keep) rmSync(work, { recursive: true, force: true });
	else console.log(`Kept ${work}`);
}

const report = {
	date: new Date().toISOString(),
	root: siteRoot,
	machine: machine(),
	options: { runs, interval, browser: options.browser },
	results,
};
writeFileSync(join(out, 'results.json'), JSON.stringify(report, null, '\t'));
console.log(`\n${table(results)}\n`);
console.log(
	`Machine: ${report.machine.cores} cores (${report.machine.cpu}); load average ${report.machine.load.min.toFixed(1)} ` +
		`to ${report.machine.load.max.toFixed(1)} during the run (shared machines vary). Medians of ${runs} edits.`,
);
console.log(`Full figures: ${join('.tmp', 'dev-loop', 'results.json')}`);

/** One N: content generated, a cold start, the edits, a warm restart. */
async function measureSize(n) {
	const content = join(work, `content-${n}`);
	const { articles } = writeContent(content, { articles: n });
	const article = articles[Math.floor(articles.length / 2)];
	const articleFile = join(content, 'articles', `${article.slug}.mdx`);
	const actorId = article.frontmatter.actors.find(
		(id) => parse(readFileSync(join(content, 'actors', `${id}.yaml`), 'utf8')).kind === 'person',
	);
	const actorFile = join(content, 'actors', `${actorId}.yaml`);
	const url = `/explainers/${article.slug}/`;
	const result = { n, page: url, actor: actorId };
	const logs = [];

	try {
		const server = await startServer(content, `${n}-cold`);
		logs.push(server);
		try {
			result.firstPage = await server.firstPage(url);
			result.listening = server.listening;
			result.origin = server.origin;
			if (options.browser) await server.openPage();

			const idle = [];
			for (let i = 0; i < 5; i++) {
				const started = performance.now();
				await get(server.origin + url);
				idle.push(performance.now() - started);
			}
			result.idleRender = stats(idle);

			const story = readFileSync(articleFile, 'utf8');
			const actor = readFileSync(actorFile, 'utf8');
			const nonce = Math.random().toString(36).slice(2, 7);
			// The story’s first paragraph, whose last sentence each edit rewords: wire text, no quote (quotes must stand
			// word for word in the story).
			const bodyStart = story.indexOf('\n---\n') + '\n---\n'.length;
			let paragraphStart = bodyStart;
			while (story[paragraphStart] === '\n') paragraphStart++;
			const paragraphEnd = story.indexOf('\n\n', paragraphStart);
			if (bodyStart < 5 || paragraphEnd < 0 || !story.slice(paragraphStart, paragraphEnd).endsWith('.')) {
				throw new Error(`${articleFile}: its story does not open with a paragraph of sentences`);
			}
			/** The story with its first paragraph's last sentence changed to end with `token`, nothing else. */
			const storyWith = (token) =>
				`${story.slice(0, paragraphEnd - 1)}, as revision ${token} says.${story.slice(paragraphEnd)}`;

			let lastStory = story;
			result.storyEdit = await repeat(async (i) => {
				const token = `rev${nonce}s${i}`;
				lastStory = storyWith(token);
				return server.change(`story edit ${i + 1}`, articleFile, lastStory, url, (status, body) =>
					status === 200 ? body.includes(token) : false,
				);
			});

			result.actorEdit = await repeat(async (i) => {
				const token = `rev${nonce}a${i}`;
				const data = parse(actor);
				data.summary = `${data.name} was described again for revision ${token}.`;
				const role = data.roles.at(-1);
				role.title = `${role.title} ${token}`;
				return server.change(`actor edit ${i + 1}`, actorFile, stringify(data), url, (status, body) =>
					status === 200 ? actorShows(body, actorId, token) : false,
				);
			});

			result.error = [];
			result.recovery = [];
			for (let i = 0; i < runs; i++) {
				const unknown = `no-such-actor-${nonce}-${i}`;
				const broken = lastStory.replace(/^actors:\n/m, `actors:\n  - ${unknown}\n`);
				if (broken === lastStory) throw new Error(`${articleFile} has no \`actors:\` list to break`);
				result.error.push(await server.change(`error ${i + 1}`, articleFile, broken, url, (status) => status >= 500));
				const token = `rev${nonce}r${i}`;
				lastStory = storyWith(token);
				result.recovery.push(
					await server.change(`recovery ${i + 1}`, articleFile, lastStory, url, (status, body) =>
						status === 200 ? body.includes(token) : false,
					),
				);
			}
			result.error = stats(result.error);
			result.recovery = stats(result.recovery);
			result.rssMb = server.rssMb();
		} finally {
			await server.stop();
		}

		if (!options['no-restart']) {
			// On the same port: Astro's config digest, which decides whether its data store is kept, holds the port.
			const restarted = await startServer(content, `${n}-warm`, new URL(result.origin).port);
			logs.push(restarted);
			try {
				result.restartFirstPage = await restarted.firstPage(url);
			} finally {
				await restarted.stop();
			}
		}
	} finally {
		result.logs = Object.fromEntries(logs.map((server) => [server.name, server.log().slice(-4_000)]));
		result.marks = Object.fromEntries(logs.map((server) => [server.name, server.marks]));
		if (options.keep) for (const server of logs) writeFileSync(join(work, `server-${server.name}.log`), server.log());
		// Astro's cache folder for this content folder (astro.config.mjs), made by the dev server.
		const cache = contentCacheDir(content);
		if (cache) rmSync(join(siteRoot, 'node_modules', '.astro', basename(cache)), { recursive: true, force: true });
	}
	return result;

	/** Runs `edit` `runs` times, waiting `settle` ms after each; the figures of its times. */
	async function repeat(edit) {
		const times = [];
		for (let i = 0; i < runs; i++) times.push(await edit(i));
		return stats(times);
	}
}

/** Whether the page shows the actor's edited role and summary (with `token`) in its glossary entry and first card. */
function actorShows(html, actorId, token) {
	const $ = load(html);
	const card = $(`a.mention__link[href="#actor-${actorId}"]`).first().nextAll('.mention__card');
	const entry = $(`#actor-${actorId}`);
	return (
		card.find('.mention__role').text().includes(token) &&
		card.find('.mention__summary').text().includes(token) &&
		entry.find('.entry__role').text().includes(token) &&
		entry.text().includes(`described again for revision ${token}`)
	);
}

/** A port no one listens on now (Astro takes the next one should it be taken meanwhile: its log says which). */
async function freePort() {
	const server = createServer();
	await new Promise((done, fail) => server.once('error', fail).listen(0, '127.0.0.1', done));
	const { port } = server.address();
	await new Promise((done) => server.close(done));
	return port;
}

/** `astro dev` of the measured site on `content` and `port` (a free one), started now; what the bench asks of it. */
async function startServer(content, name, port = undefined) {
	port ??= await freePort();
	const started = performance.now();
	const child = spawn(
		process.execPath,
		[
			...(options.profile ? ['--cpu-prof', `--cpu-prof-dir=${join(out, 'profiles', name)}`] : []),
			join(siteRoot, 'node_modules/astro/bin/astro.mjs'),
			'dev',
			'--ignore-lock',
			'--host',
			'127.0.0.1',
			'--port',
			String(port),
		],
		{
			cwd: siteRoot,
			env: { ...editorEnvironment(), CONTENT_DIR: content, ASTRO_TELEMETRY_DISABLED: '1' },
			stdio: ['ignore', 'pipe', 'pipe'],
		},
	);
	let log = '';
	const exited = new Promise((done) => child.once('exit', done));
	const origin = new Promise((done, fail) => {
		const read = (chunk) => {
			log += String(chunk);
			const address = /http:\/\/127\.0\.0\.1:(\d+)/.exec(log);
			if (address) done({ origin: `http://127.0.0.1:${address[1]}`, at: performance.now() - started });
		};
		child.stdout.on('data', read);
		child.stderr.on('data', read);
		child.once('exit', (code) => fail(new Error(`astro dev ended (${code}) before it listened:\n${log}`)));
	});
	origin.catch(() => undefined);
	/** The open page's reloads (`--browser`), and its socket. */
	let reloads;
	let socket;
	const server = {
		name,
		/** What happened when, on the monotonic clock of CPU profiles (µs), to find each step in a profile. */
		marks: [{ step: 'start', from: monotonicUs() }],
		origin: '',
		listening: 0,
		log: () => log,
		/** Ms from the start to the first 200 of `path`. */
		async firstPage(path) {
			const listening = await Promise.race([
				origin,
				sleep(timeout).then(() => {
					throw new Error(`astro dev did not listen in ${timeout / 1000} s:\n${log}`);
				}),
			]);
			server.origin = listening.origin;
			server.listening = listening.at;
			await pollUntil(server.origin + path, (status) => status === 200, started, log);
			server.marks[0].to = monotonicUs();
			return performance.now() - started;
		},
		/** Listens to the server as an open page's Vite client does, for `change` to wait for its reloads. */
		async openPage() {
			reloads = await openReloadSocket(server.origin);
			socket = reloads.socket;
		},
		/** Saves `text` to `file` (the `step`), then ms until `path` answers as `accept` awaits; waits `settle` ms after. */
		async change(step, file, text, path, accept) {
			reloads?.forget();
			writeFileSync(file, text);
			const saved = performance.now();
			const mark = { step, from: monotonicUs() };
			if (reloads) await reloadUntil(server.origin + path, accept, saved, reloads, log);
			else await pollUntil(server.origin + path, accept, saved, log);
			const elapsed = performance.now() - saved;
			server.marks.push({ ...mark, to: monotonicUs() });
			await sleep(settle);
			return elapsed;
		},
		/** The server's resident memory now, in MB (Linux), its threads included. */
		rssMb() {
			try {
				const rss = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
				return rss ? Math.round(Number(rss[1]) / 1024) : undefined;
			} catch {
				return undefined;
			}
		},
		async stop() {
			socket?.close();
			if (child.exitCode !== null || child.signalCode !== null) return;
			child.kill();
			await exited;
		},
	};
	return server;
}

/** Fetches `url` every `interval` ms (one request at a time) until `accept` holds; throws after `timeout`. */
function pollUntil(url, accept, since, log) {
	let first = true;
	return answerUntil(url, accept, since, log, async () => {
		if (!first) await sleep(interval);
		first = false;
	});
}

/**
 * Like `pollUntil`, as an open page sees the edit: asks for `url` each time the server tells open pages to reload,
 * or after `RELOAD_BY_HAND_MS` without such a message, until `accept` holds.
 */
function reloadUntil(url, accept, since, reloads, log) {
	return answerUntil(url, accept, since, log, () => reloads.next(RELOAD_BY_HAND_MS));
}

/** Fetches `url`, each time after `nextTry()` resolves, until `accept` holds; throws after `timeout`. */
async function answerUntil(url, accept, since, log, nextTry) {
	let last = 'no answer';
	while (performance.now() - since < timeout) {
		await nextTry();
		try {
			const { status, body } = await get(url);
			if (accept(status, body)) return;
			last = `${status}: ${body.slice(0, 300)}`;
		} catch (error) {
			// Not listening yet, or restarting.
			last = String(error);
		}
	}
	throw new Error(`${url} did not answer as awaited in ${timeout / 1000} s; last answer ${last}\n${log.slice(-3_000)}`);
}

/**
 * The dev server's HMR socket, opened as the Vite client of a page opens it (with the token the client is served
 * with). `next(ms)` resolves at the next message that reloads an open page, or after `ms`; `forget()` drops the
 * messages received so far.
 */
async function openReloadSocket(origin) {
	const client = await (await fetch(`${origin}/@vite/client`)).text();
	const token = /const wsToken = "([^"]*)"/.exec(client)?.[1];
	if (token === undefined) throw new Error(`${origin}/@vite/client has no socket token: has Vite changed?`);
	const socket = new WebSocket(`${origin.replace(/^http/, 'ws')}/?token=${token}`, 'vite-hmr');
	await new Promise((done, fail) => {
		socket.addEventListener('open', done, { once: true });
		socket.addEventListener('error', () => fail(new Error(`${origin}: the HMR socket did not open`)), { once: true });
	});
	let received = false;
	let wake;
	socket.addEventListener('message', (event) => {
		if (JSON.parse(String(event.data)).type !== 'full-reload') return;
		received = true;
		wake?.();
	});
	return {
		socket,
		forget: () => {
			received = false;
		},
		next: async (ms) => {
			if (!received) {
				await new Promise((done) => {
					wake = done;
					setTimeout(done, ms);
				});
			}
			received = false;
		},
	};
}

async function get(url) {
	const response = await fetch(url);
	return { status: response.status, body: await response.text() };
}

/** Now on the clock V8's CPU profiles use (the monotonic clock), in µs. */
function monotonicUs() {
	return Number(process.hrtime.bigint() / 1000n);
}

function sleep(ms) {
	return new Promise((done) => setTimeout(done, ms));
}

/** Median, least and most of some times in ms, and the times themselves. */
function stats(times) {
	const sorted = [...times].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	const median = sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
	return { median, min: sorted[0], max: sorted.at(-1), times: times.map(Math.round) };
}

function machine() {
	return {
		cores: availableParallelism(),
		cpu: cpus()[0]?.model ?? 'unknown CPU',
		node: process.version,
		load: {
			min: Math.min(...loads, loadavg()[0] ?? 0),
			max: Math.max(...loads, loadavg()[0] ?? 0),
		},
	};
}

function seconds(ms) {
	return ms === undefined ? '–' : `${(ms / 1000).toFixed(2)} s`;
}

function summary(result) {
	return (
		`first page ${seconds(result.firstPage)}, story edit ${seconds(result.storyEdit.median)}, ` +
		`actor edit ${seconds(result.actorEdit.median)}, error ${seconds(result.error.median)}, ` +
		`recovery ${seconds(result.recovery.median)}, restart ${seconds(result.restartFirstPage)}`
	);
}

function table(rows) {
	return [
		'| N | First page (cold) | First page (restart) | Idle render | Story edit | Actor edit | Error shown | Recovered |',
		'| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
		...rows.map(
			(row) =>
				`| ${row.n} | ${seconds(row.firstPage)} | ${seconds(row.restartFirstPage)} | ${seconds(row.idleRender.median)} | ` +
				`${seconds(row.storyEdit.median)} | ${seconds(row.actorEdit.median)} | ${seconds(row.error.median)} | ` +
				`${seconds(row.recovery.median)} |`,
		),
	].join('\n');
}
