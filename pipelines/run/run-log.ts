// The record of one pipeline run: written atomically to runs/<run-id>.json and copied into the version's run_log table.
import { mkdir, open, readdir, readFile, rename } from 'node:fs/promises';
import { join } from 'node:path';
import type { Database } from '../../warehouse/duckdb/database.ts';
import { warehousePaths } from '../../warehouse/versions/warehouse-paths.ts';
import { isRunId } from './run-id.ts';

export type RunTrigger = 'manual' | 'schedule' | 'start';
export type RunStatus = 'published' | 'nothing_new' | 'rejected_by_audit' | 'failed';

export interface RunFileRecord {
	name: string;
	sha256: string;
	dataset: 'initiatives' | 'units';
	scope: string | null;
	status: 'loaded' | 'rejected';
	rowsRead: number;
	rowsLoaded: number;
	rowsQuarantined: number;
	rowsSuperseded: number;
}

export interface AuditCheckRecord {
	name: string;
	passed: boolean;
	detail: string;
}

export interface RunRecord {
	runId: string;
	trigger: RunTrigger;
	/** Viet Nam wall-clock, "2023-08-31T12:00:00". */
	startedAt: string;
	endedAt: string | null;
	status: RunStatus;
	/** The version this run published, or null. */
	version: string | null;
	/** The version that was current when the run started. */
	baseVersion: string | null;
	/** Present and true when the run rebuilt the version from every landed file instead of adding new ones to a copy of baseVersion. */
	rebuild?: true;
	files: RunFileRecord[];
	rowsPerStage: Record<string, number>;
	durationsMs: Record<string, number>;
	audit: AuditCheckRecord[];
	/** Problems that did not stop the run (e.g. a source file that failed to download). */
	warnings: string[];
	/** What went wrong (a message without personal data), or null. */
	error: { message: string; stage: string | null } | null;
}

/** Exit status of each outcome (documented in README.md). */
export const EXIT_CODES: Record<RunStatus, number> = {
	published: 0,
	nothing_new: 10,
	rejected_by_audit: 20,
	failed: 1
};

/** A phone number: not inside a longer run of digits, so the dates and times of export file names, run ids and versions stay. */
const PHONE = /(?<![\d_])(?:\+?84|0)[\s.-]?\d(?:[\s.-]?\d){7,9}(?!\d)/gu;

/**
 * A run error's message made safe to keep forever: first line only, phone-like numbers and quoted raw values
 * (which may hold names or initiative titles) replaced, at most 300 characters.
 */
export function safeErrorMessage(error: unknown): string {
	const text = error instanceof Error ? error.message : String(error);
	const firstLine = text.split('\n', 1)[0] ?? '';
	const redacted = firstLine.replace(PHONE, '[phone]').replace(/"[^"]{41,}"/gu, '"[…]"');
	return redacted.length > 300 ? `${redacted.slice(0, 299)}…` : redacted;
}

export function runRecordPath(root: string, runId: string): string {
	if (!isRunId(runId)) throw new Error(`invalid run id "${runId}"`);
	return join(warehousePaths(root).runs, `${runId}.json`);
}

/** Writes runs/<run-id>.json atomically (temp file, fsync, rename). */
export async function writeRunRecord(root: string, record: RunRecord): Promise<string> {
	const path = runRecordPath(root, record.runId);
	await mkdir(warehousePaths(root).runs, { recursive: true });
	const tmp = `${path}.tmp-${process.pid}`;
	const handle = await open(tmp, 'w');
	try {
		await handle.writeFile(`${JSON.stringify(record, null, '\t')}\n`);
		await handle.sync();
	} finally {
		await handle.close();
	}
	await rename(tmp, path);
	return path;
}

/** Run records, oldest first (run ids sort by start time); `limit` keeps the newest. */
export async function readRunRecords(root: string, limit = Number.POSITIVE_INFINITY): Promise<RunRecord[]> {
	const names = await readdir(warehousePaths(root).runs).catch(() => [] as string[]);
	const ids = names
		.filter((name) => name.endsWith('.json') && isRunId(name.slice(0, -5)))
		.map((name) => name.slice(0, -5))
		.sort();
	const chosen = Number.isFinite(limit) ? ids.slice(-limit) : ids;
	return Promise.all(chosen.map(async (id) => JSON.parse(await readFile(runRecordPath(root, id), 'utf8')) as RunRecord));
}

/** Replaces the version's run_log with the given records (every earlier run, then this one). */
export async function writeRunLogTable(db: Database, records: RunRecord[]): Promise<void> {
	await db.transaction(async () => {
		await db.run('DELETE FROM run_log');
		for (const r of records) {
			await db.run(
				`INSERT INTO run_log (run_id, trigger, started_at, ended_at, status, version, record)
				 VALUES ($1, $2, $3::TIMESTAMP, $4::TIMESTAMP, $5, $6, $7::JSON)`,
				[r.runId, r.trigger, r.startedAt, r.endedAt, r.status, r.version, JSON.stringify(r)]
			);
		}
	});
}
