// Records a validated file's counts in source_file and enforces rows_read = loaded + quarantined + superseded.
import type { Database } from '../../warehouse/duckdb/database.ts';

export interface FileCounts {
	rowsRead: number;
	rowsLoaded: number;
	rowsQuarantined: number;
	rowsSuperseded: number;
}

/** Thrown when a file's rows do not add up: a bug in the pipeline, never a data problem. */
export class AccountingError extends Error {
	readonly code = 'accounting_identity';
}

/** Checks the identity; the message names the file and every count. */
export function checkIdentity(fileName: string, counts: FileCounts): void {
	const { rowsRead, rowsLoaded, rowsQuarantined, rowsSuperseded } = counts;
	if (rowsRead !== rowsLoaded + rowsQuarantined + rowsSuperseded) {
		throw new AccountingError(
			`${fileName}: read ${rowsRead} rows but loaded ${rowsLoaded} + quarantined ${rowsQuarantined} + superseded ${rowsSuperseded}`
		);
	}
}

/** Writes the counts to source_file after checking them. */
export async function recordCounts(db: Database, fileId: number, fileName: string, counts: FileCounts): Promise<void> {
	checkIdentity(fileName, counts);
	await db.run(
		`UPDATE source_file SET rows_read = $2, rows_loaded = $3, rows_quarantined = $4, rows_superseded = $5 WHERE file_id = $1`,
		[fileId, counts.rowsRead, counts.rowsLoaded, counts.rowsQuarantined, counts.rowsSuperseded]
	);
}

/** What the file's rows became, counted in the tables they were written to. */
export async function writtenCounts(db: Database, fileId: number, stagedTable: 'staged_initiative' | 'staged_unit'): Promise<Omit<FileCounts, 'rowsRead'>> {
	const row = await db.one<{ loaded: number; quarantined: number; superseded: number }>(
		`SELECT (SELECT count(*) FROM ${stagedTable} WHERE file_id = $1) AS loaded,
		        (SELECT count(*) FROM quarantine WHERE file_id = $1) AS quarantined,
		        (SELECT count(*) FROM superseded_row WHERE file_id = $1) AS superseded`,
		[fileId]
	);
	return { rowsLoaded: Number(row!.loaded), rowsQuarantined: Number(row!.quarantined), rowsSuperseded: Number(row!.superseded) };
}
