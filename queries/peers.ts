// Peer groups of level-1 units (kind, the 6 regions, emulation clusters, the 2025 map), peer statistics (median, quartiles, percentile) and the 2025-map sums.
import { sql } from 'kysely';
import { QueryInputError, resolveStamp, resolveStampAndUnit, ratio, type QueryOptions, type Stamp, type WarehouseDb } from './query-context.ts';
import { unitFigures, type UnitFigure } from './unit-figures.ts';

export const PEER_BYS = ['kind', 'region', 'cluster', 'map2025'] as const;
export type PeerBy = (typeof PEER_BYS)[number];

export const RANK_METRICS = ['onPortal', 'valid', 'attainment', 'benefit', 'perThousandMembers'] as const;
export type RankMetric = (typeof RANK_METRICS)[number];

export interface Level1Reference {
	code: string;
	name: string;
	shortName: string;
	kind: string;
	region: string | null;
	cluster: string;
	map2025: string | null;
}

export interface PeerGroup {
	by: PeerBy;
	code: string;
	name: string;
	/** Level-1 unit codes. */
	members: string[];
}

export const KIND_NAMES: Record<string, string> = {
	provincial: 'LĐLĐ tỉnh, thành phố',
	sectoral: 'Công đoàn ngành Trung ương',
	corporation: 'Công đoàn Tập đoàn, Tổng công ty'
};

/** The reference rows of every level-1 unit (ref_level1 of the version). */
export async function level1Reference(db: WarehouseDb): Promise<Level1Reference[]> {
	const rows = await db
		.selectFrom('ref_level1')
		.select(['code', 'name', 'short_name', 'kind', 'region_code', 'cluster_code', 'map2025_code'])
		.orderBy('code')
		.execute();
	return rows.map(level1Of);
}

function level1Of(r: { code: string; name: string; short_name: string; kind: string; region_code: string | null; cluster_code: string; map2025_code: string | null }): Level1Reference {
	return { code: r.code, name: r.name, shortName: r.short_name, kind: r.kind, region: r.region_code, cluster: r.cluster_code, map2025: r.map2025_code };
}

/** The group names of each grouping kept in the version, joined to ref_level1 by the group column (a closed whitelist: the only identifiers interpolated). */
const GROUP_NAMES = {
	region: { column: 'region_code', names: sql`SELECT code, name FROM ref_region` },
	cluster: { column: 'cluster_code', names: sql`SELECT code, name FROM ref_cluster` },
	map2025: { column: 'map2025_code', names: sql`SELECT DISTINCT code, name FROM ref_map2025` }
} as const;

/** Every group of one kind of peer grouping, with its name and members (central unions have no region and no 2025 province); one statement. */
export async function peerGroups(db: WarehouseDb, by: PeerBy): Promise<PeerGroup[]> {
	const names = new Map<string, string>(by === 'kind' ? Object.entries(KIND_NAMES) : []);
	let reference: Level1Reference[];
	if (by === 'kind') reference = await level1Reference(db);
	else {
		const { column, names: groupNames } = GROUP_NAMES[by];
		const { rows } = await sql<Parameters<typeof level1Of>[0] & { group_name: string | null }>`
			SELECT r.code, r.name, r.short_name, r.kind, r.region_code, r.cluster_code, r.map2025_code, g.name AS group_name
			FROM ref_level1 r LEFT JOIN (${groupNames}) g ON g.code = ${sql.ref(`r.${column}`)} ORDER BY r.code`.execute(db);
		reference = rows.map(level1Of);
		for (const [i, unit] of reference.entries()) {
			const code = unit[by];
			const name = rows[i]!.group_name;
			if (code && name !== null) names.set(code, name);
		}
	}
	const groups = new Map<string, PeerGroup>();
	for (const unit of reference) {
		const code = by === 'kind' ? unit.kind : unit[by];
		if (!code) continue;
		const group = groups.get(code) ?? { by, code, name: names.get(code) ?? code, members: [] };
		group.members.push(unit.code);
		groups.set(code, group);
	}
	return [...groups.values()].sort((a, b) => a.code.localeCompare(b.code));
}

/** The group of a level-1 unit in a grouping; undefined when it has none (a central union has no region). */
export async function peerGroupOf(db: WarehouseDb, level1Code: string, by: PeerBy): Promise<PeerGroup | undefined> {
	return (await peerGroups(db, by)).find((g) => g.members.includes(level1Code));
}

/** A figure's value for a ranking metric. */
export function metricValue(figure: UnitFigure, metric: RankMetric): number | null {
	return figure[metric];
}

/** Quantile by linear interpolation between closest ranks (R type 7, DuckDB quantile_cont) of sorted values. */
export function quantile(sorted: number[], q: number): number | null {
	if (sorted.length === 0) return null;
	const position = (sorted.length - 1) * q;
	const lower = Math.floor(position);
	const upper = Math.ceil(position);
	return sorted[lower]! + (sorted[upper]! - sorted[lower]!) * (position - lower);
}

/** Percentile rank of a value among values: (number below + half the number equal) ÷ count × 100. */
export function percentileRank(values: number[], value: number): number | null {
	if (values.length === 0) return null;
	const below = values.filter((v) => v < value).length;
	const equal = values.filter((v) => v === value).length;
	return ((below + equal / 2) / values.length) * 100;
}

export interface PeerStats extends Stamp {
	unit: { code: string; name: string; value: number | null };
	group: { by: PeerBy; code: string; name: string; size: number };
	metric: RankMetric;
	/** Over the peers with a value (units without a target have no attainment). */
	count: number;
	min: number | null;
	q1: number | null;
	median: number | null;
	q3: number | null;
	max: number | null;
	percentile: number | null;
	peers: { code: string; name: string; value: number | null }[];
}

export interface PeerOptions extends QueryOptions {
	by: PeerBy;
	metric?: RankMetric;
}

/** Where a level-1 unit (or the level-1 unit above `unit`) stands among its peers as of T. Aggregates: every viewer. */
export async function peerStats(db: WarehouseDb, options: PeerOptions): Promise<PeerStats> {
	const [stamp, scope] = await resolveStampAndUnit(db, options.asOf, options.unit, options.viewer);
	const metric = options.metric ?? 'valid';
	const level1 = scope.level === 1 ? scope.code : scope.level1Code;
	if (!level1) throw new QueryInputError('invalid_option', 'peer statistics need a unit (the nation has no peers)');
	const group = await peerGroupOf(db, level1, options.by);
	if (!group) throw new QueryInputError('invalid_option', `unit ${level1} belongs to no ${options.by} group`);
	const members = new Set(group.members);
	const figures = (await unitFigures(db, stamp, { level: 1 })).filter((f) => members.has(f.code));
	const peers = figures.map((f) => ({ code: f.code, name: f.name, value: metricValue(f, metric) }));
	const values = peers.map((p) => p.value).filter((v): v is number => v !== null).sort((a, b) => a - b);
	const own = peers.find((p) => p.code === level1);
	const value = own?.value ?? null;
	return {
		...stamp,
		unit: { code: level1, name: own?.name ?? level1, value },
		group: { by: group.by, code: group.code, name: group.name, size: figures.length },
		metric,
		count: values.length,
		min: values[0] ?? null,
		q1: quantile(values, 0.25),
		median: quantile(values, 0.5),
		q3: quantile(values, 0.75),
		max: values.at(-1) ?? null,
		percentile: value === null ? null : percentileRank(values, value),
		peers
	};
}

export interface Map2025Figure {
	code: string;
	name: string;
	/** Pre-2025 province federations summed. */
	covers: string[];
	onPortal: number;
	valid: number;
	benefit: number;
	members: number | null;
	targetAssigned: number | null;
	attainment: number | null;
}

/** The 34 provinces of the 2025 map, each summed over the provincial federations of the old provinces it covers, as of T. */
export async function map2025Figures(db: WarehouseDb, options: QueryOptions): Promise<Stamp & { rows: Map2025Figure[] }> {
	const stamp = await resolveStamp(db, options.asOf);
	const groups = await peerGroups(db, 'map2025');
	const figures = new Map((await unitFigures(db, stamp, { level: 1 })).map((f) => [f.code, f]));
	const rows = groups.map((g) => {
		const parts = g.members.map((code) => figures.get(code)).filter((f): f is UnitFigure => f !== undefined);
		const total = (pick: (f: UnitFigure) => number | null) => {
			const values = parts.map(pick).filter((v): v is number => v !== null);
			return values.length === 0 ? null : values.reduce((a, b) => a + b, 0);
		};
		const valid = total((f) => f.valid) ?? 0;
		const target = total((f) => f.targetAssigned);
		return {
			code: g.code, name: g.name, covers: g.members,
			onPortal: total((f) => f.onPortal) ?? 0, valid, benefit: total((f) => f.benefit) ?? 0,
			members: total((f) => f.members), targetAssigned: target, attainment: ratio(valid, target)
		};
	});
	return { ...stamp, rows };
}
