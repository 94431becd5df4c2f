// Totals of a unit (or the nation) as of T: on the portal by status, withdrawn, benefit and its median, authors, participating grassroots unions, goal share, phases.
import { sql } from 'kysely';
import { GOAL, PHASE2_START } from './programme.ts';
import { asOfCondition, n, resolveStamp, resolveUnit, scopeCondition, type QueryOptions, type Stamp, type WarehouseDb } from './query-context.ts';

export interface PhaseTotals {
	onPortal: number;
	valid: number;
	benefit: number;
}

export interface Totals extends Stamp {
	unit: { code: string; name: string; level: number };
	onPortal: number;
	valid: number;
	underReview: number;
	invalid: number;
	/** Withdrawn at or before T and not reinstated by T. */
	withdrawn: number;
	/** VND per year, of the initiatives valid at T. */
	benefit: number;
	/** Median benefit of valid initiatives stating one; null when none does. */
	medianBenefit: number | null;
	authors: number;
	participatingGrassroots: number;
	grassrootsTotal: number;
	/** on the portal ÷ 1,000,000. */
	goalShare: number;
	/** Split by the phase of the submission time (phase 1 before 01/06/2022). */
	phases: { phase1: PhaseTotals; phase2: PhaseTotals };
}

interface TotalsRow {
	on_portal: number;
	valid: number;
	under_review: number;
	invalid: number;
	benefit: number | null;
	median_benefit: number | null;
	authors: number | null;
	participating: number | null;
	p1_on_portal: number;
	p1_valid: number;
	p1_benefit: number | null;
	withdrawn: number;
	grassroots: number;
}

/**
 * Totals of `unit` (default the nation) as of `asOf` (default the latest export), in one statement: one scan of the
 * unit's periods at T, withdrawals and the unit tree. At the latest export the distinct counts (the costly part) are read
 * from unit_totals, which holds them as of that time. Aggregates: visible to every viewer.
 */
export async function totals(db: WarehouseDb, options: QueryOptions): Promise<Totals> {
	const stamp = await resolveStamp(db, options.asOf);
	const scope = await resolveUnit(db, options.unit, options.viewer);
	const t = stamp.asOf;
	const latest = t === stamp.latestExport;
	const mart = (column: 'authors' | 'participating_grassroots') =>
		sql`(SELECT ${sql.ref(column)} FROM unit_totals WHERE unit_code = ${scope.code} AND as_of = ${t}::TIMESTAMP LIMIT 1)`;
	// Withdrawals are few: the scope is looked up among the withdrawn initiatives only (none for the nation).
	const withdrawnScope = scope.column ? sql`AND w.initiative_id IN (SELECT i.initiative_id FROM initiative i WHERE ${scopeCondition(scope, 'i')})` : sql``;
	const grassrootsScope = scope.column ? sql`AND ${sql.ref(`u.${scope.column === 'grassroots_code' ? 'unit_code' : scope.column}`)} = ${scope.code}` : sql``;
	const { rows } = await sql<TotalsRow>`
		WITH period AS (
			SELECT count(*) AS on_portal,
				count(*) FILTER (WHERE status = 'valid') AS valid,
				count(*) FILTER (WHERE status = 'under_review') AS under_review,
				count(*) FILTER (WHERE status = 'invalid') AS invalid,
				sum(benefit) FILTER (WHERE status = 'valid') AS benefit,
				quantile_disc(benefit, 0.5) FILTER (WHERE status = 'valid' AND benefit IS NOT NULL) AS median_benefit,
				${latest ? sql`NULL` : sql`count(DISTINCT author_key)`} AS authors,
				${latest ? sql`NULL` : sql`count(DISTINCT grassroots_code)`} AS participating,
				count(*) FILTER (WHERE submitted_at < ${PHASE2_START}::TIMESTAMP) AS p1_on_portal,
				count(*) FILTER (WHERE status = 'valid' AND submitted_at < ${PHASE2_START}::TIMESTAMP) AS p1_valid,
				sum(benefit) FILTER (WHERE status = 'valid' AND submitted_at < ${PHASE2_START}::TIMESTAMP) AS p1_benefit
			FROM initiative_period p
			WHERE ${asOfCondition(t, 'p')} AND ${scopeCondition(scope, 'p')}
		)
		SELECT period.* REPLACE (
				${latest ? mart('authors') : sql`period.authors`} AS authors,
				${latest ? mart('participating_grassroots') : sql`period.participating`} AS participating),
			(SELECT count(DISTINCT w.initiative_id) FROM initiative_withdrawal w
			 WHERE w.withdrawn_at <= ${t}::TIMESTAMP AND (w.reinstated_at IS NULL OR w.reinstated_at > ${t}::TIMESTAMP) ${withdrawnScope}) AS withdrawn,
			(SELECT count(*) FROM unit u WHERE u.level = 3 ${grassrootsScope}) AS grassroots
		FROM period`.execute(db);
	const row = rows[0]!;
	if (row.authors === null || row.participating === null) {
		// The latest export without a unit_totals row (a unit outside the current tree): count them from the periods.
		const { rows: distinct } = await sql<{ authors: number; participating: number }>`
			SELECT count(DISTINCT author_key) AS authors, count(DISTINCT grassroots_code) AS participating
			FROM initiative_period p WHERE ${asOfCondition(t, 'p')} AND ${scopeCondition(scope, 'p')}`.execute(db);
		Object.assign(row, distinct[0]);
	}
	const onPortal = n(row.on_portal);
	const benefit = n(row.benefit);
	const p1 = { onPortal: n(row.p1_on_portal), valid: n(row.p1_valid), benefit: n(row.p1_benefit) };
	return {
		...stamp,
		unit: { code: scope.code, name: scope.name, level: scope.level },
		onPortal,
		valid: n(row.valid),
		underReview: n(row.under_review),
		invalid: n(row.invalid),
		withdrawn: n(row.withdrawn),
		benefit,
		medianBenefit: row.median_benefit ?? null,
		authors: n(row.authors),
		participatingGrassroots: n(row.participating),
		grassrootsTotal: n(row.grassroots),
		goalShare: onPortal / GOAL,
		phases: {
			phase1: p1,
			phase2: { onPortal: onPortal - p1.onPortal, valid: n(row.valid) - p1.valid, benefit: benefit - p1.benefit }
		}
	};
}
