// totals(db, {asOf, unit}) on a hand-made warehouse: every figure computed by hand from fixture-warehouse.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_UNITS, FIXTURE_VERSION, openFixtureWarehouse, openKeyTextFixtureWarehouse } from './fixture-warehouse.ts';
import { scopeCondition, resolveUnit } from './query-context.ts';
import { Kysely, sql } from 'kysely';
import { DuckDBDialect } from '../warehouse/duckdb/duckdb-dialect.ts';
import type { WarehouseSchema } from '../warehouse/tables.ts';
import { totals } from './totals.ts';
import { LEADERSHIP } from './viewer.ts';

let fixture: Awaited<ReturnType<typeof openFixtureWarehouse>>;
beforeAll(async () => {
	fixture = await openFixtureWarehouse();
});
afterAll(async () => fixture.close());

describe('totals', () => {
	it('totals(db, {}) defaults to the latest export and counts withdrawn, late status changes, authors by phone', async () => {
		const t = await totals(fixture.db, { viewer: LEADERSHIP });
		expect(t).toMatchObject({
			asOf: '2022-06-10T08:00:00', latestExport: '2022-06-10T08:00:00', version: FIXTURE_VERSION,
			unit: { code: 'VN', level: 0 },
			// I1 I2 I3 I5 I6 I7 I8 I9 I10 (I4 withdrawn at 10/06 08:00)
			onPortal: 9, valid: 6, underReview: 1, invalid: 2, withdrawn: 1,
			benefit: 100 + 400 + 0 + 1000 + 200 + 500, medianBenefit: 400,
			// An, Bình, Cường, Dung (I6 and I9: same phone written two ways), Em, Giang, Hải
			authors: 7, participatingGrassroots: 6, grassrootsTotal: 7, goalShare: 9 / 1_000_000,
			phases: { phase1: { onPortal: 7, valid: 5, benefit: 1700 }, phase2: { onPortal: 2, valid: 1, benefit: 500 } }
		});
	});

	it('totals(db, {asOf}) uses what is known now about the past (the late T38 export revises I2 after 20/03)', async () => {
		const t = await totals(fixture.db, { viewer: LEADERSHIP, asOf: '01/03/2022 08:00' });
		expect(t).toMatchObject({ asOf: '2022-03-01T08:00:00', onPortal: 8, valid: 6, underReview: 1, invalid: 1, withdrawn: 0, benefit: 1650, medianBenefit: 200, authors: 6, participatingGrassroots: 6 });
		const later = await totals(fixture.db, { viewer: LEADERSHIP, asOf: '2022-03-20T00:00', unit: 'T38' });
		expect(later).toMatchObject({ onPortal: 4, valid: 2, invalid: 1, underReview: 1, benefit: 300, grassrootsTotal: 3 });
		const before = await totals(fixture.db, { viewer: LEADERSHIP, asOf: '2022-03-19T23:59', unit: 'T38' });
		expect(before).toMatchObject({ valid: 3, invalid: 0, benefit: 600 });
	});

	it('totals(db, {unit}) of an empty unit and of a grassroots union', async () => {
		expect(await totals(fixture.db, { viewer: LEADERSHIP, unit: 'T35' })).toMatchObject({ onPortal: 0, valid: 0, benefit: 0, medianBenefit: null, authors: 0, participatingGrassroots: 0, grassrootsTotal: 1 });
		expect(await totals(fixture.db, { viewer: LEADERSHIP, unit: 'T40.01.0001' })).toMatchObject({ onPortal: 2, valid: 0, underReview: 1, invalid: 1, withdrawn: 1, grassrootsTotal: 1 });
		expect(await totals(fixture.db, { viewer: LEADERSHIP, unit: 'T40.01.0001', asOf: '2022-06-10 07:59' })).toMatchObject({ onPortal: 3, valid: 1, benefit: 50, withdrawn: 0 });
	});

	it('counts participating grassroots unions on grassroots_no exactly as on their codes, for every unit at past times', async () => {
		const { rows: numbered } = await sql<{ n: number }>`SELECT count(*) AS n FROM initiative_period WHERE grassroots_no IS NULL`.execute(fixture.db);
		expect(Number(numbered[0]!.n)).toBe(0);
		let some = 0;
		for (const asOf of ['2022-01-20 08:00', '2022-03-01 08:00', '2022-03-20 00:00', '2022-06-10 07:59']) {
			for (const unit of ['VN', ...FIXTURE_UNITS.map((u) => u.code)]) {
				const scope = await resolveUnit(fixture.db, unit);
				const { rows } = await sql<{ n: number }>`SELECT count(DISTINCT grassroots_code) AS n FROM initiative_period p
					WHERE p.from_at <= ${asOf}::TIMESTAMP AND (p.to_at IS NULL OR p.to_at > ${asOf}::TIMESTAMP) AND ${scopeCondition(scope, 'p')}`.execute(fixture.db);
				const t = await totals(fixture.db, { viewer: LEADERSHIP, unit, asOf });
				expect(t.participatingGrassroots, `${unit} ${asOf}`).toBe(Number(rows[0]!.n));
				if (t.participatingGrassroots > 0) some++;
			}
		}
		expect(some).toBeGreaterThan(10);
	});

	it('at a past time counts authors on author_key_no with the same figures as on the text author_key, for every unit', async () => {
		// a version built before the numbers: authors are counted on the key text
		const plain = await openKeyTextFixtureWarehouse();
		try {
			let compared = 0;
			for (const asOf of ['2022-01-20 08:00', '2022-03-01 08:00', '2022-03-20 00:00', '2022-06-10 07:59']) {
				for (const unit of ['VN', ...FIXTURE_UNITS.map((u) => u.code)]) {
					const numbered = await totals(fixture.db, { viewer: LEADERSHIP, unit, asOf });
					const keyed = await totals(plain.db, { viewer: LEADERSHIP, unit, asOf });
					expect(numbered, `${unit} ${asOf}`).toEqual(keyed);
					if (numbered.authors > 0) compared++;
				}
			}
			expect(compared).toBeGreaterThan(10);
			// the numbered path was taken
			const logged: string[] = [];
			const traced = new Kysely<WarehouseSchema>({ dialect: new DuckDBDialect({ database: fixture.database }), log: (event) => void logged.push(event.query.sql) });
			await totals(traced, { viewer: LEADERSHIP, asOf: '2022-03-01 08:00' });
			await traced.destroy();
			expect(logged.some((statement) => statement.includes('count(DISTINCT "author_key_no")'))).toBe(true);
		} finally {
			await plain.close();
		}
	});
});
