// Stage 5b: rebuilds initiative_version, initiative_withdrawal and initiative, set-based, from every loaded staged row and file presence (needs unit from mergeUnits).
import type { Database } from '../../warehouse/duckdb/database.ts';
import { runSqlFile, withoutInsertionOrder } from './sql-file.ts';

export interface MergeInitiativesReport {
	versions: number;
	withdrawals: number;
	initiatives: number;
}

const STEPS = ['initiative-file', 'initiative-version', 'initiative-withdrawal', 'initiative'];

/** Recomputes initiative history from all staged rows: export time decides, never load order. */
export async function mergeInitiatives(db: Database): Promise<MergeInitiativesReport> {
	await runSqlFile(db, 'schema/core.sql');
	// No enclosing transaction: it triples the time at scale, and a failed run abandons its building version anyway.
	await withoutInsertionOrder(db, async () => {
		for (const step of STEPS) await runSqlFile(db, `sql/merge/${step}.sql`);
	});
	await db.run('DROP TABLE IF EXISTS version_start; DROP TABLE IF EXISTS version_bound; DROP TABLE IF EXISTS covering_snapshot; DROP TABLE IF EXISTS initiative_level1; DROP TABLE IF EXISTS presence_event; DROP TABLE IF EXISTS initiative_file');
	const counts = await db.one<{ versions: number; withdrawals: number; initiatives: number }>(
		`SELECT (SELECT count(*) FROM initiative_version) AS versions,
		        (SELECT count(*) FROM initiative_withdrawal) AS withdrawals,
		        (SELECT count(*) FROM initiative) AS initiatives`
	);
	return { versions: counts?.versions ?? 0, withdrawals: counts?.withdrawals ?? 0, initiatives: counts?.initiatives ?? 0 };
}
