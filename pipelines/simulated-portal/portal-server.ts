// The simulated portal's HTTP server on loopback: bearer-token auth, export listing, streamed downloads with checksums, optional misbehaviour.
import { createHash, timingSafeEqual } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pipeline } from 'node:stream/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { loadCatalogue, type PortalEntry } from './portal-catalogue.ts';
import { isDue, type PortalClock } from './portal-clock.ts';
import { advertisedChecksum, faultCounter, type PortalFaults } from './portal-faults.ts';

export interface PortalServerOptions {
	/** Directory of exports (contract names; `manifest.json` optional). */
	dir: string;
	/** 0 (default) picks a free port. */
	port?: number;
	/** Loopback only: 127.0.0.1 (default), ::1 or localhost. */
	host?: string;
	/** Bearer token required on every API request; empty or absent = no auth. */
	token?: string;
	/** Only exports whose time has come on this clock are listed and served; absent = all. */
	clock?: PortalClock;
	faults?: PortalFaults;
	/** Random source for fault rates. */
	random?: () => number;
	/** One line per request (method, path, status); never file contents. */
	log?: (line: string) => void;
}

export interface PortalServer {
	url: string;
	/** Exports the server knows about (whatever the clock says). */
	entries: readonly PortalEntry[];
	close(): Promise<void>;
}

/** One export as the listing shows it. */
export interface PortalListingEntry {
	name: string;
	dataset: PortalEntry['dataset'];
	scope: string | null;
	exportedAt: string;
	size: number;
	sha256: string;
	url: string;
}

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);
const MIME: Record<string, string> = {
	csv: 'text/csv; charset=utf-8',
	json: 'application/json; charset=utf-8',
	xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
};

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
	const text = JSON.stringify(body);
	res.writeHead(status, {
		'Content-Type': 'application/json; charset=utf-8',
		'Content-Length': Buffer.byteLength(text),
		'Cache-Control': 'no-store',
		...headers
	});
	res.end(text);
}

function digest(text: string): Buffer {
	return createHash('sha256').update(text).digest();
}

/** Constant-time check of an `Authorization: Bearer <token>` header. */
export function bearerMatches(header: string | undefined, token: string): boolean {
	const match = /^Bearer +(\S+)\s*$/iu.exec(header ?? '');
	return match !== null && timingSafeEqual(digest(match[1] ?? ''), digest(token));
}

/** Starts the portal; resolves once it listens. */
export async function startPortalServer(options: PortalServerOptions): Promise<PortalServer> {
	const host = options.host ?? '127.0.0.1';
	if (!LOOPBACK.has(host)) throw new Error(`portal host must be a loopback address, got "${host}"`);
	const { entries } = await loadCatalogue(options.dir);
	const byName = new Map(entries.map((e) => [e.name, e]));
	const faults = options.faults ?? {};
	const counter = faultCounter(faults, options.random ?? Math.random);
	const log = options.log ?? (() => undefined);
	const token = options.token ?? '';
	const closing = new AbortController();
	let baseUrl = '';

	const listing = (): PortalListingEntry[] =>
		entries
			.filter((e) => isDue(e.exportedAt, options.clock))
			.map((e) => ({
				name: e.name,
				dataset: e.dataset,
				scope: e.scope,
				exportedAt: e.exportedAt,
				size: e.size,
				sha256: advertisedChecksum(e.name, e.sha256, faults),
				url: `${baseUrl}/api/exports/${encodeURIComponent(e.name)}`
			}));

	async function download(req: IncomingMessage, res: ServerResponse, entry: PortalEntry): Promise<void> {
		const sha256 = advertisedChecksum(entry.name, entry.sha256, faults);
		const headers = {
			'Content-Type': entry.gzip ? 'application/gzip' : (MIME[entry.format] ?? 'application/octet-stream'),
			'Content-Length': String(entry.size),
			'Content-Disposition': `attachment; filename="${entry.name}"`,
			ETag: `"${sha256}"`,
			'X-Checksum-Sha256': sha256
		};
		if (req.headers['if-none-match'] === `"${sha256}"`) {
			res.writeHead(304, { ETag: headers.ETag });
			res.end();
			return;
		}
		if (req.method === 'HEAD') {
			res.writeHead(200, headers);
			res.end();
			return;
		}
		const drop = counter.onDownload() && entry.size > 0;
		res.writeHead(200, headers);
		if (!drop) {
			await pipeline(createReadStream(entry.path), res);
			return;
		}
		const half = Math.max(0, Math.floor(entry.size / 2) - 1);
		await pipeline(createReadStream(entry.path, { start: 0, end: half }), res, { end: false });
		res.socket?.destroy();
	}

	async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
		const path = (req.url ?? '/').split('?')[0] ?? '/';
		if (!path.startsWith('/api/')) return sendJson(res, 404, { error: 'not_found', message: `no such path ${path}` });
		if (token && !bearerMatches(req.headers.authorization, token)) {
			const presented = req.headers.authorization !== undefined;
			return sendJson(
				res,
				401,
				{ error: 'unauthorized', message: presented ? 'invalid bearer token' : 'missing bearer token' },
				{
					'WWW-Authenticate': presented
						? 'Bearer realm="sang-kien-portal", error="invalid_token"'
						: 'Bearer realm="sang-kien-portal"'
				}
			);
		}
		if (req.method !== 'GET' && req.method !== 'HEAD') {
			return sendJson(res, 405, { error: 'method_not_allowed', message: `${req.method} not allowed` }, { Allow: 'GET, HEAD' });
		}
		const fault = counter.onApiRequest();
		if (fault.delayMs > 0) await sleep(fault.delayMs, undefined, { signal: closing.signal });
		if (fault.fail) return sendJson(res, 500, { error: 'internal_error', message: 'simulated portal failure' });
		if (path === '/api/exports' || path === '/api/exports/') return sendJson(res, 200, listing());
		const match = /^\/api\/exports\/([^/]+)$/u.exec(path);
		let name: string | undefined;
		try {
			name = match ? decodeURIComponent(match[1] ?? '') : undefined;
		} catch {
			name = undefined;
		}
		const entry = name === undefined ? undefined : byName.get(name);
		if (!entry || !isDue(entry.exportedAt, options.clock)) {
			return sendJson(res, 404, { error: 'not_found', message: 'no such export' });
		}
		await download(req, res, entry);
	}

	const server = createServer((req, res) => {
		const started = Date.now();
		res.on('close', () => log(`${req.method} ${req.url} ${res.statusCode} ${Date.now() - started}ms`));
		handle(req, res).catch((error: unknown) => {
			if (closing.signal.aborted || res.destroyed) return;
			if (!res.headersSent) sendJson(res, 500, { error: 'internal_error', message: String(error) });
			else res.destroy();
		});
	});
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(options.port ?? 0, host, () => resolve());
	});
	const address = server.address() as AddressInfo;
	baseUrl = `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`;
	return {
		url: baseUrl,
		entries,
		close: () =>
			new Promise<void>((resolve, reject) => {
				closing.abort();
				server.close((error) => (error ? reject(error) : resolve()));
				server.closeAllConnections();
			})
	};
}
