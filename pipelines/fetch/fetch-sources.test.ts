// fetchSources gets exports from drop folders and from the (real, loopback) simulated portal through 500s, timeouts and drops, and fails cleanly on bad checksums.
import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { HttpConfig } from '../config/pipeline-config.ts';
import { landFiles, listLandedFiles } from '../land/land-files.ts';
import type { PortalFaults } from '../simulated-portal/portal-faults.ts';
import { startPortalServer } from '../simulated-portal/portal-server.ts';
import { sha256Of, TEST_EXPORTS, writeTestExports } from '../simulated-portal/portal-test-exports.ts';
import { fetchSources, type FetchOptions } from './fetch-sources.ts';
import { backoffDelay } from './retry.ts';

const NAMES = Object.keys(TEST_EXPORTS).sort();
const HTTP: HttpConfig = { timeoutMs: 2_000, retries: 3, backoffMs: 100, maxBackoffMs: 1_000 };
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
	for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function setUp(portal: { token?: string; faults?: PortalFaults } = {}) {
	const { root, dir } = await writeTestExports();
	cleanups.push(() => rm(root, { recursive: true, force: true }));
	const requests: string[] = [];
	const server = await startPortalServer({ dir, ...portal, log: (line) => requests.push(line) });
	cleanups.push(() => server.close());
	const warehouseDir = join(root, 'warehouse');
	const sleeps: number[] = [];
	const lines: string[] = [];
	const options: FetchOptions = {
		warehouseDir,
		token: portal.token ?? '',
		http: HTTP,
		sleep: async (ms) => void sleeps.push(ms),
		random: () => 0.5,
		log: (line) => lines.push(line)
	};
	return { dir, root, server, warehouseDir, options, sleeps, lines, requests, listing: `${server.url}/api/exports` };
}

const names = (files: { name: string }[]) => files.map((f) => f.name).sort();

describe('fetchSources from a drop folder', () => {
	it('hands on contract-named files with their checksum, reports other names, and skips what is landed', async () => {
		const { dir, warehouseDir, options, lines } = await setUp();
		const first = await fetchSources([{ kind: 'folder', path: dir }], options);
		expect(first.ok).toBe(true);
		expect(names(first.files)).toEqual(NAMES);
		const units = first.files.find((f) => f.name === 'don-vi_20220108-0000.csv')!;
		expect(units).toEqual({
			path: join(dir, 'don-vi_20220108-0000.csv'),
			name: 'don-vi_20220108-0000.csv',
			sha256: sha256Of(TEST_EXPORTS['don-vi_20220108-0000.csv']!),
			sizeBytes: Buffer.byteLength(TEST_EXPORTS['don-vi_20220108-0000.csv']!),
			source: dir
		});
		expect(first.ignored).toEqual([{ name: 'notes.txt', source: dir, reason: expect.stringContaining('unknown format ".txt"') }]);
		expect(lines).toContainEqual(expect.stringContaining('ignored notes.txt'));

		expect((await landFiles(warehouseDir, first.files)).every((f) => !f.alreadyLanded)).toBe(true);
		const second = await fetchSources([{ kind: 'folder', path: dir }], options);
		expect(second.files).toEqual([]);
		expect(names(second.skipped)).toEqual(NAMES);
	});

	it('fails cleanly when the drop folder does not exist', async () => {
		const { root, options } = await setUp();
		const result = await fetchSources([{ kind: 'folder', path: join(root, 'missing') }], options);
		expect(result).toMatchObject({ ok: false, files: [], failures: [{ name: null, reason: 'cannot read drop folder (ENOENT)' }] });
	});
});

describe('fetchSources from a portal', () => {
	it('downloads every export with the bearer token, verified, into <warehouse>/incoming, and a second run downloads nothing', async () => {
		const { warehouseDir, options, listing, requests } = await setUp({ token: 't0ken' });
		const first = await fetchSources([{ kind: 'portal', url: listing }], options);
		expect(first.ok).toBe(true);
		expect(names(first.files)).toEqual(NAMES);
		expect(first.files.every((f) => f.path.startsWith(join(warehouseDir, 'incoming')) && f.source === listing)).toBe(true);
		expect((await readdir(join(warehouseDir, 'incoming'))).sort()).toEqual(NAMES);
		await landFiles(warehouseDir, first.files);
		expect(await readdir(join(warehouseDir, 'incoming'))).toEqual([]);

		requests.length = 0;
		const second = await fetchSources([{ kind: 'portal', url: listing }], options);
		expect(second.files).toEqual([]);
		expect(names(second.skipped)).toEqual(NAMES);
		expect(requests).toEqual([expect.stringMatching(/^GET \/api\/exports 200/u)]);
	});

	it('fails without retrying when the token is refused', async () => {
		const { options, listing, sleeps } = await setUp({ token: 'right' });
		const result = await fetchSources([{ kind: 'portal', url: listing }], { ...options, token: 'wrong' });
		expect(result).toMatchObject({ ok: false, files: [], failures: [{ name: null, reason: expect.stringContaining('HTTP 401') }] });
		expect(sleeps).toEqual([]);
	});

	it('retries through HTTP 500s with exponential backoff, then succeeds', async () => {
		const { options, listing, sleeps, lines } = await setUp({ faults: { fail: { first: 3 } } });
		const result = await fetchSources([{ kind: 'portal', url: listing }], options);
		expect(result.ok).toBe(true);
		expect(names(result.files)).toEqual(NAMES);
		expect(sleeps).toEqual([75, 150, 300]);
		expect(lines).toContainEqual(expect.stringContaining('listing: HTTP 500'));
	});

	it('times out slow responses and retries', async () => {
		// The slow answers wait far longer than the timeout, and the timeout is far longer than a loopback answer takes on a busy machine.
		const { options, listing, sleeps } = await setUp({ faults: { slow: { ms: 15_000, first: 2 } } });
		const result = await fetchSources([{ kind: 'portal', url: listing }], { ...options, http: { ...HTTP, timeoutMs: 3_000 } });
		expect(result.ok).toBe(true);
		expect(names(result.files)).toEqual(NAMES);
		expect(sleeps).toHaveLength(2);
	});

	it('retries downloads whose connection drops mid-body and leaves no .part behind', async () => {
		const { warehouseDir, options, listing, sleeps, lines } = await setUp({ faults: { drop: { first: 3 } } });
		const result = await fetchSources([{ kind: 'portal', url: listing }], options);
		expect(result.ok).toBe(true);
		expect(sleeps).toHaveLength(3);
		expect(lines.filter((l) => l.includes('retry'))).toHaveLength(3);
		expect((await readdir(join(warehouseDir, 'incoming'))).sort()).toEqual(NAMES);
		for (const file of result.files) expect(file.sha256).toBe(sha256Of(TEST_EXPORTS[file.name]!));
	});

	it('fails cleanly, naming the file, when its checksum never matches; nothing of it is kept or landed', async () => {
		const bad = 'sang-kien_T38_20220420-0800.json';
		const { warehouseDir, options, listing, lines } = await setUp({ faults: { wrongChecksum: [bad] } });
		const result = await fetchSources([{ kind: 'portal', url: listing }], options);
		expect(result.ok).toBe(false);
		expect(result.failures).toEqual([
			{ name: bad, source: listing, reason: expect.stringMatching(/^sang-kien_T38_20220420-0800\.json: sha256 [0-9a-f]{64} does not match/u) }
		]);
		expect(lines).toContainEqual(expect.stringContaining(`failed ${bad}`));
		expect(names(result.files)).toEqual(NAMES.filter((n) => n !== bad));
		expect((await readdir(join(warehouseDir, 'incoming'))).filter((n) => n.startsWith(bad))).toEqual([]);
		await landFiles(warehouseDir, result.files);
		expect((await listLandedFiles(warehouseDir)).map((f) => f.name)).not.toContain(bad);
	});

	it('lands bytes already landed under another name from the landed copy, without downloading', async () => {
		const { dir, warehouseDir, options, listing, requests } = await setUp();
		const local = await fetchSources([{ kind: 'folder', path: dir }], options);
		const units = local.files.find((f) => f.name === 'don-vi_20220108-0000.csv')!;
		const [landed] = await landFiles(warehouseDir, [{ ...units, name: 'don-vi_20220101-0000.csv' }]);
		const result = await fetchSources([{ kind: 'portal', url: listing }], options);
		expect(result.files.find((f) => f.name === units.name)?.path).toBe(landed!.path);
		expect(requests.some((r) => r.includes(units.name))).toBe(false);
	});
});

describe('backoffDelay', () => {
	it('doubles from the base, caps at the maximum, and jitters within [½, 1) of it', () => {
		expect([0, 1, 2, 3, 4, 5].map((n) => backoffDelay(n, 500, 10_000, () => 0.999999))).toEqual([
			500, 1_000, 2_000, 4_000, 8_000, 10_000
		]);
		expect(backoffDelay(3, 500, 10_000, () => 0)).toBe(2_000);
	});
});
