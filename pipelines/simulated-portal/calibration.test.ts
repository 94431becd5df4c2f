// Checks every published calibration figure from the simulated portal's export files (scale 1, default seed, default dirt).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../warehouse/duckdb/database.ts';
import { loadCalibrationDatabase, onPortal as onPortalAt, validAt as validAtTime } from './calibration-reader.ts';
import { ensureSimulatedExports } from './simulated-exports-cache.ts';

/** Every time a figure is asked at: the reader loads the national snapshots that decide them (not all 10 GB). */
const TIMES = ['2022-03-26 23:59:00', '2022-04-10 06:00:00', '2022-04-20 08:00:00', '2022-05-30 23:59:00', '2022-05-31 23:59:00', '2022-10-03 15:33:00', '2022-10-03 15:34:00', '2023-08-31 23:59:00', '2023-10-08 08:00:00'];
const asked = (at: string) => {
	if (!TIMES.includes(at)) throw new Error(`add ${at} to TIMES`);
	return at;
};
const onPortal = (at: string) => onPortalAt(asked(at));
const validAt = (at: string) => validAtTime(asked(at));

let db: Database;
const count = async (where: string) => Number((await db.one<{ n: number }>(`SELECT count(*) AS n FROM initiative WHERE ${where}`))!.n);
const ranking = async (at: string) =>
	(await db.all<{ level1: string; n: number }>(`SELECT level1, count(*) AS n FROM initiative WHERE ${onPortal(at)} GROUP BY level1 ORDER BY n DESC, level1`)).map((r) => [r.level1, Number(r.n)] as const);

beforeAll(async () => {
	const dir = ensureSimulatedExports({ scale: 1 });
	db = await loadCalibrationDatabase(dir, 'don-vi_20220420-0800.csv', TIMES);
}, 3_600_000);
afterAll(() => db?.close());

describe('simulated portal at scale 1 reproduces the published figures', () => {
	it('26/03/2022: the top 8 level-1 units have exactly the published counts', async () => {
		const top = (await ranking('2022-03-26 23:59:00')).slice(0, 9);
		expect(top.slice(0, 8)).toEqual([['T38', 11666], ['T40', 8881], ['T42', 5072], ['T01', 4554], ['T31', 3583], ['T92', 2235], ['T89', 2153], ['T93', 1759]]);
		expect(top[8]![1]).toBeLessThan(1759);
	});

	it('10/04/2022 06:00: more than 126,000 nationally and Hà Nam 11th with 3,757', async () => {
		expect(await count(onPortal('2022-04-10 06:00:00'))).toBeGreaterThan(126000);
		const ranks = await ranking('2022-04-10 06:00:00');
		expect(ranks[10]).toEqual(['T35', 3757]);
		expect(ranks[9]![1]).toBeGreaterThan(3757);
		expect(ranks[11]![1]).toBeLessThan(3757);
	});

	it('20/04/2022 08:00: exactly 163,532 nationally and the published top 10 in order', async () => {
		expect(await count(onPortal('2022-04-20 08:00:00'))).toBe(163532);
		const ranks = await ranking('2022-04-20 08:00:00');
		expect(ranks.slice(0, 10)).toEqual([['T38', 35728], ['T01', 18549], ['T40', 14282], ['T42', 9574], ['T24', 6601], ['T79', 6475], ['T31', 5820], ['T92', 4808], ['T89', 4754], ['T80', 4479]]);
		expect(ranks[10]![1]).toBeLessThan(4479);
	});

	it('20/04/2022 08:00: registered targets of the nation and the two northern clusters', async () => {
		const units = new Map((await db.all<{ code: string; assigned: number; registered: number }>('SELECT code, assigned, registered FROM unit WHERE level = 1')).map((u) => [u.code, u]));
		const sum = (codes: string[]) => codes.reduce((a, c) => a + Number(units.get(c)!.registered), 0);
		const national = [...units.values()].reduce((a, u) => a + Number(u.registered ?? 0), 0);
		const tdmn = ['T17', 'T08', 'T25', 'T06', 'T19', 'T15', 'T10', 'T20', 'T26'];
		expect(national).toBeGreaterThan(1_000_000);
		expect(sum(tdmn)).toBe(66775);
		expect(sum(tdmn) / national).toBeGreaterThan(0.06);
		expect(sum(['T27', 'T22', 'T30', 'T33', 'T34', 'T35', 'T36', 'T37', 'T31', 'T24'])).toBe(166121);
		const over = (c: string) => Number(units.get(c)!.registered) - Number(units.get(c)!.assigned);
		expect([over('T17'), over('T08'), over('T20')]).toEqual([3927, 3008, 828]);
		for (const c of ['T25', 'T06', 'T10']) expect(over(c)).toBeLessThan(0);
		for (const c of ['T19', 'T15', 'T26']) expect(over(c)).toBeGreaterThanOrEqual(0);
		expect([Number(units.get('T01')!.assigned), Number(units.get('T01')!.registered)]).toEqual([60000, 130000]);
		expect(Number(units.get('T35')!.registered) / Number(units.get('T35')!.assigned)).toBeCloseTo(1.05, 2);
		expect(Number(units.get('T31')!.registered)).toBe(45000);
	});

	it('31/05/2022: more than 600,000 nationally (300,000 passed before), Thanh Hóa 170,263', async () => {
		expect(await count(onPortal('2022-05-31 23:59:00'))).toBeGreaterThan(600000);
		expect(await count(onPortal('2022-05-30 23:59:00'))).toBeGreaterThan(300000);
		expect(await count(`${onPortal('2022-05-31 23:59:00')} AND level1 = 'T38'`)).toBe(170263);
	});

	it('the 1,000,000th initiative arrives in the minute 15:34 of 03/10/2022', async () => {
		expect(await count(onPortal('2022-10-03 15:33:00'))).toBeLessThan(1_000_000);
		expect(await count(onPortal('2022-10-03 15:34:00'))).toBeGreaterThanOrEqual(1_000_000);
	});

	it('Bà Rịa – Vũng Tàu at 31/08/2023 23:59: 15,040 valid, 108.9%, > 520 billion, 8 of 14 uppers, one author with 6, largest 4.98 billion', async () => {
		const at = '2023-08-31 23:59:00';
		const first = await db.one<{ first: string }>(`SELECT strftime(min(submitted), '%d/%m/%Y') AS first FROM initiative WHERE level1 = 'T77'`);
		expect(first!.first).toBe('25/02/2022');
		expect(await count(`${validAt(at)} AND level1 = 'T77'`)).toBe(15040);
		const assigned = Number((await db.one<{ a: number }>(`SELECT assigned AS a FROM unit WHERE code = 'T77'`))!.a);
		expect(Math.round((15040 / assigned) * 1000) / 10).toBe(108.9);
		const benefit = await db.one<{ s: number; m: number }>(`SELECT sum(benefit) AS s, max(benefit) AS m FROM initiative WHERE ${validAt(at)} AND level1 = 'T77'`);
		expect(Number(benefit!.s)).toBeGreaterThan(520e9);
		const largest = await db.one<{ m: number }>(`SELECT max(benefit) AS m FROM initiative WHERE ${onPortal(at)} AND level1 = 'T77'`);
		expect(Number(largest!.m)).toBe(4_980_000_000);
		const uppers = await db.all<{ code: string; met: boolean }>(`SELECT u.code, count(i.id) >= u.assigned AS met FROM unit u LEFT JOIN initiative i ON i.upper = u.code AND ${validAt(at).replaceAll('submitted', 'i.submitted')}
			WHERE u.level = 2 AND u.parent = 'T77' GROUP BY u.code, u.assigned`);
		expect(uppers).toHaveLength(14);
		expect(uppers.filter((u) => u.met)).toHaveLength(8);
		const authors = await db.all<{ n: number }>(`SELECT count(*) AS n FROM initiative WHERE ${validAt(at)} AND level1 = 'T77' GROUP BY phone ORDER BY n DESC LIMIT 2`);
		expect(authors.map((a) => Number(a.n))).toEqual([6, expect.any(Number)]);
		expect(Number(authors[1]!.n)).toBeLessThan(6);
	});

	it('Thanh Hóa at 31/08/2023 23:59: 600,175 from 3,655 grassroots unions, > 584 billion, first nationally', async () => {
		const at = '2023-08-31 23:59:00';
		const row = await db.one<{ n: number; g: number }>(`SELECT count(*) AS n, count(DISTINCT grassroots) AS g FROM initiative WHERE ${onPortal(at)} AND level1 = 'T38'`);
		expect([Number(row!.n), Number(row!.g)]).toEqual([600175, 3655]);
		const benefit = await db.one<{ s: number }>(`SELECT sum(benefit) AS s FROM initiative WHERE ${validAt(at)} AND level1 = 'T38'`);
		expect(Number(benefit!.s)).toBeGreaterThan(584e9);
		expect((await ranking(at))[0]![0]).toBe('T38');
	});

	it('08/10/2023: more than 2,000,000 on the portal and more than 33,000 billion VND valid benefit', async () => {
		const at = '2023-10-08 08:00:00';
		expect(await count(onPortal(at))).toBeGreaterThan(2_000_000);
		const benefit = await db.one<{ s: number }>(`SELECT sum(benefit) AS s FROM initiative WHERE ${validAt(at)}`);
		expect(Number(benefit!.s)).toBeGreaterThan(33_000e9);
	});
});
