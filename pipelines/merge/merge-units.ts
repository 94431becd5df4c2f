// Stage 5a: rebuilds unit_version (SCD2 by don-vi export time) and unit (the current tree) from every loaded staged_unit row.
import type { Database } from '../../warehouse/duckdb/database.ts';
import { runSqlFile } from './sql-file.ts';

export interface MergeUnitsReport {
	unitVersions: number;
	units: number;
}

/** Recomputes the unit history and the current tree; the same staged rows in any load order give the same tables. */
export async function mergeUnits(db: Database): Promise<MergeUnitsReport> {
	await runSqlFile(db, 'schema/core.sql');
	await runSqlFile(db, 'sql/merge/unit-version.sql');
	await runSqlFile(db, 'sql/merge/unit.sql');
	const counts = await db.one<{ unitVersions: number; units: number }>(
		'SELECT (SELECT count(*) FROM unit_version) AS unitVersions, (SELECT count(*) FROM unit) AS units'
	);
	return { unitVersions: counts?.unitVersions ?? 0, units: counts?.units ?? 0 };
}
