// Data quality: quarantined rows counted by reason, unit or file, and freshness (newest export per source, the published version).
import { sql } from 'kysely';
import { QueryInputError, n, warehouseStamp, type WarehouseDb } from './query-context.ts';
import { NotVisibleError, type Viewer } from './viewer.ts';

export const QUARANTINE_BYS = ['reason', 'unit', 'file'] as const;
export type QuarantineBy = (typeof QUARANTINE_BYS)[number];

const KEY = { reason: sql`q.reason_code`, unit: sql`coalesce(q.level1_code, '?')`, file: sql`f.file_name` } as const;

/**
 * Quarantined rows by reason code, level-1 unit that must fix them ('?' when it cannot be told) or file. Press: not
 * visible; a regional union sees the rows of its own level-1 unit only; leadership and admin see all.
 */
export async function quarantineCounts(db: WarehouseDb, options: { viewer: Viewer; by: QuarantineBy }): Promise<{ by: QuarantineBy; total: number; rows: { key: string; rows: number }[] }> {
	if (!QUARANTINE_BYS.includes(options.by)) throw new QueryInputError('invalid_option', `unknown grouping "${String(options.by).slice(0, 40)}"`);
	const { viewer } = options;
	if (viewer.role === 'press') throw new NotVisibleError('data quality');
	const own = viewer.role === 'regional' ? (viewer.unitCode ?? '').split('.')[0]! : null;
	const { rows } = await sql<{ key: string; rows: number }>`
		SELECT ${KEY[options.by]} AS key, count(*) AS rows
		FROM quarantine q JOIN source_file f USING (file_id)
		WHERE ${own === null ? sql`TRUE` : sql`q.level1_code = ${own}`}
		GROUP BY 1 ORDER BY rows DESC, key`.execute(db);
	const plain = rows.map((r) => ({ key: r.key, rows: n(r.rows) }));
	return { by: options.by, total: plain.reduce((a, r) => a + r.rows, 0), rows: plain };
}

export interface SourceFreshness {
	dataset: string;
	/** 'toan-quoc', a level-1 unit code, or 'don-vi' for unit files. */
	scope: string;
	/** The level-1 unit's name when the scope is one (null for 'toan-quoc' and 'don-vi'). */
	scopeName: string | null;
	newestExport: string | null;
	filesLoaded: number;
	filesRejected: number;
}

/** Freshness per source and of the version. Aggregates: every viewer. */
export async function freshness(db: WarehouseDb, _options: { viewer: Viewer }): Promise<{ version: string | null; latestExport: string | null; publishedAt: string | null; sources: SourceFreshness[] }> {
	const { rows } = await sql<{ dataset: string; scope: string; scope_name: string | null; newest: string | null; loaded: number; rejected: number }>`
		SELECT f.dataset, coalesce(f.scope, 'don-vi') AS scope, any_value(u.name) AS scope_name,
			max(f.exported_at) FILTER (WHERE f.status = 'loaded') AS newest,
			count(*) FILTER (WHERE f.status = 'loaded') AS loaded, count(*) FILTER (WHERE f.status = 'rejected') AS rejected
		FROM source_file f LEFT JOIN unit u ON u.unit_code = f.scope
		GROUP BY 1, 2 ORDER BY 1, 2`.execute(db);
	const stamp = await warehouseStamp(db);
	const published = await db.selectFrom('warehouse_meta').select('value').where('key', '=', 'published_at').executeTakeFirst();
	return {
		version: stamp.version,
		latestExport: stamp.latestExport,
		publishedAt: published?.value ?? null,
		sources: rows.map((r) => ({ dataset: r.dataset, scope: r.scope, scopeName: r.scope_name, newestExport: r.newest, filesLoaded: n(r.loaded), filesRejected: n(r.rejected) }))
	};
}
