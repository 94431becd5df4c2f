// A long-running reader moves to a new version within its check interval and finishes in-flight reads on the old one.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Database } from '../duckdb/database.ts';
import { createSchema } from '../schema/create-schema.ts';
import { NoPublishedVersionError, PublishedWarehouse } from './published-warehouse.ts';
import { beginVersion, publishVersion } from './version-files.ts';

let root: string;
let run = 0;

async function publishValue(value: number): Promise<string> {
	const runId = `r20230831-1200${String(run++).padStart(2, '0')}-abcd`;
	const building = await beginVersion(root, runId);
	const db = await Database.open(building.path);
	await createSchema(db);
	await db.run('CREATE OR REPLACE TABLE t AS SELECT $1::INTEGER AS value', [value]);
	db.close();
	return (await publishVersion(root, building.path, runId)).version;
}

const readValue = (warehouse: PublishedWarehouse) =>
	warehouse.use(async ({ db }) => (await sql<{ value: number }>`SELECT value FROM t`.execute(db)).rows[0]!.value);

beforeEach(() => {
	root = mkdtempSync(join(tmpdir(), 'published-'));
});

afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('PublishedWarehouse', () => {
	it('says clearly when nothing is published yet', async () => {
		const warehouse = new PublishedWarehouse(root);
		await expect(readValue(warehouse)).rejects.toThrow(NoPublishedVersionError);
		await warehouse.close();
	});

	it('checks CURRENT at most once per interval and keeps serving the old version until the new one is open', async () => {
		let clock = 0;
		const warehouse = new PublishedWarehouse(root, { checkIntervalMs: 3000, now: () => clock });
		const first = await publishValue(1);
		expect(await readValue(warehouse)).toBe(1);
		expect(warehouse.version).toBe(first);

		let releaseSlowRead!: () => void;
		const slowRead = warehouse.use(async ({ database, version }) => {
			await new Promise<void>((resolve) => (releaseSlowRead = resolve));
			return { version, value: (await database.one<{ value: number }>('SELECT value FROM t'))!.value };
		});

		const second = await publishValue(2);
		clock = 1000;
		expect(await readValue(warehouse)).toBe(1);
		clock = 3000;
		expect(await readValue(warehouse)).toBe(1); // this use starts the refresh and is served by the old handle
		await warehouse.refresh();
		expect(warehouse.version).toBe(second);
		expect(await readValue(warehouse)).toBe(2);

		releaseSlowRead();
		expect(await slowRead).toEqual({ version: first, value: 1 });
		await warehouse.close();
	});
});
