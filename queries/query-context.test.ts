// A version's stamp and units (and unit paths made of them) are read once per version's handle (a published version never changes), never across handles, and unknown units are not kept.
import { Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DuckDBDialect } from '../warehouse/duckdb/duckdb-dialect.ts';
import type { WarehouseSchema } from '../warehouse/tables.ts';
import { FIXTURE_VERSION, openFixtureWarehouse } from './fixture-warehouse.ts';
import { QueryInputError, resolveStampAndUnit, SCHEMA_HANDLE } from './query-context.ts';
import { totals } from './totals.ts';
import { unitPath } from './unit-path.ts';
import { LEADERSHIP } from './viewer.ts';

let fixture: Awaited<ReturnType<typeof openFixtureWarehouse>>;
beforeAll(async () => {
	fixture = await openFixtureWarehouse();
});
afterAll(async () => {
	await fixture.close();
});

/** A handle over the fixture's database logging its statements. */
function loggedHandle(): { db: Kysely<WarehouseSchema>; statements: string[] } {
	const statements: string[] = [];
	const db = new Kysely<WarehouseSchema>({ dialect: new DuckDBDialect({ database: fixture.database }), log: (event) => void statements.push(event.query.sql) });
	return { db, statements };
}

const readsStamp = (statement: string) => statement.includes('"warehouse_meta"');
const readsUnit = (statement: string) => /from "unit" as "u"/u.test(statement);

describe('per-version stamp and unit lookups', () => {
	it('reads the stamp and a unit once per handle, with the same figures as a fresh handle', async () => {
		const { db, statements } = loggedHandle();
		try {
			const first = await totals(db, { viewer: LEADERSHIP, unit: 'T38' });
			expect(statements.filter(readsStamp)).toHaveLength(1);
			expect(statements.filter(readsUnit)).toHaveLength(1);
			statements.length = 0;
			const again = await totals(db, { viewer: LEADERSHIP, unit: 'T38', asOf: '2022-04-20 08:00' });
			expect(statements.some(readsStamp) || statements.some(readsUnit)).toBe(false);
			expect(again.version).toBe(FIXTURE_VERSION);
			expect(again.asOf).toBe('2022-04-20T08:00:00');
			expect(first).toEqual(await totals(fixture.db, { viewer: LEADERSHIP, unit: 'T38' }));
			// Another unit is read once, too.
			await totals(db, { viewer: LEADERSHIP, unit: 'T40' });
			expect(statements.filter(readsUnit)).toHaveLength(1);
		} finally {
			await db.destroy();
		}
	});

	it('shares the lookups with handles made over a version handle (SCHEMA_HANDLE), not with other handles', async () => {
		const version = loggedHandle();
		const other = loggedHandle();
		try {
			await resolveStampAndUnit(version.db, undefined, 'T38');
			const perRequest = loggedHandle();
			Object.defineProperty(perRequest.db, SCHEMA_HANDLE, { value: version.db });
			await resolveStampAndUnit(perRequest.db, undefined, 'T38');
			expect(perRequest.statements).toEqual([]);
			await resolveStampAndUnit(other.db, undefined, 'T38');
			expect(other.statements.filter(readsStamp)).toHaveLength(1);
			expect(other.statements.filter(readsUnit)).toHaveLength(1);
			await perRequest.db.destroy();
		} finally {
			await version.db.destroy();
			await other.db.destroy();
		}
	});

	it('builds a unit path from the units looked up (no statement once its units are known), as the unit rows name them', async () => {
		const { db, statements } = loggedHandle();
		try {
			const path = await unitPath(db, 'T38.01.0002');
			expect(statements.filter((statement) => !readsUnit(statement) && !statement.includes('duckdb_tables()'))).toEqual([]);
			const { rows } = await sql<{ unit_code: string; name: string; level: number }>`
				SELECT unit_code, name, level FROM unit WHERE unit_code IN ('T38', 'T38.01', 'T38.01.0002') ORDER BY level`.execute(fixture.db);
			expect(path).toEqual([{ code: 'VN', name: 'Toàn quốc', level: 0 }, ...rows.map((r) => ({ code: r.unit_code, name: r.name, level: r.level }))]);
			statements.length = 0;
			await unitPath(db, 'T38.01');
			expect(statements).toEqual([]);
		} finally {
			await db.destroy();
		}
	});

	it('does not keep an unknown unit, and the unit it returns cannot be changed by a caller', async () => {
		const { db, statements } = loggedHandle();
		try {
			for (let k = 0; k < 2; k++) await expect(resolveStampAndUnit(db, undefined, 'T99')).rejects.toBeInstanceOf(QueryInputError);
			expect(statements.filter(readsUnit)).toHaveLength(2);
			const [, unit] = await resolveStampAndUnit(db, undefined, 'T38');
			expect(Object.isFrozen(unit)).toBe(true);
		} finally {
			await db.destroy();
		}
	});
});
