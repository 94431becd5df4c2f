// Fills the ref_* tables of a warehouse version from the reviewed reference data (replacing what was there).
import { Kysely } from 'kysely';
import type { Database } from '../duckdb/database.ts';
import { DuckDBDialect } from '../duckdb/duckdb-dialect.ts';
import { referenceData, type ReferenceData } from '../reference/reference-data.ts';
import type { WarehouseSchema } from '../tables.ts';

export interface ReferenceRows {
	ref_region: WarehouseSchema['ref_region'][];
	ref_province: WarehouseSchema['ref_province'][];
	ref_map2025: WarehouseSchema['ref_map2025'][];
	ref_cluster: WarehouseSchema['ref_cluster'][];
	ref_level1: WarehouseSchema['ref_level1'][];
}

/** The rows of each reference table (pure). */
export function referenceRows(data: ReferenceData): ReferenceRows {
	return {
		ref_region: data.regions.map((r) => ({ code: r.code, name: r.name, name_en: r.nameEn })),
		ref_province: data.provinces.map((p) => ({
			code: p.code,
			name: p.name,
			kind: p.kind,
			region_code: p.region,
			map2025_code: p.map2025
		})),
		ref_map2025: data.map2025.flatMap((m) =>
			m.old.map((old) => ({ code: m.code, name: m.name, kind: m.kind, old_province_code: old }))
		),
		ref_cluster: data.clusters.map((c) => ({ code: c.code, name: c.name })),
		ref_level1: data.level1Units.map((u) => ({
			code: u.code,
			name: u.name,
			short_name: u.shortName,
			kind: u.kind,
			province_code: u.province,
			region_code: u.region,
			map2025_code: u.map2025,
			cluster_code: u.cluster
		}))
	};
}

/** Replaces the ref_* tables' rows in one transaction; returns the row count of each table. */
export async function loadReference(database: Database, data: ReferenceData = referenceData()): Promise<Record<keyof ReferenceRows, number>> {
	const rows = referenceRows(data);
	const db = new Kysely<WarehouseSchema>({ dialect: new DuckDBDialect({ database }) });
	try {
		await db.transaction().execute(async (trx) => {
			for (const table of Object.keys(rows) as (keyof ReferenceRows)[]) {
				await trx.deleteFrom(table).execute();
				if (rows[table].length > 0) await trx.insertInto(table).values(rows[table]).execute();
			}
		});
	} finally {
		await db.destroy();
	}
	return Object.fromEntries(Object.entries(rows).map(([table, list]) => [table, list.length])) as Record<keyof ReferenceRows, number>;
}
