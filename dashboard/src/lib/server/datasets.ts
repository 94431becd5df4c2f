// Every table and chart the pages show, by id: each calls queries/ with the viewer, builds the export table and (when it has one) the server-rendered chart; pages and /xuat/ endpoints share them.
import { DEFINITIONS, type MetricKey } from '../../../../queries/definitions.ts';
import { formatPercent, formatVnd, formatInteger, type Language } from '../../../../queries/format/vi-format.ts';
import { topInitiatives } from '../../../../queries/benefit.ts';
import { breakdown, BREAKDOWN_BYS, type BreakdownBy } from '../../../../queries/breakdowns.ts';
import { topAuthors } from '../../../../queries/people.ts';
import { KIND_NAMES, PEER_BYS, RANK_METRICS, map2025Figures, peerGroupOf, peerStats, type PeerBy, type RankMetric } from '../../../../queries/peers.ts';
import { quarantineCounts } from '../../../../queries/quality.ts';
import { resolveStamp, resolveUnit, type Stamp } from '../../../../queries/query-context.ts';
import { rankMovement, rankings } from '../../../../queries/rankings.ts';
import { dailySeries, type Series } from '../../../../queries/series.ts';
import { breakdownsOf, medianOnPortalOfUnits, unitScan, type UnitScan } from '../../../../queries/unit-page.ts';
import { CAMPAIGN, PHASES } from '../../../../queries/programme.ts';
import { SHARE_BYS, SHARE_METRICS, shares, type ShareBy, type ShareMetric } from '../../../../queries/shares.ts';
import { targets } from '../../../../queries/targets.ts';
import { totals, type Totals } from '../../../../queries/totals.ts';
import { tileGrid } from '../../../../warehouse/reference/tile-grid.ts';
import { barChart } from '../charts/bar-chart.ts';
import { cumulativeChart } from '../charts/cumulative-chart.ts';
import { peerDistributionChart } from '../charts/peer-distribution-chart.ts';
import { shareChart } from '../charts/share-chart.ts';
import { tileMapChart } from '../charts/tile-map-chart.ts';
import type { ColumnKind, ExportFilter } from '../exports/export-table.ts';
import { link, tr } from '../components/links.ts';
import type { Dataset, DatasetContext, DatasetFunction, DatasetParams } from './dataset-types.ts';
import { pressDataset } from './press-figures.ts';
import { INITIATIVE_SORTS, initiativeList, type InitiativeSort } from '../../../../queries/initiatives.ts';
import { pipelineRuns, rejectedRows } from '../../../../queries/operations.ts';
import { runKindLabel, runStatusLabel } from '../i18n/operations-labels.ts';

const def = (key: MetricKey, language: Language) => (language === 'vi' ? DEFINITIONS[key].vi : DEFINITIONS[key].en);
const label = (key: MetricKey, language: Language) => (language === 'vi' ? DEFINITIONS[key].labelVi : DEFINITIONS[key].labelEn);

export const METRIC_LABELS: Record<RankMetric, { vi: string; en: string; kind: ColumnKind; key: MetricKey }> = {
	onPortal: { vi: 'Sáng kiến trên hệ thống', en: 'On the portal', kind: 'integer', key: 'onPortal' },
	valid: { vi: 'Sáng kiến hợp lệ', en: 'Valid initiatives', kind: 'integer', key: 'valid' },
	attainment: { vi: 'Tỷ lệ hoàn thành chỉ tiêu', en: 'Target attainment', kind: 'percent', key: 'attainment' },
	benefit: { vi: 'Giá trị làm lợi (đồng/năm)', en: 'Benefit (VND/year)', kind: 'vnd', key: 'benefit' },
	perThousandMembers: { vi: 'Sáng kiến trên 1.000 đoàn viên', en: 'Per 1,000 members', kind: 'decimal', key: 'perThousandMembers' }
};

export const PEER_LABELS: Record<PeerBy, { vi: string; en: string }> = {
	kind: { vi: 'Loại đơn vị', en: 'Kind of unit' },
	region: { vi: 'Vùng kinh tế – xã hội', en: 'Socio-economic region' },
	cluster: { vi: 'Cụm, khối thi đua', en: 'Emulation cluster' },
	map2025: { vi: 'Tỉnh, thành theo bản đồ 2025', en: 'Province on the 2025 map' }
};

const LEVEL_LABELS: Record<number, { vi: string; en: string }> = {
	1: { vi: 'Đơn vị trực thuộc Tổng Liên đoàn', en: 'Units under the confederation' },
	2: { vi: 'Công đoàn cấp trên trực tiếp cơ sở', en: 'Upper-level unions' },
	3: { vi: 'Công đoàn cơ sở', en: 'Grassroots unions' }
};
export { LEVEL_LABELS };

/** A label as it reads inside a sentence: its first letter lowercased, the rest as written ("… trực thuộc Tổng Liên đoàn" keeps its capitals). */
function inSentence(label: string): string {
	return label.charAt(0).toLocaleLowerCase('vi') + label.slice(1);
}

function pick<T extends string>(value: string | undefined, allowed: readonly T[], fallback: T): T {
	return value !== undefined && (allowed as readonly string[]).includes(value) ? (value as T) : fallback;
}

const unitHref = (context: DatasetContext, code: string) => link(`/don-vi/${code}`, context);
const unitFilter = (language: Language, name: string): ExportFilter => ({ label: tr(language, 'Đơn vị', 'Unit'), value: name });
const seriesPoint = (day: string) => `${day}T00:00:00`;

/** Totals of a unit (the cards of the overview and unit pages) as a two-column table. */
const totalsDataset: DatasetFunction = async (context, params) => {
	const { db, viewer, language, asOf } = context;
	const [t, g] = await Promise.all([totals(db, { viewer, asOf, unit: params.unit }), targets(db, { viewer, asOf, unit: params.unit })]);
	const rows: [string, number | null, string][] = [
		[label('onPortal', language), t.onPortal, formatInteger(t.onPortal, language)],
		[label('valid', language), t.valid, formatInteger(t.valid, language)],
		[label('underReview', language), t.underReview, formatInteger(t.underReview, language)],
		[label('invalid', language), t.invalid, formatInteger(t.invalid, language)],
		[label('benefit', language), t.benefit, formatVnd(t.benefit, language)],
		[label('authors', language), t.authors, formatInteger(t.authors, language)],
		[label('participating', language), t.participatingGrassroots, formatInteger(t.participatingGrassroots, language)],
		[tr(language, 'Chỉ tiêu giao', 'Assigned target'), g.targetAssigned, g.targetAssigned === null ? '—' : formatInteger(g.targetAssigned, language)],
		[label('attainment', language), g.attainment, g.attainment === null ? '—' : formatPercent(g.attainment, language)],
		[tr(language, 'Giai đoạn 1: trên hệ thống', 'Phase 1: on the portal'), t.phases.phase1.onPortal, formatInteger(t.phases.phase1.onPortal, language)],
		[tr(language, 'Giai đoạn 2: trên hệ thống', 'Phase 2: on the portal'), t.phases.phase2.onPortal, formatInteger(t.phases.phase2.onPortal, language)]
	];
	return {
		id: 'tong-so',
		title: tr(language, `Số liệu tổng hợp – ${t.unit.name}`, `Totals – ${t.unit.name}`),
		definition: `${def('onPortal', language)} ${def('valid', language)} ${def('attainment', language)}`,
		stamp: t,
		filters: [unitFilter(language, t.unit.name)],
		table: {
			columns: [
				{ key: 'figure', label: tr(language, 'Chỉ số', 'Figure'), kind: 'text' },
				{ key: 'shown', label: tr(language, 'Giá trị', 'Value'), kind: 'text' },
				{ key: 'value', label: tr(language, 'Giá trị (số)', 'Value (number)'), kind: 'decimal' }
			],
			rows: rows.map(([figure, value, text]) => ({ figure, shown: text, value }))
		}
	};
};

/** Level-1 peers' median of a daily series, day by day. */
async function peerMedianSeries(context: DatasetContext, level1: string, by: PeerBy, fromDay: string, toDay: string) {
	const group = await peerGroupOf(context.db, level1, by);
	if (!group) return undefined;
	const medians = await medianOnPortalOfUnits(context.db, group.members, fromDay, toDay, 1);
	return { group, points: medians.map(({ day, median }) => ({ time: seriesPoint(day), value: median })) };
}

/** The level-1 unit's natural peer grouping: region for a provincial federation, kind for a central union. */
export async function defaultPeerBy(context: DatasetContext, level1: string): Promise<PeerBy> {
	return (await peerGroupOf(context.db, level1, 'region')) ? 'region' : 'kind';
}

/** The cumulative curve of a unit (national milestones for the nation; the peers' median for a level-1 unit). */
const curveDataset: DatasetFunction = async (context, params) => {
	const { language } = context;
	const s = await pageSeries(context, params.unit);
	const series = s.points.map((p) => ({ time: seriesPoint(p.day), value: p.onPortal }));
	let median: Awaited<ReturnType<typeof peerMedianSeries>>;
	if (s.unit.level === 1 && s.points.length > 0) {
		const by = pick(params.by, PEER_BYS, await defaultPeerBy(context, s.unit.code));
		median = await peerMedianSeries(context, s.unit.code, by, s.points[0]!.day, s.points.at(-1)!.day);
	}
	const title = tr(language, `Sáng kiến trên hệ thống theo ngày – ${s.unit.name}`, `Initiatives on the portal by day – ${s.unit.name}`);
	const chart = cumulativeChart({
		id: 'c-duong-tich-luy',
		title,
		language,
		series,
		seriesLabel: label('onPortal', language),
		unitCode: s.unit.code,
		peerMedian: median?.points,
		milestones: s.unit.level === 0 ? undefined : []
	});
	const filters = [unitFilter(language, s.unit.name)];
	if (median) filters.push({ label: tr(language, 'Trung vị nhóm', 'Peer median'), value: median.group.name });
	return { id: 'duong-tich-luy', title, definition: def('series', language), stamp: s, filters, table: chart.table, chart };
};

/** Tile map of the 63 provinces (provincial federations) or the 34 of the 2025 map, coloured by attainment. */
function mapDataset(map: '63' | '34'): DatasetFunction {
	return async (context) => {
		const { db, viewer, language, asOf } = context;
		let stamp: Stamp;
		let values: { code: string; value: number | null; href?: string; name: string; valid: number; target: number | null }[];
		if (map === '63') {
			const t = await targets(db, { viewer, asOf });
			stamp = t;
			const provinces = new Map((await db.selectFrom('ref_level1').select(['code', 'province_code']).where('kind', '=', 'provincial').execute()).map((r) => [r.code, r.province_code]));
			values = t.subUnits.rows
				.filter((r) => provinces.has(r.code))
				.map((r) => ({ code: provinces.get(r.code)!, value: r.attainment, href: unitHref(context, r.code), name: r.name, valid: r.valid, target: r.targetAssigned }));
		} else {
			const m = await map2025Figures(db, { viewer, asOf });
			stamp = m;
			values = m.rows.map((r) => ({ code: r.code, value: r.attainment, href: link('/xep-hang', context, { nhom: 'map2025', ma: r.code }), name: r.name, valid: r.valid, target: r.targetAssigned }));
		}
		const title = map === '63'
			? tr(language, 'Tỷ lệ hoàn thành chỉ tiêu của 63 LĐLĐ tỉnh, thành phố', 'Target attainment of the 63 provincial federations')
			: tr(language, 'Tỷ lệ hoàn thành chỉ tiêu theo 34 tỉnh, thành phố (bản đồ 2025)', 'Target attainment by the 34 provinces of the 2025 map');
		const chart = tileMapChart({ id: `c-ban-do-${map}`, title, language, grid: tileGrid(map), values, valueLabel: label('attainment', language), kind: 'percent' });
		const table = {
			columns: [
				{ key: 'code', label: tr(language, 'Mã tỉnh', 'Province code'), kind: 'text' as const },
				{ key: 'name', label: tr(language, 'Tên', 'Name'), kind: 'text' as const },
				{ key: 'valid', label: label('valid', language), kind: 'integer' as const },
				{ key: 'target', label: tr(language, 'Chỉ tiêu giao', 'Assigned target'), kind: 'integer' as const },
				{ key: 'value', label: label('attainment', language), kind: 'percent' as const }
			],
			rows: values.map((v) => ({ code: v.code, name: v.name, valid: v.valid, target: v.target, value: v.value }))
		};
		return { id: `ban-do-${map}`, title, definition: def(map === '63' ? 'attainment' : 'map2025', language), stamp, filters: [], table, chart };
	};
}

/** Sub-units of a unit with targets, attainment, "met target"; a bar chart of attainment with the 100% line. */
const subUnitsDataset: DatasetFunction = async (context, params) => {
	const { db, viewer, language, asOf } = context;
	const t = await targets(db, { viewer, asOf, unit: params.unit });
	const rows = [...t.subUnits.rows].sort((a, b) => (b.attainment ?? -1) - (a.attainment ?? -1) || b.valid - a.valid || a.code.localeCompare(b.code));
	const title = tr(language, `Đơn vị trực thuộc ${t.unit.name}: hoàn thành chỉ tiêu`, `Sub-units of ${t.unit.name}: target attainment`);
	const chart = rows.length <= 120
		? barChart({
				id: 'c-don-vi-con',
				title,
				language,
				valueLabel: label('attainment', language),
				kind: 'percent',
				reference: { value: 1, label: '100%' },
				rows: rows.map((r) => ({ code: r.code, label: r.name, value: r.attainment, href: unitHref(context, r.code) }))
			})
		: undefined;
	return {
		id: 'don-vi-con',
		title,
		definition: def('attainment', language),
		stamp: t,
		filters: [unitFilter(language, t.unit.name)],
		table: {
			columns: [
				{ key: 'code', label: tr(language, 'Mã', 'Code'), kind: 'text' },
				{ key: 'name', label: tr(language, 'Tên đơn vị', 'Unit'), kind: 'text' },
				{ key: 'onPortal', label: label('onPortal', language), kind: 'integer' },
				{ key: 'valid', label: label('valid', language), kind: 'integer' },
				{ key: 'target', label: tr(language, 'Chỉ tiêu giao', 'Assigned target'), kind: 'integer' },
				{ key: 'attainment', label: label('attainment', language), kind: 'percent' },
				{ key: 'meets', label: tr(language, 'Đạt chỉ tiêu', 'Met target'), kind: 'text' },
				{ key: 'gap', label: tr(language, 'Còn thiếu', 'Short by'), kind: 'integer' },
				{ key: 'benefit', label: label('benefit', language), kind: 'vnd' }
			],
			rows: rows.map((r) => ({
				code: r.code, name: r.name, onPortal: r.onPortal, valid: r.valid, target: r.targetAssigned, attainment: r.attainment,
				meets: r.meets === null ? '—' : r.meets ? tr(language, 'Đạt', 'Yes') : tr(language, 'Chưa đạt', 'No'),
				gap: r.gap, benefit: r.benefit
			}))
		},
		chart
	};
};

/** Where the unit's level-1 unit stands among its peers (distribution chart). */
const peersDataset: DatasetFunction = async (context, params) => {
	const { db, viewer, language, asOf } = context;
	const scope = await resolveUnit(db, params.unit);
	const level1 = scope.level === 1 ? scope.code : scope.level1Code!;
	const by = pick(params.by, PEER_BYS, await defaultPeerBy(context, level1));
	const metric = pick(params.metric, RANK_METRICS, 'attainment');
	const p = await peerStats(db, { viewer, asOf, unit: level1, by, metric });
	const m = METRIC_LABELS[metric];
	const title = tr(language, `${p.unit.name} trong nhóm ${p.group.name}: ${m.vi.toLowerCase()}`, `${p.unit.name} among ${p.group.name}: ${m.en.toLowerCase()}`);
	const peers = p.peers.filter((x): x is typeof x & { value: number } => x.value !== null).map((x) => ({ code: x.code, label: x.name, value: x.value, href: unitHref(context, x.code) }));
	const chart = peerDistributionChart({ id: 'c-so-sanh', title, language, peers, unitCode: level1, valueLabel: language === 'vi' ? m.vi : m.en, kind: m.kind, peerGroupLabel: p.group.name, reference: metric === 'attainment' ? 1 : undefined });
	return {
		id: 'so-sanh',
		title,
		definition: `${def('peers', language)} ${def(m.key, language)}`,
		stamp: p,
		filters: [unitFilter(language, p.unit.name), { label: tr(language, 'Nhóm so sánh', 'Peer group'), value: `${PEER_LABELS[by][language]}: ${p.group.name}` }],
		table: chart.table,
		chart
	};
};

const BREAKDOWN_TITLES: Record<BreakdownBy, { vi: string; en: string }> = {
	field: { vi: 'theo lĩnh vực', en: 'by field' },
	sector: { vi: 'theo khối', en: 'by sector' },
	leadership: { vi: 'theo chức vụ của tác giả', en: 'by leadership post of the author' },
	enterprise: { vi: 'doanh nghiệp và khu vực công', en: 'enterprises and public sector' }
};

/** The breakdowns a unit page shows together: one scan of the unit's initiatives answers all three. */
const PAGE_BREAKDOWNS: readonly BreakdownBy[] = ['field', 'sector', 'leadership'];

/** Authors and initiatives a page lists (tac-gia, sang-kien-lam-loi). */
const AUTHORS_SHOWN = 20;
const INITIATIVES_SHOWN = 10;

/**
 * On a page (a render memo), what its datasets would each scan the unit's periods for (a grassroots union's series, and
 * where no mart answers the breakdowns, authors and top initiatives) from one scan shared by them; undefined when the
 * marts answer or off a page. Authors are ranked below the nation only: no page lists the nation's authors.
 */
async function pageScan(context: DatasetContext, unit: string | undefined): Promise<UnitScan | undefined> {
	const { db, viewer, asOf, memo } = context;
	if (!memo) return undefined;
	const key = `scan|${unit ?? ''}`;
	let scan = memo.get(key) as Promise<UnitScan | undefined> | undefined;
	if (!scan) {
		scan = resolveUnit(db, unit).then((scope) =>
			unitScan(db, { viewer, asOf, unit, bys: PAGE_BREAKDOWNS, authorLimit: scope.level > 0 ? AUTHORS_SHOWN : null, topLimit: INITIATIVES_SHOWN, totals: true })
		);
		memo.set(key, scan);
	}
	return scan;
}

/** The totals of a unit as totals() gives them; on a page at a past as-of, from the page's one scan of the unit's periods. */
export async function pageTotals(context: DatasetContext, unit: string | undefined): Promise<Totals> {
	const { db, viewer, asOf } = context;
	const scan = context.memo ? await pageScan(context, unit) : undefined;
	return scan?.totals ?? totals(db, { viewer, asOf, unit });
}

/** The daily series of a unit as dailySeries() gives it; on a page, a grassroots union's from the page's one scan. */
export async function pageSeries(context: DatasetContext, unit: string | undefined): Promise<Series> {
	const { db, viewer, asOf } = context;
	if (context.memo && (await resolveUnit(db, unit)).level === 3) {
		const scan = await pageScan(context, unit);
		if (scan?.series) return { ...scan.stamp, unit: { code: scan.scope.code, name: scan.scope.name, level: scan.scope.level }, points: scan.series, annotations: [...PHASES, CAMPAIGN] };
	}
	return dailySeries(db, { viewer, asOf, unit });
}

/** One breakdown of a unit; on a page (a render memo), the page's three come from one query shared by its datasets. */
async function breakdownOf(context: DatasetContext, unit: string | undefined, by: BreakdownBy) {
	const { db, viewer, asOf, memo } = context;
	if (!memo || !PAGE_BREAKDOWNS.includes(by)) return breakdown(db, { viewer, asOf, unit, by });
	const scanned = (await pageScan(context, unit))?.breakdowns.get(by);
	if (scanned) return scanned;
	const key = `breakdowns|${unit ?? ''}`;
	let all = memo.get(key) as ReturnType<typeof breakdownsOf> | undefined;
	if (!all) {
		all = breakdownsOf(db, { viewer, asOf, unit, bys: PAGE_BREAKDOWNS });
		memo.set(key, all);
	}
	return (await all).get(by)!;
}

/** Initiatives on the portal split by field, sector or leadership (bar chart). */
const breakdownDataset: DatasetFunction = async (context, params) => {
	const { db, language } = context;
	const by = pick(params.by, BREAKDOWN_BYS, 'field');
	const b = await breakdownOf(context, params.unit, by);
	const unit = await resolveUnit(db, params.unit);
	const title = tr(language, `Sáng kiến ${BREAKDOWN_TITLES[by].vi} – ${unit.name}`, `Initiatives ${BREAKDOWN_TITLES[by].en} – ${unit.name}`);
	const rows = b.rows.map((r) => ({ code: r.key, label: language === 'vi' ? r.labelVi : r.labelEn, value: r.onPortal }));
	const chart = barChart({ id: `c-co-cau-${by}`, title, language, valueLabel: label('onPortal', language), kind: 'integer', rows, labelHeader: tr(language, 'Nhóm', 'Group') });
	return {
		id: 'co-cau',
		title,
		definition: def('breakdown', language),
		stamp: b,
		filters: [unitFilter(language, unit.name), { label: tr(language, 'Chia theo', 'By'), value: BREAKDOWN_TITLES[by][language] }],
		table: {
			columns: [
				{ key: 'group', label: tr(language, 'Nhóm', 'Group'), kind: 'text' },
				{ key: 'onPortal', label: label('onPortal', language), kind: 'integer' },
				{ key: 'valid', label: label('valid', language), kind: 'integer' },
				{ key: 'benefit', label: label('benefit', language), kind: 'vnd' },
				{ key: 'share', label: tr(language, 'Tỷ trọng', 'Share'), kind: 'percent' }
			],
			rows: b.rows.map((r) => ({ group: language === 'vi' ? r.labelVi : r.labelEn, onPortal: r.onPortal, valid: r.valid, benefit: r.benefit, share: r.share }))
		},
		chart
	};
};

/** Authors with the most valid initiatives (personal data: the viewer's detail scope only). */
const authorsDataset: DatasetFunction = async (context, params) => {
	const { db, viewer, language, asOf } = context;
	const scan = await pageScan(context, params.unit);
	const a = scan?.authors ? { ...scan.stamp, unit: scan.scope.code, rows: scan.authors } : await topAuthors(db, { viewer, asOf, unit: params.unit, limit: AUTHORS_SHOWN });
	const unit = await resolveUnit(db, params.unit);
	return {
		id: 'tac-gia',
		title: tr(language, `Tác giả tiêu biểu – ${unit.name}`, `Leading authors – ${unit.name}`),
		definition: def('topAuthors', language),
		stamp: a,
		filters: [unitFilter(language, unit.name)],
		table: {
			columns: [
				{ key: 'rank', label: tr(language, 'Hạng', 'Rank'), kind: 'integer' },
				{ key: 'name', label: tr(language, 'Tác giả', 'Author'), kind: 'text' },
				{ key: 'grassroots', label: tr(language, 'Mã CĐCS', 'Grassroots code'), kind: 'text' },
				{ key: 'valid', label: label('valid', language), kind: 'integer' },
				{ key: 'onPortal', label: label('onPortal', language), kind: 'integer' },
				{ key: 'benefit', label: label('benefit', language), kind: 'vnd' }
			],
			rows: a.rows.map((r) => ({ rank: r.rank, name: r.name, grassroots: r.grassrootsCode, valid: r.valid, onPortal: r.onPortal, benefit: r.benefit }))
		}
	};
};

/** Valid initiatives with the largest benefit (content: detail scope only). */
const topInitiativesDataset: DatasetFunction = async (context, params) => {
	const { db, viewer, language, asOf } = context;
	const scan = await pageScan(context, params.unit);
	const top = scan?.top ? { ...scan.stamp, unit: scan.scope.code, rows: scan.top } : await topInitiatives(db, { viewer, asOf, unit: params.unit, limit: INITIATIVES_SHOWN });
	const unit = await resolveUnit(db, params.unit);
	return {
		id: 'sang-kien-lam-loi',
		title: tr(language, `Sáng kiến làm lợi lớn nhất – ${unit.name}`, `Initiatives with the largest benefit – ${unit.name}`),
		definition: def('topInitiatives', language),
		stamp: top,
		filters: [unitFilter(language, unit.name)],
		table: {
			columns: [
				{ key: 'rank', label: tr(language, 'Hạng', 'Rank'), kind: 'integer' },
				{ key: 'id', label: tr(language, 'Mã sáng kiến', 'Initiative'), kind: 'text' },
				{ key: 'title', label: tr(language, 'Tên sáng kiến', 'Title'), kind: 'text' },
				{ key: 'field', label: tr(language, 'Lĩnh vực', 'Field'), kind: 'text' },
				{ key: 'grassroots', label: tr(language, 'Mã CĐCS', 'Grassroots code'), kind: 'text' },
				{ key: 'benefit', label: label('benefit', language), kind: 'vnd' }
			],
			rows: top.rows.map((r) => ({ rank: r.rank, id: r.initiativeId, title: r.title, field: r.field, grassroots: r.grassrootsCode, benefit: r.benefit }))
		}
	};
};

/** Top 10 level-1 units by valid initiatives (bar chart) for the overview. */
const topUnitsDataset: DatasetFunction = async (context, params) => {
	const { db, viewer, language, asOf } = context;
	const metric = pick(params.metric, RANK_METRICS, 'valid');
	const r = await rankings(db, { viewer, asOf, level: 1, metric });
	const rows = r.rows.filter((x) => x.rank !== null).slice(0, 10);
	const m = METRIC_LABELS[metric];
	const title = tr(language, `10 đơn vị dẫn đầu: ${m.vi.toLowerCase()}`, `Top 10 units: ${m.en.toLowerCase()}`);
	const chart = barChart({ id: 'c-don-vi-dan-dau', title, language, valueLabel: language === 'vi' ? m.vi : m.en, kind: m.kind, rows: rows.map((x) => ({ code: x.code, label: x.name, value: x.value, href: unitHref(context, x.code) })) });
	return { id: 'don-vi-dan-dau', title, definition: `${def('ranking', language)} ${def(m.key, language)}`, stamp: r, filters: [], table: chart.table, chart };
};

/** A leaderboard is drawn as bars up to this many units (every level-1 unit: 83 in the simulated tree), and is a table only beyond. */
const RANKING_CHART_MAX_ROWS = 120;

/** The leaderboard of any level and metric, optionally inside a peer group and with rank movement since a time. */
const rankingsDataset: DatasetFunction = async (context, params) => {
	const { db, viewer, language, asOf } = context;
	const metric = pick(params.metric, RANK_METRICS, 'valid');
	const level = Number(pick(params.level, ['1', '2', '3'], '1')) as 1 | 2 | 3;
	const by = params.nhom ? pick(params.nhom, PEER_BYS, 'region') : undefined;
	const peer = by && params.ma ? { by, code: params.ma } : undefined;
	const options = { viewer, asOf, metric, level, peer, unit: params.unit || undefined };
	const r = await rankings(db, options);
	const moves = params.tu ? new Map((await rankMovement(db, { ...options, from: params.tu })).rows.map((x) => [x.code, x])) : undefined;
	const m = METRIC_LABELS[metric];
	const title = tr(language, `Xếp hạng ${inSentence(LEVEL_LABELS[level]!.vi)} theo ${inSentence(m.vi)}`, `${LEVEL_LABELS[level]!.en} ranked by ${m.en.toLowerCase()}`) + (r.peer ? ` – ${r.peer.name}` : '');
	const filters: ExportFilter[] = [{ label: tr(language, 'Cấp', 'Level'), value: LEVEL_LABELS[level]![language] }];
	if (r.peer && by) filters.push({ label: PEER_LABELS[by][language], value: r.peer.name });
	if (params.tu) filters.push({ label: tr(language, 'Thay đổi hạng từ', 'Rank change since'), value: params.tu });
	const chart = r.rows.length <= RANKING_CHART_MAX_ROWS
		? barChart({ id: 'c-xep-hang', title, language, valueLabel: language === 'vi' ? m.vi : m.en, kind: m.kind, rows: r.rows.map((x) => ({ code: x.code, label: x.name, value: x.value, href: unitHref(context, x.code) })) })
		: undefined;
	const columns: Dataset['table']['columns'] = [
		{ key: 'rank', label: tr(language, 'Hạng', 'Rank'), kind: 'integer' },
		{ key: 'code', label: tr(language, 'Mã', 'Code'), kind: 'text' },
		{ key: 'name', label: tr(language, 'Tên đơn vị', 'Unit'), kind: 'text' },
		{ key: 'value', label: language === 'vi' ? m.vi : m.en, kind: m.kind },
		// the valid count beside any other metric (ranked by valid, the value column is that count already)
		...(metric === 'valid' ? [] : [{ key: 'valid', label: label('valid', language), kind: 'integer' as const }]),
		{ key: 'target', label: tr(language, 'Chỉ tiêu giao', 'Assigned target'), kind: 'integer' }
	];
	if (moves) columns.push({ key: 'rankFrom', label: tr(language, 'Hạng trước', 'Earlier rank'), kind: 'integer' }, { key: 'change', label: tr(language, 'Thay đổi (bậc)', 'Change (places)'), kind: 'integer' });
	return {
		id: 'xep-hang',
		title,
		definition: `${def('ranking', language)} ${def(m.key, language)} ${r.tieRule[language]}`,
		stamp: r,
		filters,
		table: {
			columns,
			rows: r.rows.map((x) => ({ rank: x.rank, code: x.code, name: x.name, value: x.value, valid: x.valid, target: x.targetAssigned, rankFrom: moves?.get(x.code)?.rankFrom ?? null, change: moves?.get(x.code)?.change ?? null }))
		},
		chart
	};
};

const SHARE_TITLES: Record<ShareBy, { vi: string; en: string }> = {
	region: { vi: 'vùng kinh tế – xã hội', en: 'socio-economic region' },
	cluster: { vi: 'cụm, khối thi đua', en: 'emulation cluster' },
	map2025: { vi: 'tỉnh, thành (bản đồ 2025)', en: 'province (2025 map)' },
	kind: { vi: 'loại đơn vị', en: 'kind of unit' },
	unit: { vi: 'đơn vị', en: 'unit' }
};

/** Shares of national totals (on the portal, valid, benefit) side by side, by region, cluster, 2025 province or kind. */
const sharesDataset: DatasetFunction = async (context, params) => {
	const { db, viewer, language, asOf } = context;
	const by = pick(params.by, SHARE_BYS.filter((b) => b !== 'unit'), 'region');
	const results = await Promise.all(SHARE_METRICS.map((metric) => shares(db, { viewer, asOf, by, metric })));
	const metricLabel = (metric: ShareMetric) => label(metric, language);
	const buckets = results[0]!.buckets;
	const title = tr(language, `Tỷ trọng trong tổng số toàn quốc theo ${SHARE_TITLES[by].vi}`, `Shares of national totals by ${SHARE_TITLES[by].en}`);
	const valueOf = (metric: number, code: string) => results[metric]!.buckets.find((b) => b.code === code);
	const chart = shareChart({
		id: `c-ty-trong-${by}`,
		title,
		language,
		mode: 'stacked',
		valueLabel: tr(language, 'Tỷ trọng', 'Share'),
		kind: 'integer',
		legendTitle: SHARE_TITLES[by][language],
		rows: buckets.length <= 8
			? SHARE_METRICS.flatMap((metric, i) => buckets.map((b) => ({ group: metric, groupLabel: metricLabel(metric), category: b.code, categoryLabel: b.name, value: valueOf(i, b.code)?.value ?? 0 })))
			: SHARE_METRICS.flatMap((metric, i) => buckets.slice(0, 7).map((b) => ({ group: metric, groupLabel: metricLabel(metric), category: b.code, categoryLabel: b.name, value: valueOf(i, b.code)?.value ?? 0 })).concat([{
				group: metric, groupLabel: metricLabel(metric), category: 'khac', categoryLabel: tr(language, 'Các nhóm khác', 'Other groups'),
				value: results[i]!.buckets.slice(7).reduce((a, b) => a + b.value, 0)
			}]))
	});
	return {
		id: 'ty-trong',
		title,
		definition: `${def('shares', language)} ${def('onPortal', language)} ${def('valid', language)} ${def('benefit', language)}`,
		stamp: results[0]!,
		filters: [{ label: tr(language, 'Chia theo', 'By'), value: SHARE_TITLES[by][language] }],
		table: {
			columns: [
				{ key: 'code', label: tr(language, 'Mã', 'Code'), kind: 'text' },
				{ key: 'name', label: tr(language, 'Nhóm', 'Group'), kind: 'text' },
				{ key: 'units', label: tr(language, 'Số đơn vị', 'Units'), kind: 'integer' },
				...SHARE_METRICS.flatMap((metric) => [
					{ key: metric, label: metricLabel(metric), kind: (metric === 'benefit' ? 'vnd' : 'integer') as ColumnKind },
					{ key: `${metric}Share`, label: `${tr(language, 'Tỷ trọng', 'Share')}: ${metricLabel(metric).toLowerCase()}`, kind: 'percent' as ColumnKind }
				])
			],
			rows: buckets.map((b) => ({
				code: b.code, name: by === 'kind' ? (KIND_NAMES[b.code] ?? b.name) : b.name, units: b.units,
				...Object.fromEntries(SHARE_METRICS.flatMap((metric, i) => [[metric, valueOf(i, b.code)?.value ?? 0], [`${metric}Share`, valueOf(i, b.code)?.share ?? null]]))
			}))
		},
		chart
	};
};

const STATUS_LABELS: Record<string, { vi: string; en: string }> = {
	valid: { vi: 'Hợp lệ', en: 'Valid' },
	invalid: { vi: 'Không hợp lệ', en: 'Invalid' },
	under_review: { vi: 'Đang xem xét', en: 'Under review' }
};
export const statusLabel = (status: string | null, language: Language) => (status ? (STATUS_LABELS[status]?.[language] ?? status) : '—');

/** Every initiative of a unit matching the search, in the chosen order (the export of the paginated list). */
const initiativesDataset: DatasetFunction = async (context, params) => {
	const { db, viewer, language, asOf } = context;
	const sort = pick<InitiativeSort>(params.sapxep, INITIATIVE_SORTS, 'moi-nhat');
	const list = await initiativeList(db, { viewer, asOf, unit: params.unit, search: params.q, sort });
	const unit = await resolveUnit(db, params.unit);
	const filters = [unitFilter(language, unit.name)];
	if (params.q) filters.push({ label: tr(language, 'Tìm kiếm', 'Search'), value: params.q });
	return {
		id: 'danh-sach-sang-kien',
		title: tr(language, `Danh sách sáng kiến – ${unit.name}`, `Initiatives – ${unit.name}`),
		definition: def('onPortal', language),
		stamp: list,
		filters,
		table: {
			columns: [
				{ key: 'id', label: tr(language, 'Mã sáng kiến', 'Initiative'), kind: 'text' },
				{ key: 'title', label: tr(language, 'Tên sáng kiến', 'Title'), kind: 'text' },
				{ key: 'field', label: tr(language, 'Lĩnh vực', 'Field'), kind: 'text' },
				{ key: 'author', label: tr(language, 'Tác giả', 'Author'), kind: 'text' },
				{ key: 'status', label: tr(language, 'Trạng thái', 'Status'), kind: 'text' },
				{ key: 'submitted', label: tr(language, 'Ngày cập nhật', 'Updated'), kind: 'datetime' },
				{ key: 'benefit', label: label('benefit', language), kind: 'vnd' }
			],
			rows: list.rows.map((r) => ({ id: r.initiativeId, title: r.title, field: r.field, author: r.author, status: statusLabel(r.status, language), submitted: r.submittedAt, benefit: r.benefit }))
		}
	};
};

/** Quarantined rows counted by reason or by the unit that must fix them. */
const quarantineDataset: DatasetFunction = async (context, params) => {
	const { db, viewer, language } = context;
	const by = pick(params.by, ['reason', 'unit'] as const, 'reason');
	const q = await quarantineCounts(db, { viewer, by });
	const stamp = await resolveStamp(db);
	const names = by === 'unit' ? new Map((await db.selectFrom('ref_level1').select(['code', 'name']).execute()).map((r) => [r.code, r.name])) : new Map<string, string>();
	const title = by === 'reason' ? tr(language, 'Dòng bị cách ly theo lý do', 'Quarantined rows by reason') : tr(language, 'Dòng bị cách ly theo đơn vị phải sửa', 'Quarantined rows by the unit that must fix them');
	return {
		id: 'cach-ly',
		title,
		definition: def('quarantine', language),
		stamp,
		filters: [],
		table: {
			columns: [
				{ key: 'key', label: by === 'reason' ? tr(language, 'Lý do', 'Reason') : tr(language, 'Mã đơn vị', 'Unit code'), kind: 'text' },
				...(by === 'unit' ? [{ key: 'name', label: tr(language, 'Tên đơn vị', 'Unit'), kind: 'text' as const }] : []),
				{ key: 'rows', label: tr(language, 'Số dòng', 'Rows'), kind: 'integer' }
			],
			rows: q.rows.map((r) => ({ key: r.key, name: names.get(r.key) ?? (r.key === '?' ? tr(language, 'Không xác định', 'Unknown') : null), rows: r.rows }))
		}
	};
};

/** The rejected rows one level-1 unit must fix (file, row, reason, message): downloadable by that unit. */
const rejectedDataset: DatasetFunction = async (context, params) => {
	const { db, viewer, language } = context;
	const level1 = params.unit && /^[A-Za-z0-9?]{1,12}$/u.test(params.unit) ? params.unit : undefined;
	const rows = await rejectedRows(db, { viewer, level1 });
	const stamp = await resolveStamp(db);
	return {
		id: 'dong-bi-loai',
		title: tr(language, `Dòng dữ liệu bị loại cần sửa${level1 ? ` – ${level1}` : ''}`, `Rejected rows to fix${level1 ? ` – ${level1}` : ''}`),
		definition: def('quarantine', language),
		stamp,
		filters: level1 ? [{ label: tr(language, 'Đơn vị phải sửa', 'Unit to fix'), value: level1 }] : [],
		table: {
			columns: [
				{ key: 'file', label: tr(language, 'Tệp', 'File'), kind: 'text' },
				{ key: 'row', label: tr(language, 'Dòng', 'Row'), kind: 'integer' },
				{ key: 'reason', label: tr(language, 'Lý do', 'Reason'), kind: 'text' },
				{ key: 'field', label: tr(language, 'Cột', 'Column'), kind: 'text' },
				{ key: 'raw', label: tr(language, 'Giá trị', 'Value'), kind: 'text' },
				{ key: 'id', label: tr(language, 'Mã sáng kiến', 'Initiative'), kind: 'text' },
				{ key: 'message', label: tr(language, 'Mô tả', 'Message'), kind: 'text' }
			],
			rows: rows.map((r) => ({ file: r.fileName, row: r.rowNumber, reason: r.reason, field: r.field, raw: r.rawValue, id: r.initiativeId, message: r.message }))
		}
	};
};

/** Pipeline runs recorded in the published version. */
const runsDataset: DatasetFunction = async (context) => {
	const { db, viewer, language } = context;
	const runs = await pipelineRuns(db, { viewer });
	const stamp = await resolveStamp(db);
	return {
		id: 'lan-cap-nhat',
		title: tr(language, 'Các lần cập nhật dữ liệu', 'Pipeline runs'),
		definition: def('pipelineRuns', language),
		stamp,
		filters: [],
		table: {
			columns: [
				{ key: 'runId', label: tr(language, 'Lần chạy', 'Run'), kind: 'text' },
				{ key: 'trigger', label: tr(language, 'Khởi động', 'Trigger'), kind: 'text' },
				{ key: 'startedAt', label: tr(language, 'Bắt đầu', 'Started'), kind: 'datetime' },
				{ key: 'status', label: tr(language, 'Kết quả', 'Status'), kind: 'text' },
				{ key: 'files', label: tr(language, 'Số tệp', 'Files'), kind: 'integer' },
				{ key: 'rowsLoaded', label: tr(language, 'Dòng đã nạp', 'Rows loaded'), kind: 'integer' },
				{ key: 'rowsQuarantined', label: tr(language, 'Dòng cách ly', 'Rows quarantined'), kind: 'integer' },
				{ key: 'seconds', label: tr(language, 'Thời gian (giây)', 'Duration (s)'), kind: 'decimal' },
				{ key: 'version', label: tr(language, 'Phiên bản', 'Version'), kind: 'text' }
			],
			rows: runs.map((r) => ({ runId: r.runId, trigger: runKindLabel(r, language), startedAt: r.startedAt, status: runStatusLabel(r.status, language), files: r.files, rowsLoaded: r.rowsLoaded, rowsQuarantined: r.rowsQuarantined, seconds: r.durationMs === null ? null : r.durationMs / 1000, version: r.version }))
		}
	};
};

/** Every dataset by id (the /xuat/<id>/<kind> endpoints accept exactly these). */
export const DATASETS: Record<string, DatasetFunction> = {
	'tong-so': totalsDataset,
	'duong-tich-luy': curveDataset,
	'ban-do-63': mapDataset('63'),
	'ban-do-34': mapDataset('34'),
	'don-vi-con': subUnitsDataset,
	'so-sanh': peersDataset,
	'co-cau': breakdownDataset,
	'tac-gia': authorsDataset,
	'sang-kien-lam-loi': topInitiativesDataset,
	'don-vi-dan-dau': topUnitsDataset,
	'xep-hang': rankingsDataset,
	'ty-trong': sharesDataset,
	'danh-sach-sang-kien': initiativesDataset,
	'cach-ly': quarantineDataset,
	'dong-bi-loai': rejectedDataset,
	'lan-cap-nhat': runsDataset,
	'bao-chi': pressDataset
};

/** The parameters a dataset reads from a query string (a closed list; values are validated by the dataset). */
export const DATASET_PARAMS = ['unit', 'by', 'metric', 'level', 'nhom', 'ma', 'tu', 'q', 'sapxep', 'so'] as const;

export function datasetParams(search: URLSearchParams): DatasetParams {
	return Object.fromEntries(DATASET_PARAMS.map((key) => [key, search.get(key)?.slice(0, 100) || undefined]).filter(([, v]) => v !== undefined));
}

export { type DatasetParams };
