// Totals of a unit (or the nation) as of T: on the portal by status, withdrawn, benefit and its median, authors, participating grassroots unions, goal share, phases.
import { sql } from 'kysely';
import { GOAL, PHASE2_START } from './programme.ts';
import { asOfCondition, n, resolveStamp, resolveUnit, type QueryOptions, type Stamp, type WarehouseDb } from './query-context.ts';

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
	authors: number;
	participating: number;
	p1_on_portal: number;
	p1_valid: number;
	p1_benefit: number | null;
}

/** Totals of `unit` (default the nation) as of `asOf` (default the latest export). Aggregates: visible to every viewer. */
export async function totals(db: WarehouseDb, options: QueryOptions): Promise<Totals> {
	const stamp = await resolveStamp(db, options.asOf);
	const scope = await resolveUnit(db, options.unit, options.viewer);
	const t = stamp.asOf;
	// At the latest export the distinct counts (the costly part) are read from unit_totals, which holds them as of that time.
	const latest = t === stamp.latestExport;
	const inScope = (alias: string) => (scope.column ? sql`${sql.ref(`${alias}.${scope.column}`)} = ${scope.code}` : sql`TRUE`);
	const { rows } = await sql<TotalsRow>`
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
		WHERE ${asOfCondition(t, 'p')} AND ${inScope('p')}`.execute(db);
	const row = rows[0]!;
	if (latest) {
		const mart = await db
			.selectFrom('unit_totals')
			.select(['authors', 'participating_grassroots'])
			.where('unit_code', '=', scope.code)
			.where('as_of', '=', t)
			.executeTakeFirst();
		if (mart) {
			row.authors = mart.authors;
			row.participating = mart.participating_grassroots;
		} else {
			const { rows: distinct } = await sql<{ authors: number; participating: number }>`
				SELECT count(DISTINCT author_key) AS authors, count(DISTINCT grassroots_code) AS participating
				FROM initiative_period p WHERE ${asOfCondition(t, 'p')} AND ${inScope('p')}`.execute(db);
			Object.assign(row, distinct[0]);
		}
	}
	const { rows: extra } = await sql<{ withdrawn: number; grassroots: number }>`
		SELECT
			(SELECT count(DISTINCT w.initiative_id) FROM initiative_withdrawal w JOIN initiative i USING (initiative_id)
			 WHERE w.withdrawn_at <= ${t}::TIMESTAMP AND (w.reinstated_at IS NULL OR w.reinstated_at > ${t}::TIMESTAMP)
				AND ${inScope('i')}) AS withdrawn,
			(SELECT count(*) FROM unit u WHERE u.level = 3
				AND ${scope.column ? sql`${sql.ref(`u.${scope.column === 'grassroots_code' ? 'unit_code' : scope.column}`)} = ${scope.code}` : sql`TRUE`}) AS grassroots`.execute(db);
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
		withdrawn: n(extra[0]?.withdrawn),
		benefit,
		medianBenefit: row.median_benefit ?? null,
		authors: n(row.authors),
		participatingGrassroots: n(row.participating),
		grassrootsTotal: n(extra[0]?.grassroots),
		goalShare: onPortal / GOAL,
		phases: {
			phase1: p1,
			phase2: { onPortal: onPortal - p1.onPortal, valid: n(row.valid) - p1.valid, benefit: benefit - p1.benefit }
		}
	};
}
