// The minute the portal first held N initiatives (300,000 and 1,000,000 nationally, or any threshold for a unit), exact to the minute.
import { sql } from 'kysely';
import type { WallClock } from '../warehouse/time/wall-clock.ts';
import { FIRST_DAY, MILESTONES } from './programme.ts';
import { periodScopeCondition, QueryInputError, resolveStampAndUnit, scopeCondition, type QueryOptions, type Stamp, type UnitScope, type WarehouseDb } from './query-context.ts';
import { seriesRows } from './series.ts';

export interface Milestone {
	threshold: number;
	/** The first minute at which the count on the portal was ≥ threshold; null if not reached by asOf. */
	reachedAt: WallClock | null;
}


const nextDay = (d: string) => new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/** Withdrawals per day up to a day (inclusive), inside a scope: the only events that lower the count on the portal. */
async function withdrawalsByDay(db: WarehouseDb, scope: UnitScope, lastDay: string): Promise<Map<string, number>> {
	const { rows } = scope.column
		? await sql<{ day: string; n: number }>`
			SELECT w.withdrawn_at::DATE AS day, count(*) AS n FROM initiative_withdrawal w
			WHERE w.withdrawn_at < ${nextDay(lastDay)}::DATE
				AND w.initiative_id IN (SELECT i.initiative_id FROM initiative i WHERE ${scopeCondition(scope, 'i')})
			GROUP BY 1`.execute(db)
		: await sql<{ day: string; n: number }>`
			SELECT withdrawn_at::DATE AS day, count(*) AS n FROM initiative_withdrawal
			WHERE withdrawn_at < ${nextDay(lastDay)}::DATE GROUP BY 1`.execute(db);
	return new Map(rows.map((r) => [r.day, Number(r.n)]));
}

/** The first minute of a day at which the count reaches the threshold, walking the day's events from the count at its start. */
async function walkDay(db: WarehouseDb, scope: UnitScope, day: string, start: number, threshold: number): Promise<WallClock | null> {
	// The first day also holds what came before it (as in the daily series); from_at < to_at bounds the scan of to_at to rows already started.
	const from = day === FIRST_DAY ? sql`` : sql`AND from_at >= ${day}::DATE`;
	const { rows } = await sql<{ event_at: string; net: number }>`
		WITH event AS (
			SELECT from_at AS event_at, 1 AS sign FROM initiative_period WHERE ${periodScopeCondition(scope)}
				${from} AND from_at < ${nextDay(day)}::DATE
			UNION ALL
			SELECT to_at, -1 FROM initiative_period WHERE ${periodScopeCondition(scope)}
				AND from_at < ${nextDay(day)}::DATE AND to_at < ${nextDay(day)}::DATE ${day === FIRST_DAY ? sql`` : sql`AND to_at >= ${day}::DATE`}
		)
		SELECT date_trunc('minute', event_at) AS event_at, sum(sign)::BIGINT AS net FROM event GROUP BY 1 ORDER BY 1`.execute(db);
	let running = start;
	for (const row of rows) {
		running += Number(row.net);
		if (running >= threshold) return row.event_at;
	}
	return null;
}

/**
 * Exact first crossing. The count only rises at submissions and reinstatements and only falls at withdrawals (status
 * changes net to zero at their minute), so during a day it never exceeds (count at the end of the day) + (withdrawals
 * that day). The first day whose end count reaches N, and any earlier day where end count + withdrawals reaches N, are
 * the only candidates (from the daily series and the small withdrawal table); they are walked minute by minute in order.
 */
export async function firstReached(db: WarehouseDb, scope: UnitScope, threshold: number, until: WallClock): Promise<WallClock | null> {
	const points = await seriesRows(db, scope, FIRST_DAY, until.slice(0, 10));
	const reachedDay = points.find((p) => p.onPortal >= threshold)?.day;
	const lastDay = reachedDay ?? until.slice(0, 10);
	const withdrawals = await withdrawalsByDay(db, scope, lastDay);
	const endOf = new Map(points.map((p) => [p.day, p.onPortal]));
	let previousEnd = 0;
	for (const { day, onPortal } of points) {
		if (day > lastDay) break;
		if (day === lastDay || onPortal + (withdrawals.get(day) ?? 0) >= threshold) {
			const reached = await walkDay(db, scope, day, previousEnd, threshold);
			if (reached !== null) return reached <= until ? reached : null;
		}
		previousEnd = endOf.get(day) ?? previousEnd;
	}
	return null;
}

/** When each threshold (default 300,000 and 1,000,000) was first reached on the portal, as known at asOf. Aggregates: every viewer. */
export async function milestones(db: WarehouseDb, options: QueryOptions & { thresholds?: number[] }): Promise<Stamp & { unit: string; milestones: Milestone[] }> {
	const [stamp, scope] = await resolveStampAndUnit(db, options.asOf, options.unit, options.viewer);
	const thresholds = options.thresholds ?? MILESTONES;
	if (thresholds.some((t) => !Number.isSafeInteger(t) || t < 1)) throw new QueryInputError('invalid_option', 'thresholds must be positive integers');
	// The thresholds are independent: their walks run at once (on a page's handle, the series they share is read once).
	const result: Milestone[] = await Promise.all(thresholds.map(async (threshold) => ({ threshold, reachedAt: await firstReached(db, scope, threshold, stamp.asOf) })));
	return { ...stamp, unit: scope.code, milestones: result };
}
