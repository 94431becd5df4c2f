// Stage 6: rebuilds the marts the dashboard reads (initiative_period, daily_series, unit_totals and the latest-export detail marts) from the core tables.
import type { Database } from '../../warehouse/duckdb/database.ts';
import { runSqlFile, withoutInsertionOrder } from '../merge/sql-file.ts';

export interface BuildMartsReport {
	periods: number;
	seriesRows: number;
	unitTotals: number;
}

const MARTS = ['unit-grouping', 'unit-span', 'initiative-period', 'daily-series', 'unit-totals', 'unit-detail', 'unit-author-front', 'search-index'];

/** Recomputes every mart from core (needs mergeUnits and mergeInitiatives first). */
export async function buildMarts(db: Database): Promise<BuildMartsReport> {
	// These are rebuilt whole below; created afresh, they take the columns and types of marts.sql (a version copied from one built
	// before the status and field enums and numbered authors holds VARCHAR columns and author_key texts there, which CREATE TABLE IF
	// NOT EXISTS would keep).
	await db.run('DROP TABLE IF EXISTS search_period; DROP TABLE IF EXISTS initiative_period; DROP TABLE IF EXISTS unit_author_front; DROP TABLE IF EXISTS unit_author');
	await runSqlFile(db, 'schema/marts.sql');
	// No enclosing transaction (see mergeInitiatives): a failed run abandons its building version.
	await withoutInsertionOrder(db, async () => {
		for (const mart of MARTS) await runSqlFile(db, `sql/marts/${mart}.sql`);
	});
	const counts = await db.one<{ periods: number; seriesRows: number; unitTotals: number }>(
		`SELECT (SELECT count(*) FROM initiative_period) AS periods, (SELECT count(*) FROM daily_series) AS seriesRows,
		        (SELECT count(*) FROM unit_totals) AS unitTotals`
	);
	return { periods: counts?.periods ?? 0, seriesRows: counts?.seriesRows ?? 0, unitTotals: counts?.unitTotals ?? 0 };
}
