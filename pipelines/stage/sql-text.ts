// Quoting of identifiers and literals the pipelines build into SQL text (names and paths they own, never row data).

/** A double-quoted SQL identifier. */
export function quoteIdentifier(name: string): string {
	return `"${name.replace(/"/gu, '""')}"`;
}

/** A single-quoted SQL string literal. */
export function quoteLiteral(value: string): string {
	return `'${value.replace(/'/gu, "''")}'`;
}

/** Temporary table holding a staged file's raw text columns. */
export function rawTableName(fileId: number): string {
	return `stage_raw_${fileId}`;
}

/** Temporary view over a staged file's rows: `row_number` then one VARCHAR column per header. */
export function rowsViewName(fileId: number): string {
	return `stage_rows_${fileId}`;
}
