// The figures the command line can print: each metric name mapped to a query, its definition and a table of plain rows (used by figures-cli.ts and its tests).
import type { PlainValue } from '../warehouse/duckdb/plain-values.ts';
import { benefitDistribution, topInitiatives } from './benefit.ts';
import { breakdown, type BreakdownBy } from './breakdowns.ts';
import { DEFINITIONS, type MetricKey } from './definitions.ts';
import { milestones } from './milestones.ts';
import { topAuthors } from './people.ts';
import { map2025Figures, peerStats, type PeerBy, type RankMetric } from './peers.ts';
import { freshness, quarantineCounts } from './quality.ts';
import { QueryInputError, resolveStamp, resolveUnit, type WarehouseDb } from './query-context.ts';
import { rankings } from './rankings.ts';
import { dailySeries } from './series.ts';
import { shares, type ShareBy, type ShareMetric } from './shares.ts';
import { targets } from './targets.ts';
import { totals, type Totals } from './totals.ts';
import type { Viewer } from './viewer.ts';

export const FIGURE_BYS = ['region', 'cluster', 'map2025', 'kind', 'level'] as const;
export type FigureBy = (typeof FIGURE_BYS)[number];

export type ColumnKind = 'text' | 'int' | 'vnd' | 'pct' | 'num' | 'time';

export interface FigureTable {
	metric: string;
	definition: MetricKey;
	asOf: string | null;
	version: string | null;
	unit: string;
	by: FigureBy | null;
	columns: { key: string; label: string; kind: ColumnKind }[];
	rows: Record<string, PlainValue>[];
}

export interface FigureRequest {
	viewer: Viewer;
	asOf?: string;
	unit?: string;
	by?: FigureBy;
}

type Runner = (db: WarehouseDb, request: FigureRequest) => Promise<Omit<FigureTable, 'metric' | 'version' | 'by'> & { version?: string | null }>;

const col = (key: string, label: string, kind: ColumnKind = 'int') => ({ key, label, kind });

function totalsFigure(field: keyof Totals & string, definition: MetricKey, kind: ColumnKind, shareMetric?: ShareMetric): Runner {
	return async (db, request) => {
		if (request.by) {
			if (!shareMetric) throw new QueryInputError('invalid_option', `--by is not available for this metric`);
			const s = await shares(db, { viewer: request.viewer, asOf: request.asOf, unit: request.unit, by: request.by === 'level' ? 'unit' : (request.by as ShareBy), metric: shareMetric });
			return {
				definition, asOf: s.asOf, version: s.version, unit: s.within,
				columns: [col('code', 'Mã', 'text'), col('name', 'Tên', 'text'), col('value', DEFINITIONS[definition].labelVi, kind), col('share', 'Tỷ trọng', 'pct')],
				rows: s.buckets.map((b) => ({ code: b.code, name: b.name, value: b.value, share: b.share }))
			};
		}
		const t = await totals(db, request);
		return { definition, asOf: t.asOf, version: t.version, unit: t.unit.code, columns: [col('unit', 'Đơn vị', 'text'), col('value', DEFINITIONS[definition].labelVi, kind)], rows: [{ unit: t.unit.name, value: t[field] as PlainValue }] };
	};
}

function ranking(metric: RankMetric, kind: ColumnKind): Runner {
	return async (db, request) => {
		const scope = await resolveUnit(db, request.unit);
		const level = Math.min(3, scope.level + 1) as 1 | 2 | 3;
		const r = await rankings(db, { viewer: request.viewer, asOf: request.asOf, unit: request.unit, level, metric });
		return {
			definition: 'ranking', asOf: r.asOf, version: r.version, unit: r.within,
			columns: [col('rank', 'Hạng'), col('code', 'Mã', 'text'), col('name', 'Tên', 'text'), col('value', metric, kind), col('valid', 'Hợp lệ')],
			rows: r.rows.map((x) => ({ rank: x.rank, code: x.code, name: x.name, value: x.value, valid: x.valid }))
		};
	};
}

function breakdownFigure(by: BreakdownBy): Runner {
	return async (db, request) => {
		const b = await breakdown(db, { viewer: request.viewer, asOf: request.asOf, unit: request.unit, by });
		return {
			definition: 'breakdown', asOf: b.asOf, version: b.version, unit: b.unit,
			columns: [col('group', 'Nhóm', 'text'), col('onPortal', 'Trên hệ thống'), col('valid', 'Hợp lệ'), col('benefit', 'Giá trị làm lợi', 'vnd'), col('share', 'Tỷ trọng', 'pct')],
			rows: b.rows.map((r) => ({ group: r.labelVi, onPortal: r.onPortal, valid: r.valid, benefit: r.benefit, share: r.share }))
		};
	};
}

/** Every metric the command knows, by name. */
export const FIGURES: Record<string, Runner> = {
	'on-portal': totalsFigure('onPortal', 'onPortal', 'int', 'onPortal'),
	valid: totalsFigure('valid', 'valid', 'int', 'valid'),
	'under-review': totalsFigure('underReview', 'underReview', 'int'),
	invalid: totalsFigure('invalid', 'invalid', 'int'),
	withdrawn: totalsFigure('withdrawn', 'withdrawn', 'int'),
	benefit: totalsFigure('benefit', 'benefit', 'vnd', 'benefit'),
	'median-benefit': totalsFigure('medianBenefit', 'medianBenefit', 'vnd'),
	authors: totalsFigure('authors', 'authors', 'int'),
	participating: totalsFigure('participatingGrassroots', 'participating', 'int'),
	'goal-share': totalsFigure('goalShare', 'goalShare', 'pct'),
	totals: async (db, request) => {
		const t = await totals(db, request);
		const rows: [string, PlainValue, ColumnKind][] = [
			['onPortal', t.onPortal, 'int'], ['valid', t.valid, 'int'], ['underReview', t.underReview, 'int'], ['invalid', t.invalid, 'int'],
			['withdrawn', t.withdrawn, 'int'], ['benefit', t.benefit, 'vnd'], ['medianBenefit', t.medianBenefit, 'vnd'], ['authors', t.authors, 'int'],
			['participatingGrassroots', t.participatingGrassroots, 'int'], ['grassrootsTotal', t.grassrootsTotal, 'int'], ['goalShare', t.goalShare, 'pct'],
			['phase1.onPortal', t.phases.phase1.onPortal, 'int'], ['phase2.onPortal', t.phases.phase2.onPortal, 'int']
		];
		return { definition: 'totals', asOf: t.asOf, version: t.version, unit: t.unit.code, columns: [col('figure', 'Chỉ số', 'text'), col('value', 'Giá trị', 'num')], rows: rows.map(([figure, value, kind]) => ({ figure, value, kind })) };
	},
	attainment: async (db, request) => {
		if (request.by === 'map2025') {
			const m = await map2025Figures(db, request);
			return {
				definition: 'map2025', asOf: m.asOf, version: m.version, unit: 'VN',
				columns: [col('code', 'Mã', 'text'), col('name', 'Tỉnh, thành phố', 'text'), col('onPortal', 'Trên hệ thống'), col('valid', 'Hợp lệ'), col('targetAssigned', 'Chỉ tiêu'), col('attainment', 'Hoàn thành', 'pct')],
				rows: m.rows.map((r) => ({ code: r.code, name: r.name, onPortal: r.onPortal, valid: r.valid, targetAssigned: r.targetAssigned, attainment: r.attainment }))
			};
		}
		if (request.by && request.by !== 'level') throw new QueryInputError('invalid_option', 'attainment --by takes level or map2025');
		const t = await targets(db, request);
		const self = { code: t.unit.code, name: t.unit.name, valid: t.valid, targetAssigned: t.targetAssigned, attainment: t.attainment, attainmentRegistered: t.attainmentRegistered, meets: t.meets, gap: t.gap };
		return {
			definition: 'attainment', asOf: t.asOf, version: t.version, unit: t.unit.code,
			columns: [col('code', 'Mã', 'text'), col('name', 'Tên', 'text'), col('valid', 'Hợp lệ'), col('targetAssigned', 'Chỉ tiêu giao'), col('attainment', 'Hoàn thành', 'pct'), col('attainmentRegistered', 'So với đăng ký', 'pct'), col('meets', 'Đạt', 'text'), col('gap', 'Còn thiếu')],
			rows: request.by === 'level' ? t.subUnits.rows.map((r) => ({ code: r.code, name: r.name, valid: r.valid, targetAssigned: r.targetAssigned, attainment: r.attainment, attainmentRegistered: r.attainmentRegistered, meets: r.meets, gap: r.gap })) : [self]
		};
	},
	ranking: ranking('valid', 'int'),
	'ranking-on-portal': ranking('onPortal', 'int'),
	'ranking-attainment': ranking('attainment', 'pct'),
	'ranking-benefit': ranking('benefit', 'vnd'),
	'ranking-per-1000': ranking('perThousandMembers', 'num'),
	peers: async (db, request) => {
		const by = (request.by ?? 'region') as PeerBy;
		if (request.by === 'level') throw new QueryInputError('invalid_option', 'peers --by takes region, cluster, map2025 or kind');
		const p = await peerStats(db, { viewer: request.viewer, asOf: request.asOf, unit: request.unit, by });
		return {
			definition: 'peers', asOf: p.asOf, version: p.version, unit: p.unit.code,
			columns: [col('figure', 'Chỉ số', 'text'), col('value', 'Giá trị', 'num')],
			rows: ([['group', `${p.group.code} ${p.group.name}`], ['value', p.unit.value], ['count', p.count], ['min', p.min], ['q1', p.q1], ['median', p.median], ['q3', p.q3], ['max', p.max], ['percentile', p.percentile]] as [string, PlainValue][]).map(([figure, value]) => ({ figure, value }))
		};
	},
	series: async (db, request) => {
		const s = await dailySeries(db, request);
		return {
			definition: 'series', asOf: s.asOf, version: s.version, unit: s.unit.code,
			columns: [col('day', 'Ngày', 'text'), col('onPortal', 'Trên hệ thống'), col('valid', 'Hợp lệ'), col('benefit', 'Giá trị làm lợi', 'vnd')],
			rows: s.points.map((p) => ({ day: p.day, onPortal: p.onPortal, valid: p.valid, benefit: p.benefit }))
		};
	},
	milestones: async (db, request) => {
		const m = await milestones(db, request);
		return { definition: 'milestones', asOf: m.asOf, version: m.version, unit: m.unit, columns: [col('threshold', 'Mốc'), col('reachedAt', 'Thời điểm đạt', 'time')], rows: m.milestones.map((x) => ({ threshold: x.threshold, reachedAt: x.reachedAt })) };
	},
	'breakdown-field': breakdownFigure('field'),
	'breakdown-sector': breakdownFigure('sector'),
	'breakdown-leadership': breakdownFigure('leadership'),
	'breakdown-enterprise': breakdownFigure('enterprise'),
	'benefit-distribution': async (db, request) => {
		const d = await benefitDistribution(db, request);
		return { definition: 'benefitDistribution', asOf: d.asOf, version: d.version, unit: d.unit, columns: [col('quantile', 'Phân vị', 'text'), col('value', 'Giá trị làm lợi', 'vnd')], rows: ([...Object.entries(d.quantiles), ['max', d.max], ['total', d.total]] as [string, PlainValue][]).map(([quantile, value]) => ({ quantile, value })) };
	},
	'top-initiatives': async (db, request) => {
		const t = await topInitiatives(db, request);
		return { definition: 'topInitiatives', asOf: t.asOf, version: t.version, unit: t.unit, columns: [col('rank', 'Hạng'), col('initiativeId', 'Mã', 'text'), col('title', 'Tên sáng kiến', 'text'), col('grassrootsCode', 'CĐCS', 'text'), col('benefit', 'Giá trị làm lợi', 'vnd')], rows: t.rows.map((r) => ({ ...r })) };
	},
	'top-authors': async (db, request) => {
		const t = await topAuthors(db, request);
		return { definition: 'topAuthors', asOf: t.asOf, version: t.version, unit: t.unit, columns: [col('rank', 'Hạng'), col('name', 'Tác giả', 'text'), col('grassrootsCode', 'CĐCS', 'text'), col('valid', 'Hợp lệ'), col('onPortal', 'Trên hệ thống')], rows: t.rows.map((r) => ({ ...r })) };
	},
	quarantine: async (db, request) => {
		const stamp = await resolveStamp(db);
		const q = await quarantineCounts(db, { viewer: request.viewer, by: request.by === 'level' ? 'unit' : 'reason' });
		return { definition: 'quarantine', asOf: null, version: stamp.version, unit: 'VN', columns: [col('key', 'Nhóm', 'text'), col('rows', 'Số dòng')], rows: q.rows };
	},
	freshness: async (db, request) => {
		const f = await freshness(db, { viewer: request.viewer });
		return { definition: 'freshness', asOf: f.latestExport, version: f.version, unit: 'VN', columns: [col('dataset', 'Dữ liệu', 'text'), col('scope', 'Phạm vi', 'text'), col('scopeName', 'Tên đơn vị của phạm vi', 'text'), col('newestExport', 'Xuất mới nhất', 'time'), col('filesLoaded', 'Tệp đã nạp'), col('filesRejected', 'Tệp bị từ chối')], rows: f.sources.map((s) => ({ ...s })) };
	}
};

export const METRIC_NAMES = Object.keys(FIGURES);

/** Runs one named figure; unknown names throw QueryInputError listing the known ones. */
export async function runFigure(db: WarehouseDb, metric: string, request: FigureRequest): Promise<FigureTable> {
	const runner = Object.hasOwn(FIGURES, metric) ? FIGURES[metric] : undefined;
	if (!runner) throw new QueryInputError('unknown_metric', `unknown metric "${metric.slice(0, 40)}"; known metrics: ${METRIC_NAMES.join(', ')}`);
	if (request.by !== undefined && !FIGURE_BYS.includes(request.by)) throw new QueryInputError('invalid_option', `--by takes ${FIGURE_BYS.join(', ')}`);
	const result = await runner(db, request);
	return { metric, by: request.by ?? null, ...result, version: result.version ?? null };
}
