// The schema files run in their documented order, twice without harm, and the reference tables fill from the reviewed data.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Database } from '../duckdb/database.ts';
import { createSchema, schemaFiles } from './create-schema.ts';
import { loadReference } from './load-reference.ts';

describe('createSchema', () => {
	it('runs ops and reference first, and is idempotent', async () => {
		const db = await Database.open(':memory:');
		const files = await createSchema(db);
		expect(files.slice(0, 2)).toEqual(['ops.sql', 'reference.sql']);
		await createSchema(db);
		const tables = await db.all<{ name: string }>(`SELECT table_name AS name FROM information_schema.tables ORDER BY 1`);
		expect(tables.map((t) => t.name)).toEqual(expect.arrayContaining(['run_log', 'warehouse_meta', 'ref_level1', 'ref_map2025']));
		db.close();
	});

	it('refuses a schema file that is not in the documented order', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'schema-'));
		try {
			writeFileSync(join(dir, 'ops.sql'), 'SELECT 1;');
			writeFileSync(join(dir, 'extra.sql'), 'SELECT 1;');
			await expect(schemaFiles(dir)).rejects.toThrow(/extra\.sql/);
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});
});

describe('loadReference', () => {
	it('fills every ref_ table and replaces it on reload', async () => {
		const db = await Database.open(':memory:');
		await createSchema(db);
		const counts = await loadReference(db);
		await loadReference(db);
		expect(counts.ref_region).toBe(6);
		expect(counts.ref_province).toBe(63);
		expect(counts.ref_map2025).toBe(63);
		const covered = await db.one<{ n: number }>(`SELECT count(DISTINCT code) AS n FROM ref_map2025`);
		expect(covered).toEqual({ n: 34 });
		const thanhHoa = await db.one(`SELECT code, kind, province_code, region_code FROM ref_level1 WHERE code = 'T38'`);
		expect(thanhHoa).toEqual({ code: 'T38', kind: 'provincial', province_code: '38', region_code: expect.any(String) });
		expect(await db.one<{ n: number }>(`SELECT count(*) AS n FROM ref_level1`)).toEqual({ n: counts.ref_level1 });
		db.close();
	});
});
