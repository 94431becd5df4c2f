// Shares of national (or a unit's) totals as of T by region, cluster, 2025 province, level-1 kind or unit; central unions form their own bucket so shares sum to 100%.
import { QueryInputError, resolveStampAndUnit, type QueryOptions, type Stamp, type WarehouseDb } from './query-context.ts';
import { KIND_NAMES, peerGroups, type PeerBy } from './peers.ts';
import { unitFigures } from './unit-figures.ts';
import { assertFigures } from './viewer.ts';

export const SHARE_BYS = ['region', 'cluster', 'map2025', 'kind', 'unit'] as const;
export type ShareBy = (typeof SHARE_BYS)[number];
export const SHARE_METRICS = ['onPortal', 'valid', 'benefit'] as const;
export type ShareMetric = (typeof SHARE_METRICS)[number];

/** The bucket of level-1 units outside a grouping (central sectoral and corporation unions have no region or 2025 province). */
export const CENTRAL_BUCKET = { code: 'TW', name: 'Công đoàn ngành Trung ương, Tập đoàn, Tổng công ty' };

export interface ShareBucket {
	code: string;
	name: string;
	units: number;
	value: number;
	/** value ÷ total; null when the total is 0. */
	share: number | null;
}

export interface Shares extends Stamp {
	by: ShareBy;
	metric: ShareMetric;
	within: string;
	total: number;
	buckets: ShareBucket[];
}

export interface ShareOptions extends QueryOptions {
	by: ShareBy;
	metric?: ShareMetric;
}

/** Shares as of T. `by: 'unit'` splits `unit` (default the nation) into its direct sub-units. Aggregates: every viewer. */
export async function shares(db: WarehouseDb, options: ShareOptions): Promise<Shares> {
	const metric = options.metric ?? 'onPortal';
	if (!SHARE_BYS.includes(options.by)) throw new QueryInputError('invalid_option', `unknown grouping "${String(options.by).slice(0, 40)}"`);
	if (!SHARE_METRICS.includes(metric)) throw new QueryInputError('invalid_option', `unknown share metric "${String(metric).slice(0, 40)}"`);
	const [stamp, scope] = await resolveStampAndUnit(db, options.asOf, options.unit, options.viewer);
	let buckets: Omit<ShareBucket, 'share'>[];
	if (options.by === 'unit') {
		assertFigures(options.viewer, scope.level + 1, `shares of the sub-units of ${scope.code}`);
		const figures = await unitFigures(db, stamp, { childrenOf: scope });
		buckets = figures.map((f) => ({ code: f.code, name: f.name, units: 1, value: f[metric] }));
	} else {
		if (scope.level !== 0) throw new QueryInputError('invalid_option', `shares by ${options.by} are national (no --unit)`);
		const figures = await unitFigures(db, stamp, { level: 1 });
		const groups = await peerGroups(db, options.by as PeerBy);
		const bucketOf = new Map<string, string>();
		for (const g of groups) for (const m of g.members) bucketOf.set(m, g.code);
		const names = new Map(groups.map((g) => [g.code, options.by === 'kind' ? (KIND_NAMES[g.code] ?? g.name) : g.name]));
		names.set(CENTRAL_BUCKET.code, CENTRAL_BUCKET.name);
		const sums = new Map<string, { units: number; value: number }>();
		for (const g of groups) sums.set(g.code, { units: 0, value: 0 });
		for (const f of figures) {
			const code = bucketOf.get(f.code) ?? CENTRAL_BUCKET.code;
			const s = sums.get(code) ?? { units: 0, value: 0 };
			s.units++;
			s.value += f[metric];
			sums.set(code, s);
		}
		buckets = [...sums.entries()].map(([code, s]) => ({ code, name: names.get(code) ?? code, ...s }));
	}
	const total = buckets.reduce((a, b) => a + b.value, 0);
	return {
		...stamp,
		by: options.by,
		metric,
		within: scope.code,
		total,
		buckets: buckets.map((b) => ({ ...b, share: total ? b.value / total : null })).sort((a, b) => b.value - a.value || a.code.localeCompare(b.code))
	};
}
