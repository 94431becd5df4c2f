// landFiles lands each checksum and name once, read-only, and a second run lands nothing; pruneLanded only removes when asked.
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FetchedFile } from '../fetch/fetched-file.ts';
import { landedNames, landFiles, listLandedFiles } from './land-files.ts';
import { pruneLanded } from './prune-landed.ts';

let dir: string;
beforeEach(async () => {
	dir = await mkdtemp(join(tmpdir(), 'sang-kien-land-'));
});
afterEach(async () => {
	await rm(dir, { recursive: true, force: true });
});

async function fetched(name: string, content: string): Promise<FetchedFile> {
	const path = join(dir, 'in', name);
	await mkdir(join(dir, 'in'), { recursive: true });
	await writeFile(path, content);
	const sha256 = createHash('sha256').update(content).digest('hex');
	return { path, name, sha256, sizeBytes: Buffer.byteLength(content), source: join(dir, 'in') };
}

describe('landFiles', () => {
	it('copies each file to landed/<sha256>/<name>, read-only, and a second run lands nothing', async () => {
		const warehouse = join(dir, 'warehouse');
		const files = [
			await fetched('sang-kien_toan-quoc_20220420-0800.csv', 'Mã sáng kiến\nSK-1\n'),
			await fetched('don-vi_20220108-0000.json', '[]')
		];
		const first = await landFiles(warehouse, files);
		expect(first.map((f) => [f.name, f.alreadyLanded, f.dataset, f.scope, f.exportedAt])).toEqual([
			['sang-kien_toan-quoc_20220420-0800.csv', false, 'initiatives', 'toan-quoc', '2022-04-20T08:00:00'],
			['don-vi_20220108-0000.json', false, 'units', null, '2022-01-08T00:00:00']
		]);
		const landed = first[0]!;
		expect(landed.path).toBe(join(warehouse, 'landed', files[0]!.sha256, files[0]!.name));
		expect(await readFile(landed.path, 'utf8')).toBe('Mã sáng kiến\nSK-1\n');
		expect((await stat(landed.path)).mode & 0o777).toBe(0o444);
		const mtime = (await stat(landed.path)).mtimeMs;

		const second = await landFiles(warehouse, files);
		expect(second.map((f) => f.alreadyLanded)).toEqual([true, true]);
		expect((await stat(landed.path)).mtimeMs).toBe(mtime);
		expect(await readdir(join(warehouse, 'landed', files[0]!.sha256))).toEqual([files[0]!.name]);
	});

	it('moves downloads out of <warehouse>/incoming instead of copying them, and drops re-downloads', async () => {
		const warehouse = join(dir, 'warehouse');
		const name = 'sang-kien_T38_20220420-0800.csv';
		const download = async () => {
			await mkdir(join(warehouse, 'incoming'), { recursive: true });
			const file = await fetched(name, 'downloaded');
			const path = join(warehouse, 'incoming', name);
			await writeFile(path, 'downloaded');
			return { ...file, path };
		};
		const [landed] = await landFiles(warehouse, [await download()]);
		expect(await readFile(landed!.path, 'utf8')).toBe('downloaded');
		expect(await readdir(join(warehouse, 'incoming'))).toEqual([]);
		expect((await landFiles(warehouse, [await download()]))[0]!.alreadyLanded).toBe(true);
		expect(await readdir(join(warehouse, 'incoming'))).toEqual([]);
	});

	it('lands the same bytes under a second export name beside the first', async () => {
		const warehouse = join(dir, 'warehouse');
		const a = await fetched('sang-kien_T38_20220420-0800.csv', 'same');
		const b = await fetched('sang-kien_T38_20220421-0800.csv', 'same');
		await landFiles(warehouse, [a, b, b]);
		expect(await landedNames(warehouse, a.sha256)).toEqual([a.name, b.name]);
	});

	it('refuses names outside the contract and checksums that are not sha256 hex', async () => {
		const warehouse = join(dir, 'warehouse');
		const good = await fetched('don-vi_20220108-0000.csv', 'x');
		await expect(landFiles(warehouse, [{ ...good, name: '../../evil.csv' }])).rejects.toThrow(/evil\.csv/u);
		await expect(landFiles(warehouse, [{ ...good, sha256: '../x' }])).rejects.toThrow(/invalid sha256/u);
	});

	it('fails when the source is not the size fetch verified, leaving nothing behind', async () => {
		const warehouse = join(dir, 'warehouse');
		const file = await fetched('don-vi_20220108-0000.csv', 'abc');
		await expect(landFiles(warehouse, [{ ...file, sizeBytes: 4 }])).rejects.toThrow(/3 bytes, expected 4/u);
		expect(await readdir(join(warehouse, 'landed', file.sha256))).toEqual([]);
	});

	it('listLandedFiles returns every landed file sorted by export time', async () => {
		const warehouse = join(dir, 'warehouse');
		expect(await listLandedFiles(warehouse)).toEqual([]);
		await landFiles(warehouse, [
			await fetched('sang-kien_T38_20220531-1700.csv.gz', 'b'),
			await fetched('sang-kien_toan-quoc_20220420-0800.xlsx', 'a')
		]);
		const listed = await listLandedFiles(warehouse);
		expect(listed.map((f) => [f.name, f.format, f.gzip, f.sizeBytes, f.alreadyLanded])).toEqual([
			['sang-kien_toan-quoc_20220420-0800.xlsx', 'xlsx', false, 1, true],
			['sang-kien_T38_20220531-1700.csv.gz', 'csv', true, 1, true]
		]);
	});
});

describe('pruneLanded', () => {
	it('removes files landed before the cutoff unless their checksum is kept', async () => {
		const warehouse = join(dir, 'warehouse');
		const [old, kept, recent] = await landFiles(warehouse, [
			await fetched('don-vi_20220108-0000.csv', 'old'),
			await fetched('don-vi_20220109-0000.csv', 'kept'),
			await fetched('don-vi_20220110-0000.csv', 'recent')
		]);
		const now = Date.UTC(2024, 0, 31);
		const fortyDaysAgo = new Date(now - 40 * 86_400_000);
		await utimes(old!.path, fortyDaysAgo, fortyDaysAgo);
		await utimes(kept!.path, fortyDaysAgo, fortyDaysAgo);
		await utimes(recent!.path, new Date(now - 86_400_000), new Date(now - 86_400_000));

		const dryRun = await pruneLanded(warehouse, { olderThanDays: 30, keeps: (sha256) => sha256 === kept!.sha256, now: () => now, dryRun: true });
		expect(dryRun).toEqual({ removed: [{ sha256: old!.sha256, name: old!.name, sizeBytes: 3 }], kept: 2 });
		expect(await listLandedFiles(warehouse)).toHaveLength(3);

		const report = await pruneLanded(warehouse, { olderThanDays: 30, keeps: (sha256) => sha256 === kept!.sha256, now: () => now });
		expect(report).toEqual(dryRun);
		expect((await listLandedFiles(warehouse)).map((f) => f.name)).toEqual([kept!.name, recent!.name]);
	});

	it('rejects a negative retention', async () => {
		await expect(pruneLanded(dir, { olderThanDays: -1, keeps: () => false })).rejects.toThrow(/olderThanDays/u);
	});
});
