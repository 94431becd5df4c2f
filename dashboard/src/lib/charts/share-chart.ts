// Shares of a total side by side (regions, clusters, fields): 100% stacked bars, or grouped bars of the values.
import * as Plot from '@observablehq/plot';
import { formatPercent } from '../../../../queries/format/vi-format.ts';
import type { ColumnKind, ExportTable } from '../exports/export-table.ts';
import { axisLabel, tickFormatter, valueFormatter } from './axis-formats.ts';
import { swatchLegend } from './chart-legend.ts';
import type { ChartBase, ChartOutput } from './chart-output.ts';
import { OKABE_ITO } from './palettes.ts';
import { composeChart, renderPlot, withDataAttributes } from './plot-svg.ts';

export interface ShareDatum {
	/** The bar (a region, a unit): code and label. */
	group: string;
	groupLabel: string;
	/** The part (a status, a field): code and label. */
	category: string;
	categoryLabel: string;
	value: number;
	href?: string;
}

export interface ShareChartInput extends ChartBase {
	rows: readonly ShareDatum[];
	/** `stacked`: each group's bar split into its categories' shares of 100%; `grouped`: one bar per category and group. */
	mode: 'stacked' | 'grouped';
	valueLabel: string;
	kind: ColumnKind;
	/** At most 8 categories (the Okabe–Ito palette). */
	legendTitle?: string;
}

interface ShareRow extends ShareDatum {
	share: number;
}

/** Each row's share of its group's total (0 when the group sums to 0). */
export function withShares(rows: readonly ShareDatum[]): ShareRow[] {
	const totals = new Map<string, number>();
	for (const row of rows) totals.set(row.group, (totals.get(row.group) ?? 0) + row.value);
	return rows.map((row) => ({ ...row, share: totals.get(row.group) ? row.value / totals.get(row.group)! : 0 }));
}

function unique<T>(values: readonly T[]): T[] {
	return [...new Set(values)];
}

/** The share chart as a standalone SVG with its text alternative and data table. */
export function shareChart(input: ShareChartInput): ChartOutput {
	const language = input.language ?? 'vi';
	const width = input.width ?? 640;
	const rows = withShares(input.rows);
	const groups = unique(rows.map((r) => r.group));
	const categories = unique(rows.map((r) => r.category));
	if (categories.length > OKABE_ITO.length) throw new Error(`shareChart: ${categories.length} categories, at most ${OKABE_ITO.length}`);
	const groupLabels = new Map(rows.map((r) => [r.group, r.groupLabel]));
	const categoryLabels = new Map(rows.map((r) => [r.category, r.categoryLabel]));
	const format = valueFormatter(input.kind, language);
	const color = { domain: categories, range: OKABE_ITO.slice(0, categories.length) as string[] };
	const title = (r: ShareRow) => `${r.groupLabel} – ${r.categoryLabel}: ${format(r.value)} (${formatPercent(r.share, language)})`;
	const dataAttributes = withDataAttributes(rows, (r) => ({ group: r.group, category: r.category, value: r.value, share: Number(r.share.toFixed(6)) }));
	const marginLeft = Math.min(220, Math.max(60, Math.max(...groups.map((g) => (groupLabels.get(g) ?? g).length)) * 6 + 12));
	const plotHeight =
		input.mode === 'stacked' ? groups.length * 28 + 40 : groups.length * (categories.length * 14 + 12) + 40;

	const plotSvg =
		input.mode === 'stacked'
			? renderPlot({
					width,
					height: plotHeight,
					marginLeft,
					marginRight: 16,
					x: { domain: [0, 1], tickFormat: (v: number) => formatPercent(v, language, 0), grid: true, label: null, axis: 'top' },
					y: { domain: groups, tickFormat: (g: string) => groupLabels.get(g) ?? g, label: null, padding: 0.2 },
					color,
					marks: [
						Plot.barX(
							rows,
							Plot.stackX({ x: 'share', y: 'group', fill: 'category', order: categories, title, href: (r: ShareRow) => r.href ?? null, render: dataAttributes })
						),
						Plot.text(
							rows,
							Plot.stackX({
								x: 'share',
								y: 'group',
								order: categories,
								text: (r: ShareRow) => (r.share >= 0.08 ? formatPercent(r.share, language, 0) : ''),
								fill: (r: ShareRow) => (categories.indexOf(r.category) === 6 ? '#111111' : '#ffffff')
							})
						),
						Plot.ruleX([0])
					]
				})
			: renderPlot({
					width,
					height: plotHeight,
					marginLeft,
					marginRight: 70,
					x: { grid: true, tickFormat: tickFormatter(input.kind, language), label: axisLabel(input.kind, language), axis: 'top', nice: true },
					y: { domain: categories, axis: null, padding: 0.1 },
					fy: { domain: groups, tickFormat: (g: string) => groupLabels.get(g) ?? g, label: null, padding: 0.15, axis: 'left' },
					color,
					marks: [
						Plot.barX(rows, { x: 'value', y: 'category', fy: 'group', fill: 'category', title, href: (r: ShareRow) => r.href ?? null, render: dataAttributes }),
						Plot.text(rows, { x: 'value', y: 'category', fy: 'group', text: (r: ShareRow) => format(r.value), textAnchor: 'start', dx: 3, fill: '#111111', fontSize: 9 }),
						Plot.ruleX([0])
					]
				});

	const header = swatchLegend(
		categories.map((c, i) => ({ label: categoryLabels.get(c) ?? c, color: OKABE_ITO[i]! })),
		width,
		input.legendTitle
	);
	const description = shareDescription(input, rows, groups, language);
	const { svg, height } = composeChart({ id: input.id, kind: 'share', title: input.title, description, width, plotHeight, plotSvg, header });
	const table: ExportTable = {
		columns: [
			{ key: 'groupLabel', label: language === 'vi' ? 'Nhóm' : 'Group', kind: 'text' },
			{ key: 'categoryLabel', label: language === 'vi' ? 'Thành phần' : 'Part', kind: 'text' },
			{ key: 'value', label: input.valueLabel, kind: input.kind },
			{ key: 'share', label: language === 'vi' ? 'Tỷ trọng' : 'Share', kind: 'percent' }
		],
		rows: rows.map((r) => ({ groupLabel: r.groupLabel, categoryLabel: r.categoryLabel, value: r.value, share: r.share }))
	};
	return { id: input.id, svg, width, height, title: input.title, description, table };
}

function shareDescription(input: ShareChartInput, rows: readonly ShareRow[], groups: readonly string[], language: 'vi' | 'en'): string {
	const parts = groups.map((group) => {
		const own = rows.filter((r) => r.group === group);
		const largest = own.reduce((a, b) => (b.share > a.share ? b : a), own[0]!);
		return `${largest.groupLabel}: ${largest.categoryLabel} ${formatPercent(largest.share, language)}`;
	});
	return language === 'vi'
		? `${input.valueLabel} theo ${groups.length} nhóm; phần lớn nhất của mỗi nhóm – ${parts.join('; ')}.`
		: `${input.valueLabel} across ${groups.length} groups; the largest part of each – ${parts.join('; ')}.`;
}
