// What staging hands to validation: a view of raw text rows with row numbers, or the reason the whole file was rejected.
import type { LandedFile } from './landed-file.ts';

export type FileRejectReason = 'missing_header' | 'truncated_file';

export interface StagedFile {
	fileId: number;
	landed: LandedFile;
	status: 'staged' | 'rejected';
	/** Temporary view: `row_number` and one VARCHAR column per (normalised) header; null when rejected. */
	view: string | null;
	/** Records read from the file (rows in the view + malformed rows). */
	rowsRead: number;
	/** Rows quarantined by staging as `malformed_row`. */
	rowsMalformed: number;
	rejectReason: FileRejectReason | null;
	/** Short message naming the problem, when rejected. */
	rejectMessage: string | null;
}

/** Outcome of reading one file's rows into a temporary table (format-specific readers). */
export type RawRead =
	| { ok: true; view: string; rows: number; malformed: MalformedRow[] }
	| { ok: false; reason: FileRejectReason; detail: string; rowsRead: number };

export interface MalformedRow {
	rowNumber: number;
	detail: string;
	rawLine: string;
}
