// The page's read handle on a real in-memory DuckDB: identical reads run once (a leading SQL comment included), across requests with a shared cache; table lookups once per version handle.
import { Kysely, sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Database } from '../../../../warehouse/duckdb/database.ts';
import { DuckDBDialect } from '../../../../warehouse/duckdb/duckdb-dialect.ts';
import type { WarehouseDb } from '../../../../queries/query-context.ts';
import { readsLatestMarts } from '../../../../queries/breakdowns.ts';
import { ReadCache, requestDb } from './request-db.ts';

describe('requestDb', () => {
	let database: Database;
	let target: WarehouseDb;

	beforeEach(async () => {
		database = await Database.open(':memory:');
		await database.run("CREATE TABLE t AS SELECT range AS x FROM range(5)");
		target = new Kysely({ dialect: new DuckDBDialect({ database }) }) as unknown as WarehouseDb;
	});

	afterEach(async () => {
		await target.destroy();
		database.close();
	});

	const reads = [
		['a plain SELECT', sql<{ n: number }>`SELECT count(*) AS n FROM t WHERE x >= ${2}`],
		['a WITH', sql<{ n: number }>`WITH u AS (SELECT x FROM t) SELECT count(*) AS n FROM u WHERE x >= ${2}`],
		['a read opening with line comments', sql<{ n: number }>`-- what this read is for
			-- and a second line
			WITH u AS (SELECT x FROM t) SELECT count(*) AS n FROM u WHERE x >= ${2}`],
		['a read opening with a block comment', sql<{ n: number }>`/* what this read is for */ SELECT count(*) AS n FROM t WHERE x >= ${2}`]
	] as const;

	for (const [name, query] of reads) {
		it(`runs ${name} once per request and once per version with a shared cache`, async () => {
			const cache = new ReadCache(1000);
			const first = requestDb(target, { cache, version: 'v1' });
			const [a, b] = await Promise.all([query.execute(first.db), query.execute(first.db)]);
			expect(a.rows).toEqual([{ n: 3 }]);
			expect(b.rows).toEqual([{ n: 3 }]);
			expect(first.stats).toMatchObject({ executed: 1, shared: 1 });

			const second = requestDb(target, { cache, version: 'v1' });
			expect((await query.execute(second.db)).rows).toEqual([{ n: 3 }]);
			expect(second.stats).toMatchObject({ executed: 0, shared: 1 });

			const otherVersion = requestDb(target, { cache, version: 'v2' });
			await query.execute(otherVersion.db);
			expect(otherVersion.stats).toMatchObject({ executed: 1, shared: 0 });
		});
	}

	it('looks up which tables the version holds once per version handle, not once per request, with every cache off', async () => {
		const latest = { asOf: '2023-10-08T08:00:00', latestExport: '2023-10-08T08:00:00', version: 'v1' };
		const first = requestDb(target);
		expect(await readsLatestMarts(first.db, 'marts', latest)).toBe(false);
		expect(first.stats.executed).toBe(1);
		const second = requestDb(target);
		expect(await readsLatestMarts(second.db, 'marts', latest)).toBe(false);
		expect(second.stats.executed).toBe(0);
		const otherVersion = new Kysely({ dialect: new DuckDBDialect({ database }) }) as unknown as WarehouseDb;
		try {
			const third = requestDb(otherVersion);
			await readsLatestMarts(third.db, 'marts', latest);
			expect(third.stats.executed).toBe(1);
		} finally {
			await otherVersion.destroy();
		}
	});

	it('never shares a write, even one opening with a comment', async () => {
		const { db, stats } = requestDb(target, { cache: new ReadCache(1000), version: 'v1' });
		const write = sql`-- adds a row
			INSERT INTO t VALUES (9)`;
		await write.execute(db);
		await write.execute(db);
		expect(stats).toMatchObject({ executed: 2, shared: 0 });
		expect((await sql<{ n: number }>`SELECT count(*) AS n FROM t`.execute(target)).rows).toEqual([{ n: 7 }]);
	});
});
