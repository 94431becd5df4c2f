// dailySeries, periodChange and milestones on the hand-made warehouse (answers computed by hand from fixture-warehouse.ts).
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSqlFile } from '../pipelines/merge/sql-file.ts';
import { FIXTURE_UNITS, openFixtureWarehouse } from './fixture-warehouse.ts';
import { milestones } from './milestones.ts';
import { periodScopeCondition, resolveUnit } from './query-context.ts';
import { cumulativeSeriesSql, dailySeries, periodChange, periodOf, searchPeriodsBuilt, seriesRows, toPoint } from './series.ts';
import { LEADERSHIP } from './viewer.ts';

let fixture: Awaited<ReturnType<typeof openFixtureWarehouse>>;
beforeAll(async () => {
	fixture = await openFixtureWarehouse();
});
afterAll(async () => fixture.close());
const viewer = LEADERSHIP;

describe('dailySeries', () => {
	it('dailySeries(db, {}) gives end-of-day national figures with late revisions, withdrawals, phases and the campaign', async () => {
		const s = await dailySeries(fixture.db, { viewer });
		const at = (day: string) => s.points.find((p) => p.day === day);
		expect(s.points[0]!.day).toBe('2022-01-08');
		expect(s.points.at(-1)!.day).toBe('2022-06-10');
		expect(at('2022-02-08')).toEqual({ day: '2022-02-08', onPortal: 8, underReview: 8, valid: 0, invalid: 0, benefit: 0 });
		expect(at('2022-02-16')).toEqual({ day: '2022-02-16', onPortal: 8, underReview: 1, valid: 6, invalid: 1, benefit: 1650 });
		expect(at('2022-03-20')).toMatchObject({ valid: 5, invalid: 2, benefit: 1350 });
		expect(at('2022-06-09')).toMatchObject({ onPortal: 10, valid: 7, benefit: 2250 });
		expect(at('2022-06-10')).toMatchObject({ onPortal: 9, valid: 6, benefit: 2200 });
		expect(s.annotations.map((a) => a.key)).toEqual(['phase1', 'phase2', 'campaign40']);
		expect((await dailySeries(fixture.db, { viewer, asOf: '2022-02-16 12:00' })).points.at(-1)!.day).toBe('2022-02-16');
	});

	it('a grassroots union series computed from periods equals the mart series of its only upper-level union', async () => {
		const grassroots = await seriesRows(fixture.db, await resolveUnit(fixture.db, 'T40.01.0001'), '2022-01-08', '2022-06-10');
		const upper = await seriesRows(fixture.db, await resolveUnit(fixture.db, 'T40.01'), '2022-01-08', '2022-06-10');
		expect(grassroots).toEqual(upper);
		expect(grassroots.find((p) => p.day === '2022-06-09')).toMatchObject({ onPortal: 3, valid: 1, underReview: 1, invalid: 1, benefit: 50 });
		expect(grassroots.at(-1)).toMatchObject({ onPortal: 2, valid: 0, benefit: 0 });
	});

	it('a grassroots union series read from its search_period rows equals the one from initiative_period, for every union', async () => {
		expect(await searchPeriodsBuilt(fixture.db)).toBe(true);
		let changing = 0;
		for (const unit of FIXTURE_UNITS.filter((u) => u.level === 3)) {
			const scope = await resolveUnit(fixture.db, unit.code);
			expect(scope.span, unit.code).toBeDefined();
			const { rows } = await cumulativeSeriesSql(sql`initiative_period`, periodScopeCondition(scope), '2022-01-08', '2022-06-10').execute(fixture.db);
			const points = await seriesRows(fixture.db, scope, '2022-01-08', '2022-06-10');
			expect(points, unit.code).toEqual(rows.map(toPoint));
			if (new Set(points.map((p) => `${p.onPortal}/${p.valid}/${p.benefit}`)).size > 2) changing++;
		}
		expect(changing).toBeGreaterThan(2);
	});
});

describe('periodChange', () => {
	it('periodChange(db, {period}) compares two complete periods', async () => {
		const month = await periodChange(fixture.db, { viewer, period: 'month', asOf: '28/02/2022 23:59' });
		expect(month).toMatchObject({ current: { start: '2022-02-01', end: '2022-03-01', complete: true, increase: 8 }, previous: { start: '2022-01-01', increase: 0 }, delta: 8, refused: null });
		const week = await periodChange(fixture.db, { viewer, period: 'week', asOf: '2022-02-06 23:59' });
		expect(week).toMatchObject({ current: { start: '2022-01-31', end: '2022-02-07', increase: 6 }, previous: { start: '2022-01-24', increase: 0 }, delta: 6 });
	});

	it('periodChange(db, {period}) refuses to compare an incomplete period with a complete one', async () => {
		const month = await periodChange(fixture.db, { viewer, period: 'month' });
		expect(month).toMatchObject({ current: { start: '2022-06-01', complete: false, increase: null }, previous: { start: '2022-05-01', complete: true, increase: 0 }, delta: null, refused: { code: 'incomplete_period' } });
		const afterExports = await periodChange(fixture.db, { viewer, period: 'month', asOf: '2022-07-15 00:00' });
		expect(afterExports.refused?.code).toBe('incomplete_period');
		expect(periodOf('month', '2022-12-31')).toEqual({ start: '2022-12-01', end: '2023-01-01' });
	});
});

describe('milestones', () => {
	it('milestones(db, {thresholds}) finds the first minute on the portal, even when a withdrawal later takes it back below', async () => {
		const m = await milestones(fixture.db, { viewer, thresholds: [8, 9, 10, 11] });
		expect(m.milestones).toEqual([
			{ threshold: 8, reachedAt: '2022-02-08T00:00:00' },
			{ threshold: 9, reachedAt: '2022-06-02T09:30:00' },
			{ threshold: 10, reachedAt: '2022-06-09T00:00:00' },
			{ threshold: 11, reachedAt: null }
		]);
		expect((await milestones(fixture.db, { viewer, thresholds: [10], asOf: '2022-06-08 23:59' })).milestones[0]!.reachedAt).toBeNull();
		expect((await milestones(fixture.db, { viewer, unit: 'T40.01.0001', thresholds: [3] })).milestones[0]!.reachedAt).toBe('2022-06-09T00:00:00');
	});

	it('a threshold touched inside a day and lost again by its end counts at that minute (peak = end of day + withdrawals that day)', async () => {
		// X9 comes onto the portal at 05/06 10:00 (the 10th initiative) and is withdrawn at 11:00 (back to 9 by the end of the day).
		const extra = await openFixtureWarehouse();
		try {
			await extra.database.run(`INSERT INTO initiative BY NAME SELECT 'X9' AS initiative_id, 'T40.01.0001' AS grassroots_code, 'T40.01' AS upper_code, 'T40' AS level1_code`);
			await extra.database.run(`INSERT INTO initiative_period BY NAME SELECT 'X9' AS initiative_id, 'T40.01.0001' AS grassroots_code, 'T40.01' AS upper_code, 'T40' AS level1_code,
				'under_review' AS status, TIMESTAMP '2022-06-05 10:00' AS submitted_at, TIMESTAMP '2022-06-05 10:00' AS from_at, TIMESTAMP '2022-06-05 11:00' AS to_at,
				(SELECT no_from FROM unit_span WHERE unit_code = 'T40.01.0001') AS grassroots_no`);
			await extra.database.run(`INSERT INTO initiative_withdrawal VALUES ('X9', TIMESTAMP '2022-06-05 11:00', NULL)`);
			await runSqlFile(extra.database, 'sql/marts/daily-series.sql');
			const reached = async (unit: string | undefined, threshold: number) => (await milestones(extra.db, { viewer, unit, thresholds: [threshold] })).milestones[0]!.reachedAt;
			expect(await reached(undefined, 10)).toBe('2022-06-05T10:00:00');
			expect(await reached(undefined, 11)).toBeNull();
			expect(await reached('T40', 3)).toBe('2022-06-05T10:00:00');
			expect(await reached('T40.01.0001', 3)).toBe('2022-06-05T10:00:00');
			expect(await reached('T38', 3)).toBe('2022-02-03T00:00:00');
		} finally {
			await extra.close();
		}
	});
});
