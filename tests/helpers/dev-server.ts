import { spawn } from 'node:child_process';
import { once } from 'node:events';

/** `astro dev` on a content folder of a test's own, as an editor runs it. */
export interface DevServer {
	/** The server's address, without a trailing slash. */
	origin: string;
	/** Everything the server has printed so far, for failure messages. */
	log: () => string;
	/** Ends the server and waits until it has. */
	stop: () => Promise<void>;
}

/**
 * The environment an editor's shell has. Not the test process's: Vitest and Astro's test config add variables
 * (VITEST, MODE, BASE_URL, ASSETS_PREFIX…) under which Astro's dev server serves no pages.
 */
export function editorEnvironment(): NodeJS.ProcessEnv {
	const { PATH, HOME, LANG, TMPDIR } = process.env;
	return { PATH, HOME, LANG, TMPDIR };
}

/**
 * Starts `astro dev` on `content` (CONTENT_DIR) and resolves once it listens. The port is picked at random in a
 * range of its own, unless `port` is given; Astro takes the next free one when it is in use, so the address is read
 * from its log. (Astro's data store is kept from one start to the next only on the same port: its config digest
 * holds the port.)
 */
export async function startDevServer(
	content: string,
	{ timeout = 90_000, port = 5000 + Math.floor(Math.random() * 900) }: { timeout?: number; port?: number } = {},
): Promise<DevServer> {
	const server = spawn(
		process.execPath,
		['node_modules/astro/bin/astro.mjs', 'dev', '--ignore-lock', '--host', '127.0.0.1', '--port', String(port)],
		{
			env: { ...editorEnvironment(), CONTENT_DIR: content, ASTRO_TELEMETRY_DISABLED: '1' },
			stdio: ['ignore', 'pipe', 'pipe'],
		},
	);
	let log = '';
	const exited = once(server, 'exit');
	const stop = async () => {
		if (server.exitCode !== null || server.signalCode !== null) return;
		server.kill();
		await exited;
	};
	const origin = await new Promise<string>((resolve, reject) => {
		const timer = setTimeout(
			() => reject(new Error(`astro dev did not start in ${timeout / 1000} s:\n${log}`)),
			timeout,
		);
		const read = (chunk: unknown) => {
			log += String(chunk);
			const address = /http:\/\/127\.0\.0\.1:(\d+)/.exec(log);
			if (address) {
				clearTimeout(timer);
				resolve(`http://127.0.0.1:${address[1]}`);
			}
		};
		server.stdout.on('data', read);
		server.stderr.on('data', read);
		server.on('exit', (code) => {
			clearTimeout(timer);
			reject(new Error(`astro dev ended (${code}) before it listened:\n${log}`));
		});
	}).catch(async (error: unknown) => {
		await stop();
		throw error;
	});
	return { origin, log: () => log, stop };
}

/**
 * Fetches `url` until `accept` says the answer is the one awaited, or `timeout` runs out; returns the last answer
 * either way, so the test's assertion shows what the page said.
 */
export async function fetchUntil(
	url: string,
	accept: (status: number, body: string) => boolean,
	{ timeout = 30_000, interval = 500 } = {},
): Promise<{ status: number; body: string }> {
	let last = { status: 0, body: '' };
	const end = Date.now() + timeout;
	do {
		try {
			const response = await fetch(url);
			last = { status: response.status, body: await response.text() };
			if (accept(last.status, last.body)) return last;
		} catch {
			// The server is still starting, or reloading.
		}
		await new Promise((resolve) => setTimeout(resolve, interval));
	} while (Date.now() < end);
	return last;
}
