// Totals of a unit (or the nation) as of T: on the portal by status, withdrawn, benefit and its median, authors, participating grassroots unions, goal share, phases.
import { sql, type RawBuilder } from 'kysely';
import type { WallClock } from '../warehouse/time/wall-clock.ts';
import { readsLatestMarts, type FigureSource } from './breakdowns.ts';
import { GOAL, PHASE2_START } from './programme.ts';
import { asOfCondition, hasTables, n, periodAuthorColumn, periodScopeCondition, resolveStampAndUnit, scopeCondition, type PeriodAuthorColumn, type QueryOptions, type Stamp, type UnitScope, type WarehouseDb } from './query-context.ts';

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

export interface TotalsRow {
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
 * Totals of `unit` (default the nation) as of `asOf` (default the latest export). At the latest export they are one row of
 * unit_totals and unit_totals_detail (built as of that time); otherwise one statement: one scan of the unit's periods at T,
 * withdrawals and the unit tree. Aggregates: visible to every viewer.
 */
export async function totals(db: WarehouseDb, options: QueryOptions): Promise<Totals> {
	return totalsFrom(db, options, 'marts');
}

/** totals() read from the given source. */
export async function totalsFrom(db: WarehouseDb, options: QueryOptions, source: FigureSource): Promise<Totals> {
	const [stamp, scope] = await resolveStampAndUnit(db, options.asOf, options.unit, options.viewer);
	const t = stamp.asOf;
	const latest = t === stamp.latestExport;
	const row = ((await readsLatestMarts(db, source, stamp)) ? await totalsFromMarts(db, scope, t) : undefined) ?? (await totalsFromPeriods(db, scope, t, latest));
	return totalsOf(stamp, scope, row);
}

/** Subquery: the grassroots unions of the scope in the unit tree. */
function grassrootsOf(scope: UnitScope) {
	const within = scope.column ? sql`AND ${sql.ref(`u.${scope.column === 'grassroots_code' ? 'unit_code' : scope.column}`)} = ${scope.code}` : sql``;
	return sql`(SELECT count(*) FROM unit u WHERE u.level = 3 ${within})`;
}

/** The unit's row of unit_totals and unit_totals_detail (figures as of the latest export), or undefined when either lacks it. */
async function totalsFromMarts(db: WarehouseDb, scope: UnitScope, t: WallClock): Promise<TotalsRow | undefined> {
	const { rows } = await sql<TotalsRow>`
		SELECT t.on_portal, t.valid, t.under_review, t.invalid, t.valid_benefit AS benefit, d.median_benefit, t.authors,
			t.participating_grassroots AS participating, d.p1_on_portal, d.p1_valid, d.p1_benefit, d.withdrawn,
			${grassrootsOf(scope)} AS grassroots
		FROM unit_totals t JOIN unit_totals_detail d ON d.unit_code = t.unit_code AND d.as_of = t.as_of
		WHERE t.unit_code = ${scope.code} AND t.as_of = ${t}::TIMESTAMP
		LIMIT 1`.execute(db);
	return rows[0];
}

/**
 * One scan of the unit's periods at T, withdrawals and the unit tree (at the latest export the distinct counts from unit_totals).
 * Authors are counted on author_key_no, an integer, where the version has it (counting ~600 k distinct text keys was most of the
 * cost at a late past time), else on author_key.
 */
async function totalsFromPeriods(db: WarehouseDb, scope: UnitScope, t: WallClock, latest: boolean): Promise<TotalsRow> {
	const [numbered, author] = await Promise.all([grassrootsNumbered(db, scope), periodAuthorColumn(db)]);
	const union = numbered ? 'grassroots_no' : 'grassroots_code';
	const { rows } = await periodTotalsSql(sql`initiative_period`, sql`${asOfCondition(t, 'p')} AND ${periodScopeCondition(scope, 'p')}`, scope, t, latest, union, author).execute(db);
	const row = rows[0]!;
	if (row.authors === null || row.participating === null) {
		// The latest export without a unit_totals row (a unit outside the current tree): count them from the periods.
		const { rows: distinct } = await sql<{ authors: number; participating: number }>`
			SELECT count(DISTINCT ${sql.ref(author)}) AS authors, count(DISTINCT ${sql.ref(union)}) AS participating
			FROM initiative_period p WHERE ${asOfCondition(t, 'p')} AND ${periodScopeCondition(scope, 'p')}`.execute(db);
		Object.assign(row, distinct[0]);
	}
	return row;
}

/**
 * Whether initiative_period's grassroots_no is filled (versions with unit_span; the scope's span says so, the nation asks):
 * it numbers the grassroots unions one for one, so participating unions are counted on the integer instead of the code.
 */
async function grassrootsNumbered(db: WarehouseDb, scope: UnitScope): Promise<boolean> {
	return scope.span !== undefined || (scope.column === null && (await hasTables(db, ['unit_span'])));
}

/**
 * SQL: the totals row of a unit's periods at T (initiative_period, or a relation of its rows, filtered by `where` on
 * alias p), its withdrawals and its grassroots unions in the tree; at the latest export the distinct counts come from
 * unit_totals (null without its row). Participating unions are the distinct values of `union` (grassroots_no when the
 * relation has it filled: one number per grassroots union), authors those of `author` (author_key_no where the version has it).
 */
export function periodTotalsSql(
	periods: RawBuilder<unknown>,
	where: RawBuilder<boolean>,
	scope: UnitScope,
	t: WallClock,
	latest: boolean,
	union: 'grassroots_code' | 'grassroots_no' = 'grassroots_code',
	author: PeriodAuthorColumn = 'author_key'
): RawBuilder<TotalsRow> {
	const mart = (column: 'authors' | 'participating_grassroots') =>
		sql`(SELECT ${sql.ref(column)} FROM unit_totals WHERE unit_code = ${scope.code} AND as_of = ${t}::TIMESTAMP LIMIT 1)`;
	// Withdrawals are few: the scope is looked up among the withdrawn initiatives only (none for the nation).
	const withdrawnScope = scope.column ? sql`AND w.initiative_id IN (SELECT i.initiative_id FROM initiative i WHERE ${scopeCondition(scope, 'i')})` : sql``;
	return sql<TotalsRow>`
		WITH period AS (
			SELECT count(*) AS on_portal,
				count(*) FILTER (WHERE status = 'valid') AS valid,
				count(*) FILTER (WHERE status = 'under_review') AS under_review,
				count(*) FILTER (WHERE status = 'invalid') AS invalid,
				sum(benefit) FILTER (WHERE status = 'valid') AS benefit,
				quantile_disc(benefit, 0.5) FILTER (WHERE status = 'valid' AND benefit IS NOT NULL) AS median_benefit,
				${latest ? sql`NULL` : sql`count(DISTINCT ${sql.ref(author)})`} AS authors,
				${latest ? sql`NULL` : sql`count(DISTINCT ${sql.ref(union)})`} AS participating,
				count(*) FILTER (WHERE submitted_at < ${PHASE2_START}::TIMESTAMP) AS p1_on_portal,
				count(*) FILTER (WHERE status = 'valid' AND submitted_at < ${PHASE2_START}::TIMESTAMP) AS p1_valid,
				sum(benefit) FILTER (WHERE status = 'valid' AND submitted_at < ${PHASE2_START}::TIMESTAMP) AS p1_benefit
			FROM ${periods} p
			WHERE ${where}
		)
		SELECT period.* REPLACE (
				${latest ? mart('authors') : sql`period.authors`} AS authors,
				${latest ? mart('participating_grassroots') : sql`period.participating`} AS participating),
			(SELECT count(DISTINCT w.initiative_id) FROM initiative_withdrawal w
			 WHERE w.withdrawn_at <= ${t}::TIMESTAMP AND (w.reinstated_at IS NULL OR w.reinstated_at > ${t}::TIMESTAMP) ${withdrawnScope}) AS withdrawn,
			${grassrootsOf(scope)} AS grassroots
		FROM period`;
}

/** Totals of a unit from its totals row (pure). */
export function totalsOf(stamp: Stamp, scope: UnitScope, row: TotalsRow): Totals {
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
