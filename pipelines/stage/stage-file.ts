// Stage 3: reads one landed export (CSV, XLSX or JSON) into a temporary all-text view with row numbers, registers it in source_file, rejects broken files whole and quarantines malformed rows.
import type { Database } from '../../warehouse/duckdb/database.ts';
import { missingHeaders } from './export-headers.ts';
import { createIngestTables } from './ingest-schema.ts';
import type { LandedFile } from './landed-file.ts';
import { rawTableName } from './sql-text.ts';
import { malformedRowMessage, rejectMessage } from './stage-messages.ts';
import { readCsvRows } from './stage-csv.ts';
import { readJsonRows } from './stage-json.ts';
import { readXlsxRows } from './stage-xlsx.ts';
import type { FileRejectReason, MalformedRow, RawRead, StagedFile } from './staged-file.ts';

export interface StageOptions {
	runId?: string | null;
}

function readRows(db: Database, landed: LandedFile, fileId: number): Promise<RawRead> {
	if (landed.format === 'csv') return readCsvRows(db, landed, fileId);
	if (landed.format === 'json') return readJsonRows(db, landed, fileId);
	return readXlsxRows(db, landed, fileId);
}

/** Level-1 unit the file's scope names (a unit code), which must fix rows it cannot otherwise tell. */
export function scopeUnit(landed: LandedFile): string | null {
	return landed.scope && landed.scope !== 'toan-quoc' ? landed.scope : null;
}

async function insertSourceFile(db: Database, landed: LandedFile, fileId: number, runId: string | null, rowsRead: number, reject: FileRejectReason | null): Promise<void> {
	await db.run(
		`INSERT INTO source_file (file_id, sha256, file_name, dataset, scope, exported_at, format, gzip, size_bytes,
		   run_id, status, reject_reason, rows_read, rows_loaded, rows_quarantined, rows_superseded)
		 VALUES ($1, $2, $3, $4, $5, $6::TIMESTAMP, $7, $8, $9, $10, $11, $12, $13, 0, $14, 0)`,
		[fileId, landed.sha256, landed.name, landed.dataset, landed.scope, landed.exportedAt, landed.format, landed.gzip,
			landed.sizeBytes, runId, reject ? 'rejected' : 'loaded', reject, rowsRead, reject ? rowsRead : 0]
	);
}

async function insertMalformed(db: Database, landed: LandedFile, fileId: number, rows: MalformedRow[]): Promise<void> {
	for (const row of rows) {
		await db.run(
			`INSERT INTO quarantine (file_id, row_number, field, raw_value, reason_code, message, initiative_id, level1_code, raw_record)
			 VALUES ($1, $2, NULL, $3, 'malformed_row', $4, NULL, $5, json_object('line', $3))`,
			[fileId, row.rowNumber, row.rawLine, malformedRowMessage(row.detail, row.rowNumber, landed.name), scopeUnit(landed)]
		);
	}
}

async function reject(db: Database, landed: LandedFile, fileId: number, runId: string | null, reason: FileRejectReason, detail: string, rowsRead: number): Promise<StagedFile> {
	const message = rejectMessage(reason, detail, landed.name);
	await insertSourceFile(db, landed, fileId, runId, rowsRead, reason);
	await db.run(
		`INSERT INTO quarantine (file_id, row_number, field, raw_value, reason_code, message, initiative_id, level1_code, raw_record)
		 VALUES ($1, NULL, NULL, $2, $3, $4, NULL, $5, NULL)`,
		[fileId, detail, reason, message, scopeUnit(landed)]
	);
	await db.run(`DROP VIEW IF EXISTS stage_rows_${fileId}; DROP TABLE IF EXISTS ${rawTableName(fileId)}; DROP TABLE IF EXISTS ${rawTableName(fileId)}_shift`);
	return { fileId, landed, status: 'rejected', view: null, rowsRead, rowsMalformed: 0, rejectReason: reason, rejectMessage: message };
}

/** Stages one landed file; the view it returns is read by validateUnitFile / validateInitiativeFile. */
export async function stageFile(db: Database, landed: LandedFile, fileId: number, options: StageOptions = {}): Promise<StagedFile> {
	const runId = options.runId ?? null;
	await createIngestTables(db);
	const order = await db.one<{ on: boolean }>(`SELECT current_setting('preserve_insertion_order') AS on`);
	if (!order?.on) throw new Error('stageFile needs preserve_insertion_order = true: row numbers follow read order');
	const read = await readRows(db, landed, fileId);
	if (!read.ok) return reject(db, landed, fileId, runId, read.reason, read.detail, read.rowsRead);
	const columns = await db.all<{ column_name: string }>(`SELECT column_name FROM (DESCRIBE ${read.view})`);
	const missing = missingHeaders(landed.dataset, columns.map((c) => c.column_name));
	const rowsRead = read.rows + read.malformed.length;
	if (missing.length > 0) {
		return reject(db, landed, fileId, runId, 'missing_header', missing.map((h) => `"${h}"`).join(', '), rowsRead);
	}
	await insertSourceFile(db, landed, fileId, runId, rowsRead, null);
	await insertMalformed(db, landed, fileId, read.malformed);
	return { fileId, landed, status: 'staged', view: read.view, rowsRead, rowsMalformed: read.malformed.length, rejectReason: null, rejectMessage: null };
}
