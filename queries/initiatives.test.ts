// Initiative list and detail on the hand-made warehouse: as-of membership, diacritics-insensitive search, sorts, pages, viewer scope and hostile input.
import { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DuckDBDialect } from '../warehouse/duckdb/duckdb-dialect.ts';
import type { WarehouseSchema } from '../warehouse/tables.ts';
import { openFixtureWarehouse } from './fixture-warehouse.ts';
import { foldDiacritics } from '../warehouse/text/name-key.ts';
import { searchPattern } from './initiative-search.ts';
import { initiativeDetail, initiativeList, searchNeedle } from './initiatives.ts';
import { QueryInputError } from './query-context.ts';
import { unitPath } from './unit-path.ts';
import { LEADERSHIP, NotVisibleError, type Viewer } from './viewer.ts';

const THANH_HOA: Viewer = { role: 'regional', unitCode: 'T38' };
const UPPER: Viewer = { role: 'regional', unitCode: 'T38.01' };
const PRESS: Viewer = { role: 'press' };
const ADMIN: Viewer = { role: 'admin' };
const viewer = LEADERSHIP;

let fixture: Awaited<ReturnType<typeof openFixtureWarehouse>>;
let db: Kysely<WarehouseSchema>;
let logged: string[];
beforeAll(async () => {
	fixture = await openFixtureWarehouse();
	logged = [];
	db = new Kysely<WarehouseSchema>({ dialect: new DuckDBDialect({ database: fixture.database }), log: (event) => void logged.push(event.query.sql) });
});
afterAll(async () => {
	await db.destroy();
	await fixture.close();
});

const ids = (list: { rows: { initiativeId: string }[] }) => list.rows.map((r) => r.initiativeId);

describe('initiative list', () => {
	it('lists what is on the portal at T inside the unit, newest submission first by default', async () => {
		const t38 = await initiativeList(db, { viewer, unit: 'T38' });
		expect(t38.unit).toBe('T38');
		expect(t38.asOf).toBe('2022-06-10T08:00:00');
		expect(t38.total).toBe(4);
		expect(ids(t38)).toEqual(['I8', 'I3', 'I2', 'I1']);
		expect(t38.rows.find((r) => r.initiativeId === 'I3')).toEqual({
			initiativeId: 'I3', title: 'Sáng kiến I3', field: 'Giáo dục, đào tạo', status: 'valid', submittedAt: '2022-02-03T00:00:00', benefit: 400, author: 'Đỗ Thị Bình', grassrootsCode: 'T38.01.0002'
		});
		// I4 was withdrawn at 10/06 08:00: on the portal in April, not at the latest export; I9 and I10 came in June.
		expect(ids(await initiativeList(db, { viewer, unit: 'T40' }))).toEqual(['I10', 'I5']);
		const april = await initiativeList(db, { viewer, asOf: '20/04/2022 08:00', sort: 'cu-nhat' });
		expect(ids(april)).toEqual(['I1', 'I2', 'I3', 'I4', 'I5', 'I6', 'I7', 'I8']);
		// Status as of T: I3 was under review in April, I2 already invalid.
		expect(april.rows.filter((r) => r.initiativeId === 'I3' || r.initiativeId === 'I2').map((r) => r.status)).toEqual(['invalid', 'under_review']);
		expect(JSON.parse(JSON.stringify(april))).toEqual(april);
	});

	it('search ignores case and diacritics in author and title, and matches ids', async () => {
		for (const search of ['do thi binh', 'ĐỖ THỊ', 'Bình', '  binh ']) expect(ids(await initiativeList(db, { viewer, search })), search).toEqual(['I3']);
		expect(ids(await initiativeList(db, { viewer, search: 'sang kien i1', sort: 'cu-nhat' }))).toEqual(['I1', 'I10']);
		expect(ids(await initiativeList(db, { viewer, search: 'i9' }))).toEqual(['I9']);
		expect((await initiativeList(db, { viewer, unit: 'T40', search: 'bình' })).total).toBe(0);
		// LIKE wildcards are plain text removed from the search, never patterns: '%' alone searches nothing away, 'I_' is 'i'.
		expect((await initiativeList(db, { viewer, search: '%' })).total).toBe(9);
		expect(ids(await initiativeList(db, { viewer, search: 'I_9' }))).toEqual(['I9']);
		expect(searchNeedle('Đỗ%_\\')).toBe('do');
	});

	it('the search pattern matches in stored text exactly where the folded text contains the folded needle (DuckDB RE2)', async () => {
		const texts = ['Đỗ Thị Bình', 'ĐẶNG VĂN ĐỨC', 'Cải tiến quy trình (giai đoạn 2022-2023)', 'Nguyễn Văn Ánh', 'Ứng dụng CNTT: 50% nhanh hơn', 'Hệ thống [a-z]+ $1 \\d', 'Crème brûlée', 'Phạm Thị Ngọc Ỳ'];
		const needles = ['do thi binh', 'dang van duc', 'duc', 'cai tien quy', '(giai doan 2022-2023)', 'nguyen van anh', 'van a', 'ung dung cntt: 50%', '[a-z]+ $1', '\\d', 'creme brulee', 'ngoc y', 'y', 'đ', 'x'];
		let matches = 0;
		for (const raw of needles) {
			const needle = foldDiacritics(raw).replace(/[%_\\]/gu, '').trim();
			if (!needle) continue;
			for (const text of texts) {
				const expected = foldDiacritics(text).includes(needle);
				const [row] = await fixture.database.all<{ m: boolean }>('SELECT regexp_matches($1, $2) AS m', [text, searchPattern(needle)]);
				expect(row!.m, `${raw} in ${text}`).toBe(expected);
				if (expected) matches++;
			}
		}
		expect(matches).toBeGreaterThan(10);
	});

	it('sorts by submission, benefit (missing last) or title, and pages with the total of every page', async () => {
		const oldest = await initiativeList(db, { viewer, sort: 'cu-nhat', limit: 3, offset: 3 });
		expect(oldest.total).toBe(9);
		expect(ids(oldest)).toEqual(['I5', 'I6', 'I7']);
		expect(ids(await initiativeList(db, { viewer, sort: 'cu-nhat', limit: 3, offset: 8 }))).toEqual(['I10']);
		expect(ids(await initiativeList(db, { viewer, sort: 'cu-nhat', limit: 3, offset: 9 }))).toEqual([]);
		expect(ids(await initiativeList(db, { viewer, sort: 'lam-loi' }))).toEqual(['I7', 'I9', 'I3', 'I8', 'I1', 'I10', 'I2', 'I5', 'I6']);
		expect(ids(await initiativeList(db, { viewer, sort: 'ten', limit: 2 }))).toEqual(['I1', 'I10']);
		expect((await initiativeList(db, { viewer, limit: 0 })).rows).toEqual([]);
	});

	it('answers only inside the viewer detail scope: regional unions their subtree; press and admin nothing', async () => {
		expect((await initiativeList(db, { viewer: THANH_HOA, unit: 'T38.01' })).total).toBe(3);
		expect((await initiativeList(db, { viewer: UPPER, unit: 'T38.01.0002' })).total).toBe(1);
		for (const [who, unit] of [[THANH_HOA, 'T40'], [THANH_HOA, undefined], [UPPER, 'T38'], [UPPER, 'T38.02.0001'], [PRESS, 'T38'], [PRESS, undefined], [ADMIN, 'T38.01.0001']] as const) {
			await expect(initiativeList(db, { viewer: who, unit }), `${who.role} ${unit}`).rejects.toBeInstanceOf(NotVisibleError);
		}
	});
});

describe('initiative detail', () => {
	it('gives the initiative, its state at T and the history of its periods up to T', async () => {
		const i2 = await initiativeDetail(db, { viewer, id: 'I2' });
		expect(i2).toMatchObject({ initiativeId: 'I2', author: 'Lê Văn An', grassrootsCode: 'T38.01.0001', upperCode: 'T38.01', level1Code: 'T38', statusAtT: 'invalid', benefitAtT: null, withdrawnAt: null });
		expect(i2.history).toEqual([
			{ from: '2022-02-02T00:00:00', to: '2022-02-11T00:00:00', status: 'under_review', benefit: null },
			{ from: '2022-02-11T00:00:00', to: '2022-03-20T00:00:00', status: 'valid', benefit: 300 },
			{ from: '2022-03-20T00:00:00', to: null, status: 'invalid', benefit: null }
		]);
		const march = await initiativeDetail(db, { viewer, id: 'I2', asOf: '2022-03-01T08:00' });
		expect(march.statusAtT).toBe('valid');
		expect(march.benefitAtT).toBe(300);
		expect(march.history.at(-1)).toEqual({ from: '2022-02-11T00:00:00', to: null, status: 'valid', benefit: 300 });
		const i4 = await initiativeDetail(db, { viewer, id: 'I4' });
		expect(i4.statusAtT).toBeNull();
		expect(i4.withdrawnAt).toBe('2022-06-10T08:00:00');
		expect(JSON.parse(JSON.stringify(i4))).toEqual(i4);
	});

	it('unknown and not visible answer the same NotVisibleError', async () => {
		expect((await initiativeDetail(db, { viewer: THANH_HOA, id: 'I3' })).author).toBe('Đỗ Thị Bình');
		for (const [who, id] of [[THANH_HOA, 'I4'], [UPPER, 'I8'], [PRESS, 'I1'], [ADMIN, 'I1'], [viewer, 'I404'], [viewer, '']] as const) {
			await expect(initiativeDetail(db, { viewer: who, id }), `${who.role} ${id}`).rejects.toBeInstanceOf(NotVisibleError);
		}
	});

	it('unitPath gives the ancestors nation first', async () => {
		expect((await unitPath(db, 'T38.01.0002')).map((u) => [u.code, u.level])).toEqual([['VN', 0], ['T38', 1], ['T38.01', 2], ['T38.01.0002', 3]]);
		expect(await unitPath(db, 'VN')).toEqual([{ code: 'VN', name: 'Toàn quốc', level: 0 }]);
	});
});

describe('hostile input', () => {
	const HOSTILE = ["' OR '1'='1", "'; DROP TABLE initiative; --", "I1' UNION SELECT phone FROM initiative --", '%', '\\', '\u0000', 'x'.repeat(10_000)];
	const fingerprint = () => fixture.database.all(`SELECT (SELECT count(*) FROM initiative) AS initiatives, (SELECT count(*) FROM initiative_period) AS periods, (SELECT count(*) FROM duckdb_tables()) AS tables`);

	it('search text, ids and units only travel as bound parameters; options are whitelisted', async () => {
		const before = await fingerprint();
		logged.length = 0;
		for (const text of HOSTILE) {
			expect((await initiativeList(db, { viewer, search: text })).rows.every((r) => r.initiativeId.startsWith('I'))).toBe(true);
			await expect(initiativeDetail(db, { viewer, id: text })).rejects.toBeInstanceOf(NotVisibleError);
			await expect(initiativeList(db, { viewer, unit: text })).rejects.toMatchObject({ code: 'unknown_unit' });
		}
		expect(logged.length).toBeGreaterThan(0);
		for (const sqlText of logged) for (const text of HOSTILE.filter((t) => t.length > 1)) expect(sqlText).not.toContain(text);
		await expect(initiativeList(db, { viewer, sort: 'ten; DROP TABLE unit' as never })).rejects.toMatchObject({ code: 'invalid_option' });
		for (const limit of [-1, 1.5, Number.NaN, 1e9]) await expect(initiativeList(db, { viewer, limit }), String(limit)).rejects.toBeInstanceOf(QueryInputError);
		await expect(initiativeList(db, { viewer, limit: 10, offset: -5 })).rejects.toMatchObject({ code: 'invalid_option' });
		await expect(initiativeList(db, { viewer, asOf: "2022-04-20'; DROP TABLE unit; --" })).rejects.toMatchObject({ code: 'invalid_as_of' });
		expect(await fingerprint()).toEqual(before);
	});
});
