// A unit's grassroots_no span selects exactly the initiative_period rows its codes select, and unit-span.sql leaves out (so queries fall back to the codes) any unit whose rows are not one range.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSqlFile } from '../pipelines/merge/sql-file.ts';
import { Database } from '../warehouse/duckdb/database.ts';
import { createSchema } from '../warehouse/schema/create-schema.ts';
import { FIXTURE_UNITS, openFixtureWarehouse } from './fixture-warehouse.ts';
import { periodScopeCondition, resolveUnit, scopeCondition, type UnitScope } from './query-context.ts';

let fixture: Awaited<ReturnType<typeof openFixtureWarehouse>>;
beforeAll(async () => {
	fixture = await openFixtureWarehouse();
});
afterAll(async () => fixture.close());

async function periodKeys(condition: ReturnType<typeof scopeCondition>): Promise<string[]> {
	const { rows } = await sql<{ k: string }>`SELECT initiative_id || ' ' || from_at AS k FROM initiative_period p WHERE ${condition} ORDER BY k`.execute(fixture.db);
	return rows.map((r) => r.k);
}

describe('unit spans', () => {
	it('select, for every unit of the fixture, the same periods as its codes (an empty unit: none)', async () => {
		let nonEmpty = 0;
		for (const unit of FIXTURE_UNITS) {
			const scope = await resolveUnit(fixture.db, unit.code);
			expect(scope.span, unit.code).toBeDefined();
			const bySpan = await periodKeys(periodScopeCondition(scope, 'p'));
			expect(bySpan, unit.code).toEqual(await periodKeys(scopeCondition(scope, 'p')));
			if (bySpan.length > 0) nonEmpty++;
		}
		expect(nonEmpty).toBeGreaterThan(FIXTURE_UNITS.length / 2);
		expect((await resolveUnit(fixture.db, 'T35.01.0001')).span).toEqual({ from: 1, to: 0 });
	});

	it('number every period of the fixture', async () => {
		const { rows } = await sql<{ n: number }>`SELECT count(*) AS n FROM initiative_period WHERE grassroots_no IS NULL`.execute(fixture.db);
		expect(Number(rows[0]!.n)).toBe(0);
	});

	it('fall back to the codes for a scope without a span', () => {
		const scope: UnitScope = { code: 'T38.01', name: 'x', level: 2, level1Code: 'T38', upperCode: null, column: 'upper_code' };
		const compiled = (condition: ReturnType<typeof scopeCondition>) => sql`SELECT ${condition}`.compile(fixture.db).sql;
		expect(compiled(periodScopeCondition(scope, 'p'))).toBe(compiled(scopeCondition(scope, 'p')));
		expect(compiled(periodScopeCondition({ ...scope, span: { from: 3, to: 5 } }, 'p'))).toContain('"p"."grassroots_no" BETWEEN $1 AND $2');
	});

	it('leave out a unit whose grassroots unions are not consecutive in tree order', async () => {
		const db = await Database.open(':memory:', { threads: 1 });
		try {
			await createSchema(db);
			// U2 is an upper-level union without a level-1 unit: its scope (upper_code = U2) spans level-1 units A and B, and V's grassroots union sorts between.
			await db.run(`INSERT INTO unit (unit_code, level, level1_code, upper_code) VALUES
				('A', 1, NULL, NULL), ('B', 1, NULL, NULL), ('A.1', 2, 'A', NULL), ('U2', 2, NULL, NULL), ('V', 2, 'A', NULL),
				('A.1.1', 3, 'A', 'A.1'), ('X.1', 3, 'A', 'U2'), ('V.1', 3, 'A', 'V'), ('X.2', 3, 'B', 'U2'), ('E.1', 3, 'B', 'U2')`);
			await db.run(`INSERT INTO initiative (initiative_id, grassroots_code, upper_code, level1_code) VALUES
				('i1', 'A.1.1', 'A.1', 'A'), ('i2', 'X.1', 'U2', 'A'), ('i3', 'V.1', 'V', 'A'), ('i4', 'X.2', 'U2', 'B'), ('i5', 'X.2', 'U2', 'B')`);
			await runSqlFile(db, 'sql/marts/unit-span.sql');
			const spans = Object.fromEntries((await db.all<{ unit_code: string; no_from: number; no_to: number }>('SELECT * FROM unit_span')).map((r) => [r.unit_code, [r.no_from, r.no_to]]));
			// tree order: (A, A.1, A.1.1) 1, (A, U2, X.1) 2, (A, V, V.1) 3, (B, U2, X.2) 4; U2 = {2, 4} is not a range; E.1 has no initiative.
			expect(spans).toEqual({ A: [1, 3], B: [4, 4], 'A.1': [1, 1], V: [3, 3], 'A.1.1': [1, 1], 'X.1': [2, 2], 'V.1': [3, 3], 'X.2': [4, 4], 'E.1': [1, 0] });
		} finally {
			db.close();
		}
	});
});
