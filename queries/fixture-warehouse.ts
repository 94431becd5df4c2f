// Test support: a small real warehouse (in-memory DuckDB, every schema file, merged by the real merge and build stages) whose figures are computed by hand in the tests.
import { Kysely } from 'kysely';
import { mergeInitiatives } from '../pipelines/merge/merge-initiatives.ts';
import { mergeUnits } from '../pipelines/merge/merge-units.ts';
import { buildMarts } from '../pipelines/build/build-marts.ts';
import { Database, type SqlParameter } from '../warehouse/duckdb/database.ts';
import { DuckDBDialect } from '../warehouse/duckdb/duckdb-dialect.ts';
import { createSchema } from '../warehouse/schema/create-schema.ts';
import { loadReference } from '../warehouse/schema/load-reference.ts';
import type { WarehouseSchema } from '../warehouse/tables.ts';

interface UnitSpec {
	code: string;
	level: number;
	parent?: string;
	sector?: string;
	members: number;
	target: number | null;
	registered?: number | null;
	phase1?: number | null;
}

/**
 * The tree (members, assigned target): T38 Thanh Hóa (1000, 100; 120 from the don-vi export of 01/05/2022)
 * ├ T38.01 (600, 60) ├ T38.01.0001 state enterprise (400, 40) └ T38.01.0002 education (200, 20)
 * └ T38.02 (400, NO target) └ T38.02.0001 health (400, none). T40 Nghệ An (500, 50) └ T40.01 └ T40.01.0001 commune.
 * T01 Hà Nội (2000, 200; registered 300) └ T01.01 └ T01.01.0001 FDI enterprise. N01 Education union (300, 30)
 * └ N01.0001 education (300, target 1). T35 Hà Nam (100, 10) └ T35.01 └ T35.01.0001 health: EMPTY (no initiative).
 */
export const FIXTURE_UNITS: UnitSpec[] = [
	{ code: 'T38', level: 1, members: 1000, target: 100, registered: 150, phase1: 40 },
	{ code: 'T38.01', level: 2, parent: 'T38', members: 600, target: 60 },
	{ code: 'T38.01.0001', level: 3, parent: 'T38.01', sector: 'Doanh nghiệp nhà nước', members: 400, target: 40 },
	{ code: 'T38.01.0002', level: 3, parent: 'T38.01', sector: 'Giáo dục', members: 200, target: 20 },
	{ code: 'T38.02', level: 2, parent: 'T38', members: 400, target: null },
	{ code: 'T38.02.0001', level: 3, parent: 'T38.02', sector: 'Y tế', members: 400, target: null },
	{ code: 'T40', level: 1, members: 500, target: 50 },
	{ code: 'T40.01', level: 2, parent: 'T40', members: 500, target: 50 },
	{ code: 'T40.01.0001', level: 3, parent: 'T40.01', sector: 'Xã, phường, thị trấn', members: 500, target: 50 },
	{ code: 'T01', level: 1, members: 2000, target: 200, registered: 300 },
	{ code: 'T01.01', level: 2, parent: 'T01', members: 2000, target: 200 },
	{ code: 'T01.01.0001', level: 3, parent: 'T01.01', sector: 'Doanh nghiệp có vốn đầu tư nước ngoài', members: 2000, target: 200 },
	{ code: 'N01', level: 1, members: 300, target: 30 },
	{ code: 'N01.0001', level: 3, parent: 'N01', sector: 'Giáo dục', members: 300, target: 1 },
	{ code: 'T35', level: 1, members: 100, target: 10 },
	{ code: 'T35.01', level: 2, parent: 'T35', members: 100, target: 10 },
	{ code: 'T35.01.0001', level: 3, parent: 'T35.01', sector: 'Y tế', members: 100, target: 10 }
];

interface Row {
	id: string;
	unit: string;
	submitted: string;
	status?: 'under_review' | 'valid' | 'invalid';
	reviewed?: string;
	benefit?: number | null;
	author: string;
	phone?: string;
	field?: string;
	leader?: boolean;
	title?: string;
}

const SXKD = 'Sản xuất, kinh doanh';
const I1: Row = { id: 'I1', unit: 'T38.01.0001', submitted: '2022-02-01 10:00', status: 'valid', reviewed: '2022-02-10 00:00', benefit: 100, author: 'Lê Văn An', phone: '0911000001', field: SXKD };
const I2: Row = { id: 'I2', unit: 'T38.01.0001', submitted: '2022-02-02 00:00', status: 'valid', reviewed: '2022-02-11 00:00', benefit: 300, author: 'Lê Văn An', phone: '0911000001', field: SXKD };
const I2_INVALID: Row = { ...I2, status: 'invalid', reviewed: '2022-03-20 00:00', benefit: null };
const I3: Row = { id: 'I3', unit: 'T38.01.0002', submitted: '2022-02-03 00:00', author: 'Đỗ Thị Bình', phone: '0911000002', field: 'Giáo dục, đào tạo', leader: true };
const I3_VALID: Row = { ...I3, status: 'valid', reviewed: '2022-06-05 00:00', benefit: 400 };
const I4: Row = { id: 'I4', unit: 'T40.01.0001', submitted: '2022-02-04 00:00', status: 'valid', reviewed: '2022-02-12 00:00', benefit: 50, author: 'Trần Cường', phone: '0911000003' };
const I5: Row = { id: 'I5', unit: 'T40.01.0001', submitted: '2022-02-05 00:00', status: 'invalid', reviewed: '2022-02-13 00:00', author: 'Trần Cường', phone: '0911000003' };
const I6: Row = { id: 'I6', unit: 'T01.01.0001', submitted: '2022-02-06 00:00', status: 'valid', reviewed: '2022-02-14 00:00', benefit: null, author: 'Phạm Dung', phone: '0911000004', field: SXKD };
const I7: Row = { id: 'I7', unit: 'N01.0001', submitted: '2022-02-07 00:00', status: 'valid', reviewed: '2022-02-15 00:00', benefit: 1000, author: 'Vũ Em', phone: '0911000005', field: 'Giáo dục, đào tạo', leader: true };
const I8: Row = { id: 'I8', unit: 'T38.02.0001', submitted: '2022-02-08 00:00', status: 'valid', reviewed: '2022-02-16 00:00', benefit: 200, author: 'Hà Giang', phone: '0911000006', field: 'Y tế' };
const I9: Row = { id: 'I9', unit: 'T01.01.0001', submitted: '2022-06-02 09:30', status: 'valid', reviewed: '2022-06-03 00:00', benefit: 500, author: 'Phạm Dung', phone: '+84 911 000 004', field: SXKD };
const I10: Row = { id: 'I10', unit: 'T40.01.0001', submitted: '2022-06-09 00:00', author: 'Ngô Hải', phone: '0911000007' };

/**
 * The exports, in load order (F3 arrives late):
 * F1 national 01/03/2022 08:00: I1–I8 (I3 under review). F2 national 10/06/2022 08:00: I2 invalid since 20/03,
 * I3 valid since 05/06 (400), I4 missing → withdrawn at 10/06 08:00, new I9 (T01, 500) and I10 (T40, under review).
 * F3 T38 only 01/04/2022 08:00: I1, I2 invalid (reviewed 20/03), I3, I8.
 */
export const FIXTURE_FILES = [
	{ fileId: 1, scope: 'toan-quoc', exportedAt: '2022-03-01 08:00', rows: [I1, I2, I3, I4, I5, I6, I7, I8] },
	{ fileId: 2, scope: 'toan-quoc', exportedAt: '2022-06-10 08:00', rows: [I1, I2_INVALID, I3_VALID, I5, I6, I7, I8, I9, I10] },
	{ fileId: 3, scope: 'T38', exportedAt: '2022-04-01 08:00', rows: [I1, I2_INVALID, I3, I8] }
];

export const FIXTURE_VERSION = 'v000001-r20220610-090000-abcd';

async function insert(db: Database, table: string, row: SqlParameter[]): Promise<void> {
	await db.run(`INSERT INTO ${table} VALUES (${row.map((_, i) => `$${i + 1}`).join(', ')})`, row);
}

async function sourceFile(db: Database, fileId: number, name: string, dataset: string, scope: string | null, exportedAt: string, rows: number) {
	await insert(db, 'source_file', [fileId, `sha-${fileId}`, name, dataset, scope, exportedAt, 'csv', false, 100, 'r-test', 'loaded', null, rows, rows, 0, 0]);
}

async function unitFile(db: Database, fileId: number, exportedAt: string, t38Target: number) {
	await sourceFile(db, fileId, `don-vi_${fileId}.csv`, 'units', null, exportedAt, FIXTURE_UNITS.length);
	for (const [i, u] of FIXTURE_UNITS.entries()) {
		const target = u.code === 'T38' ? t38Target : u.target;
		await insert(db, 'staged_unit', [fileId, i + 2, u.code, `Đơn vị ${u.code}`, u.level, u.parent ?? null, null, u.code.slice(1, 3), u.sector ?? null, u.members, target, u.registered ?? null, u.phase1 ?? null]);
	}
}

/** Builds the fixture warehouse (in memory, or in a DuckDB file): the Database and the Kysely handle queries take. */
export async function openFixtureWarehouse(path = ':memory:'): Promise<{ database: Database; db: Kysely<WarehouseSchema>; close: () => Promise<void> }> {
	const database = await Database.open(path, { threads: 1 });
	await createSchema(database);
	await loadReference(database);
	await unitFile(database, 100, '2022-01-08 00:00', 100);
	await unitFile(database, 101, '2022-05-01 00:00', 120);
	for (const file of FIXTURE_FILES) {
		await sourceFile(database, file.fileId, `sang-kien_${file.scope}_${file.fileId}.csv`, 'initiatives', file.scope, file.exportedAt, file.rows.length);
		for (const [i, r] of file.rows.entries()) {
			await insert(database, 'staged_initiative', [file.fileId, i + 2, r.id, r.title ?? `Sáng kiến ${r.id}`, r.field ?? 'Khác', r.author, null, r.phone ?? null, r.leader ? 'Giám đốc' : 'Công nhân', r.leader ?? false, r.unit, r.submitted, null, r.status ?? 'under_review', r.reviewed ?? null, r.benefit ?? null]);
			await insert(database, 'file_presence', [file.fileId, r.id]);
		}
	}
	await insert(database, 'quarantine', [1, 10, 'Ngày cập nhật', '31/02/2022', 'bad_date', 'invalid date "31/02/2022"', 'X1', 'T38', null]);
	await insert(database, 'quarantine', [1, 11, 'Giá trị làm lợi', 'abc', 'bad_benefit', 'invalid benefit "abc"', 'X2', 'T38', null]);
	await insert(database, 'quarantine', [2, 12, 'Ngày cập nhật', '32/01/2022', 'bad_date', 'invalid date "32/01/2022"', 'X3', 'T40', null]);
	await insert(database, 'warehouse_meta', ['version', FIXTURE_VERSION]);
	await mergeUnits(database);
	await mergeInitiatives(database);
	await buildMarts(database);
	const db = new Kysely<WarehouseSchema>({ dialect: new DuckDBDialect({ database }) });
	return {
		database,
		db,
		close: async () => {
			await db.destroy();
			database.close();
		}
	};
}

/** The fixture warehouse as a version built before authors were numbered: initiative_period carries the author key's text (from initiative), not its number. */
export async function openKeyTextFixtureWarehouse(): ReturnType<typeof openFixtureWarehouse> {
	const warehouse = await openFixtureWarehouse();
	await warehouse.database.run(`ALTER TABLE initiative_period ADD COLUMN author_key VARCHAR;
		UPDATE initiative_period p SET author_key = i.author_key FROM initiative i WHERE i.initiative_id = p.initiative_id;
		ALTER TABLE initiative_period DROP COLUMN author_key_no`);
	return warehouse;
}
