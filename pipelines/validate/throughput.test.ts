// A generated initiatives CSV in the contract's layout stages and validates completely: every row loaded and accounted for (speed is `npm run bench -- pipeline`).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Database } from '../../warehouse/duckdb/database.ts';
import { loadFiles } from './fixture-support.ts';
import { writeSyntheticInitiatives, writeSyntheticUnits } from './synthetic-export.ts';

const ROWS = 20_000;

describe('stage + validate of a generated export', () => {
	it('loads every generated row, with the file identity stored and no row lost or doubled', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'sk-throughput-'));
		const units = join(dir, 'don-vi_20230901-0800.csv');
		const initiatives = join(dir, 'sang-kien_toan-quoc_20230901-0800.csv');
		await writeSyntheticUnits(units);
		await writeSyntheticInitiatives(initiatives, ROWS);
		const db = await Database.open(':memory:', { threads: 2 });
		try {
			const [, report] = await loadFiles(db, units, [initiatives]);
			expect(report).toMatchObject({ rowsRead: ROWS, rowsLoaded: ROWS, rowsQuarantined: 0, rowsSuperseded: 0 });
			const stored = await db.one(
				`SELECT rows_read, rows_loaded, rows_quarantined, rows_superseded, status FROM source_file WHERE file_id = 2`
			);
			expect(stored).toEqual({ rows_read: ROWS, rows_loaded: ROWS, rows_quarantined: 0, rows_superseded: 0, status: 'loaded' });
			const staged = await db.one<{ n: number; ids: number; first: number; last: number }>(
				`SELECT count(*) AS n, count(DISTINCT initiative_id) AS ids, min(row_number) AS first, max(row_number) AS last
				 FROM staged_initiative WHERE file_id = 2`
			);
			expect(staged).toEqual({ n: ROWS, ids: ROWS, first: 2, last: ROWS + 1 });
			expect((await db.one<{ n: number }>('SELECT count(*) AS n FROM file_presence WHERE file_id = 2'))?.n).toBe(ROWS);
			expect((await db.one<{ n: number }>('SELECT count(*) AS n FROM quarantine'))?.n).toBe(0);
		} finally {
			db.close();
			rmSync(dir, { recursive: true, force: true });
		}
	});
});
