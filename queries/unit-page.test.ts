// unitStanding gives every unit of the hand-made warehouse the ranks rankings() gives it (national by valid and by attainment, among peers or siblings), at several as-of times; placeOf follows the tie rule.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_UNITS, openFixtureWarehouse } from './fixture-warehouse.ts';
import { peerGroupOf, quantile } from './peers.ts';
import { rankFigures, rankings } from './rankings.ts';
import { seriesRows } from './series.ts';
import { QueryInputError, resolveStamp, resolveUnit } from './query-context.ts';
import { breakdown, BREAKDOWN_BYS } from './breakdowns.ts';
import { breakdownsOf, medianOnPortalOfUnits, placeOf, seriesOfUnits, standingAtLatest, standingCounts, unitScan, unitStanding } from './unit-page.ts';
import { topInitiativesFrom } from './benefit.ts';
import { topAuthorsFrom } from './people.ts';
import { totalsFrom } from './totals.ts';
import { dailySeries } from './series.ts';
import { unitFigures, type UnitFigure } from './unit-figures.ts';
import { LEADERSHIP, NotVisibleError, type Viewer } from './viewer.ts';

let fixture: Awaited<ReturnType<typeof openFixtureWarehouse>>;
beforeAll(async () => {
	fixture = await openFixtureWarehouse();
});
afterAll(async () => fixture.close());
const viewer = LEADERSHIP;
const PRESS: Viewer = { role: 'press' };

const figure = (code: string, valid: number, attainment: number | null): UnitFigure => ({
	code, name: code, level: 1, parentCode: null, level1Code: code, onPortal: valid, underReview: 0, valid, invalid: 0, benefit: 0, members: null,
	targetAssigned: attainment === null ? null : 10, targetRegistered: null, targetPhase1: null, attainment, attainmentRegistered: null, attainmentPhase1: null, perThousandMembers: null
});

describe('placeOf', () => {
	it('gives competition ranks equal to rankFigures on ties of value and valid count, and null without a value', () => {
		const figures = [figure('A', 5, 0.5), figure('B', 7, 0.5), figure('C', 5, 0.5), figure('D', 1, 0.9), figure('E', 9, null)];
		const ranked = rankFigures(figures, 'attainment');
		for (const f of figures) expect(placeOf(figures, f.code, 'attainment')).toEqual({ rank: ranked.find((r) => r.code === f.code)!.rank, of: 5 });
		expect(placeOf(figures, 'C', 'attainment').rank).toBe(3);
		expect(placeOf(figures, 'E', 'attainment').rank).toBeNull();
		expect(placeOf(figures, 'Z', 'valid')).toEqual({ rank: null, of: 5 });
	});
});

describe('unitStanding', () => {
	for (const asOf of [undefined, '2022-03-01 08:00', '2022-05-15 12:00']) {
		it(`matches rankings() for every unit as of ${asOf ?? 'the latest export'}`, async () => {
			for (const spec of FIXTURE_UNITS) {
				const level = spec.level as 1 | 2 | 3;
				const parentSpec = FIXTURE_UNITS.find((u) => u.code === spec.parent);
				const parent = parentSpec ? { code: parentSpec.code, name: parentSpec.code, level: parentSpec.level } : undefined;
				const standing = await unitStanding(fixture.db, { viewer, asOf, unit: spec.code, parent });
				const place = (rows: { code: string; rank: number | null }[]) => ({ rank: rows.find((r) => r.code === spec.code)?.rank ?? null, of: rows.length });
				expect(standing.national, spec.code).toEqual(place((await rankings(fixture.db, { viewer, asOf, level, metric: 'valid' })).rows));
				expect(standing.metricRank, spec.code).toEqual(place((await rankings(fixture.db, { viewer, asOf, level, metric: 'attainment' })).rows));
				if (level === 1) {
					const by = (await peerGroupOf(fixture.db, spec.code, 'region')) ? 'region' : 'kind';
					const group = (await peerGroupOf(fixture.db, spec.code, by))!;
					const expected = place((await rankings(fixture.db, { viewer, asOf, level: 1, metric: 'attainment', peer: { by, code: group.code } })).rows);
					expect(standing.peer, spec.code).toEqual({ ...expected, name: group.name, by });
				} else {
					const expected = place((await rankings(fixture.db, { viewer, asOf, level, metric: 'attainment', unit: parent!.code })).rows);
					expect(standing.peer, spec.code).toEqual({ ...expected, name: parent!.name, by: 'parent' });
				}
			}
		});
	}

	it('counts upper-level and grassroots standings in DuckDB at the latest export (the path the test above checks there), not in the past', async () => {
		const latest = await resolveStamp(fixture.db);
		const past = await resolveStamp(fixture.db, '2022-03-01 08:00');
		const below = FIXTURE_UNITS.filter((u) => u.level > 1);
		expect(below.length).toBeGreaterThan(3);
		for (const spec of below) {
			const parent = FIXTURE_UNITS.find((u) => u.code === spec.parent)!;
			const counted = await standingAtLatest(fixture.db, latest, spec.code, spec.level as 2 | 3, { code: parent.code, name: parent.code, level: parent.level });
			expect(counted, spec.code).toBeDefined();
			expect(await standingAtLatest(fixture.db, past, spec.code, spec.level as 2 | 3, undefined)).toBeUndefined();
		}
		expect(await standingAtLatest(fixture.db, latest, 'NOPE', 3, undefined)).toBeUndefined();
	});

	it('counts the same from the unit_totals rows of the level as from the unit tree joined to them, and refuses the mart alone when it lacks units of the tree', async () => {
		const latest = await resolveStamp(fixture.db);
		for (const spec of FIXTURE_UNITS.filter((u) => u.level > 1)) {
			const parent = FIXTURE_UNITS.find((u) => u.code === spec.parent)!;
			for (const p of [{ code: parent.code, level: parent.level }, { code: spec.code.split('.')[0]!, level: 1 }, undefined]) {
				const tree = await standingCounts(fixture.db, latest, spec.code, spec.level as 2 | 3, p, 'tree');
				const mart = await standingCounts(fixture.db, latest, spec.code, spec.level as 2 | 3, p, 'mart');
				expect(mart, spec.code).toEqual({ ...tree, tree_units: mart?.units });
			}
		}
		const scratch = await openFixtureWarehouse();
		try {
			const at = await resolveStamp(scratch.db);
			const spec = FIXTURE_UNITS.find((u) => u.level === 3)!;
			const other = FIXTURE_UNITS.find((u) => u.level === 3 && u.code !== spec.code)!;
			await scratch.database.run(`DELETE FROM unit_totals WHERE unit_code = '${other.code}'`);
			expect(await standingCounts(scratch.db, at, spec.code, 3, undefined, 'mart')).toBeUndefined();
			expect(await standingAtLatest(scratch.db, at, spec.code, 3, undefined)).toEqual({
				national: expect.objectContaining({ of: FIXTURE_UNITS.filter((u) => u.level === 3).length }), metricRank: expect.anything(), peer: null
			});
		} finally {
			await scratch.close();
		}
	});

	it('ranks on the target of the version valid at T when a unit export after T changed it (the tree and the mart carry the new one)', async () => {
		const scratch = await openFixtureWarehouse();
		try {
			const at = await resolveStamp(scratch.db);
			const code = 'T38.01.0001';
			// a don-vi export after T assigns 4 instead of 40: a new open version, the old one closed, the tree and mart rebuilt from it
			await scratch.database.run(`INSERT INTO unit_version BY NAME SELECT * REPLACE (TIMESTAMP '2099-01-01' AS valid_from, 4 AS target_assigned) FROM unit_version WHERE unit_code = '${code}' AND valid_to IS NULL`);
			await scratch.database.run(`UPDATE unit_version SET valid_to = TIMESTAMP '2099-01-01' WHERE unit_code = '${code}' AND valid_to IS NULL AND valid_from < TIMESTAMP '2099-01-01'`);
			await scratch.database.run(`UPDATE unit SET target_assigned = 4 WHERE unit_code = '${code}'`);
			await scratch.database.run(`UPDATE unit_totals SET target_assigned = 4, attainment = valid / 4 WHERE unit_code = '${code}'`);
			const figures = await unitFigures(scratch.db, at, { level: 3 });
			expect(figures.find((f) => f.code === code)!.targetAssigned).toBe(40);
			const counted = await standingAtLatest(scratch.db, at, code, 3, { code: 'T38.01', name: 'T38.01', level: 2 });
			expect(counted).toEqual({
				national: placeOf(figures, code, 'valid'),
				metricRank: placeOf(figures, code, 'attainment'),
				peer: { ...placeOf(figures.filter((f) => f.parentCode === 'T38.01'), code, 'attainment'), name: 'T38.01', by: 'parent' }
			});
			for (const from of ['mart', 'tree'] as const) {
				const row = await standingCounts(scratch.db, at, code, 3, undefined, from);
				expect(row?.attainment_ahead, from).toBe(placeOf(figures, code, 'attainment').rank! - 1);
			}
		} finally {
			await scratch.close();
		}
	});

	it('refuses a level the viewer may not see figures of, like rankings()', async () => {
		await expect(unitStanding(fixture.db, { viewer: PRESS, unit: 'T38.01.0001', parent: { code: 'T38.01', name: 'T38.01', level: 2 } })).rejects.toBeInstanceOf(NotVisibleError);
		await expect(rankings(fixture.db, { viewer: PRESS, level: 3 })).rejects.toBeInstanceOf(NotVisibleError);
	});
});

describe('seriesOfUnits', () => {
	it('gives each level-1 and upper-level unit the series seriesRows gives it, in one read', async () => {
		const codes = FIXTURE_UNITS.filter((u) => u.level <= 2).map((u) => u.code);
		const batched = await seriesOfUnits(fixture.db, [...codes, 'NOPE'], '2022-02-01', '2022-06-10');
		let points = 0;
		for (const code of codes) {
			const one = await seriesRows(fixture.db, await resolveUnit(fixture.db, code), '2022-02-01', '2022-06-10');
			expect(batched.get(code), code).toEqual(one);
			points += one.length;
		}
		expect(points).toBeGreaterThan(0);
		expect(batched.get('NOPE')).toEqual([]);
		for (const level of [1, 2] as const) {
			const ofLevel = FIXTURE_UNITS.filter((u) => u.level === level).map((u) => u.code);
			const byLevel = await seriesOfUnits(fixture.db, ofLevel, '2022-02-01', '2022-06-10', level);
			for (const code of ofLevel) expect(byLevel.get(code), code).toEqual(batched.get(code));
		}
		expect(await seriesOfUnits(fixture.db, [], '2022-02-01', '2022-06-10')).toEqual(new Map());
	});
});

describe('medianOnPortalOfUnits', () => {
	it('gives each day the quantile() median of the units with a row that day, as the peer curve took it from their series', async () => {
		const cases = [
			[FIXTURE_UNITS.filter((u) => u.level === 1).map((u) => u.code), 1],
			[['T38', 'T40'], 1],
			[['T38', 'NOPE'], 1],
			[FIXTURE_UNITS.filter((u) => u.level === 2).map((u) => u.code), 2]
		] as const;
		let days = 0;
		for (const [codes, level] of cases) {
			const series = await seriesOfUnits(fixture.db, codes, '2022-01-08', '2022-06-10', level);
			const byDay = new Map<string, number[]>();
			for (const points of series.values()) for (const p of points) byDay.set(p.day, [...(byDay.get(p.day) ?? []), p.onPortal]);
			const expected = [...byDay.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([day, values]) => ({ day, median: quantile(values.sort((a, b) => a - b), 0.5) }));
			expect(await medianOnPortalOfUnits(fixture.db, codes, '2022-01-08', '2022-06-10', level), codes.join()).toEqual(expected);
			days += expected.length;
		}
		expect(days).toBeGreaterThan(100);
		expect(await medianOnPortalOfUnits(fixture.db, [], '2022-01-08', '2022-06-10', 1)).toEqual([]);
	});
});

describe('breakdownsOf', () => {
	it('answers for every unit, viewer and as-of what breakdown() answers for each by, from one query', async () => {
		let rows = 0;
		for (const asOf of [undefined, '2022-03-01 08:00', '2022-05-15 12:00']) {
			for (const unit of ['VN', ...FIXTURE_UNITS.map((u) => u.code)]) {
				for (const who of [viewer, PRESS]) {
					const bys = who === PRESS ? (['field', 'leadership'] as const) : BREAKDOWN_BYS;
					let batched;
					try {
						batched = await breakdownsOf(fixture.db, { viewer: who, asOf, unit, bys });
					} catch (e) {
						await expect(breakdown(fixture.db, { viewer: who, asOf, unit, by: 'field' })).rejects.toBeInstanceOf((e as Error).constructor);
						continue;
					}
					for (const by of bys) {
						const one = await breakdown(fixture.db, { viewer: who, asOf, unit, by });
						expect(batched.get(by), `${unit} ${by} ${asOf}`).toEqual(one);
						rows += one.rows.length;
					}
				}
			}
		}
		expect(rows).toBeGreaterThan(50);
	});
});

describe('unitScan', () => {
	/** What a query answers, or the name of the error it throws. */
	const answer = async <T>(run: () => Promise<T>): Promise<T | { error: string }> => {
		try {
			return await run();
		} catch (e) {
			return { error: (e as Error).constructor.name };
		}
	};

	it('answers what the series, breakdowns, top authors, top initiatives and totals of the periods answer, for every unit, viewer, as-of and limit', async () => {
		const latest = (await resolveStamp(fixture.db)).latestExport;
		const viewers: Viewer[] = [viewer, PRESS, { role: 'regional', unitCode: 'T38' }, { role: 'regional', unitCode: 'T38.01' }];
		let scanned = 0;
		let listed = 0;
		let totalled = 0;
		for (const asOf of [undefined, '2022-03-01 08:00', '2022-05-15 12:00']) {
			for (const unit of ['VN', ...FIXTURE_UNITS.map((u) => u.code)]) {
				for (const who of viewers) {
					for (const [authorLimit, topLimit] of [[20, 10], [1, 2], [null, 1]] as const) {
						const bys = who === PRESS ? (['field', 'leadership'] as const) : BREAKDOWN_BYS;
						const label = `${unit} ${JSON.stringify(who)} ${asOf ?? ''} ${authorLimit}/${topLimit}`;
						const scan = await answer(() => unitScan(fixture.db, { viewer: who, asOf, unit, bys, authorLimit, topLimit, totals: authorLimit !== 1 }));
						if ('error' in (scan ?? {})) {
							expect(await answer(() => breakdownsOf(fixture.db, { viewer: who, asOf, unit, bys })), label).toEqual(scan);
							continue;
						}
						const level = unit === 'VN' ? 0 : FIXTURE_UNITS.find((u) => u.code === unit)!.level;
						if (scan === undefined) {
							// only where the marts answer: levels 0–2 at the latest export
							expect(level <= 2 && (asOf === undefined || asOf === latest), label).toBe(true);
							continue;
						}
						const result = scan as Exclude<typeof scan, { error: string } | undefined>;
						scanned++;
						expect(result.series, label).toEqual(level === 3 ? (await dailySeries(fixture.db, { viewer: who, asOf, unit })).points : null);
						expect(result.breakdowns, label).toEqual(await breakdownsOf(fixture.db, { viewer: who, asOf, unit, bys }));
						const authors = authorLimit === null ? null : await answer(() => topAuthorsFrom(fixture.db, { viewer: who, asOf, unit, limit: authorLimit }, 'periods'));
						expect(result.authors, label).toEqual(authors === null || 'error' in authors ? null : authors.rows);
						const top = await answer(() => topInitiativesFrom(fixture.db, { viewer: who, asOf, unit, limit: topLimit }, 'periods'));
						expect(result.top, label).toEqual('error' in top ? null : top.rows);
						const past = asOf !== undefined && asOf !== latest;
						expect(result.totals, label).toEqual(past && authorLimit !== 1 ? await totalsFrom(fixture.db, { viewer: who, asOf, unit }, 'periods') : null);
						if (result.totals) totalled++;
						listed += (result.authors?.length ?? 0) + (result.top?.length ?? 0);
					}
				}
			}
		}
		expect(scanned).toBeGreaterThan(100);
		expect(listed).toBeGreaterThan(100);
		expect(totalled).toBeGreaterThan(50);
	});

	it('gives a grassroots union the same scan from search_period\'s sector and is_leader as from initiative_period (a version without them)', async () => {
		const without = await openFixtureWarehouse();
		try {
			await without.database.run('ALTER TABLE search_period DROP COLUMN sector; ALTER TABLE search_period DROP COLUMN is_leader');
			let compared = 0;
			for (const asOf of [undefined, '2022-03-01 08:00', '2022-05-15 12:00']) {
				for (const unit of FIXTURE_UNITS.filter((u) => u.level === 3).map((u) => u.code)) {
					const options = { viewer, asOf, unit, bys: BREAKDOWN_BYS, authorLimit: 20, topLimit: 10, totals: true };
					const scan = await unitScan(fixture.db, options);
					expect(scan, unit).toEqual(await unitScan(without.db, options));
					if (scan && [...scan.breakdowns.values()].some((breakdown) => breakdown.rows.length > 0)) compared++;
				}
			}
			expect(compared).toBeGreaterThan(5);
		} finally {
			await without.close();
		}
	});

	it('refuses unknown breakdowns and limits out of range', async () => {
		await expect(unitScan(fixture.db, { viewer, unit: 'T38.01.0001', bys: ['nope' as 'field'], authorLimit: 1, topLimit: 1 })).rejects.toBeInstanceOf(QueryInputError);
		await expect(unitScan(fixture.db, { viewer, unit: 'T38.01.0001', bys: [], authorLimit: 0, topLimit: 1 })).rejects.toBeInstanceOf(QueryInputError);
		await expect(unitScan(fixture.db, { viewer, unit: 'T38.01.0001', bys: [], authorLimit: 1, topLimit: 1001 })).rejects.toBeInstanceOf(QueryInputError);
	});
});
