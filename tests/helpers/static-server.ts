/*
 * A tiny static host for the built site, for browser tests and the Lighthouse bench: node:http over the built
 * folder, on 127.0.0.1 at a random port, answering as a static host (Netlify, Cloudflare Pages) would.
 *
 * Self-contained on purpose (node: modules only, erasable TypeScript): `bench/lighthouse.mjs` imports it with
 * Node's own type stripping, outside Vite.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, relative, resolve, sep } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/**
 * The headers a host sends with every response. The page's own `<meta>` content security policy cannot carry
 * `frame-ancestors`, so the host sends it; the rest are the usual static-host hardening.
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
	'content-security-policy': "frame-ancestors 'none'",
	'x-content-type-options': 'nosniff',
	'x-frame-options': 'DENY',
	'referrer-policy': 'strict-origin-when-cross-origin',
	'permissions-policy': 'camera=(), microphone=(), geolocation=(), interest-cohort=()',
	'cross-origin-opener-policy': 'same-origin',
	'cross-origin-resource-policy': 'same-origin',
};

const CONTENT_TYPES: Readonly<Record<string, string>> = {
	'.html': 'text/html; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.mjs': 'text/javascript; charset=utf-8',
	'.json': 'application/json; charset=utf-8',
	'.xml': 'application/xml; charset=utf-8',
	'.txt': 'text/plain; charset=utf-8',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.jpg': 'image/jpeg',
	'.jpeg': 'image/jpeg',
	'.webp': 'image/webp',
	'.avif': 'image/avif',
	'.gif': 'image/gif',
	'.ico': 'image/x-icon',
	'.woff2': 'font/woff2',
	'.webmanifest': 'application/manifest+json',
	'.pf_meta': 'application/octet-stream',
	'.pf_index': 'application/octet-stream',
	'.pf_fragment': 'application/octet-stream',
	'.wasm': 'application/wasm',
};

export interface StaticServer {
	/** The site's root URL, with the base path and a trailing slash: `http://127.0.0.1:PORT/base/`. */
	url: string;
	/** The origin, `http://127.0.0.1:PORT`. */
	origin: string;
	/** Every request the server answered, as `STATUS /path`, in order; tests read it to find 404s. */
	log: string[];
	close(): Promise<void>;
}

export interface StaticServerOptions {
	/** The sub-path the site is built for (Astro's `base`); default `/`. */
	base?: string;
}

/**
 * Serves `root` (a built `dist/`) until `close()`. Like a static host: `/x/` serves `x/index.html`, `/x` redirects
 * to `/x/` when that is a folder, unknown paths get `404.html` (when built) with status 404, text is sent with
 * brotli (or gzip) when the client accepts it, and rules in a built `_headers` file (Netlify / Cloudflare Pages
 * format) are applied on top of {@link SECURITY_HEADERS}.
 */
export async function startStaticServer(root: string, options: StaticServerOptions = {}): Promise<StaticServer> {
	const dir = resolve(root);
	if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new Error(`No built site at ${dir}: build it first.`);
	const base = normalizeBase(options.base ?? '/');
	const headerRules = readHeaderRules(join(dir, '_headers'));
	const log: string[] = [];

	const server = createServer((request, response) => {
		const status = answer(request, response, { dir, base, headerRules });
		log.push(`${status} ${request.url ?? ''}`);
	});
	await new Promise<void>((done, fail) => {
		server.once('error', fail);
		server.listen(0, '127.0.0.1', () => done());
	});
	const { port } = server.address() as AddressInfo;
	const origin = `http://127.0.0.1:${port}`;
	return {
		url: `${origin}${base}`,
		origin,
		log,
		close: () =>
			new Promise<void>((done, fail) => {
				server.closeAllConnections();
				server.close((error) => (error ? fail(error) : done()));
			}),
	};
}

/**
 * Every page of the built site as a URL path (`/`, `/explainers/x/`), sorted: the pages its sitemap lists
 * (`sitemap-index.xml` and the sitemaps it names) when it was built with one, else every built HTML file but the
 * 404 page; plus the 404 page when one was built, which a sitemap never lists but readers do see.
 */
export function listSitePages(root: string, options: StaticServerOptions = {}): string[] {
	const dir = resolve(root);
	const base = normalizeBase(options.base ?? '/');
	const index = join(dir, 'sitemap-index.xml');
	const pages = new Set<string>();
	if (isFile(index)) {
		for (const sitemap of locations(readFileSync(index, 'utf8'))) {
			const file = resolve(dir, decodeURIComponent(new URL(sitemap).pathname).slice(base.length));
			if (!isFile(file)) throw new Error(`sitemap-index.xml names ${sitemap}, which was not built (${file})`);
			for (const page of locations(readFileSync(file, 'utf8'))) pages.add(new URL(page).pathname);
		}
		if (pages.size === 0) throw new Error(`The sitemap ${index} lists no page`);
	} else {
		for (const file of htmlFilesUnder(dir)) {
			const path = relative(dir, file).split(sep).join('/');
			if (path !== '404.html') pages.add(`${base}${path.replace(/(^|\/)index\.html$/, '$1')}`);
		}
	}
	if (isFile(join(dir, '404.html'))) pages.add(`${base}404.html`);
	return [...pages].sort();
}

/**
 * Where a reader meets a page of {@link listSitePages}, and the status the host answers with: a page at its own
 * URL with 200; the 404 page at a URL the site has no page for, with 404 (`/404.html` itself is an ordinary file).
 */
export function readerRequest(page: string, options: StaticServerOptions = {}): { path: string; status: number } {
	const base = normalizeBase(options.base ?? '/');
	return page === `${base}404.html` ? { path: `${base}no-page-here/`, status: 404 } : { path: page, status: 200 };
}

/** The `<loc>` URLs of a sitemap or sitemap index. */
function locations(xml: string): string[] {
	return [...xml.matchAll(/<loc>\s*([^<]+?)\s*<\/loc>/g)].map((match) =>
		(match[1] ?? '').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>'),
	);
}

function htmlFilesUnder(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) return htmlFilesUnder(path);
		return entry.name.endsWith('.html') ? [path] : [];
	});
}

interface HeaderRule {
	pattern: RegExp;
	headers: [string, string][];
}

function answer(
	request: IncomingMessage,
	response: ServerResponse,
	site: { dir: string; base: string; headerRules: HeaderRule[] },
): number {
	const send = (status: number, headers: Record<string, string>, body?: Buffer | string) => {
		response.writeHead(status, { ...SECURITY_HEADERS, ...headers });
		response.end(request.method === 'HEAD' ? undefined : body);
		return status;
	};
	if (request.method !== 'GET' && request.method !== 'HEAD') return send(405, { allow: 'GET, HEAD' });

	const url = new URL(request.url ?? '/', 'http://127.0.0.1');
	let pathname: string;
	try {
		pathname = decodeURIComponent(url.pathname);
	} catch {
		return send(400, { 'content-type': 'text/plain; charset=utf-8' }, 'Bad request');
	}
	const inSite = pathname.startsWith(site.base) ? pathname.slice(site.base.length) : undefined;
	const file = inSite === undefined ? undefined : resolve(site.dir, inSite);
	const inside = file !== undefined && (file === site.dir || file.startsWith(site.dir + sep));

	if (inside && isDirectory(file)) {
		if (!pathname.endsWith('/')) return send(301, { location: `${url.pathname}/${url.search}` });
		const index = join(file, 'index.html');
		if (isFile(index)) return sendFile(200, index, pathname);
	} else if (inside && isFile(file) && !file.endsWith(`${sep}_headers`)) {
		return sendFile(200, file, pathname);
	}
	const notFound = join(site.dir, '404.html');
	if (isFile(notFound)) return sendFile(404, notFound, pathname);
	return send(404, { 'content-type': 'text/plain; charset=utf-8' }, 'Not found');

	function sendFile(status: number, path: string, requestPath: string): number {
		const extra: Record<string, string> = {};
		for (const rule of site.headerRules) {
			if (!rule.pattern.test(requestPath)) continue;
			for (const [name, value] of rule.headers) extra[name] = value;
		}
		const type = CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
		const body = readFileSync(path);
		const encoding = COMPRESSIBLE.test(type) ? pickEncoding(request.headers['accept-encoding']) : undefined;
		return send(
			status,
			{
				'content-type': type,
				'cache-control': 'no-cache',
				vary: 'accept-encoding',
				...(encoding ? { 'content-encoding': encoding } : {}),
				...extra,
			},
			encoding ? compress(path, body, encoding) : body,
		);
	}
}

/** Types a host compresses on the way out. */
const COMPRESSIBLE = /^(text\/|application\/(json|xml|manifest\+json)|image\/svg\+xml)/;

/** Brotli when the client takes it (as static hosts serve it), else gzip, else none. */
function pickEncoding(accept: string | undefined): 'br' | 'gzip' | undefined {
	const offered = new Set((accept ?? '').split(',').map((part) => part.split(';')[0]?.trim().toLowerCase()));
	if (offered.has('br')) return 'br';
	if (offered.has('gzip')) return 'gzip';
	return undefined;
}

const compressed = new Map<string, Buffer>();

/** A file's bytes compressed at the highest level, as hosts pre-compress static files; cached per version. */
function compress(path: string, body: Buffer, encoding: 'br' | 'gzip'): Buffer {
	const key = `${encoding} ${path} ${statSync(path).mtimeMs} ${body.length}`;
	let result = compressed.get(key);
	if (!result) {
		result =
			encoding === 'br'
				? brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY } })
				: gzipSync(body, { level: 9 });
		compressed.set(key, result);
	}
	return result;
}

/** Rules of a `_headers` file: a path pattern line (`/*` wildcards), then indented `Name: value` lines. */
function readHeaderRules(file: string): HeaderRule[] {
	if (!isFile(file)) return [];
	const rules: HeaderRule[] = [];
	for (const line of readFileSync(file, 'utf8').split(/\r?\n/)) {
		if (line.trim() === '' || line.trim().startsWith('#')) continue;
		if (!/^\s/.test(line)) {
			const source = line
				.trim()
				.split('*')
				.map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
				.join('.*');
			rules.push({ pattern: new RegExp(`^${source}$`), headers: [] });
			continue;
		}
		const match = /^\s+([^:]+):\s*(.*)$/.exec(line);
		const rule = rules.at(-1);
		if (match?.[1] && match[2] !== undefined && rule) rule.headers.push([match[1].trim().toLowerCase(), match[2]]);
	}
	return rules;
}

function normalizeBase(base: string): string {
	const withLeading = base.startsWith('/') ? base : `/${base}`;
	return withLeading.endsWith('/') ? withLeading : `${withLeading}/`;
}

function isFile(path: string): boolean {
	return existsSync(path) && statSync(path).isFile();
}

function isDirectory(path: string): boolean {
	return existsSync(path) && statSync(path).isDirectory();
}
