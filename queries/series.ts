// Daily cumulative series (on the portal, by status, valid benefit) of the nation or any unit with the phases and the 40-day campaign, and period-over-period changes that refuse incomplete periods.
import { sql, type RawBuilder } from 'kysely';
import type { WallClock } from '../warehouse/time/wall-clock.ts';
import { CAMPAIGN, FIRST_DAY, PHASES, type Span } from './programme.ts';
import { hasTables, n, NATION, periodScopeCondition, QueryInputError, resolveStampAndUnit, schemaHandleOf, type QueryOptions, type Stamp, type UnitScope, type WarehouseDb } from './query-context.ts';

export interface SeriesPoint {
	/** "YYYY-MM-DD": the figures as of the end of that day. */
	day: string;
	onPortal: number;
	underReview: number;
	valid: number;
	invalid: number;
	benefit: number;
}

export interface Series extends Stamp {
	unit: { code: string; name: string; level: number };
	points: SeriesPoint[];
	/** Phases and the 40-day campaign, to draw on the chart. */
	annotations: Span[];
}

export interface SeriesOptions extends QueryOptions {
	/** First day shown (default 08/01/2022). */
	from?: string;
	/** Last day shown (default the day of asOf). */
	to?: string;
}


export interface PointRow {
	day: string;
	on_portal: number;
	under_review: number;
	valid: number;
	invalid: number;
	benefit: number;
}

export const toPoint = (r: PointRow): SeriesPoint => ({ day: r.day, onPortal: r.on_portal, underReview: r.under_review, valid: r.valid, invalid: r.invalid, benefit: r.benefit });

/**
 * SQL: the end-of-day figures (on the portal, by status, valid benefit) of a set of periods from the first day to toDay,
 * days from fromDay on, ordered by day; `periods` is initiative_period or a relation of its rows (from_at, to_at, status, benefit).
 */
export function cumulativeSeriesSql(periods: RawBuilder<unknown>, where: RawBuilder<boolean>, fromDay: string, toDay: string): RawBuilder<PointRow> {
	return sql<PointRow>`
		WITH event AS (
			-- one scan: each period comes on (+1) at from_at and, when it has ended, goes off (−1) at to_at
			SELECT unnest([from_at, to_at]) AS event_at, unnest([1, -1]) AS sign, status, coalesce(benefit, 0) AS benefit
			FROM ${periods} WHERE ${where}
		),
		change AS (
			SELECT greatest(event_at::DATE, ${FIRST_DAY}::DATE) AS day, sign, status, benefit FROM event WHERE event_at IS NOT NULL
		),
		daily AS (
			SELECT day, sum(sign) AS on_portal,
				coalesce(sum(sign) FILTER (WHERE status = 'under_review'), 0) AS under_review,
				coalesce(sum(sign) FILTER (WHERE status = 'valid'), 0) AS valid,
				coalesce(sum(sign) FILTER (WHERE status = 'invalid'), 0) AS invalid,
				coalesce(sum(sign * benefit) FILTER (WHERE status = 'valid'), 0) AS benefit
			FROM change GROUP BY day
		),
		cumulative AS (
			SELECT g.day::DATE AS day,
				sum(coalesce(d.on_portal, 0)) OVER w AS on_portal, sum(coalesce(d.under_review, 0)) OVER w AS under_review,
				sum(coalesce(d.valid, 0)) OVER w AS valid, sum(coalesce(d.invalid, 0)) OVER w AS invalid,
				sum(coalesce(d.benefit, 0)) OVER w AS benefit
			FROM range(${FIRST_DAY}::DATE, ${toDay}::DATE + INTERVAL 1 DAY, INTERVAL 1 DAY) g(day)
			LEFT JOIN daily d ON d.day = g.day::DATE
			WINDOW w AS (ORDER BY g.day ROWS UNBOUNDED PRECEDING)
		)
		SELECT day, on_portal::BIGINT AS on_portal, under_review::BIGINT AS under_review, valid::BIGINT AS valid,
			invalid::BIGINT AS invalid, benefit::BIGINT AS benefit
		FROM cumulative WHERE day >= ${fromDay}::DATE ORDER BY day`;
}

/** End-of-day figures of a scope between two days (inclusive): daily_series for levels 0–2, computed from initiative_period for a grassroots union. */
export async function seriesRows(db: WarehouseDb, scope: UnitScope, fromDay: string, toDay: string): Promise<SeriesPoint[]> {
	if (scope.level <= 2) {
		const rows = await db
			.selectFrom('daily_series')
			.select(['day', 'on_portal', 'under_review', 'valid', 'invalid', 'valid_benefit as benefit'])
			.where('unit_code', '=', scope.level === 0 ? NATION : scope.code)
			.where('day', '>=', fromDay)
			.where('day', '<=', toDay)
			.orderBy('day')
			.execute();
		return rows.map(toPoint);
	}
	const { rows } = await cumulativeSeriesSql(await grassrootsPeriods(db, scope), periodScopeCondition(scope), fromDay, toDay).execute(db);
	return rows.map(toPoint);
}

/**
 * The relation a grassroots union's series reads: its search_period rows when the version has a built search index (one row
 * per initiative_period row, stored by grassroots_no: the union's few row groups, where initiative_period, stored by from_at,
 * spreads them over every row group; open periods end at 'infinity' there, null here), else initiative_period.
 */
async function grassrootsPeriods(db: WarehouseDb, scope: UnitScope): Promise<RawBuilder<unknown>> {
	if (!scope.span || !(await searchPeriodsBuilt(db))) return sql`initiative_period`;
	return sql`(SELECT from_at, nullif(to_at, 'infinity'::TIMESTAMP) AS to_at, status, benefit, grassroots_no FROM search_period)`;
}

const builtOf = new WeakMap<object, Promise<boolean>>();

/** Whether the version's search index is built (search_meta holds its one row, so search_period holds every period); once per version's handle. */
export function searchPeriodsBuilt(db: WarehouseDb): Promise<boolean> {
	const handle = schemaHandleOf(db);
	let built = builtOf.get(handle);
	if (!built) {
		built = (async () =>
			(await hasTables(db, ['search_meta', 'search_period'])) &&
			n((await sql<{ n: number }>`SELECT count(*) AS n FROM search_meta`.execute(db)).rows[0]?.n) === 1)();
		built.catch(() => builtOf.delete(handle));
		builtOf.set(handle, built);
	}
	return built;
}

function day(text: string | undefined, fallback: string): string {
	if (text === undefined) return fallback;
	const parsed = /^\d{4}-\d{2}-\d{2}$/u.test(text) ? text : undefined;
	if (!parsed) throw new QueryInputError('invalid_option', `invalid day ${JSON.stringify(text.slice(0, 40))} (use YYYY-MM-DD)`);
	return parsed;
}

/** The daily cumulative series of a unit (default the nation) up to the day of asOf (never past the latest export). Aggregates: every viewer. */
export async function dailySeries(db: WarehouseDb, options: SeriesOptions): Promise<Series> {
	const [stamp, scope] = await resolveStampAndUnit(db, options.asOf, options.unit, options.viewer);
	const lastDay = (stamp.asOf < stamp.latestExport ? stamp.asOf : stamp.latestExport).slice(0, 10);
	const points = await seriesRows(db, scope, day(options.from, FIRST_DAY), day(options.to, lastDay) < lastDay ? day(options.to, lastDay) : lastDay);
	return { ...stamp, unit: { code: scope.code, name: scope.name, level: scope.level }, points, annotations: [...PHASES, CAMPAIGN] };
}

export type PeriodKind = 'week' | 'month';

export interface PeriodFigure {
	/** Inclusive first day and exclusive end day. */
	start: string;
	end: string;
	complete: boolean;
	/** Initiatives that came onto the portal (net of withdrawals) during the period; null when refused. */
	increase: number | null;
}

export interface PeriodChange extends Stamp {
	period: PeriodKind;
	current: PeriodFigure;
	previous: PeriodFigure;
	/** current − previous; null when refused. */
	delta: number | null;
	/** Why there is no delta: the current period is not over at asOf (or not covered by the exports yet). */
	refused: { code: 'incomplete_period'; message: string } | null;
}

const addDays = (d: string, days: number) => new Date(Date.parse(`${d}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** The week (Monday start) or month containing a day. */
export function periodOf(kind: PeriodKind, d: string): { start: string; end: string } {
	if (kind === 'month') {
		const start = `${d.slice(0, 8)}01`;
		const next = new Date(Date.UTC(+d.slice(0, 4), +d.slice(5, 7), 1)).toISOString().slice(0, 10);
		return { start, end: next };
	}
	const weekday = (new Date(`${d}T00:00:00Z`).getUTCDay() + 6) % 7;
	const start = addDays(d, -weekday);
	return { start, end: addDays(start, 7) };
}

/**
 * The change over the period containing asOf against the one before. A period is complete when it has ended by asOf
 * and the exports reach its end; comparing an incomplete period with a complete one is refused (delta null, reason given).
 */
export async function periodChange(db: WarehouseDb, options: QueryOptions & { period: PeriodKind }): Promise<PeriodChange> {
	if (options.period !== 'week' && options.period !== 'month') throw new QueryInputError('invalid_option', 'period must be week or month');
	const [stamp, scope] = await resolveStampAndUnit(db, options.asOf, options.unit, options.viewer);
	const asOfDay = stamp.asOf.slice(0, 10);
	const current = periodOf(options.period, asOfDay);
	const previous = periodOf(options.period, addDays(current.start, -1));
	const known: WallClock = stamp.asOf < stamp.latestExport ? stamp.asOf : stamp.latestExport;
	const isComplete = (p: { end: string }) => `${p.end}T00:00:00` <= known || (known.slice(0, 10) === addDays(p.end, -1) && known.slice(11, 16) === '23:59');
	const points = await seriesRows(db, scope, addDays(previous.start, -1), addDays(current.end, -1));
	const at = (d: string) => points.find((p) => p.day === d)?.onPortal ?? 0;
	const figure = (p: { start: string; end: string }): PeriodFigure => {
		const complete = isComplete(p);
		return { ...p, complete, increase: complete ? at(addDays(p.end, -1)) - at(addDays(p.start, -1)) : null };
	};
	const cur = figure(current);
	const prev = figure(previous);
	const refused = cur.complete && prev.complete ? null : {
		code: 'incomplete_period' as const,
		message: `the ${options.period} from ${current.start} is not complete at ${stamp.asOf}; compare complete periods only`
	};
	return { ...stamp, period: options.period, current: cur, previous: prev, delta: refused ? null : cur.increase! - prev.increase!, refused };
}
