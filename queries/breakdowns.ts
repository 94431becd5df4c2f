// Breakdowns for the closing review as of T: by field, sector (the 7 Khối), leadership post, enterprise vs public sector; small groups suppressed for the press.
import { sql, type RawBuilder } from 'kysely';
import { asOfCondition, n, periodScopeCondition, QueryInputError, resolveStampAndUnit, hasTables, type QueryOptions, type Stamp, type WarehouseDb } from './query-context.ts';
import { PRESS_MIN_GROUP_SIZE, type Viewer } from './viewer.ts';

export const BREAKDOWN_BYS = ['field', 'sector', 'leadership', 'enterprise'] as const;
export type BreakdownBy = (typeof BREAKDOWN_BYS)[number];

export const ENTERPRISE_SECTORS = ['Doanh nghiệp nhà nước', 'Doanh nghiệp ngoài nhà nước', 'Doanh nghiệp có vốn đầu tư nước ngoài'];

/** The grouping expression of each breakdown (a closed whitelist: no input reaches SQL text). */
export const BREAKDOWN_KEY: Record<BreakdownBy, RawBuilder<string | null>> = {
	field: sql`field`,
	sector: sql`sector`,
	leadership: sql`CASE WHEN is_leader THEN 'leader' WHEN NOT is_leader THEN 'no_leader' END`,
	enterprise: sql`CASE WHEN sector IN (${sql.join(ENTERPRISE_SECTORS)}) THEN 'enterprise' WHEN sector IS NOT NULL THEN 'public' END`
};

const LABELS: Record<string, { vi: string; en: string }> = {
	leader: { vi: 'Tác giả có chức vụ lãnh đạo', en: 'Authors with a leadership post' },
	no_leader: { vi: 'Tác giả không giữ chức vụ lãnh đạo', en: 'Authors without a leadership post' },
	enterprise: { vi: 'Khối doanh nghiệp', en: 'Enterprises' },
	public: { vi: 'Khối hành chính, sự nghiệp, xã phường', en: 'Public sector and communes' },
	unknown: { vi: 'Không rõ', en: 'Unknown' }
};

export interface BreakdownRow {
	key: string;
	labelVi: string;
	labelEn: string;
	/** null when suppressed. */
	onPortal: number | null;
	valid: number | null;
	benefit: number | null;
	/** share of the scope's initiatives on the portal; null when suppressed. */
	share: number | null;
	suppressed: boolean;
}

export interface Breakdown extends Stamp {
	by: BreakdownBy;
	unit: string;
	total: number;
	rows: BreakdownRow[];
	/** Press rule applied: groups under this size (and, when only one is, the next smallest too, so it cannot be subtracted out). */
	suppressionThreshold: number | null;
}

/**
 * Suppression for the press: groups with fewer than PRESS_MIN_GROUP_SIZE initiatives are hidden; if exactly one group is
 * hidden, the next smallest is hidden too so the hidden one cannot be recovered from the total (pure).
 */
export function suppressSmallGroups<T extends { onPortal: number | null; suppressed: boolean }>(rows: T[], viewer: Viewer): T[] {
	if (viewer.role !== 'press') return rows;
	const marked = rows.map((r) => ({ ...r, suppressed: (r.onPortal ?? 0) > 0 && (r.onPortal ?? 0) < PRESS_MIN_GROUP_SIZE }));
	if (marked.filter((r) => r.suppressed).length === 1) {
		const next = marked.filter((r) => !r.suppressed && (r.onPortal ?? 0) > 0).sort((a, b) => (a.onPortal ?? 0) - (b.onPortal ?? 0))[0];
		if (next) next.suppressed = true;
	}
	return marked;
}

export interface BreakdownCount {
	key: string | null;
	on_portal: number;
	valid: number;
	benefit: number | null;
}

/**
 * Where a query reads its figures: 'marts' = the latest-export marts (unit_totals_detail, unit_breakdown, unit_author,
 * unit_top_initiative) when T is the latest export and they hold the unit, else the periods; 'periods' = always the scan
 * of initiative_period at T (the tests check both give the same answer).
 */
export type FigureSource = 'marts' | 'periods';

const DETAIL_MARTS = ['unit_totals_detail', 'unit_breakdown', 'unit_author', 'unit_top_initiative'];

/**
 * Whether a query reads the latest-export detail marts: source 'marts', T the latest export, and the version holds them
 * (a version published before they existed has not).
 */
export async function readsLatestMarts(db: WarehouseDb, source: FigureSource, stamp: Stamp): Promise<boolean> {
	if (source !== 'marts' || stamp.asOf !== stamp.latestExport) return false;
	return hasTables(db, DETAIL_MARTS);
}

/** Initiatives on the portal at T in a unit (default the nation) split by one attribute. Aggregates: every viewer (press: small groups suppressed). */
export async function breakdown(db: WarehouseDb, options: QueryOptions & { by: BreakdownBy }): Promise<Breakdown> {
	return breakdownFrom(db, options, 'marts');
}

/** breakdown() read from the given source. */
export async function breakdownFrom(db: WarehouseDb, options: QueryOptions & { by: BreakdownBy }, source: FigureSource): Promise<Breakdown> {
	if (!BREAKDOWN_BYS.includes(options.by)) throw new QueryInputError('invalid_option', `unknown breakdown "${String(options.by).slice(0, 40)}"`);
	const [stamp, scope] = await resolveStampAndUnit(db, options.asOf, options.unit, options.viewer);
	// At the latest export the nation, level-1 units and upper-level unions read their few unit_breakdown rows (same figures).
	const fromMart = scope.level <= 2 && (await readsLatestMarts(db, source, stamp));
	const { rows } = await (fromMart
		? sql<BreakdownCount>`
			SELECT key, on_portal, valid, benefit FROM unit_breakdown
			WHERE unit_code = ${scope.code} AND dimension = ${options.by} AND as_of = ${stamp.asOf}::TIMESTAMP
			ORDER BY on_portal DESC, key`
		: sql<BreakdownCount>`
			SELECT ${BREAKDOWN_KEY[options.by]} AS key, count(*) AS on_portal, count(*) FILTER (WHERE status = 'valid') AS valid,
				sum(benefit) FILTER (WHERE status = 'valid') AS benefit
			FROM initiative_period WHERE ${asOfCondition(stamp.asOf)} AND ${periodScopeCondition(scope)}
			GROUP BY 1 ORDER BY on_portal DESC, key`
	).execute(db);
	return breakdownOfCounts(rows, { stamp, by: options.by, unit: scope.code, viewer: options.viewer });
}

/** A breakdown from its groups' counts (ordered as shown): labels, shares and the press's suppression (pure). */
export function breakdownOfCounts(rows: readonly BreakdownCount[], context: { stamp: Stamp; by: BreakdownBy; unit: string; viewer: Viewer }): Breakdown {
	const total = rows.reduce((a, r) => a + n(r.on_portal), 0);
	const plain = rows.map((r) => {
		const key = r.key ?? 'unknown';
		const label = LABELS[key] ?? { vi: key, en: key };
		return { key, labelVi: label.vi, labelEn: label.en, onPortal: n(r.on_portal), valid: n(r.valid), benefit: n(r.benefit), share: total ? n(r.on_portal) / total : null, suppressed: false };
	});
	const shown = suppressSmallGroups(plain, context.viewer).map((r) => (r.suppressed ? { ...r, onPortal: null, valid: null, benefit: null, share: null } : r));
	return { ...context.stamp, by: context.by, unit: context.unit, total, rows: shown, suppressionThreshold: context.viewer.role === 'press' ? PRESS_MIN_GROUP_SIZE : null };
}
