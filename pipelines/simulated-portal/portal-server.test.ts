// The simulated portal lists and streams exports on loopback, enforces the bearer token, refuses unknown names and traversal, follows its clock, and misbehaves on request.
import { request } from 'node:http';
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fixedClock, parseSpeed, replayClock } from './portal-clock.ts';
import { startPortalServer, type PortalListingEntry, type PortalServer } from './portal-server.ts';
import { sha256Of, TEST_EXPORTS, writeTestExports } from './portal-test-exports.ts';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
	for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function portal(options: Omit<Parameters<typeof startPortalServer>[0], 'dir'> = {}, manifest = false) {
	const { root, dir } = await writeTestExports({ manifest });
	cleanups.push(() => rm(root, { recursive: true, force: true }));
	const server = await startPortalServer({ dir, ...options });
	cleanups.push(() => server.close());
	return { server, dir, root };
}

async function listing(server: PortalServer, init: RequestInit = {}): Promise<PortalListingEntry[]> {
	const res = await fetch(`${server.url}/api/exports`, init);
	expect(res.status).toBe(200);
	return (await res.json()) as PortalListingEntry[];
}

/** A raw GET that sends the path exactly as written (fetch would normalise `..`). */
function rawGet(server: PortalServer, path: string): Promise<{ status: number; body: string }> {
	const { hostname, port } = new URL(server.url);
	return new Promise((resolve, reject) => {
		const req = request({ host: hostname, port, path, method: 'GET' }, (res) => {
			let body = '';
			res.setEncoding('utf8');
			res.on('data', (chunk: string) => (body += chunk));
			res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
		});
		req.on('error', reject);
		req.end();
	});
}

describe('startPortalServer', () => {
	it('lists every contract-named export with its time, size, sha256 and download URL, in export-time order', async () => {
		const { server } = await portal();
		expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/u);
		const entries = await listing(server);
		expect(entries.map((e) => e.name)).toEqual([
			'don-vi_20220108-0000.csv',
			'sang-kien_toan-quoc_20220326-0800.csv',
			'sang-kien_T38_20220420-0800.json',
			'sang-kien_toan-quoc_20220531-1700.csv'
		]);
		expect(entries[2]).toEqual({
			name: 'sang-kien_T38_20220420-0800.json',
			dataset: 'initiatives',
			scope: 'T38',
			exportedAt: '2022-04-20T08:00:00',
			size: Buffer.byteLength(TEST_EXPORTS['sang-kien_T38_20220420-0800.json']!),
			sha256: sha256Of(TEST_EXPORTS['sang-kien_T38_20220420-0800.json']!),
			url: `${server.url}/api/exports/sang-kien_T38_20220420-0800.json`
		});
	});

	it('takes checksums from manifest.json when present instead of hashing', async () => {
		const { root, dir } = await writeTestExports({ manifest: true });
		cleanups.push(() => rm(root, { recursive: true, force: true }));
		// A manifest entry that differs from the bytes proves the manifest, not the file, was read.
		const fake = 'ab'.repeat(32);
		await writeFile(join(dir, 'manifest.json'), JSON.stringify({ files: [{ name: 'don-vi_20220108-0000.csv', sha256: fake }] }));
		const server = await startPortalServer({ dir });
		cleanups.push(() => server.close());
		const entries = await listing(server);
		expect(entries.find((e) => e.name === 'don-vi_20220108-0000.csv')?.sha256).toBe(fake);
		expect(entries.find((e) => e.name === 'sang-kien_T38_20220420-0800.json')?.sha256).toBe(
			sha256Of(TEST_EXPORTS['sang-kien_T38_20220420-0800.json']!)
		);
	});

	it('streams a download with Content-Length, ETag and X-Checksum-Sha256', async () => {
		const { server } = await portal();
		const name = 'sang-kien_toan-quoc_20220531-1700.csv';
		const res = await fetch(`${server.url}/api/exports/${name}`);
		const body = await res.text();
		const sha = sha256Of(TEST_EXPORTS[name]!);
		expect(res.status).toBe(200);
		expect(body).toBe(TEST_EXPORTS[name]);
		expect(res.headers.get('content-length')).toBe(String(Buffer.byteLength(TEST_EXPORTS[name]!)));
		expect(res.headers.get('etag')).toBe(`"${sha}"`);
		expect(res.headers.get('x-checksum-sha256')).toBe(sha);
		const again = await fetch(`${server.url}/api/exports/${name}`, { headers: { 'If-None-Match': `"${sha}"` } });
		expect(again.status).toBe(304);
	});

	it('answers 401 with WWW-Authenticate and a JSON reason without the right bearer token', async () => {
		const { server } = await portal({ token: 's3cret' });
		const missing = await fetch(`${server.url}/api/exports`);
		expect(missing.status).toBe(401);
		expect(missing.headers.get('www-authenticate')).toBe('Bearer realm="sang-kien-portal"');
		expect(await missing.json()).toEqual({ error: 'unauthorized', message: 'missing bearer token' });
		const wrong = await fetch(`${server.url}/api/exports/don-vi_20220108-0000.csv`, {
			headers: { Authorization: 'Bearer nope' }
		});
		expect(wrong.status).toBe(401);
		expect(wrong.headers.get('www-authenticate')).toContain('error="invalid_token"');
		expect(await listing(server, { headers: { Authorization: 'Bearer s3cret' } })).toHaveLength(4);
	});

	it('answers 404 for unknown names, stray files, the manifest and any path traversal', async () => {
		const { server } = await portal({}, true);
		for (const path of [
			'/api/exports/sang-kien_T38_20990101-0000.csv',
			'/api/exports/notes.txt',
			'/api/exports/manifest.json',
			'/api/exports/..%2Fsecret.txt',
			'/api/exports/%2e%2e%2fsecret.txt',
			'/api/exports/../../secret.txt',
			'/api/exports/..',
			'/api/exports/%E0%A4%A',
			'/secret.txt'
		]) {
			const res = await rawGet(server, path);
			expect([path, res.status]).toEqual([path, 404]);
			expect(res.body).not.toContain('outside the export folder');
		}
	});

	it('lists and serves only exports whose time has come on a fixed clock', async () => {
		const { server } = await portal({ clock: fixedClock('2022-04-20T08:00:00') });
		expect((await listing(server)).map((e) => e.exportedAt)).toEqual([
			'2022-01-08T00:00:00',
			'2022-03-26T08:00:00',
			'2022-04-20T08:00:00'
		]);
		expect((await fetch(`${server.url}/api/exports/sang-kien_toan-quoc_20220531-1700.csv`)).status).toBe(404);
	});

	it('replays the programme: one day per second reveals later exports as real time passes', async () => {
		let realMs = 0;
		const clock = replayClock('2022-03-26T00:00:00', parseSpeed('1d/s'), () => realMs);
		const { server } = await portal({ clock });
		expect(await listing(server)).toHaveLength(1);
		realMs = 1_000; // 27/03 00:00
		expect(await listing(server)).toHaveLength(2);
		realMs = 67_000; // 01/06 00:00
		expect(await listing(server)).toHaveLength(4);
	});

	it('answers 500 for the first N requests, then recovers', async () => {
		const { server } = await portal({ faults: { fail: { first: 2 } } });
		const statuses = [];
		for (let i = 0; i < 3; i++) statuses.push((await fetch(`${server.url}/api/exports`)).status);
		expect(statuses).toEqual([500, 500, 200]);
	});

	it('delays responses when asked to be slow', async () => {
		// A 3 s delay against a loopback answer: wide margins, so a busy machine cannot blur the two.
		const { server } = await portal({ faults: { slow: { ms: 3_000, first: 1 } } });
		const t0 = performance.now();
		await fetch(`${server.url}/api/exports`);
		const slow = performance.now() - t0;
		const t1 = performance.now();
		await fetch(`${server.url}/api/exports`);
		expect(slow).toBeGreaterThanOrEqual(2_990);
		expect(performance.now() - t1).toBeLessThan(2_990);
	});

	it('drops the connection mid-body on request', async () => {
		const { server } = await portal({ faults: { drop: { first: 1 } } });
		const url = `${server.url}/api/exports/sang-kien_toan-quoc_20220531-1700.csv`;
		const res = await fetch(url);
		expect(res.status).toBe(200);
		await expect(res.text()).rejects.toThrow();
		expect(await (await fetch(url)).text()).toBe(TEST_EXPORTS['sang-kien_toan-quoc_20220531-1700.csv']);
	});

	it('advertises a wrong checksum for the named files only', async () => {
		const name = 'don-vi_20220108-0000.csv';
		const { server } = await portal({ faults: { wrongChecksum: [name] } });
		const entries = await listing(server);
		const wrong = entries.find((e) => e.name === name)!.sha256;
		expect(wrong).toMatch(/^[0-9a-f]{64}$/u);
		expect(wrong).not.toBe(sha256Of(TEST_EXPORTS[name]!));
		expect((await fetch(`${server.url}/api/exports/${name}`)).headers.get('x-checksum-sha256')).toBe(wrong);
		const other = 'sang-kien_T38_20220420-0800.json';
		expect(entries.find((e) => e.name === other)!.sha256).toBe(sha256Of(TEST_EXPORTS[other]!));
	});

	it('refuses to listen beyond loopback', async () => {
		await expect(startPortalServer({ dir: '.', host: '0.0.0.0' })).rejects.toThrow(/loopback/u);
	});
});
