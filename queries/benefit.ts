// Economic benefit as of T: its distribution (quantiles of a heavy tail), the top initiatives (titles only inside the viewer's detail scope) and totals by unit, region or field.
import { sql, type RawBuilder } from 'kysely';
import { breakdown, readsLatestMarts, type Breakdown, type FigureSource } from './breakdowns.ts';
import { asOfCondition, n, periodScopeCondition, QueryInputError, resolveStampAndUnit, scopeCondition, type QueryOptions, type Stamp, type WarehouseDb } from './query-context.ts';
import { shares, type Shares } from './shares.ts';
import type { UnitTopInitiativeTable } from '../warehouse/tables.ts';
import { NotVisibleError, canSeeDetail } from './viewer.ts';

export const BENEFIT_QUANTILES = [0.1, 0.25, 0.5, 0.75, 0.9, 0.99] as const;

export interface BenefitDistribution extends Stamp {
	unit: string;
	valid: number;
	/** Valid initiatives stating a benefit. */
	stating: number;
	total: number;
	/** Quantiles (nearest rank, quantile_disc) of the stated benefits, keyed "p10" … "p99". */
	quantiles: Record<string, number | null>;
	max: number | null;
}

/** Distribution of the benefit of valid initiatives at T. Aggregates: every viewer. */
export async function benefitDistribution(db: WarehouseDb, options: QueryOptions): Promise<BenefitDistribution> {
	return benefitDistributionFrom(db, options, 'marts');
}

interface DistributionRow {
	valid: number;
	stating: number;
	total: number | null;
	q: (number | null)[] | null;
	max: number | null;
}

/** benefitDistribution() read from the given source (the marts: unit_totals and unit_totals_detail, every unit). */
export async function benefitDistributionFrom(db: WarehouseDb, options: QueryOptions, source: FigureSource): Promise<BenefitDistribution> {
	const [stamp, scope] = await resolveStampAndUnit(db, options.asOf, options.unit, options.viewer);
	const fromMarts =
		(await readsLatestMarts(db, source, stamp))
			? (
					await sql<DistributionRow>`
						SELECT t.valid, d.stating, t.valid_benefit AS total, d.benefit_quantiles AS q, d.max_benefit AS max
						FROM unit_totals t JOIN unit_totals_detail d ON d.unit_code = t.unit_code AND d.as_of = t.as_of
						WHERE t.unit_code = ${scope.code} AND t.as_of = ${stamp.asOf}::TIMESTAMP LIMIT 1`.execute(db)
				).rows[0]
			: undefined;
	const row =
		fromMarts ??
		(
			await sql<DistributionRow>`
				SELECT count(*) AS valid, count(benefit) AS stating, sum(benefit) AS total,
					quantile_disc(benefit, [${sql.join(BENEFIT_QUANTILES.map((q) => sql.lit(q)))}]) AS q, max(benefit) AS max
				FROM initiative_period WHERE status = 'valid' AND ${asOfCondition(stamp.asOf)} AND ${periodScopeCondition(scope)}`.execute(db)
		).rows[0]!;
	const quantiles = Object.fromEntries(BENEFIT_QUANTILES.map((q, i) => [`p${Math.round(q * 100)}`, row.q?.[i] ?? null]));
	return { ...stamp, unit: scope.code, valid: n(row.valid), stating: n(row.stating), total: n(row.total), quantiles, max: row.max ?? null };
}

/** Rows a unit keeps in unit_top_initiative (warehouse/sql/marts/unit-detail.sql). */
export const TOP_INITIATIVES_KEPT = 100;

export interface TopInitiative {
	rank: number;
	initiativeId: string;
	title: string | null;
	field: string | null;
	grassrootsCode: string | null;
	level1Code: string | null;
	benefit: number;
}

/** The valid initiatives with the largest benefit at T, ties by id. Restricted: NotVisibleError outside the viewer's detail scope. */
export async function topInitiatives(db: WarehouseDb, options: QueryOptions & { limit?: number }): Promise<Stamp & { unit: string; rows: TopInitiative[] }> {
	return topInitiativesFrom(db, options, 'marts');
}

/** topInitiatives() read from the given source (the marts: unit_top_initiative with the titles, nation to upper-level unions, up to its 100 rows a unit). */
export async function topInitiativesFrom(db: WarehouseDb, options: QueryOptions & { limit?: number }, source: FigureSource): Promise<Stamp & { unit: string; rows: TopInitiative[] }> {
	const [stamp, scope] = await resolveStampAndUnit(db, options.asOf, options.unit, options.viewer);
	if (!canSeeDetail(options.viewer, scope.code)) throw new NotVisibleError(`initiatives of ${scope.code}`);
	const limit = options.limit ?? 10;
	if (!Number.isSafeInteger(limit) || limit < 1 || limit > 1000) throw new QueryInputError('invalid_option', 'limit must be 1–1000');
	type Row = TopInitiativeRow;
	const { rows } = await (scope.level <= 2 && limit <= TOP_INITIATIVES_KEPT && (await readsLatestMarts(db, source, stamp))
		? sql<Row>`
			SELECT initiative_id, title, field, grassroots_code, level1_code, benefit FROM unit_top_initiative
			WHERE unit_code = ${scope.code} AND as_of = ${stamp.asOf}::TIMESTAMP AND rank <= ${limit}
			ORDER BY rank`
		: sql<Row>`
			WITH top AS (${topOfPeriodsSql(sql`initiative_period`, sql`${asOfCondition(stamp.asOf, 'p')} AND ${periodScopeCondition(scope, 'p')}`, limit)})
			-- the top rows are cut from the periods first: only they are joined to titles
			SELECT t.initiative_id, i.title, t.field, t.grassroots_code, t.level1_code, t.benefit
			FROM top t JOIN initiative i ON i.initiative_id = t.initiative_id AND ${scopeCondition(scope, 'i')}
			ORDER BY t.benefit DESC, t.initiative_id`
	).execute(db);
	return { ...stamp, unit: scope.code, rows: rankedInitiatives(rows) };
}

/** A top initiative row as the query orders them (benefit, then id): the columns of a unit_top_initiative row. */
export type TopInitiativeRow = Pick<UnitTopInitiativeTable, 'initiative_id' | 'title' | 'field' | 'grassroots_code' | 'level1_code' | 'benefit'>;

/** Ranks 1, 2, … of top initiatives in their order (pure). */
export function rankedInitiatives(rows: readonly TopInitiativeRow[]): TopInitiative[] {
	return rows.map((r, i) => ({ rank: i + 1, initiativeId: r.initiative_id, title: r.title, field: r.field, grassrootsCode: r.grassroots_code, level1Code: r.level1_code, benefit: r.benefit }));
}

/**
 * SQL: the `limit` valid initiatives stating the largest benefit (ties by id) of a set of periods (initiative_period, or a
 * relation of its rows, filtered by `where` on alias p): initiative_id, field, grassroots_code, level1_code, benefit.
 */
export function topOfPeriodsSql(periods: RawBuilder<unknown>, where: RawBuilder<boolean>, limit: number) {
	return sql`
		SELECT p.initiative_id, p.field, p.grassroots_code, p.level1_code, p.benefit FROM ${periods} p
		WHERE p.status = 'valid' AND p.benefit IS NOT NULL AND ${where}
		ORDER BY p.benefit DESC, p.initiative_id LIMIT ${limit}`;
}

/** Benefit totals at T by sub-unit or region (shares) or by field (breakdown). Aggregates: every viewer. */
export async function benefitBy(db: WarehouseDb, options: QueryOptions & { by: 'unit' | 'region' | 'field' }): Promise<Shares | Breakdown> {
	if (options.by === 'field') return breakdown(db, { ...options, by: 'field' });
	if (options.by === 'unit' || options.by === 'region') return shares(db, { ...options, by: options.by, metric: 'benefit' });
	throw new QueryInputError('invalid_option', `benefit totals by unit, region or field, not "${String(options.by).slice(0, 40)}"`);
}
