// The hand-written fixture export (pipelines/fixtures) loads to exactly the rows, quarantine and superseded rows of expected.json.
import { mkdtempSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../../warehouse/duckdb/database.ts';
import { writeXlsxFixture, XLSX_FIXTURE_NAME } from '../fixtures/xlsx-fixture.ts';
import { loadFiles } from './fixture-support.ts';
import type { ValidatedFile } from './validated-file.ts';

const fixtures = fileURLToPath(new URL('../fixtures/', import.meta.url));

interface ExpectedFile {
	status: string;
	rowsRead: number;
	rowsLoaded: number;
	rowsQuarantined: number;
	rowsSuperseded: number;
	presence?: number;
	units?: Record<string, unknown>[];
	initiatives?: Record<string, unknown>[];
	quarantine: { row: number | null; reason: string; field: string | null }[];
	superseded: { row: number; kept: number }[];
}

interface Expected {
	unitFile: string;
	initiativeFiles: string[];
	files: Record<string, ExpectedFile>;
}

describe('the fixture export', () => {
	let db: Database;
	let expected: Expected;
	let reports: ValidatedFile[];
	const fileIds = new Map<string, number>();

	beforeAll(async () => {
		expected = JSON.parse(await readFile(join(fixtures, 'expected.json'), 'utf8')) as Expected;
		const scratch = mkdtempSync(join(tmpdir(), 'sk-fixture-'));
		await writeXlsxFixture(join(scratch, XLSX_FIXTURE_NAME));
		const path = (name: string) => join(name === XLSX_FIXTURE_NAME ? scratch : fixtures, name);
		db = await Database.open(':memory:', { threads: 2 });
		reports = await loadFiles(db, path(expected.unitFile), expected.initiativeFiles.map(path));
		[expected.unitFile, ...expected.initiativeFiles].forEach((name, index) => fileIds.set(name, index + 1));
	});

	it('records every file with its status and counts, and the counts add up', async () => {
		const rows = await db.all(
			`SELECT file_name, status, rows_read, rows_loaded, rows_quarantined, rows_superseded FROM source_file ORDER BY file_id`
		);
		const want = [expected.unitFile, ...expected.initiativeFiles].map((name) => {
			const f = expected.files[name]!;
			return { file_name: name, status: f.status, rows_read: f.rowsRead, rows_loaded: f.rowsLoaded,
				rows_quarantined: f.rowsQuarantined, rows_superseded: f.rowsSuperseded };
		});
		expect(rows).toEqual(want);
		for (const r of reports) expect(r.rowsRead).toBe(r.rowsLoaded + r.rowsQuarantined + r.rowsSuperseded);
	});

	it('loads exactly the expected units with normalised values', async () => {
		const rows = await db.all(
			`SELECT row_number AS row, unit_code, level, parent_code, province_code, sector, members, target_assigned,
			        target_registered, target_phase1
			 FROM staged_unit ORDER BY row_number`
		);
		expect(rows).toEqual(expected.files[expected.unitFile]!.units);
	});

	it('loads exactly the expected initiatives with normalised values', async () => {
		for (const name of expected.initiativeFiles) {
			const rows = await db.all(
				`SELECT row_number AS row, initiative_id AS id, grassroots_code, field, is_leader, submitted_at, recognized_on,
				        status, reviewed_at, benefit
				 FROM staged_initiative WHERE file_id = $1 ORDER BY row_number`,
				[fileIds.get(name)!]
			);
			expect({ name, rows }).toEqual({ name, rows: expected.files[name]!.initiatives });
		}
	});

	it('quarantines exactly the expected rows with their reason and field', async () => {
		for (const name of [expected.unitFile, ...expected.initiativeFiles]) {
			const rows = await db.all(
				`SELECT row_number AS row, reason_code AS reason, field FROM quarantine WHERE file_id = $1 ORDER BY row_number`,
				[fileIds.get(name)!]
			);
			expect({ name, rows }).toEqual({ name, rows: expected.files[name]!.quarantine });
		}
	});

	it('lists superseded duplicates with the row that was kept', async () => {
		for (const name of [expected.unitFile, ...expected.initiativeFiles]) {
			const rows = await db.all(
				`SELECT row_number AS row, kept_row_number AS kept FROM superseded_row WHERE file_id = $1 ORDER BY row_number`,
				[fileIds.get(name)!]
			);
			expect({ name, rows }).toEqual({ name, rows: expected.files[name]!.superseded });
		}
	});

	it('records every id a loaded file holds in file_presence, nothing for rejected files', async () => {
		for (const name of expected.initiativeFiles) {
			const row = await db.one<{ n: number }>(`SELECT count(*) AS n FROM file_presence WHERE file_id = $1`, [fileIds.get(name)!]);
			expect({ name, n: row!.n }).toEqual({ name, n: expected.files[name]!.presence });
		}
	});

	it('keeps quoted line breaks, commas and quotes inside one record', async () => {
		const row = await db.one(`SELECT title, position FROM staged_initiative WHERE initiative_id = 'SK-2201-0000002'`);
		expect(row).toEqual({ title: 'Quy trình mới\r\nkiểm tra chất lượng, "5S"', position: 'Công nhân' });
		const last = await db.one(`SELECT position FROM staged_initiative WHERE initiative_id = 'SK-2204-0000026'`);
		expect(last).toEqual({ position: 'Tổ trưởng, tổ 3' });
	});

	it('writes short messages naming the value, row and file, with the raw record and the unit to fix it', async () => {
		const row = await db.one(
			`SELECT message, raw_value, initiative_id, level1_code, raw_record->>'$."Giá trị làm lợi (đồng/năm)"' AS raw
			 FROM quarantine WHERE file_id = 2 AND reason_code = 'bad_benefit'`
		);
		expect(row).toEqual({
			message: 'invalid benefit "4,98 tyy" (row 14, sang-kien_toan-quoc_20220420-0800.csv)',
			raw_value: '4,98 tyy',
			initiative_id: 'SK-2204-0000013',
			level1_code: 'T38',
			raw: '4,98 tyy'
		});
		const rejected = await db.one(`SELECT message FROM quarantine WHERE reason_code = 'missing_header'`);
		expect(rejected).toEqual({
			message: 'file rejected, missing headers "Mã CĐCS", "Trạng thái" (sang-kien_T01_20220420-0800.csv)'
		});
	});
});
