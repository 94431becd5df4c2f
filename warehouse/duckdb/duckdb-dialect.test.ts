// The Kysely DuckDB dialect on a real DuckDB: plain values, one-row "count" results, parameters, transactions, streaming, kept prepared statements.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kysely, sql } from 'kysely';
import { DuckDBConnection } from '@duckdb/node-api';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Database } from './database.ts';
import { DuckDBDialect } from './duckdb-dialect.ts';

interface TestSchema {
	unit: { code: string; name: string; members: number | null };
}

describe('DuckDBDialect', () => {
	let database: Database;
	let db: Kysely<TestSchema>;

	beforeEach(async () => {
		database = await Database.open(':memory:');
		await database.run('CREATE TABLE unit (code VARCHAR PRIMARY KEY, name VARCHAR NOT NULL, members BIGINT)');
		db = new Kysely<TestSchema>({ dialect: new DuckDBDialect({ database }) });
	});

	afterEach(async () => {
		await db.destroy();
		database.close();
	});

	it('returns a one-row result whose only column is named count (kysely-duckdb drops it)', async () => {
		await db.insertInto('unit').values({ code: 'T38', name: 'Thanh Hóa', members: 10 }).execute();
		const row = await db.selectFrom('unit').select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirst();
		expect(row).toEqual({ count: 1 });
		const raw = await sql<{ count: number }>`SELECT 7 AS count`.execute(db);
		expect(raw.rows).toEqual([{ count: 7 }]);
		expect(raw.numAffectedRows).toBeUndefined();
	});

	it('maps BIGINT, HUGEINT, DECIMAL, DATE and TIMESTAMP to plain values and refuses unsafe integers', async () => {
		const { rows } = await sql`
			SELECT 42::BIGINT AS big, 3::HUGEINT AS huge, 4.98::DECIMAL(18,2) AS dec, DATE '2022-04-20' AS day,
			       TIMESTAMP '2022-04-20 08:00' AS at, NULL::BIGINT AS nothing, true AS yes, 'Hà Nội' AS text`.execute(db);
		expect(rows).toEqual([
			{ big: 42, huge: 3, dec: 4.98, day: '2022-04-20', at: '2022-04-20T08:00:00', nothing: null, yes: true, text: 'Hà Nội' }
		]);
		for (const value of Object.values(rows[0] as object)) expect(typeof value).not.toBe('bigint');
		await expect(sql`SELECT 9007199254740993::HUGEINT AS big`.execute(db)).rejects.toThrow(/exactly representable/);
	});

	it('binds a Date as the TIMESTAMP of its UTC fields, whatever the process time zone', async () => {
		const { rows } = await sql<{ at: string }>`SELECT ${new Date(Date.UTC(2022, 3, 20, 8, 0))}::TIMESTAMP AS at`.execute(db);
		expect(rows).toEqual([{ at: '2022-04-20T08:00:00' }]);
	});

	it('keeps a hostile string as data', async () => {
		const hostile = "T38'); DROP TABLE unit; --";
		await db.insertInto('unit').values({ code: hostile, name: 'x', members: null }).execute();
		const rows = await db.selectFrom('unit').selectAll().where('code', '=', hostile).execute();
		expect(rows).toEqual([{ code: hostile, name: 'x', members: null }]);
		expect(await db.selectFrom('unit').select('code').execute()).toHaveLength(1);
	});

	it('reports affected rows and supports RETURNING', async () => {
		const inserted = await db
			.insertInto('unit')
			.values([
				{ code: 'T01', name: 'Hà Nội', members: 100 },
				{ code: 'T38', name: 'Thanh Hóa', members: 200 }
			])
			.executeTakeFirst();
		expect(inserted.numInsertedOrUpdatedRows).toBe(2n);
		const updated = await db.updateTable('unit').set({ members: 1 }).where('code', '=', 'T01').executeTakeFirst();
		expect(updated.numUpdatedRows).toBe(1n);
		const returned = await db.deleteFrom('unit').where('code', '=', 'T38').returning(['code', 'members']).execute();
		expect(returned).toEqual([{ code: 'T38', members: 200 }]);
	});

	it('commits a transaction and rolls one back when it throws', async () => {
		await db.transaction().execute(async (trx) => {
			await trx.insertInto('unit').values({ code: 'T01', name: 'Hà Nội', members: 1 }).execute();
		});
		await expect(
			db.transaction().execute(async (trx) => {
				await trx.insertInto('unit').values({ code: 'T38', name: 'Thanh Hóa', members: 1 }).execute();
				throw new Error('abort');
			})
		).rejects.toThrow('abort');
		expect(await db.selectFrom('unit').select('code').execute()).toEqual([{ code: 'T01' }]);
	});

	it('runs a read-only transaction that refuses writes', async () => {
		await expect(
			db
				.transaction()
				.setAccessMode('read only')
				.execute((trx) => trx.insertInto('unit').values({ code: 'T01', name: 'Hà Nội', members: 1 }).execute())
		).rejects.toThrow(/read-only/);
		expect(await db.selectFrom('unit').selectAll().execute()).toEqual([]);
	});

	it('streams a large result in chunks of the requested size', async () => {
		let total = 0;
		let chunks = 0;
		const query = sql<{ n: number }>`SELECT range AS n FROM range(5000)`;
		const compiled = query.compile(db);
		const connection = await db.getExecutor().provideConnection(async (c) => {
			for await (const result of c.streamQuery<{ n: number }>(compiled, 1000)) {
				chunks++;
				total += result.rows.reduce((sum, row) => sum + row.n, 0);
			}
			return true;
		});
		expect(connection).toBe(true);
		expect(chunks).toBe(5);
		expect(total).toBe((4999 * 5000) / 2);
		const streamed: number[] = [];
		for await (const row of db.selectFrom('unit').select('members').stream()) streamed.push(row.members ?? 0);
		expect(streamed).toEqual([]);
	});

	it('introspects tables and columns', async () => {
		const tables = await db.introspection.getTables();
		expect(tables.map((t) => t.name)).toEqual(['unit']);
		expect(tables[0]!.columns.map((c) => [c.name, c.dataType, c.isNullable])).toEqual([
			['code', 'VARCHAR', false],
			['name', 'VARCHAR', false],
			['members', 'BIGINT', true]
		]);
	});
});

describe('DuckDBDialect over a path', () => {
	it('opens a file read-only, refuses writes, and closes it on destroy', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'duckdb-dialect-'));
		try {
			const path = join(dir, 'w.duckdb');
			const writer = new Kysely<TestSchema>({ dialect: new DuckDBDialect({ path }) });
			await sql`CREATE TABLE unit (code VARCHAR, name VARCHAR, members BIGINT)`.execute(writer);
			await writer.insertInto('unit').values({ code: 'T38', name: 'Thanh Hóa', members: 5 }).execute();
			await writer.destroy();
			const reader = new Kysely<TestSchema>({ dialect: new DuckDBDialect({ path, readOnly: true }) });
			expect(await reader.selectFrom('unit').selectAll().execute()).toEqual([{ code: 'T38', name: 'Thanh Hóa', members: 5 }]);
			await expect(reader.deleteFrom('unit').execute()).rejects.toThrow(/read-only/i);
			await reader.destroy();
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});

	it('with several connections, runs a quick query while a slow one is still running; with one, after it', async () => {
		const database = await Database.open(':memory:');
		const finishOrder = async (connections: number) => {
			const pooled = new Kysely<TestSchema>({ dialect: new DuckDBDialect({ database, connections }) });
			const order: string[] = [];
			// the slow query is sent first; the quick one can only finish first on a connection of its own
			const slow = sql`SELECT count(*) AS n FROM range(400000000) t(i) WHERE i % 7 = 3`.execute(pooled).then(() => order.push('slow'));
			const quick = sql`SELECT 1 AS n`.execute(pooled).then(() => order.push('quick'));
			await Promise.all([slow, quick]);
			await pooled.destroy();
			return order;
		};
		expect(await finishOrder(1)).toEqual(['slow', 'quick']);
		expect(await finishOrder(3)).toEqual(['quick', 'slow']);
		// a transaction keeps one connection: its temp table is seen by its own later statements
		const pooled = new Kysely<TestSchema>({ dialect: new DuckDBDialect({ database, connections: 3 }) });
		const seen = await pooled.transaction().execute(async (trx) => {
			await sql`CREATE TEMP TABLE own_t AS SELECT 5 AS v`.execute(trx);
			return (await sql<{ v: number }>`SELECT v FROM own_t`.execute(trx)).rows[0]!.v;
		});
		expect(seen).toBe(5);
		await pooled.destroy();
		database.close();
	});

	it('keeps read statements prepared when asked: a repeat is neither parsed nor planned again, with the same rows for new parameters', async () => {
		const database = await Database.open(':memory:');
		await database.run('CREATE TABLE unit (code VARCHAR PRIMARY KEY, name VARCHAR NOT NULL, members BIGINT)');
		const db = new Kysely<TestSchema>({ dialect: new DuckDBDialect({ database }) });
		await db.insertInto('unit').values([{ code: 'T38', name: 'Thanh Hóa', members: 10 }, { code: 'T01', name: 'Hà Nội', members: 20 }, { code: 'T79', name: 'TP. Hồ Chí Minh', members: null }]).execute();
		const extract = vi.spyOn(DuckDBConnection.prototype, 'extractStatements');
		const kept = new Kysely<TestSchema>({ dialect: new DuckDBDialect({ database, preparedStatements: 2 }) });
		try {
			const byCode = (code: string) => kept.selectFrom('unit').select(['name', 'members']).where('code', '=', code).execute();
			expect(await byCode('T38')).toEqual([{ name: 'Thanh Hóa', members: 10 }]);
			expect(await byCode('T01')).toEqual([{ name: 'Hà Nội', members: 20 }]);
			expect(await byCode('T79')).toEqual([{ name: 'TP. Hồ Chí Minh', members: null }]);
			expect(await byCode('X')).toEqual([]);
			expect(extract).toHaveBeenCalledTimes(1);
			// Parameters of another type than the first binding's, a statement without parameters, a leading comment.
			const above = (value: number | string) => sql<{ n: number }>`SELECT count(*) AS n FROM unit WHERE members > ${value}::BIGINT`.execute(kept);
			expect((await above(15)).rows).toEqual([{ n: 1 }]);
			expect((await above('5')).rows).toEqual([{ n: 2 }]);
			expect(extract).toHaveBeenCalledTimes(2);
			// Two are kept: the least recently used (byCode) was dropped for the third and is prepared again.
			expect((await sql<{ n: number }>`-- all units
				SELECT count(*) AS n FROM unit`.execute(kept)).rows).toEqual([{ n: 3 }]);
			expect(await byCode('T38')).toEqual([{ name: 'Thanh Hóa', members: 10 }]);
			expect(extract).toHaveBeenCalledTimes(4);
			// Writes and texts of several statements are not kept (each run parses them).
			await sql`INSERT INTO unit VALUES ('T02', 'Hà Giang', 1)`.execute(kept);
			await sql`INSERT INTO unit VALUES ('T02', 'Hà Giang', 1)`.execute(kept).catch(() => undefined);
			expect(await byCode('T02')).toEqual([{ name: 'Hà Giang', members: 1 }]);
			const several = sql<{ n: number }>`SELECT 1 AS n; SELECT 2 AS n`;
			expect((await several.execute(kept)).rows).toEqual((await several.execute(db)).rows);
			// An error is the statement's own.
			await expect(sql`SELECT nope FROM unit`.execute(kept)).rejects.toThrow(/nope/u);
		} finally {
			await kept.destroy();
			extract.mockRestore();
		}
		// Without the option, each run parses its statement.
		const fresh = vi.spyOn(DuckDBConnection.prototype, 'extractStatements');
		try {
			for (const code of ['T38', 'T01']) await db.selectFrom('unit').select('name').where('code', '=', code).execute();
			expect(fresh).toHaveBeenCalledTimes(2);
		} finally {
			fresh.mockRestore();
			await db.destroy();
			database.close();
		}
	});
});
