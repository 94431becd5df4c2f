// Reads a JSON export (an array of objects keyed by the headers; gzip allowed) into a temporary table with DuckDB; element index = row number.
import type { Database } from '../../warehouse/duckdb/database.ts';
import { normalizeHeader } from './export-headers.ts';
import type { LandedFile } from './landed-file.ts';
import { quoteIdentifier, quoteLiteral, rawTableName, rowsViewName } from './sql-text.ts';
import { readErrorDetail } from './stage-messages.ts';
import type { MalformedRow, RawRead } from './staged-file.ts';

/** Reads every element as JSON text; an element that is not an object is a malformed row. */
export async function readJsonRows(db: Database, landed: LandedFile, fileId: number): Promise<RawRead> {
	const table = rawTableName(fileId);
	const view = rowsViewName(fileId);
	try {
		await db.run(
			`CREATE OR REPLACE TEMP TABLE ${table} AS
			 SELECT json AS record FROM read_json_objects(${quoteLiteral(landed.path)}, format = 'array',
			   compression = ${landed.gzip ? "'gzip'" : "'uncompressed'"}, maximum_object_size = 16777216)`
		);
	} catch (error) {
		return { ok: false, reason: 'truncated_file', detail: readErrorDetail(error), rowsRead: 0 };
	}
	const rowsRead = Number((await db.one<{ n: number }>(`SELECT count(*) AS n FROM ${table}`))!.n);
	const keys = await db.all<{ key: string }>(
		`SELECT DISTINCT unnest(json_keys(record)) AS key FROM ${table} WHERE json_type(record) = 'OBJECT'`
	);
	const malformedRows = await db.all<{ row_number: number; record: string }>(
		`SELECT rowid + 1 AS row_number, record::VARCHAR AS record FROM ${table}
		 WHERE json_type(record) IS DISTINCT FROM 'OBJECT' ORDER BY 1`
	);
	const columns = new Map<string, string>();
	for (const { key } of keys.sort((a, b) => a.key.localeCompare(b.key))) {
		const name = normalizeHeader(key);
		if (name && !columns.has(name)) columns.set(name, key);
	}
	const extracts = [...columns].map(
		([name, key]) => `json_extract_string(record, ${quoteLiteral(`$."${key.replace(/"/gu, '\\"')}"`)}) AS ${quoteIdentifier(name)}`
	);
	await db.run(
		`CREATE OR REPLACE TEMP VIEW ${view} AS
		 SELECT (rowid + 1)::BIGINT AS row_number${extracts.map((e) => `, ${e}`).join('')}
		 FROM ${table} WHERE json_type(record) = 'OBJECT'`
	);
	const malformed: MalformedRow[] = malformedRows.map((r) => ({
		rowNumber: Number(r.row_number),
		detail: 'element is not an object',
		rawLine: r.record
	}));
	return { ok: true, view, rows: rowsRead - malformed.length, malformed };
}
