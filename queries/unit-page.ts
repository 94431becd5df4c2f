// What the unit page asks in fewer reads: its national rank by valid initiatives and by attainment and its rank among its peers (level-1 peer group, else the siblings under its parent) from one read of its level's figures, and its peers' daily series in one read.
import { resolveStamp, resolveUnit, type QueryOptions, type WarehouseDb } from './query-context.ts';
import { metricValue, peerGroupOf, type PeerBy, type RankMetric } from './peers.ts';
import type { SeriesPoint } from './series.ts';
import { unitFigures, type UnitFigure } from './unit-figures.ts';
import { assertFigures } from './viewer.ts';

export interface Place {
	/** Competition rank by the tie rule of rankings.ts; null when the unit has no value (no target). */
	rank: number | null;
	/** Units in the ranking (ranked or not). */
	of: number;
}

export interface UnitStanding {
	national: Place;
	metricRank: Place;
	peer: (Place & { name: string; by: PeerBy | 'parent' }) | null;
}

/**
 * The place of `code` among `figures` by the tie rule of rankings.ts without sorting: one plus the units strictly ahead
 * (a larger value, or the same value and more valid initiatives). Units equal on both share the rank, as rankFigures gives.
 */
export function placeOf(figures: readonly UnitFigure[], code: string, metric: RankMetric): Place {
	const own = figures.find((f) => f.code === code);
	const value = own ? metricValue(own, metric) : null;
	if (!own || value === null) return { rank: null, of: figures.length };
	let ahead = 0;
	for (const f of figures) {
		const v = metricValue(f, metric);
		if (v !== null && (v > value || (v === value && f.valid > own.valid))) ahead++;
	}
	return { rank: ahead + 1, of: figures.length };
}

/**
 * The unit page's standing of a level 1–3 unit as of T: the same ranks as rankings() (level, metric 'valid' and
 * 'attainment'; peers by the level-1 unit's natural grouping, else within its parent) from one read of the level's
 * figures instead of three sorted leaderboards. Aggregates: every viewer that may see figures of the level.
 */
export async function unitStanding(db: WarehouseDb, options: QueryOptions & { parent?: { code: string; name: string; level: number } }): Promise<UnitStanding> {
	const stamp = await resolveStamp(db, options.asOf);
	const scope = await resolveUnit(db, options.unit, options.viewer);
	if (scope.level === 0) throw new Error('unitStanding: the nation has no standing');
	assertFigures(options.viewer, scope.level, `rankings of level ${scope.level}`);
	const figures = await unitFigures(db, stamp, { level: scope.level });
	const national = placeOf(figures, scope.code, 'valid');
	const metricRank = placeOf(figures, scope.code, 'attainment');
	let peer: UnitStanding['peer'] = null;
	if (scope.level === 1) {
		// The natural grouping the page compares with: the region of a provincial federation, else the kind of unit.
		const group = (await peerGroupOf(db, scope.code, 'region')) ?? (await peerGroupOf(db, scope.code, 'kind'));
		if (group) {
			const members = new Set(group.members);
			peer = { ...placeOf(figures.filter((f) => members.has(f.code)), scope.code, 'attainment'), name: group.name, by: group.by };
		}
	} else if (options.parent) {
		const parent = options.parent;
		const siblings = figures.filter((f) => (parent.level === 1 ? f.level1Code === parent.code : f.parentCode === parent.code));
		peer = { ...placeOf(siblings, scope.code, 'attainment'), name: parent.name, by: 'parent' };
	}
	return { national, metricRank, peer };
}

/**
 * The daily series of several level-1 or upper-level units between two days (inclusive) in one read of daily_series:
 * what seriesRows gives each of them, by unit code (a unit without rows gets an empty list).
 */
export async function seriesOfUnits(db: WarehouseDb, codes: readonly string[], fromDay: string, toDay: string): Promise<Map<string, SeriesPoint[]>> {
	const result = new Map<string, SeriesPoint[]>(codes.map((code) => [code, []]));
	if (codes.length === 0) return result;
	const rows = await db
		.selectFrom('daily_series')
		.select(['unit_code', 'day', 'on_portal', 'under_review', 'valid', 'invalid', 'valid_benefit as benefit'])
		.where('unit_code', 'in', [...codes])
		.where('day', '>=', fromDay)
		.where('day', '<=', toDay)
		.orderBy('unit_code')
		.orderBy('day')
		.execute();
	for (const r of rows) result.get(r.unit_code)?.push({ day: r.day, onPortal: r.on_portal, underReview: r.under_review, valid: r.valid, invalid: r.invalid, benefit: r.benefit });
	return result;
}
