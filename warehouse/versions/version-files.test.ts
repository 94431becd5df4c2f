// Publishing is atomic and crash-safe: readers keep their version, CURRENT only moves on publish, old versions are pruned.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Database } from '../duckdb/database.ts';
import { createSchema } from '../schema/create-schema.ts';
import { acquirePipelineLock } from './pipeline-lock.ts';
import { beginVersion, listVersions, openPublished, publishVersion, readCurrent, versionsToPrune } from './version-files.ts';
import { warehousePaths } from './warehouse-paths.ts';

let root: string;
let runCounter = 0;
const nextRunId = () => `r20230831-1200${String(runCounter++).padStart(2, '0')}-abcd`;

/** Builds and publishes a version whose table t holds one value. */
async function publishValue(value: number, keep = 3): Promise<string> {
	const runId = nextRunId();
	const building = await beginVersion(root, runId);
	const db = await Database.open(building.path);
	await createSchema(db);
	await db.run('CREATE OR REPLACE TABLE t AS SELECT $1::INTEGER AS value', [value]);
	db.close();
	return (await publishVersion(root, building.path, runId, { keep })).version;
}

async function readValue(db: Database): Promise<number | undefined> {
	return (await db.one<{ value: number }>('SELECT value FROM t'))?.value;
}

beforeEach(() => {
	root = mkdtempSync(join(tmpdir(), 'warehouse-'));
});

afterEach(() => {
	rmSync(root, { recursive: true, force: true });
});

describe('publishVersion', () => {
	it('switches CURRENT only at publish; a reader opened before keeps the old version, one opened after sees the new', async () => {
		expect(await openPublished(root)).toBeNull();
		const first = await publishValue(1);
		expect(first).toMatch(/^v000001-r20230831-120000-abcd$/);
		const before = (await openPublished(root))!;
		const runId = nextRunId();
		const building = await beginVersion(root, runId);
		expect(building.baseVersion).toBe(first);
		const writer = await Database.open(building.path);
		await writer.run('UPDATE t SET value = 2');
		writer.close();
		expect(await readCurrent(root)).toBe(first);
		const second = (await publishVersion(root, building.path, runId)).version;
		expect(readFileSync(warehousePaths(root).current, 'utf8')).toBe(`${second}.duckdb\n`);
		expect(await readValue(before.database)).toBe(1);
		const after = (await openPublished(root))!;
		expect(after.version).toBe(second);
		expect(await readValue(after.database)).toBe(2);
		expect(await after.database.one('SELECT value FROM warehouse_meta WHERE key = $1', ['run_id'])).toEqual({ value: runId });
		before.database.close();
		after.database.close();
		expect(readdirSync(warehousePaths(root).building)).toEqual([]);
	});

	it('keeps the newest N versions and never the current one', async () => {
		for (let value = 1; value <= 5; value++) await publishValue(value, 2);
		const versions = await listVersions(root);
		expect(versions.map((v) => v.slice(0, 7))).toEqual(['v000004', 'v000005']);
		expect(versionsToPrune(['a', 'b', 'c'], 'a', 1)).toEqual(['b']);
	});

	it('lets a reader keep reading a version that pruning deleted', async () => {
		await publishValue(1, 1);
		const reader = (await openPublished(root))!;
		await publishValue(2, 1);
		expect(await listVersions(root)).toHaveLength(1);
		expect(await readValue(reader.database)).toBe(1);
		reader.database.close();
	});
});

describe('beginVersion', () => {
	it('removes building files of abandoned runs and starts empty before any publish', async () => {
		mkdirSync(warehousePaths(root).building, { recursive: true });
		writeFileSync(join(warehousePaths(root).building, 'r20220101-000000-dead.duckdb'), 'junk');
		writeFileSync(join(warehousePaths(root).building, 'r20220101-000000-dead.duckdb.wal'), 'junk');
		const building = await beginVersion(root, 'r20230831-120000-beef');
		expect(building.removed.sort()).toEqual(['r20220101-000000-dead.duckdb', 'r20220101-000000-dead.duckdb.wal']);
		expect(building.baseVersion).toBeNull();
		expect(readdirSync(warehousePaths(root).building)).toEqual(['r20230831-120000-beef.duckdb']);
	});
});

describe('a run SIGKILLed mid-build', () => {
	it('leaves CURRENT and the published version untouched, and the next run cleans up and publishes', async () => {
		const published = await publishValue(1);
		const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'fixtures/crash-mid-build.ts'), root, 'r20230831-130000-dead'], {
			stdio: ['ignore', 'pipe', 'inherit']
		});
		const building = await new Promise<string>((resolve, reject) => {
			let output = '';
			child.stdout.on('data', (chunk: Buffer) => {
				output += chunk.toString();
				const match = /building (\S+)/u.exec(output);
				if (match) resolve(match[1]!);
			});
			child.on('exit', (code) => reject(new Error(`child exited early with ${code}`)));
		});
		const exited = new Promise((resolve) => child.on('exit', resolve));
		child.kill('SIGKILL');
		await exited;
		expect(existsSync(building)).toBe(true);
		expect(existsSync(warehousePaths(root).lock)).toBe(true);
		expect(await readCurrent(root)).toBe(published);
		const reader = (await openPublished(root))!;
		expect(await readValue(reader.database)).toBe(1);
		reader.database.close();

		const lock = acquirePipelineLock(warehousePaths(root).lock);
		expect(lock.tookOver).toBe(child.pid);
		const next = await publishValue(2);
		lock.release();
		expect(existsSync(building)).toBe(false);
		expect(existsSync(`${building}.wal`)).toBe(false);
		const after = (await openPublished(root))!;
		expect(after.version).toBe(next);
		expect(await readValue(after.database)).toBe(2);
		expect(await after.database.one("SELECT count(*) AS n FROM warehouse_meta WHERE key = 'half_built'")).toEqual({ n: 0 });
		after.database.close();
	});
});
