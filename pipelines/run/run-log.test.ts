// Run records are written atomically, read back in run order, copied into run_log, and keep no personal data in errors.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Database } from '../../warehouse/duckdb/database.ts';
import { createSchema } from '../../warehouse/schema/create-schema.ts';
import { makeRunId } from './run-id.ts';
import { readRunRecords, safeErrorMessage, writeRunLogTable, writeRunRecord, type RunRecord } from './run-log.ts';

let root: string;

function record(runId: string, status: RunRecord['status'] = 'published'): RunRecord {
	return {
		runId,
		trigger: 'manual',
		startedAt: '2023-08-31T12:00:00',
		endedAt: '2023-08-31T12:00:05',
		status,
		version: status === 'published' ? `v000001-${runId}` : null,
		baseVersion: null,
		files: [],
		rowsPerStage: { stage: 10 },
		durationsMs: { stage: 5 },
		audit: [],
		warnings: [],
		error: null
	};
}

beforeEach(() => {
	root = mkdtempSync(join(tmpdir(), 'runs-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('makeRunId', () => {
	it('names a run by its Viet Nam wall-clock start, whatever the process time zone', () => {
		expect(makeRunId(Date.UTC(2023, 7, 31, 5, 0, 7), 'ab12')).toBe('r20230831-120007-ab12');
	});
});

describe('run records', () => {
	it('are written without temp leftovers and read back oldest first, newest N when limited', async () => {
		await writeRunRecord(root, record('r20230831-120000-0002'));
		await writeRunRecord(root, record('r20230830-120000-0001', 'nothing_new'));
		expect(readdirSync(join(root, 'runs')).sort()).toEqual(['r20230830-120000-0001.json', 'r20230831-120000-0002.json']);
		expect((await readRunRecords(root)).map((r) => r.runId)).toEqual(['r20230830-120000-0001', 'r20230831-120000-0002']);
		expect((await readRunRecords(root, 1)).map((r) => r.status)).toEqual(['published']);
	});

	it('are copied into run_log with the whole record as JSON', async () => {
		const db = await Database.open(':memory:');
		await createSchema(db);
		await writeRunLogTable(db, [record('r20230830-120000-0001', 'failed'), record('r20230831-120000-0002')]);
		await writeRunLogTable(db, [record('r20230830-120000-0001', 'failed'), record('r20230831-120000-0002')]);
		const rows = await db.all(`SELECT run_id, status, started_at, record->>'$.trigger' AS trigger FROM run_log ORDER BY run_id`);
		expect(rows).toEqual([
			{ run_id: 'r20230830-120000-0001', status: 'failed', started_at: '2023-08-31T12:00:00', trigger: 'manual' },
			{ run_id: 'r20230831-120000-0002', status: 'published', started_at: '2023-08-31T12:00:00', trigger: 'manual' }
		]);
		db.close();
	});
});

describe('safeErrorMessage', () => {
	it('keeps the first line and hides phone numbers and long quoted raw values', () => {
		const message = safeErrorMessage(
			new Error('bad row "Nguyễn Văn A cải tiến dây chuyền sản xuất bao bì giấy" phone 0912 345 678\nstack')
		);
		expect(message).toBe('bad row "[…]" phone [phone]');
	});

	it('hides every way a phone is written, and keeps the file names, run ids and versions an error names', () => {
		expect(safeErrorMessage(new Error('tel +84 912 345 678, 84912345678, (0912.345.678), SĐT:0912-345-678'))).toBe('tel [phone], [phone], ([phone]), SĐT:[phone]');
		const named = 'cannot rebuild: sang-kien_toan-quoc_20220420-0800.csv and don-vi_20230831-2359.csv.gz loaded into v000012-r20230831-120000-ab12';
		expect(safeErrorMessage(new Error(named))).toBe(named);
	});
});
