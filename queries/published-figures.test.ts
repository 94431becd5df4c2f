// Every published figure of ../shared/domain.md, checked with queries/ on the default scale-1 simulated data loaded by the real pipeline.
// The warehouse is built once and cached under var/cache/ (see calibration-warehouse.ts for the exports it loads); set
// SANG_KIEN_FIGURES_WAREHOUSE=<dir> to check another published warehouse instead (e.g. one loaded from every export).
import { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../warehouse/duckdb/database.ts';
import { DuckDBDialect } from '../warehouse/duckdb/duckdb-dialect.ts';
import type { WarehouseSchema } from '../warehouse/tables.ts';
import { openPublished } from '../warehouse/versions/version-files.ts';
import { topInitiatives } from './benefit.ts';
import { ensureCalibrationWarehouse } from './calibration-warehouse.ts';
import { milestones } from './milestones.ts';
import { topAuthors } from './people.ts';
import { peerGroups } from './peers.ts';
import { rankings } from './rankings.ts';
import { targets } from './targets.ts';
import { totals } from './totals.ts';
import { LEADERSHIP } from './viewer.ts';

const viewer = LEADERSHIP;
let database: Database;
let db: Kysely<WarehouseSchema>;

const top = async (asOf: string, n: number) => (await rankings(db, { viewer, asOf, metric: 'onPortal' })).rows.slice(0, n).map((r) => [r.code, r.onPortal, r.rank]);
const level1Targets = async (asOf: string) => new Map((await targets(db, { viewer, asOf })).subUnits.rows.map((r) => [r.code, r]));
const clusterMembers = async (code: string) => (await peerGroups(db, 'cluster')).find((g) => g.code === code)!.members;

describe('published figures (domain.md) from the scale-1 simulated portal through the pipeline', () => {
	beforeAll(async () => {
		const warehouse = process.env.SANG_KIEN_FIGURES_WAREHOUSE || ensureCalibrationWarehouse();
		const opened = await openPublished(warehouse);
		if (!opened) throw new Error(`no published version in ${warehouse}`);
		database = opened.database;
		db = new Kysely<WarehouseSchema>({ dialect: new DuckDBDialect({ database }) });
	}, 4 * 3_600_000);
	afterAll(async () => {
		await db?.destroy();
		database?.close();
	});

	it('26/03/2022: Thanh Hóa 11,666; Nghệ An 8,881; Hà Tĩnh 5,072; Hà Nội 4,554; Hải Phòng 3,583; Cần Thơ 2,235; An Giang 2,153; Hậu Giang 1,759', async () => {
		expect(await top('26/03/2022 23:59', 8)).toEqual([['T38', 11666, 1], ['T40', 8881, 2], ['T42', 5072, 3], ['T01', 4554, 4], ['T31', 3583, 5], ['T92', 2235, 6], ['T89', 2153, 7], ['T93', 1759, 8]]);
	});

	it('~10/04/2022: more than 126,000 nationally, Hà Nam 11th with 3,757', async () => {
		const at = '10/04/2022 06:00';
		expect((await totals(db, { viewer, asOf: at })).onPortal).toBeGreaterThan(126_000);
		const ranked = (await rankings(db, { viewer, asOf: at, metric: 'onPortal' })).rows;
		expect(ranked.find((r) => r.code === 'T35')).toMatchObject({ rank: 11, onPortal: 3757 });
	});

	it('20/04/2022 08:00: 163,532 on the portal, the published top 10, registered targets above 1,000,000 and the registrations of the two northern clusters (66,775 and 166,121)', async () => {
		const at = '20/04/2022 08:00';
		expect((await totals(db, { viewer, asOf: at })).onPortal).toBe(163_532);
		expect((await top(at, 10)).map(([code, count]) => [code, count])).toEqual([['T38', 35728], ['T01', 18549], ['T40', 14282], ['T42', 9574], ['T24', 6601], ['T79', 6475], ['T31', 5820], ['T92', 4808], ['T89', 4754], ['T80', 4479]]);
		const nation = await targets(db, { viewer, asOf: at });
		expect(nation.targetRegistered!).toBeGreaterThan(1_000_000);
		const t = await level1Targets(at);
		const tdmn = (await clusterMembers('TDMN')).reduce((a, c) => a + (t.get(c)?.targetRegistered ?? 0), 0);
		expect(tdmn).toBe(66_775);
		expect(tdmn / nation.targetRegistered!).toBeGreaterThan(0.06);
		// Seed 003's "~10/04" Red River Delta registration: the portal's unit tree carries registrations from its 20/04 export on.
		expect((await clusterMembers('DBSH')).reduce((a, c) => a + (t.get(c)?.targetRegistered ?? 0), 0)).toBe(166_121);
		const over = (c: string) => t.get(c)!.targetRegistered! - t.get(c)!.targetAssigned!;
		expect([over('T17'), over('T08'), over('T20')]).toEqual([3927, 3008, 828]);
		for (const c of ['T25', 'T06', 'T10']) expect(over(c)).toBeLessThan(0);
	});

	it('22/04/2022: phase-1 targets of the South-East (TP HCM ~43,100, Bình Dương ~23,400, … Cao su 1,760; ≈ 84,200)', async () => {
		const t = await level1Targets('22/04/2022 17:00');
		const phase1 = ['T79', 'T74', 'T75', 'T77', 'T80', 'T72', 'N04'].map((c) => t.get(c)!.targetPhase1!);
		expect(phase1).toEqual([43100, 23400, 5000, 3520, 1450, 6000, 1760]);
		expect(Math.abs(phase1.reduce((a, b) => a + b, 0) - 84_200)).toBeLessThan(100);
	});

	it('31/05/2022: more than 600,000 on the portal (300,000 passed before), Thanh Hóa 170,263', async () => {
		expect((await totals(db, { viewer, asOf: '31/05/2022 23:59' })).onPortal).toBeGreaterThan(600_000);
		expect((await totals(db, { viewer, asOf: '31/05/2022 23:59', unit: 'T38' })).onPortal).toBe(170_263);
	});

	it('15:34, 03/10/2022: the 1,000,000th initiative (milestones to the minute)', async () => {
		const m = (await milestones(db, { viewer })).milestones;
		expect(m[0]!.reachedAt! < '2022-05-31T00:00:00').toBe(true);
		expect(m[1]).toEqual({ threshold: 1_000_000, reachedAt: '2022-10-03T15:34:00' });
	});

	it('31/08/2023: Bà Rịa–Vũng Tàu 15,040 valid, 108.9%, > 520 billion, 8 of 14 upper-level unions met target, one author with 6, one initiative of 4.98 billion', async () => {
		const at = '31/08/2023 23:59';
		const t = await targets(db, { viewer, asOf: at, unit: 'T77' });
		expect(t.valid).toBe(15_040);
		expect(Math.round(t.attainment! * 1000) / 10).toBe(108.9);
		expect(t.subUnits).toMatchObject({ total: 14, met: 8 });
		expect((await totals(db, { viewer, asOf: at, unit: 'T77' })).benefit).toBeGreaterThan(520e9);
		const authors = (await topAuthors(db, { viewer, asOf: at, unit: 'T77', limit: 2 })).rows;
		expect(authors[0]!.valid).toBe(6);
		expect(authors[1]!.valid).toBeLessThan(6);
		expect((await topInitiatives(db, { viewer, asOf: at, unit: 'T77', limit: 1 })).rows[0]!.benefit).toBe(4_980_000_000);
	});

	it('31/08/2023: Thanh Hóa 600,175 from 3,655 grassroots unions, > 584 billion, 1st nationally', async () => {
		const at = '31/08/2023 23:59';
		const t = await totals(db, { viewer, asOf: at, unit: 'T38' });
		expect([t.onPortal, t.participatingGrassroots]).toEqual([600_175, 3655]);
		expect(t.benefit).toBeGreaterThan(584e9);
		expect((await top(at, 1))[0]![0]).toBe('T38');
	});

	it('08/10/2023: more than 2 million initiatives and more than 33,000 billion VND benefit', async () => {
		const t = await totals(db, { viewer, asOf: '08/10/2023 08:00' });
		expect(t.onPortal).toBeGreaterThan(2_000_000);
		expect(t.benefit).toBeGreaterThan(33_000e9);
	});
});
