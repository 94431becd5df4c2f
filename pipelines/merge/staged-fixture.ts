// Test support: a real in-memory warehouse (every schema file, reference data) loaded with small hand-made staged files.
import { Database, type SqlParameter } from '../../warehouse/duckdb/database.ts';
import { createSchema } from '../../warehouse/schema/create-schema.ts';
import { loadReference } from '../../warehouse/schema/load-reference.ts';


export interface UnitRow {
	unit_code: string;
	name?: string;
	level: number;
	parent_code?: string | null;
	sector?: string | null;
	members?: number;
	target_assigned?: number | null;
}

/** The small tree the tests use: two provincial federations (with upper-level unions) and a sectoral union whose grassroots union sits directly under it. */
export const TREE: UnitRow[] = [
	{ unit_code: 'T38', level: 1, members: 1000, target_assigned: 100 },
	{ unit_code: 'T38.01', level: 2, parent_code: 'T38', members: 600, target_assigned: 60 },
	{ unit_code: 'T38.01.0001', level: 3, parent_code: 'T38.01', sector: 'Y tế', members: 400, target_assigned: 40 },
	{ unit_code: 'T38.01.0002', level: 3, parent_code: 'T38.01', sector: 'Giáo dục', members: 200, target_assigned: 20 },
	{ unit_code: 'T38.02', level: 2, parent_code: 'T38', members: 400, target_assigned: 40 },
	{ unit_code: 'T38.02.0001', level: 3, parent_code: 'T38.02', sector: 'Y tế', members: 400, target_assigned: 40 },
	{ unit_code: 'T40', level: 1, members: 500, target_assigned: 50 },
	{ unit_code: 'T40.01', level: 2, parent_code: 'T40', members: 500, target_assigned: 50 },
	{ unit_code: 'T40.01.0001', level: 3, parent_code: 'T40.01', sector: 'Xã, phường, thị trấn', members: 500, target_assigned: 50 },
	{ unit_code: 'N01', level: 1, members: 300, target_assigned: 30 },
	{ unit_code: 'N01.0001', level: 3, parent_code: 'N01', sector: 'Giáo dục', members: 300, target_assigned: 30 }
];

export interface InitiativeRow {
	id: string;
	unit: string;
	submitted: string;
	status?: 'under_review' | 'valid' | 'invalid';
	reviewed?: string | null;
	benefit?: number | null;
	author?: string;
	phone?: string | null;
	title?: string;
}

export interface InitiativeFile {
	fileId: number;
	scope: string;
	exportedAt: string;
	rows: InitiativeRow[];
	/** Ids the file contains only as quarantined rows (present, not staged). */
	quarantinedIds?: string[];
	status?: 'loaded' | 'rejected';
	sha256?: string;
}

export interface UnitFile {
	fileId: number;
	exportedAt: string;
	units: UnitRow[];
	sha256?: string;
}

/** A fresh in-memory warehouse with every table and the reference data. */
export async function openFixtureDatabase(): Promise<Database> {
	const db = await Database.open(':memory:', { threads: 1 });
	await createSchema(db);
	await loadReference(db);
	return db;
}

async function insertRows(db: Database, table: string, rows: SqlParameter[][]): Promise<void> {
	if (rows.length === 0) return;
	const width = rows[0]!.length;
	const tuples = rows.map((_, r) => `(${rows[0]!.map((__, c) => `$${r * width + c + 1}`).join(', ')})`);
	await db.run(`INSERT INTO ${table} VALUES ${tuples.join(', ')}`, rows.flat());
}

async function insertSourceFile(
	db: Database,
	file: { fileId: number; sha256?: string; exportedAt: string; status?: string },
	dataset: string,
	scope: string | null,
	counts: { read: number; loaded: number; quarantined: number }
): Promise<void> {
	const name = dataset === 'units' ? `don-vi_${file.exportedAt}.csv` : `sang-kien_${scope}_${file.exportedAt}.csv`;
	await insertRows(db, 'source_file', [
		[file.fileId, file.sha256 ?? `sha-${dataset}-${scope}-${file.exportedAt}`, name, dataset, scope,
			file.exportedAt, 'csv', false, 100, 'r-test', file.status ?? 'loaded', null,
			counts.read, counts.loaded, counts.quarantined, 0]
	]);
}

/** Loads one don-vi file: its source_file row and staged_unit rows. */
export async function addUnitFile(db: Database, file: UnitFile): Promise<void> {
	const n = file.units.length;
	await insertSourceFile(db, file, 'units', null, { read: n, loaded: n, quarantined: 0 });
	await insertRows(db, 'staged_unit', file.units.map((u, i) => [
		file.fileId, i + 2, u.unit_code, u.name ?? `Unit ${u.unit_code}`, u.level, u.parent_code ?? null,
		null, '38', u.sector ?? null, u.members ?? 0, u.target_assigned ?? null, null, null
	]));
}

/** Loads one sang-kien file: its source_file row, staged rows and presence of every id it contains. */
export async function addInitiativeFile(db: Database, file: InitiativeFile): Promise<void> {
	const quarantined = file.quarantinedIds ?? [];
	const loaded = file.status === 'rejected' ? [] : file.rows;
	await insertSourceFile(db, file, 'initiatives', file.scope, {
		read: file.rows.length + quarantined.length,
		loaded: loaded.length,
		quarantined: file.rows.length + quarantined.length - loaded.length
	});
	await insertRows(db, 'staged_initiative', loaded.map((r, i) => [
		file.fileId, i + 2, r.id, r.title ?? `Title ${r.id}`, 'Khác', r.author ?? `Tác giả ${r.id}`, null,
		r.phone ?? null, 'Công nhân', false, r.unit, r.submitted, null, r.status ?? 'under_review',
		r.reviewed ?? null, r.benefit ?? null
	]));
	const ids = [...file.rows.map((r) => r.id), ...quarantined];
	await insertRows(db, 'file_presence', ids.map((id) => [file.fileId, id]));
}

/** Every row of a table, sorted by all its columns, for comparing whole warehouses. */
export async function tableContents(db: Database, table: string): Promise<unknown[]> {
	return db.all(`SELECT * FROM ${table} ORDER BY ALL`);
}

/**
 * The hand-made programme most tests share (times are Viet Nam wall-clock):
 * F1 national 01/03 08:00: A (T38, under review), B (T38, valid since 20/02, 1,000 VND), C (T40), D (N01).
 * F2 T38 only 01/04 08:00: A now valid (reviewed 15/03, 500 VND); B missing → withdrawn 01/04 08:00 (C, D untouched).
 * F3 national 01/05 08:00: A, B back (reinstated), D only as a quarantined row, new E (T38.02, valid, reviewed
 *    01/01 before its submission 20/04, 2,000 VND); C missing → withdrawn 01/05 08:00. Loaded twice (same content).
 * F4 T40 only 15/03 08:00, arriving late: C invalid, reviewed 10/03.
 */
export const SCENARIO_FILES: InitiativeFile[] = [
	{
		fileId: 1, scope: 'toan-quoc', exportedAt: '2022-03-01 08:00', rows: [
			{ id: 'A', unit: 'T38.01.0001', submitted: '2022-02-01 10:00', phone: '+84 912 345 678', author: 'Lê Văn An' },
			{ id: 'B', unit: 'T38.01.0002', submitted: '2022-02-10 09:00', status: 'valid', reviewed: '2022-02-20 00:00', benefit: 1000, author: 'Đỗ Thị Bình' },
			{ id: 'C', unit: 'T40.01.0001', submitted: '2022-02-15 00:00' },
			{ id: 'D', unit: 'N01.0001', submitted: '2022-02-20 00:00', phone: '0987-654-321' }
		]
	},
	{
		fileId: 2, scope: 'T38', exportedAt: '2022-04-01 08:00', rows: [
			{ id: 'A', unit: 'T38.01.0001', submitted: '2022-02-01 10:00', phone: '+84 912 345 678', author: 'Lê Văn An', status: 'valid', reviewed: '2022-03-15 00:00', benefit: 500 }
		]
	},
	{
		fileId: 3, scope: 'toan-quoc', exportedAt: '2022-05-01 08:00', sha256: 'sha-F3', rows: [
			{ id: 'A', unit: 'T38.01.0001', submitted: '2022-02-01 10:00', phone: '+84 912 345 678', author: 'Lê Văn An', status: 'valid', reviewed: '2022-03-15 00:00', benefit: 500 },
			{ id: 'B', unit: 'T38.01.0002', submitted: '2022-02-10 09:00', status: 'valid', reviewed: '2022-02-20 00:00', benefit: 1000, author: 'Đỗ Thị Bình' },
			{ id: 'E', unit: 'T38.02.0001', submitted: '2022-04-20 00:00', status: 'valid', reviewed: '2022-01-01 00:00', benefit: 2000 }
		],
		quarantinedIds: ['D']
	},
	{
		fileId: 4, scope: 'T40', exportedAt: '2022-03-15 08:00', rows: [
			{ id: 'C', unit: 'T40.01.0001', submitted: '2022-02-15 00:00', status: 'invalid', reviewed: '2022-03-10 00:00' }
		]
	}
];

/** Loads the unit tree and the scenario's initiative files in the given order (indexes into SCENARIO_FILES; file ids follow load order). */
export async function loadScenario(db: Database, order: number[] = [0, 1, 2, 3]): Promise<void> {
	await addUnitFile(db, { fileId: 100, exportedAt: '2022-01-08 00:00', units: TREE });
	for (const [position, index] of order.entries()) {
		await addInitiativeFile(db, { ...SCENARIO_FILES[index]!, fileId: position + 1 });
	}
}
