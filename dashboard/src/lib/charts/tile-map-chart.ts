// Tile-grid map of the provinces (63 pre-2025 or 34 of the 2025 map) coloured by a value in colour-blind-safe bins, with a legend and drill-down links.
import * as Plot from '@observablehq/plot';
import type { Tile } from '../../../../warehouse/reference/tile-grid.ts';
import type { ColumnKind, ExportTable } from '../exports/export-table.ts';
import { valueFormatter } from './axis-formats.ts';
import { swatchLegend } from './chart-legend.ts';
import type { ChartBase, ChartOutput } from './chart-output.ts';
import { MISSING_COLOR, SEQUENTIAL_5, textColorOn } from './palettes.ts';
import { composeChart, renderPlot, withDataAttributes } from './plot-svg.ts';

export interface TileValue {
	code: string;
	value: number | null;
	href?: string;
}

export interface TileMapInput extends ChartBase {
	/** The layout (tileGrid('63') or tileGrid('34') from warehouse/reference/tile-grid.ts). */
	grid: { tiles: readonly Tile[]; rows: number; cols: number };
	values: readonly TileValue[];
	valueLabel: string;
	kind: ColumnKind;
	/** Four ascending bin edges for the five colours; attainment's 50%, 80%, 100%, 120% by default. */
	thresholds?: readonly [number, number, number, number];
	/** Side of a tile in pixels. */
	tileSize?: number;
}

export const ATTAINMENT_THRESHOLDS = [0.5, 0.8, 1, 1.2] as const;

/** The bin of a value: 0 below the first edge … 4 at or above the last; -1 when missing. */
export function binOf(value: number | null, thresholds: readonly number[]): number {
	if (value === null || !Number.isFinite(value)) return -1;
	return thresholds.filter((edge) => value >= edge).length;
}

/** Bin labels: "< 50%", "50% – 80%", …, "≥ 120%". */
export function binLabels(thresholds: readonly number[], format: (v: number) => string): string[] {
	return [
		`< ${format(thresholds[0]!)}`,
		...thresholds.slice(1).map((edge, i) => `${format(thresholds[i]!)} – < ${format(edge)}`),
		`≥ ${format(thresholds.at(-1)!)}`
	];
}

/** The tile map as a standalone SVG with its text alternative and data table. */
export function tileMapChart(input: TileMapInput): ChartOutput {
	const language = input.language ?? 'vi';
	const thresholds = input.thresholds ?? ATTAINMENT_THRESHOLDS;
	const format = valueFormatter(input.kind, language);
	const shortFormat = input.kind === 'percent' ? valueFormatter('percent', language) : format;
	const size = input.tileSize ?? 40;
	const margin = 8;
	const width = input.width ?? input.grid.cols * size + 2 * margin;
	const plotHeight = input.grid.rows * size + 2 * margin;
	const byCode = new Map(input.values.map((v) => [v.code, v]));
	const labels = binLabels(thresholds, (v) => valueFormatter(input.kind, language)(v));
	const tiles = input.grid.tiles.map((tile) => {
		const entry = byCode.get(tile.code);
		const value = entry?.value ?? null;
		const bin = binOf(value, thresholds);
		const fill = bin < 0 ? MISSING_COLOR : SEQUENTIAL_5[bin]!;
		return { ...tile, value, bin, fill, href: entry?.href, text: textColorOn(fill) };
	});
	const missingLabel = language === 'vi' ? 'Không có số liệu' : 'No data';
	const tileTitle = (t: (typeof tiles)[number]) => `${t.name}: ${t.value === null ? missingLabel : format(t.value)}`;

	const plotSvg = renderPlot({
		width,
		height: plotHeight,
		margin,
		x: { domain: [0, input.grid.cols], axis: null },
		y: { domain: [0, input.grid.rows], axis: null, reverse: true },
		marks: [
			Plot.rect(tiles, {
				x1: 'col',
				x2: (t: Tile) => t.col + 1,
				y1: 'row',
				y2: (t: Tile) => t.row + 1,
				inset: 1,
				rx: 3,
				fill: 'fill',
				stroke: '#ffffff',
				title: tileTitle,
				href: (t: (typeof tiles)[number]) => t.href ?? null,
				render: withDataAttributes(tiles, (t) => ({ code: t.code, value: t.value, bin: t.bin }))
			}),
			Plot.text(tiles, {
				x: (t: Tile) => t.col + 0.5,
				y: (t: Tile) => t.row + 0.5,
				text: (t: (typeof tiles)[number]) => (t.value === null ? t.label : `${t.label}\n${shortFormat(t.value)}`),
				fill: 'text',
				fontSize: size >= 40 ? 9 : 8,
				lineHeight: 1.15,
				pointerEvents: 'none'
			})
		]
	});

	const header = swatchLegend(
		[...labels.map((label, i) => ({ label, color: SEQUENTIAL_5[i]! })), { label: missingLabel, color: MISSING_COLOR }],
		width,
		input.valueLabel
	);
	const description = tileDescription(input, tiles, labels, format, language);
	const { svg, height } = composeChart({ id: input.id, kind: 'tile-map', title: input.title, description, width, plotHeight, plotSvg, header });
	const table: ExportTable = {
		columns: [
			{ key: 'code', label: language === 'vi' ? 'Mã tỉnh' : 'Province code', kind: 'text' },
			{ key: 'name', label: language === 'vi' ? 'Tỉnh, thành phố' : 'Province', kind: 'text' },
			{ key: 'value', label: input.valueLabel, kind: input.kind },
			{ key: 'bin', label: language === 'vi' ? 'Mức' : 'Band', kind: 'text' }
		],
		rows: tiles.map((t) => ({ code: t.code, name: t.name, value: t.value, bin: t.bin < 0 ? missingLabel : labels[t.bin]! }))
	};
	return { id: input.id, svg, width, height, title: input.title, description, table };
}

function tileDescription(
	input: TileMapInput,
	tiles: readonly { name: string; value: number | null; bin: number }[],
	labels: readonly string[],
	format: (v: number) => string,
	language: 'vi' | 'en'
): string {
	const known = tiles.filter((t): t is typeof t & { value: number } => t.value !== null);
	const counts = labels.map((label, i) => `${label}: ${tiles.filter((t) => t.bin === i).length}`).join('; ');
	if (known.length === 0) return language === 'vi' ? `${input.valueLabel}: không có số liệu.` : `${input.valueLabel}: no data.`;
	const top = known.reduce((a, b) => (b.value > a.value ? b : a));
	const bottom = known.reduce((a, b) => (b.value < a.value ? b : a));
	return language === 'vi'
		? `${input.valueLabel} của ${tiles.length} tỉnh, thành phố. Cao nhất: ${top.name} (${format(top.value)}); thấp nhất: ${bottom.name} (${format(bottom.value)}). Số tỉnh theo mức – ${counts}.`
		: `${input.valueLabel} of ${tiles.length} provinces. Highest: ${top.name} (${format(top.value)}); lowest: ${bottom.name} (${format(bottom.value)}). Provinces per band – ${counts}.`;
}
