// The minute the portal first held N initiatives (300,000 and 1,000,000 nationally, or any threshold for a unit), exact to the minute.
import { sql } from 'kysely';
import type { WallClock } from '../warehouse/time/wall-clock.ts';
import { MILESTONES } from './programme.ts';
import { QueryInputError, resolveStamp, resolveUnit, scopeCondition, type QueryOptions, type Stamp, type UnitScope, type WarehouseDb } from './query-context.ts';
import { seriesRows } from './series.ts';

export interface Milestone {
	threshold: number;
	/** The first minute at which the count on the portal was ≥ threshold; null if not reached by asOf. */
	reachedAt: WallClock | null;
}

const FIRST_DAY = '2022-01-08';

/**
 * Exact first crossing: the count only rises at submissions and reinstatements and only falls at withdrawals (status
 * changes net to zero at their minute). A day d can reach N only if (count at the end of d−1) + (period starts on d, an
 * upper bound of its arrivals) ≥ N; such candidate days come from the daily series, then are walked minute by minute in order.
 */
export async function firstReached(db: WarehouseDb, scope: UnitScope, threshold: number, until: WallClock): Promise<WallClock | null> {
	const points = await seriesRows(db, scope, FIRST_DAY, until.slice(0, 10));
	const reachedDay = points.find((p) => p.onPortal >= threshold)?.day;
	const lastDay = reachedDay ?? until.slice(0, 10);
	const { rows: arrivals } = await sql<{ day: string; arrivals: number }>`
		SELECT greatest(p.from_at::DATE, ${FIRST_DAY}::DATE) AS day, count(*) AS arrivals
		FROM initiative_period p
		WHERE p.from_at < ${lastDay}::DATE + INTERVAL 1 DAY AND ${scopeCondition(scope, 'p')}
		GROUP BY 1 ORDER BY 1`.execute(db);
	const endOf = new Map(points.map((p) => [p.day, p.onPortal]));
	const dayBefore = (d: string) => new Date(Date.parse(`${d}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
	for (const { day, arrivals: count } of arrivals) {
		const start = endOf.get(dayBefore(day)) ?? 0;
		if (start + count < threshold) continue;
		const { rows } = await sql<{ event_at: string; net: number }>`
			WITH event AS (
				SELECT from_at AS event_at, 1 AS sign FROM initiative_period WHERE ${scopeCondition(scope)}
					AND from_at >= ${day}::DATE AND from_at < ${day}::DATE + INTERVAL 1 DAY
				UNION ALL
				SELECT to_at, -1 FROM initiative_period WHERE ${scopeCondition(scope)}
					AND to_at >= ${day}::DATE AND to_at < ${day}::DATE + INTERVAL 1 DAY
			)
			SELECT date_trunc('minute', event_at) AS event_at, sum(sign)::BIGINT AS net FROM event GROUP BY 1 ORDER BY 1`.execute(db);
		let running = start;
		for (const row of rows) {
			running += row.net;
			if (running >= threshold) return row.event_at <= until ? row.event_at : null;
		}
	}
	return null;
}

/** When each threshold (default 300,000 and 1,000,000) was first reached on the portal, as known at asOf. Aggregates: every viewer. */
export async function milestones(db: WarehouseDb, options: QueryOptions & { thresholds?: number[] }): Promise<Stamp & { unit: string; milestones: Milestone[] }> {
	const stamp = await resolveStamp(db, options.asOf);
	const scope = await resolveUnit(db, options.unit, options.viewer);
	const thresholds = options.thresholds ?? MILESTONES;
	if (thresholds.some((t) => !Number.isSafeInteger(t) || t < 1)) throw new QueryInputError('invalid_option', 'thresholds must be positive integers');
	const result: Milestone[] = [];
	for (const threshold of thresholds) result.push({ threshold, reachedAt: await firstReached(db, scope, threshold, stamp.asOf) });
	return { ...stamp, unit: scope.code, milestones: result };
}
