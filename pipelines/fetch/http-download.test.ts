// downloadVerified times out a body that stalls mid-way (but not one that keeps trickling), and never leaves a .part file.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { downloadVerified } from './http-download.ts';
import { AttemptError } from './retry.ts';
import { sha256Of } from '../simulated-portal/portal-test-exports.ts';

const BODY = 'abcdefghij';
let server: Server | undefined;
let dir: string | undefined;
afterEach(async () => {
	server?.closeAllConnections();
	await new Promise((resolve) => server?.close(resolve) ?? resolve(undefined));
	if (dir) await rm(dir, { recursive: true, force: true });
});

/** A loopback server sending BODY one byte every `gapMs`, stopping for good after `stallAfter` bytes. */
async function trickle(gapMs: number, stallAfter = BODY.length): Promise<string> {
	server = createServer((_req, res) => {
		res.writeHead(200, { 'Content-Length': BODY.length });
		let i = 0;
		const next = () => {
			if (i >= stallAfter) return;
			res.write(BODY[i++]);
			if (i === BODY.length) res.end();
			else setTimeout(next, gapMs);
		};
		next();
	});
	await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
	dir = await mkdtemp(join(tmpdir(), 'sang-kien-download-'));
	return `http://127.0.0.1:${(server.address() as AddressInfo).port}/f`;
}

const expected = { name: 'don-vi_20220108-0000.csv', size: BODY.length, sha256: sha256Of(BODY) };

describe('downloadVerified', () => {
	it('keeps reading a body that trickles in slower overall than the timeout', async () => {
		// 10 bytes 250 ms apart take 2.5 s against a 1.5 s timeout; each gap stays far below it even on a busy machine.
		const url = await trickle(250);
		const dest = join(dir!, expected.name);
		await downloadVerified(url, dest, expected, { timeoutMs: 1_500 });
		expect(await readFile(dest, 'utf8')).toBe(BODY);
	});

	it('gives up on a body that goes silent, as a retryable timeout, leaving no .part', async () => {
		const url = await trickle(5, 4);
		const dest = join(dir!, expected.name);
		const error = await downloadVerified(url, dest, expected, { timeoutMs: 100 }).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(AttemptError);
		expect((error as AttemptError).retryable).toBe(true);
		expect((error as AttemptError).message).toMatch(/no response from .* for 100 ms/u);
		expect(await readdir(dir!)).toEqual([]);
	});
});
