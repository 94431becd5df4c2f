// Short quarantine messages of staging that name the thing, the row and the file.
import type { FileRejectReason } from './staged-file.ts';

/** "malformed row: 17 fields, the header has 18 (row 5, file.csv)" from DuckDB's "Expected … Found …". */
export function malformedRowMessage(detail: string, rowNumber: number, fileName: string): string {
	const counts = /Expected Number of Columns: (\d+) Found: (\d+)/u.exec(detail);
	const what = counts ? `${counts[2]} fields, the header has ${counts[1]}` : detail;
	return `malformed row: ${what} (row ${rowNumber}, ${fileName})`;
}

/** "file rejected, missing headers "Mã CĐCS", "Trạng thái" (file.csv)" and the like. */
export function rejectMessage(reason: FileRejectReason, detail: string, fileName: string): string {
	return reason === 'missing_header'
		? `file rejected, missing headers ${detail} (${fileName})`
		: `file rejected, truncated: ${detail} (${fileName})`;
}

/** First line of a reader's error without the landed path (the file name is added by the message). */
export function readErrorDetail(error: unknown): string {
	const first = (error instanceof Error ? error.message : String(error)).split('\n')[0]!;
	return first.replace(/ in file "[^"]*",?/u, '').replace(/^[A-Za-z ]+ Error: /u, '').trim();
}
