// Streams the first sheet of an XLSX export with exceljs into a temporary all-text table (DuckDB appender); sheet row = row number.
import ExcelJS from 'exceljs';
import type { Database } from '../../warehouse/duckdb/database.ts';
import { columnNames, idHeader, normalizeHeader } from './export-headers.ts';
import type { LandedFile } from './landed-file.ts';
import { quoteIdentifier, rawTableName, rowsViewName } from './sql-text.ts';
import type { RawRead } from './staged-file.ts';
import { cellText } from './xlsx-cell-text.ts';
import { decodeXlsxPartsWhole } from './xlsx-utf8-chunks.ts';

/** Cell texts of a row by 1-based column, as a dense array starting at column 1. */
function rowTexts(values: unknown): (string | null)[] {
	const cells = Array.isArray(values) ? values : [];
	const texts: (string | null)[] = [];
	for (let column = 1; column < cells.length; column++) texts.push(cellText(cells[column]));
	return texts;
}

/** Reads the header row (first row holding the id header) and every non-empty row after it. */
export async function readXlsxRows(db: Database, landed: LandedFile, fileId: number, batchRows = 10_000): Promise<RawRead> {
	const table = rawTableName(fileId);
	const view = rowsViewName(fileId);
	const wanted = idHeader(landed.dataset);
	decodeXlsxPartsWhole();
	const reader = new ExcelJS.stream.xlsx.WorkbookReader(landed.path, {
		worksheets: 'emit',
		sharedStrings: 'cache',
		styles: 'cache',
		hyperlinks: 'ignore',
		entries: 'ignore'
	});
	// exceljs 4.4 reads a sheet met before xl/workbook.xml (when the relations and shared strings came first) through
	// this.model.sheets, still undefined then, and throws (exceljs#3064: its own writer may order the parts so). The model only
	// names the sheet; the first sheet is read whatever its name, so an empty model until workbook.xml arrives is enough.
	(reader as unknown as { model?: { sheets?: unknown[] } }).model ??= { sheets: [] };
	let columns: string[] | null = null;
	let appender: Awaited<ReturnType<typeof db.connection.createAppender>> | null = null;
	let rows = 0;
	try {
		for await (const sheet of reader) {
			for await (const row of sheet) {
				const texts = rowTexts(row.values);
				if (columns === null) {
					if (!texts.some((t) => t !== null && normalizeHeader(t) === wanted)) continue;
					columns = columnNames(texts.map((t) => t ?? ''));
					const definitions = columns.map((c) => `${quoteIdentifier(c)} VARCHAR`).join(', ');
					await db.run(`CREATE OR REPLACE TEMP TABLE ${table} (row_number BIGINT, ${definitions})`);
					appender = await db.connection.createAppender(table, 'main', 'temp');
					continue;
				}
				if (texts.every((t) => t === null || t.trim() === '')) continue;
				appender!.appendBigInt(BigInt(row.number));
				for (let c = 0; c < columns.length; c++) {
					const text = texts[c] ?? null;
					if (text === null) appender!.appendNull();
					else appender!.appendVarchar(text);
				}
				appender!.endRow();
				if (++rows % batchRows === 0) appender!.flushSync();
			}
			break;
		}
	} catch (error) {
		appender?.closeSync();
		return { ok: false, reason: 'truncated_file', detail: (error as Error).message.split('\n')[0]!, rowsRead: rows };
	}
	if (appender) {
		appender.flushSync();
		appender.closeSync();
	}
	if (columns === null) await db.run(`CREATE OR REPLACE TEMP TABLE ${table} (row_number BIGINT)`);
	await db.run(`CREATE OR REPLACE TEMP VIEW ${view} AS SELECT * FROM ${table}`);
	return { ok: true, view, rows, malformed: [] };
}
