// Operations views: the quarantined rows a level-1 unit must fix, and the pipeline runs recorded in the version (never personal data: raw records stay out).
import { sql } from 'kysely';
import type { WarehouseDb } from './query-context.ts';
import { NotVisibleError, type Viewer } from './viewer.ts';

export interface RejectedRow {
	fileName: string;
	rowNumber: number | null;
	reason: string;
	field: string | null;
	rawValue: string | null;
	message: string;
	initiativeId: string | null;
	level1Code: string | null;
}

/**
 * Quarantined rows a level-1 unit must fix ('?' = the unit cannot be told; undefined = every unit), newest file first. Press:
 * not visible; a regional union bound to a level-1 unit: its own rows only (bound lower: none). Raw records are not returned (they hold personal data).
 */
export async function rejectedRows(db: WarehouseDb, options: { viewer: Viewer; level1?: string; limit?: number }): Promise<RejectedRow[]> {
	const { viewer } = options;
	if (viewer.role === 'press') throw new NotVisibleError('data quality');
	// Rows name only the level-1 unit that must fix them, so a union bound below level 1 would see its neighbours' rows: none.
	if (viewer.role === 'regional' && (viewer.unitCode ?? '.').includes('.')) throw new NotVisibleError('rejected rows');
	const own = viewer.role === 'regional' ? viewer.unitCode! : undefined;
	if (own !== undefined && options.level1 !== undefined && options.level1 !== own) throw new NotVisibleError(`rows of ${options.level1.slice(0, 40)}`);
	const level1 = own ?? options.level1;
	const limit = Number.isSafeInteger(options.limit) && options.limit! >= 0 ? options.limit! : 100_000;
	const unitCondition = level1 === undefined ? sql`TRUE` : level1 === '?' ? sql`q.level1_code IS NULL` : sql`q.level1_code = ${level1}`;
	const { rows } = await sql<{ file_name: string; row_number: number | null; reason_code: string; field: string | null; raw_value: string | null; message: string; initiative_id: string | null; level1_code: string | null }>`
		SELECT f.file_name, q.row_number, q.reason_code, q.field, q.raw_value, q.message, q.initiative_id, q.level1_code
		FROM quarantine q JOIN source_file f USING (file_id)
		WHERE ${unitCondition}
		ORDER BY f.exported_at DESC, f.file_name, q.row_number NULLS FIRST
		LIMIT ${limit}`.execute(db);
	return rows.map((r) => ({ fileName: r.file_name, rowNumber: r.row_number, reason: r.reason_code, field: r.field, rawValue: r.raw_value, message: r.message, initiativeId: r.initiative_id, level1Code: r.level1_code }));
}

export interface RunRow {
	runId: string;
	trigger: string;
	startedAt: string;
	endedAt: string | null;
	status: string;
	version: string | null;
	files: number;
	rowsLoaded: number;
	rowsQuarantined: number;
	durationMs: number | null;
	/** The run rebuilt the version from every landed file (`pipeline run --rebuild`). */
	rebuild: boolean;
}

/** Files, row counts and rebuild flag of a run record (JSON text); zeros when it is not JSON. */
export function runRecordSummary(record: unknown): { files: number; rowsLoaded: number; rowsQuarantined: number; rebuild: boolean } {
	try {
		const parsed = JSON.parse(String(record)) as { files?: { rowsLoaded?: number; rowsQuarantined?: number }[]; rebuild?: unknown };
		const files = Array.isArray(parsed?.files) ? parsed.files : [];
		return {
			files: files.length,
			rowsLoaded: files.reduce((a, f) => a + (Number(f?.rowsLoaded) || 0), 0),
			rowsQuarantined: files.reduce((a, f) => a + (Number(f?.rowsQuarantined) || 0), 0),
			rebuild: parsed?.rebuild === true
		};
	} catch {
		return { files: 0, rowsLoaded: 0, rowsQuarantined: 0, rebuild: false };
	}
}

/** The pipeline runs recorded in the version (newest first). Press: not visible. */
export async function pipelineRuns(db: WarehouseDb, options: { viewer: Viewer; limit?: number }): Promise<RunRow[]> {
	if (options.viewer.role === 'press') throw new NotVisibleError('pipeline runs');
	const limit = Number.isSafeInteger(options.limit) && options.limit! >= 0 ? options.limit! : 50;
	const rows = await db.selectFrom('run_log').select(['run_id', 'trigger', 'started_at', 'ended_at', 'status', 'version', 'record']).orderBy('started_at', 'desc').limit(limit).execute();
	return rows.map((r) => {
		const started = r.started_at as string;
		const ended = r.ended_at as string | null;
		return {
			runId: r.run_id,
			trigger: r.trigger,
			startedAt: started,
			endedAt: ended,
			status: r.status,
			version: r.version,
			...runRecordSummary(r.record),
			durationMs: ended ? Date.parse(`${ended}Z`) - Date.parse(`${started}Z`) : null
		};
	});
}
