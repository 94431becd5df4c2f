// A unit among its peers: the peers' box plot and strip of values with the unit highlighted, its rank and the peer median.
import * as Plot from '@observablehq/plot';
import type { ColumnKind, ExportTable } from '../exports/export-table.ts';
import { tickFormatter, valueFormatter } from './axis-formats.ts';
import type { ChartBase, ChartOutput } from './chart-output.ts';
import { HIGHLIGHT_COLOR, MUTED_COLOR } from './palettes.ts';
import { composeChart, renderPlot, withDataAttributes } from './plot-svg.ts';

export interface PeerDatum {
	code: string;
	label: string;
	value: number;
	href?: string;
}

export interface PeerDistributionInput extends ChartBase {
	/** Every unit of the peer group, the highlighted unit included. */
	peers: readonly PeerDatum[];
	unitCode: string;
	valueLabel: string;
	kind: ColumnKind;
	/** e.g. "Vùng Đông Nam Bộ". */
	peerGroupLabel: string;
	/** A reference line, e.g. 100% of target. */
	reference?: number;
}

/** Rank (1 = highest; ties share the better rank) and the median of the peers' values. */
export function peerStanding(peers: readonly PeerDatum[], unitCode: string): { rank: number | null; count: number; median: number | null } {
	const values = peers.map((p) => p.value).sort((a, b) => a - b);
	const unit = peers.find((p) => p.code === unitCode);
	const mid = values.length >> 1;
	const median = values.length === 0 ? null : values.length % 2 ? values[mid]! : (values[mid - 1]! + values[mid]!) / 2;
	return { rank: unit ? peers.filter((p) => p.value > unit.value).length + 1 : null, count: peers.length, median };
}

/**
 * How the highlighted unit's label sits on its dot: ending at it in the right third of the axis, starting at it in the left
 * third, centred between, so a long unit name near either end stays inside the chart.
 */
export function labelAnchor(value: number, domain: readonly [number, number]): 'start' | 'middle' | 'end' {
	const [low, high] = domain;
	const position = high > low ? (value - low) / (high - low) : 0.5;
	return position > 2 / 3 ? 'end' : position < 1 / 3 ? 'start' : 'middle';
}

/** The peer distribution as a standalone SVG with its text alternative and data table. */
export function peerDistributionChart(input: PeerDistributionInput): ChartOutput {
	const language = input.language ?? 'vi';
	const width = input.width ?? 640;
	const plotHeight = 150;
	const format = valueFormatter(input.kind, language);
	const peers = [...input.peers];
	const unit = peers.filter((p) => p.code === input.unitCode);
	const others = peers.filter((p) => p.code !== input.unitCode);
	const { rank, count, median } = peerStanding(peers, input.unitCode);
	const values = peers.map((p) => p.value);
	const domain: [number, number] = [Math.min(0, ...values), Math.max(input.reference ?? 0, ...values) || 1];

	const plotSvg = renderPlot({
		width,
		height: plotHeight,
		marginLeft: 24,
		marginRight: 24,
		marginTop: 36,
		x: { domain, grid: true, nice: true, tickFormat: tickFormatter(input.kind, language), label: null },
		marks: [
			Plot.boxX(values, { fill: '#E4E7EB', stroke: '#555555', r: 0 }),
			Plot.tickX(others, {
				x: 'value',
				stroke: MUTED_COLOR,
				strokeWidth: 1.5,
				title: (p: PeerDatum) => `${p.label}: ${format(p.value)}`,
				href: (p: PeerDatum) => p.href ?? null,
				render: withDataAttributes(others, (p) => ({ code: p.code, value: p.value }))
			}),
			...(input.reference !== undefined ? [Plot.ruleX([input.reference], { stroke: '#333333', strokeDasharray: '4,3' })] : []),
			Plot.dot(unit, {
				x: 'value',
				r: 7,
				fill: HIGHLIGHT_COLOR,
				stroke: '#ffffff',
				strokeWidth: 2,
				title: (p: PeerDatum) => `${p.label}: ${format(p.value)}`,
				render: withDataAttributes(unit, (p) => ({ code: p.code, value: p.value, highlight: 'true' }))
			}),
			Plot.text(unit, {
				x: 'value',
				text: (p: PeerDatum) => `${p.label}: ${format(p.value)}`,
				frameAnchor: 'top',
				textAnchor: unit[0] ? labelAnchor(unit[0].value, domain) : 'middle',
				dy: -22,
				fill: '#111111',
				fontWeight: 'bold'
			})
		]
	});

	const unitDatum = unit[0];
	const description =
		language === 'vi'
			? `${input.valueLabel} của ${count} đơn vị trong ${input.peerGroupLabel}; trung vị ${median === null ? '—' : format(median)}.` +
				(unitDatum ? ` ${unitDatum.label}: ${format(unitDatum.value)}, xếp thứ ${rank}/${count}.` : '')
			: `${input.valueLabel} of ${count} units in ${input.peerGroupLabel}; median ${median === null ? '—' : format(median)}.` +
				(unitDatum ? ` ${unitDatum.label}: ${format(unitDatum.value)}, ranked ${rank} of ${count}.` : '');
	const { svg, height } = composeChart({ id: input.id, kind: 'peer-distribution', title: input.title, description, width, plotHeight, plotSvg });
	const sorted = [...peers].sort((a, b) => b.value - a.value || a.code.localeCompare(b.code));
	const table: ExportTable = {
		columns: [
			{ key: 'rank', label: language === 'vi' ? 'Hạng' : 'Rank', kind: 'integer' },
			{ key: 'label', label: language === 'vi' ? 'Đơn vị' : 'Unit', kind: 'text' },
			{ key: 'value', label: input.valueLabel, kind: input.kind }
		],
		rows: sorted.map((p) => ({ rank: peers.filter((q) => q.value > p.value).length + 1, label: p.label, value: p.value }))
	};
	return { id: input.id, svg, width, height, title: input.title, description, table };
}
