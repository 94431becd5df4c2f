// Horizontal bar chart for rankings and breakdowns: one bar per unit or category, values labelled in vi-VN, links to drill down.
import * as Plot from '@observablehq/plot';
import type { ColumnKind, ExportTable } from '../exports/export-table.ts';
import { axisLabel, tickFormatter, valueFormatter } from './axis-formats.ts';
import type { ChartBase, ChartOutput } from './chart-output.ts';
import { HIGHLIGHT_COLOR, SERIES_COLOR } from './palettes.ts';
import { composeChart, renderPlot, withDataAttributes } from './plot-svg.ts';

export interface BarDatum {
	code: string;
	label: string;
	value: number | null;
	/** Drill-down link (works without JavaScript). */
	href?: string;
	/** Drawn in the highlight colour (the viewer's own unit). */
	highlight?: boolean;
}

export interface BarChartInput extends ChartBase {
	/** Bars top to bottom, in this order. */
	rows: readonly BarDatum[];
	/** Column header of the value, e.g. "Sáng kiến hợp lệ". */
	valueLabel: string;
	kind: ColumnKind;
	/** A reference line, e.g. 100% of target. */
	reference?: { value: number; label: string };
	/** Header of the label column in the table. */
	labelHeader?: string;
}

const BAR_STEP = 22;

/** Left margin fitting the longest label (≈ 6 px a character, 60–240 px). */
function labelMargin(rows: readonly BarDatum[]): number {
	return Math.min(240, Math.max(60, Math.max(0, ...rows.map((r) => r.label.length)) * 6 + 12));
}

/** The bar chart as a standalone SVG with its text alternative and data table. */
export function barChart(input: BarChartInput): ChartOutput {
	const language = input.language ?? 'vi';
	const width = input.width ?? 640;
	const format = valueFormatter(input.kind, language);
	const rows = input.rows.filter((r): r is BarDatum & { value: number } => r.value !== null && Number.isFinite(r.value));
	const plotHeight = Math.max(60, input.rows.length * BAR_STEP + 34);
	const labels = new Map(input.rows.map((r) => [r.code, r.label]));
	const maxValue = Math.max(0, ...rows.map((r) => r.value), input.reference?.value ?? 0);
	const minValue = Math.min(0, ...rows.map((r) => r.value));

	const plotSvg = renderPlot({
		width,
		height: plotHeight,
		marginLeft: labelMargin(input.rows),
		marginRight: 84,
		marginTop: 24,
		x: { domain: [minValue, maxValue || 1], grid: true, tickFormat: tickFormatter(input.kind, language), label: axisLabel(input.kind, language), axis: 'top', nice: true },
		y: { domain: input.rows.map((r) => r.code), tickFormat: (code: string) => labels.get(code) ?? code, label: null, padding: 0.2 },
		marks: [
			Plot.barX(rows, {
				x: 'value',
				y: 'code',
				fill: (r: BarDatum) => (r.highlight ? HIGHLIGHT_COLOR : SERIES_COLOR),
				title: (r: BarDatum & { value: number }) => `${r.label}: ${format(r.value)}`,
				href: (r: BarDatum) => r.href ?? null,
				render: withDataAttributes(rows, (r) => ({ code: r.code, value: r.value, highlight: r.highlight ? 'true' : null }))
			}),
			Plot.text(rows, {
				x: 'value',
				y: 'code',
				text: (r: BarDatum & { value: number }) => format(r.value),
				textAnchor: 'start',
				dx: 4,
				fill: '#111111'
			}),
			Plot.ruleX([0]),
			...(input.reference
				? [
						Plot.ruleX([input.reference.value], { stroke: '#333333', strokeDasharray: '4,3' }),
						Plot.text([input.reference.value], { x: (v: number) => v, text: [input.reference.label], frameAnchor: 'bottom', dy: 12, fill: '#333333' })
					]
				: [])
		]
	});
	const description = barDescription(input, rows, format);
	const { svg, height } = composeChart({ id: input.id, kind: 'bar', title: input.title, description, width, plotHeight, plotSvg });
	return { id: input.id, svg, width, height, title: input.title, description, table: barTable(input, language) };
}

function barTable(input: BarChartInput, language: 'vi' | 'en'): ExportTable {
	return {
		columns: [
			{ key: 'code', label: language === 'vi' ? 'Mã' : 'Code', kind: 'text' },
			{ key: 'label', label: input.labelHeader ?? (language === 'vi' ? 'Tên' : 'Name'), kind: 'text' },
			{ key: 'value', label: input.valueLabel, kind: input.kind }
		],
		rows: input.rows.map((r) => ({ code: r.code, label: r.label, value: r.value }))
	};
}

function barDescription(input: BarChartInput, rows: readonly (BarDatum & { value: number })[], format: (v: number) => string): string {
	const vi = (input.language ?? 'vi') === 'vi';
	if (rows.length === 0) return vi ? `${input.valueLabel}: không có dữ liệu.` : `${input.valueLabel}: no data.`;
	const sorted = [...rows].sort((a, b) => b.value - a.value);
	const top = sorted[0]!;
	const bottom = sorted.at(-1)!;
	return vi
		? `${input.valueLabel} của ${input.rows.length} mục. Cao nhất: ${top.label} (${format(top.value)}); thấp nhất: ${bottom.label} (${format(bottom.value)}).`
		: `${input.valueLabel} for ${input.rows.length} items. Highest: ${top.label} (${format(top.value)}); lowest: ${bottom.label} (${format(bottom.value)}).`;
}
