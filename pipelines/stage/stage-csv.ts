// Reads a CSV export (gzip, BOM, CRLF/LF, quoted commas, quotes and line breaks) into a temporary all-text table with DuckDB, numbering rows as a spreadsheet does.
import type { Database } from '../../warehouse/duckdb/database.ts';
import { columnNames } from './export-headers.ts';
import { endsWithLineBreak, readCsvHeader } from './csv-header.ts';
import type { LandedFile } from './landed-file.ts';
import { quoteLiteral, rawTableName, rowsViewName } from './sql-text.ts';
import { readErrorDetail } from './stage-messages.ts';
import type { MalformedRow, RawRead } from './staged-file.ts';

interface CsvReject {
	line: number;
	error_type: string;
	error_message: string;
	csv_line: string | null;
}

/**
 * Thresholds turning a loaded row's position into its row number when rejected records sit between
 * loaded ones: loaded row k (0-based) is row k + 2 + #{i : t_i <= k}, t_i = r_i - i - 1 for the
 * i-th rejected line r_i (1-based i, lines ascending).
 */
export function rowNumberShifts(rejectedLines: readonly number[]): { threshold: number; shift: number }[] {
	const lines = [...new Set(rejectedLines)].sort((a, b) => a - b);
	return lines.map((line, index) => ({ threshold: line - (index + 1) - 1, shift: index + 1 }));
}

/** The read of the file into `table`: strict (any malformed record fails it) when `rejects` is null, else keeping malformed records in `<rejects>_errors`. */
function readCsvSql(landed: LandedFile, table: string, columns: string[], rejects: string | null): string {
	const spec = columns.map((c) => `${quoteLiteral(c)}: 'VARCHAR'`).join(', ');
	const keepRejects = rejects === null ? '' : `, store_rejects = true, rejects_table = '${rejects}_errors', rejects_scan = '${rejects}_scans'`;
	return `CREATE OR REPLACE TEMP TABLE ${table} AS SELECT * FROM read_csv(${quoteLiteral(landed.path)},
		columns = {${spec}}, auto_detect = false, header = true, delim = ',', quote = '"', escape = '"',
		compression = ${landed.gzip ? "'gzip'" : "'none'"}, max_line_size = 16777216${keepRejects})`;
}

/** Reads a well-formed file in one strict pass (storing rejects costs ~15% of the read); false when a record is malformed, so the caller reads it again keeping rejects. */
async function readStrict(db: Database, landed: LandedFile, table: string, columns: string[]): Promise<boolean> {
	try {
		await db.run(readCsvSql(landed, table, columns, null));
		return true;
	} catch {
		return false;
	}
}

/** Reads the file; rejects it whole when a quote is never closed or the last record is cut short. */
export async function readCsvRows(db: Database, landed: LandedFile, fileId: number): Promise<RawRead> {
	const headers = await readCsvHeader(landed.path, landed.gzip);
	const table = rawTableName(fileId);
	const view = rowsViewName(fileId);
	if (headers.length === 0) {
		await db.run(`CREATE OR REPLACE TEMP TABLE ${table} (x VARCHAR)`);
		await db.run(`CREATE OR REPLACE TEMP VIEW ${view} AS SELECT 0::BIGINT AS row_number, * FROM ${table}`);
		return { ok: true, view, rows: 0, malformed: [] };
	}
	const columns = columnNames(headers);
	if (await readStrict(db, landed, table, columns)) {
		const rows = Number((await db.one<{ n: number }>(`SELECT count(*) AS n FROM ${table}`))!.n);
		await createRowsView(db, table, view, []);
		return { ok: true, view, rows, malformed: [] };
	}
	const rejects = `stage_rejects_${fileId}`;
	try {
		await db.run(readCsvSql(landed, table, columns, rejects));
	} catch (error) {
		return { ok: false, reason: 'truncated_file', detail: readErrorDetail(error), rowsRead: 0 };
	}
	const loaded = Number((await db.one<{ n: number }>(`SELECT count(*) AS n FROM ${table}`))!.n);
	const rejected = await db.all<CsvReject & Record<string, string | number | null>>(
		`SELECT line, arg_min(error_type, column_idx) AS error_type, arg_min(error_message, column_idx) AS error_message,
		        any_value(csv_line) AS csv_line
		 FROM ${rejects}_errors GROUP BY line ORDER BY line`
	);
	await db.run(`DROP TABLE IF EXISTS ${rejects}_errors; DROP TABLE IF EXISTS ${rejects}_scans`);
	const lines = rejected.map((r) => Number(r.line));
	const rowsRead = loaded + lines.length;
	const unterminated = rejected.find((r) => /unterminated quote/iu.test(r.error_message));
	if (unterminated) {
		return { ok: false, reason: 'truncated_file', detail: `unterminated quote in row ${unterminated.line}`, rowsRead };
	}
	const last = rejected.at(-1);
	if (last && Number(last.line) >= rowsRead + 1 && last.error_type === 'MISSING COLUMNS') {
		if (!(await endsWithLineBreak(landed.path, landed.gzip))) {
			return { ok: false, reason: 'truncated_file', detail: `last record cut short (row ${last.line})`, rowsRead };
		}
	}
	await createRowsView(db, table, view, lines);
	const malformed: MalformedRow[] = rejected.map((r) => ({
		rowNumber: Number(r.line),
		detail: r.error_message,
		rawLine: (r.csv_line ?? '').replace(/^[\r\n]+/u, '')
	}));
	return { ok: true, view, rows: loaded, malformed };
}

async function createRowsView(db: Database, table: string, view: string, rejectedLines: number[]): Promise<void> {
	if (rejectedLines.length === 0) {
		await db.run(`CREATE OR REPLACE TEMP VIEW ${view} AS SELECT (rowid + 2)::BIGINT AS row_number, * FROM ${table}`);
		return;
	}
	const shifts = rowNumberShifts(rejectedLines);
	const values = shifts.map((s) => `(${s.threshold}, ${s.shift})`).join(', ');
	await db.run(`CREATE OR REPLACE TEMP TABLE ${table}_shift AS SELECT * FROM (VALUES ${values}) v(threshold, shift)`);
	await db.run(
		`CREATE OR REPLACE TEMP TABLE ${table}_numbered AS
		 SELECT (r.rowid + 2 + coalesce(s.shift, 0))::BIGINT AS row_number, r.*
		 FROM ${table} r ASOF LEFT JOIN ${table}_shift s ON r.rowid >= s.threshold
		 ORDER BY r.rowid;
		 DROP TABLE ${table}; DROP TABLE ${table}_shift;
		 ALTER TABLE ${table}_numbered RENAME TO ${table}`
	);
	await db.run(`CREATE OR REPLACE TEMP VIEW ${view} AS SELECT * FROM ${table}`);
}
