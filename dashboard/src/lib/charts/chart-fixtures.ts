// Named chart examples rendered by the snapshot tests (Plot's test style): small, fixed, hand-made data.
import { tileGrid } from '../../../../warehouse/reference/tile-grid.ts';
import { barChart } from './bar-chart.ts';
import type { ChartOutput } from './chart-output.ts';
import { cumulativeChart } from './cumulative-chart.ts';
import { peerDistributionChart } from './peer-distribution-chart.ts';
import { shareChart } from './share-chart.ts';
import { tileMapChart } from './tile-map-chart.ts';

/** A national curve shaped like the programme's: slow start, the campaign, then a steady phase 2 (one point a week). */
function nationalSeries(): { time: string; value: number }[] {
	const points: { time: string; value: number }[] = [];
	let value = 0;
	for (let day = 0; day <= 600; day += 7) {
		const time = new Date(Date.UTC(2022, 0, 8 + day)).toISOString().slice(0, 19);
		value += day < 104 ? 10_500 : day < 144 ? 80_000 : 19_000;
		points.push({ time, value });
	}
	return points;
}

/** Attainment of each province, a fixed pattern from its code (a few missing). */
function provinceValue(code: string): number | null {
	const n = Number(code);
	return n % 17 === 0 ? null : ((n * 37) % 160) / 100 + 0.2;
}

export const CHART_EXAMPLES: Record<string, () => ChartOutput> = {
	cumulativeNational: () =>
		cumulativeChart({ id: 'cumulative-national', title: 'Sáng kiến trên hệ thống, toàn quốc', seriesLabel: 'Sáng kiến trên hệ thống', series: nationalSeries() }),
	cumulativeUnitWithPeers: () => {
		const series = nationalSeries().map((p) => ({ time: p.time, value: Math.round(p.value / 40) }));
		return cumulativeChart({
			id: 'cumulative-unit',
			title: 'Thanh Hóa so với trung vị vùng',
			seriesLabel: 'Thanh Hóa',
			unitCode: 'T38',
			series,
			peerMedian: series.map((p) => ({ time: p.time, value: Math.round(p.value * 0.55) })),
			milestones: [],
			width: 560,
			language: 'en'
		});
	},
	barAttainment: () =>
		barChart({
			id: 'bar-attainment',
			title: 'Tỷ lệ hoàn thành chỉ tiêu',
			valueLabel: 'Tỷ lệ hoàn thành',
			kind: 'percent',
			reference: { value: 1, label: 'Chỉ tiêu' },
			rows: [
				{ code: 'T38', label: 'Thanh Hóa', value: 1.452, href: '/don-vi/T38' },
				{ code: 'T77', label: 'Bà Rịa – Vũng Tàu', value: 1.089, href: '/don-vi/T77', highlight: true },
				{ code: 'T01', label: 'Hà Nội', value: 0.934, href: '/don-vi/T01' },
				{ code: 'N03', label: 'Công đoàn Dệt May Việt Nam', value: 0.612 },
				{ code: 'T02', label: 'Hà Giang', value: null }
			]
		}),
	barCounts: () =>
		barChart({
			id: 'bar-counts',
			title: 'Mười đơn vị dẫn đầu, 20/04/2022',
			valueLabel: 'Sáng kiến trên hệ thống',
			kind: 'integer',
			rows: [
				['T38', 'Thanh Hóa', 35728],
				['T01', 'Hà Nội', 18549],
				['T40', 'Nghệ An', 14282],
				['T42', 'Hà Tĩnh', 9574],
				['T24', 'Bắc Giang', 6601],
				['T79', 'TP Hồ Chí Minh', 6475],
				['T31', 'Hải Phòng', 5820],
				['T92', 'Cần Thơ', 4808],
				['T89', 'An Giang', 4754],
				['T80', 'Long An', 4479]
			].map(([code, label, value]) => ({ code: code as string, label: label as string, value: value as number }))
		}),
	shareStacked: () =>
		shareChart({
			id: 'share-stacked',
			title: 'Trạng thái sáng kiến theo vùng',
			mode: 'stacked',
			valueLabel: 'Sáng kiến',
			kind: 'integer',
			legendTitle: 'Trạng thái',
			rows: [
				['DBSH', 'Đồng bằng sông Hồng', 410_000, 38_000, 52_000],
				['BTB', 'Bắc Trung Bộ và duyên hải miền Trung', 820_000, 41_000, 90_000],
				['DNB', 'Đông Nam Bộ', 160_000, 9_000, 31_000]
			].flatMap(([group, groupLabel, valid, invalid, review]) => [
				{ group: group as string, groupLabel: groupLabel as string, category: 'valid', categoryLabel: 'Hợp lệ', value: valid as number },
				{ group: group as string, groupLabel: groupLabel as string, category: 'invalid', categoryLabel: 'Không hợp lệ', value: invalid as number },
				{ group: group as string, groupLabel: groupLabel as string, category: 'review', categoryLabel: 'Đang xem xét', value: review as number }
			])
		}),
	shareGrouped: () =>
		shareChart({
			id: 'share-grouped',
			title: 'Giá trị làm lợi theo lĩnh vực',
			mode: 'grouped',
			valueLabel: 'Giá trị làm lợi',
			kind: 'vnd',
			rows: [
				{ group: 'T38', groupLabel: 'Thanh Hóa', category: 'kt', categoryLabel: 'Kỹ thuật', value: 320e9 },
				{ group: 'T38', groupLabel: 'Thanh Hóa', category: 'ql', categoryLabel: 'Quản lý', value: 264e9 },
				{ group: 'T77', groupLabel: 'Bà Rịa – Vũng Tàu', category: 'kt', categoryLabel: 'Kỹ thuật', value: 410e9 },
				{ group: 'T77', groupLabel: 'Bà Rịa – Vũng Tàu', category: 'ql', categoryLabel: 'Quản lý', value: 110e9 }
			]
		}),
	peerDistribution: () =>
		peerDistributionChart({
			id: 'peers',
			title: 'Bà Rịa – Vũng Tàu trong vùng Đông Nam Bộ',
			unitCode: 'T77',
			valueLabel: 'Tỷ lệ hoàn thành',
			kind: 'percent',
			peerGroupLabel: 'vùng Đông Nam Bộ',
			reference: 1,
			peers: [
				{ code: 'T70', label: 'Bình Phước', value: 0.72, href: '/don-vi/T70' },
				{ code: 'T72', label: 'Tây Ninh', value: 0.95 },
				{ code: 'T74', label: 'Bình Dương', value: 1.31 },
				{ code: 'T75', label: 'Đồng Nai', value: 0.88 },
				{ code: 'T77', label: 'Bà Rịa – Vũng Tàu', value: 1.089 },
				{ code: 'T79', label: 'TP Hồ Chí Minh', value: 1.12 }
			]
		}),
	tileMap63: () => {
		const grid = tileGrid('63');
		return tileMapChart({
			id: 'tiles-63',
			title: 'Tỷ lệ hoàn thành chỉ tiêu theo tỉnh (63 tỉnh, trước 2025)',
			grid,
			valueLabel: 'Tỷ lệ hoàn thành chỉ tiêu',
			kind: 'percent',
			values: grid.tiles.map((t) => ({ code: t.code, value: provinceValue(t.code), href: `/don-vi/T${t.code}` }))
		});
	},
	tileMap34: () => {
		const grid = tileGrid('34');
		return tileMapChart({
			id: 'tiles-34',
			title: 'Attainment by province (2025 map)',
			grid,
			valueLabel: 'Target attainment',
			kind: 'percent',
			language: 'en',
			values: grid.tiles.map((t) => ({ code: t.code, value: provinceValue(t.code) }))
		});
	}
};
