// Creates the ingest tables (warehouse/schema/ingest.sql) if they are not there yet.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Database } from '../../warehouse/duckdb/database.ts';

const ingestSql = readFileSync(fileURLToPath(new URL('../../warehouse/schema/ingest.sql', import.meta.url)), 'utf8');

/** Idempotent: CREATE TABLE IF NOT EXISTS for source_file, quarantine, superseded_row, staged_* and file_presence. */
export async function createIngestTables(db: Database): Promise<void> {
	await db.run(ingestSql);
}
