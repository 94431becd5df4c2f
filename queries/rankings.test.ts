// targets, rankings, rank movement, peer statistics, the 2025 map and shares on the hand-made warehouse (answers computed by hand).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openFixtureWarehouse } from './fixture-warehouse.ts';
import { map2025Figures, peerStats, percentileRank, quantile } from './peers.ts';
import { rankFigures, rankMovement, rankings } from './rankings.ts';
import { shares } from './shares.ts';
import { targets } from './targets.ts';
import { LEADERSHIP } from './viewer.ts';

let fixture: Awaited<ReturnType<typeof openFixtureWarehouse>>;
beforeAll(async () => {
	fixture = await openFixtureWarehouse();
});
afterAll(async () => fixture.close());
const viewer = LEADERSHIP;
const ranks = (rows: { code: string; rank: number | null }[]) => rows.map((r) => [r.code, r.rank]);

describe('targets', () => {
	it('targets(db, {unit}) uses the target valid at T (T38: 100 until the don-vi export of 01/05, then 120)', async () => {
		const now = await targets(fixture.db, { viewer, unit: 'T38' });
		expect(now).toMatchObject({ valid: 3, targetAssigned: 120, targetRegistered: 150, targetPhase1: 40, attainment: 3 / 120, attainmentRegistered: 3 / 150, attainmentPhase1: 3 / 40, meets: false, gap: 117 });
		expect(now.subUnits).toMatchObject({ total: 2, withTarget: 1, met: 0 });
		const march = await targets(fixture.db, { viewer, unit: 'T38', asOf: '2022-03-01 08:00' });
		expect(march).toMatchObject({ valid: 3, targetAssigned: 100, attainment: 0.03, gap: 97 });
	});

	it('targets(db, {unit}) of a unit with no target has no attainment, and counts sub-units that met theirs', async () => {
		expect(await targets(fixture.db, { viewer, unit: 'T38.02' })).toMatchObject({ valid: 1, targetAssigned: null, attainment: null, meets: null, gap: null });
		expect((await targets(fixture.db, { viewer, unit: 'N01' })).subUnits).toMatchObject({ total: 1, withTarget: 1, met: 1 });
	});

	it('targets(db, {}) of the nation sums the level-1 targets', async () => {
		const t = await targets(fixture.db, { viewer });
		expect(t).toMatchObject({ valid: 6, targetAssigned: 410, targetRegistered: 450, attainment: 6 / 410, gap: 404 });
		expect(t.subUnits).toMatchObject({ total: 5, withTarget: 5, met: 0 });
	});
});

describe('rankings', () => {
	it('rankings(db, {asOf}) breaks ties by valid count then code, with competition ranks', async () => {
		const march = await rankings(fixture.db, { viewer, asOf: '01/03/2022 08:00', metric: 'valid' });
		expect(ranks(march.rows)).toEqual([['T38', 1], ['N01', 2], ['T01', 2], ['T40', 2], ['T35', 5]]);
		const byPortal = await rankings(fixture.db, { viewer, metric: 'onPortal' });
		expect(ranks(byPortal.rows)).toEqual([['T38', 1], ['T01', 2], ['T40', 3], ['N01', 4], ['T35', 5]]);
		const byAttainment = await rankings(fixture.db, { viewer, metric: 'attainment' });
		expect(ranks(byAttainment.rows)).toEqual([['N01', 1], ['T38', 2], ['T01', 3], ['T35', 4], ['T40', 4]]);
		expect(byAttainment.rows[0]!.value).toBeCloseTo(1 / 30, 12);
	});

	it('rankings(db, {unit, level}) ranks units below a unit and leaves units without a target unranked', async () => {
		const r = await rankings(fixture.db, { viewer, unit: 'T38', level: 2, metric: 'attainment' });
		expect(r.rows.map((x) => [x.code, x.rank, x.value])).toEqual([['T38.01', 1, 2 / 60], ['T38.02', null, null]]);
		const perThousand = await rankings(fixture.db, { viewer, metric: 'perThousandMembers' });
		expect(perThousand.rows.map((x) => [x.code, x.value])).toEqual([['T38', 4], ['T40', 4], ['N01', 1000 / 300], ['T01', 1], ['T35', 0]]);
	});

	it('rankings(db, {peer}) ranks within a peer group', async () => {
		const r = await rankings(fixture.db, { viewer, metric: 'onPortal', peer: { by: 'region', code: 'DBSH' } });
		expect(ranks(r.rows)).toEqual([['T01', 1], ['T35', 2]]);
		expect(r.peer).toMatchObject({ code: 'DBSH' });
	});

	it('rankMovement(db, {from}) reports places gained between two times', async () => {
		const m = await rankMovement(fixture.db, { viewer, metric: 'valid', from: '2022-03-01 08:00' });
		expect(m.rows.map((r) => [r.code, r.rankFrom, r.rankTo, r.change])).toEqual([['T38', 1, 1, 0], ['T01', 2, 2, 0], ['N01', 2, 3, -1], ['T35', 5, 4, 1], ['T40', 2, 4, -2]]);
	});

	it('rankFigures assigns 1, 2, 2, 4 only when metric and valid count both tie', () => {
		const f = (code: string, valid: number, benefit: number) => ({ code, valid, benefit }) as never;
		expect(ranks(rankFigures([f('B', 2, 10), f('A', 1, 10), f('C', 1, 10), f('D', 5, 20), f('E', 0, 1)], 'benefit'))).toEqual([['D', 1], ['B', 2], ['A', 3], ['C', 3], ['E', 5]]);
	});
});

describe('peers and shares', () => {
	it('peerStats(db, {unit, by}) gives median, quartiles and the percentile among the peers', async () => {
		const s = await peerStats(fixture.db, { viewer, unit: 'T38', by: 'region', metric: 'valid' });
		expect(s).toMatchObject({ group: { code: 'BTB', size: 2 }, count: 2, min: 0, q1: 0.75, median: 1.5, q3: 2.25, max: 3, percentile: 75, unit: { code: 'T38', value: 3 } });
		const fromBelow = await peerStats(fixture.db, { viewer, unit: 'T40.01.0001', by: 'cluster', metric: 'valid' });
		expect(fromBelow).toMatchObject({ unit: { code: 'T40', value: 0 }, group: { code: 'BTB' }, percentile: 25 });
		await expect(peerStats(fixture.db, { viewer, unit: 'N01', by: 'region' })).rejects.toThrow(/no region group/);
		expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
		expect(percentileRank([1, 2, 2, 4], 2)).toBe(50);
	});

	it('map2025Figures(db, {}) sums the old provinces each of the 34 new ones covers', async () => {
		const m = await map2025Figures(fixture.db, { viewer });
		expect(m.rows).toHaveLength(34);
		expect(m.rows.find((r) => r.code === '37')).toMatchObject({ covers: ['T35', 'T36', 'T37'], onPortal: 0, valid: 0, targetAssigned: 10, attainment: 0 });
		expect(m.rows.find((r) => r.code === '01')).toMatchObject({ onPortal: 2, valid: 2, benefit: 500, attainment: 0.01 });
	});

	it('shares(db, {by}) put central unions in their own bucket so shares sum to 100%', async () => {
		const s = await shares(fixture.db, { viewer, by: 'region' });
		expect(s.total).toBe(9);
		expect(s.buckets.slice(0, 3).map((b) => [b.code, b.units, b.value, b.share])).toEqual([['BTB', 2, 6, 6 / 9], ['DBSH', 2, 2, 2 / 9], ['TW', 1, 1, 1 / 9]]);
		expect(s.buckets.reduce((a, b) => a + (b.share ?? 0), 0)).toBeCloseTo(1, 12);
		const kind = await shares(fixture.db, { viewer, by: 'kind', metric: 'benefit' });
		expect(kind.buckets.map((b) => [b.code, b.value])).toEqual([['provincial', 1200], ['sectoral', 1000], ['corporation', 0]]);
		const units = await shares(fixture.db, { viewer, by: 'unit', unit: 'T38', metric: 'valid' });
		expect(units.buckets.map((b) => [b.code, b.share])).toEqual([['T38.01', 2 / 3], ['T38.02', 1 / 3]]);
	});
});
