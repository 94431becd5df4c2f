// Test support: creates the ingest tables exactly as CONTRACTS.md fixes them and loads small hand-made staged files into a real DuckDB.
import { Database, type SqlParameter } from '../../warehouse/duckdb/database.ts';

const INGEST_DDL = `
CREATE TABLE IF NOT EXISTS ref_level1 (code VARCHAR, name VARCHAR, short_name VARCHAR, kind VARCHAR,
	province_code VARCHAR, region_code VARCHAR, map2025_code VARCHAR, cluster_code VARCHAR);
CREATE TABLE IF NOT EXISTS source_file (file_id INTEGER PRIMARY KEY, sha256 VARCHAR, file_name VARCHAR,
	dataset VARCHAR, scope VARCHAR, exported_at TIMESTAMP, format VARCHAR, gzip BOOLEAN, size_bytes BIGINT,
	run_id VARCHAR, status VARCHAR, reject_reason VARCHAR, rows_read BIGINT, rows_loaded BIGINT,
	rows_quarantined BIGINT, rows_superseded BIGINT);
CREATE TABLE IF NOT EXISTS staged_unit (file_id INTEGER, row_number INTEGER, unit_code VARCHAR, name VARCHAR,
	level INTEGER, parent_code VARCHAR, type VARCHAR, province_code VARCHAR, sector VARCHAR, members BIGINT,
	target_assigned BIGINT, target_registered BIGINT, target_phase1 BIGINT);
CREATE TABLE IF NOT EXISTS staged_initiative (file_id INTEGER, row_number INTEGER, initiative_id VARCHAR,
	title VARCHAR, field VARCHAR, author VARCHAR, coauthors VARCHAR, phone VARCHAR, position VARCHAR,
	is_leader BOOLEAN, grassroots_code VARCHAR, submitted_at TIMESTAMP, recognized_on DATE, status VARCHAR,
	reviewed_at TIMESTAMP, benefit BIGINT);
CREATE TABLE IF NOT EXISTS file_presence (file_id INTEGER, initiative_id VARCHAR);
INSERT INTO ref_level1 VALUES
	('T38', 'Liên đoàn Lao động tỉnh Thanh Hóa', 'Thanh Hóa', 'provincial', '38', 'BTB', '38', 'K3'),
	('T40', 'Liên đoàn Lao động tỉnh Nghệ An', 'Nghệ An', 'provincial', '40', 'BTB', '40', 'K3'),
	('N01', 'Công đoàn Giáo dục Việt Nam', 'Công đoàn Giáo dục Việt Nam', 'sectoral', '01', NULL, NULL, 'K9');
`;

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

/** A fresh in-memory database with the ingest and reference tables. */
export async function openFixtureDatabase(): Promise<Database> {
	const db = await Database.open(':memory:', { threads: 1 });
	await db.run(INGEST_DDL);
	return db;
}

async function insertRows(db: Database, table: string, rows: SqlParameter[][]): Promise<void> {
	for (const row of rows) {
		const placeholders = row.map((_, i) => `$${i + 1}`).join(', ');
		await db.run(`INSERT INTO ${table} VALUES (${placeholders})`, row);
	}
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
