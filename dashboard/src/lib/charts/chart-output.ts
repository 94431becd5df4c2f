// What every chart function returns (SVG, title, text alternative, data table) and the accessible HTML table of a chart's data.
import { formatDate, formatDateTime, type Language } from '../../../../queries/format/vi-format.ts';
import type { CellValue, ColumnKind, ExportTable } from '../exports/export-table.ts';
import { escapeXml } from '../exports/svg-export.ts';
import { valueFormatter } from './axis-formats.ts';

export interface ChartOutput {
	id: string;
	/** Standalone SVG (xmlns, fixed width/height, <title>/<desc>); works with JavaScript off. */
	svg: string;
	width: number;
	height: number;
	title: string;
	/** The text alternative: what the chart says, in a sentence or two. */
	description: string;
	/** The chart's data, for the data table and the CSV/XLSX exports. */
	table: ExportTable;
}

export interface ChartBase {
	/** Unique on the page (ids inside the SVG start with it). */
	id: string;
	title: string;
	language?: Language;
	width?: number;
}

/** A table cell as the page shows it (vi-VN numbers and dates); empty for null. */
export function formatCell(value: CellValue, kind: ColumnKind, language: Language = 'vi'): string {
	if (value === null || value === undefined) return '';
	if (typeof value === 'number') return valueFormatter(kind, language)(value);
	if (typeof value === 'boolean') return language === 'vi' ? (value ? 'Có' : 'Không') : value ? 'Yes' : 'No';
	if (kind === 'date') return formatDate(value);
	if (kind === 'datetime') return formatDateTime(value);
	return value;
}

const NUMERIC: ReadonlySet<ColumnKind> = new Set(['integer', 'decimal', 'percent', 'vnd']);

/** The chart's data as an accessible HTML table (caption, scoped headers, numbers right-aligned via class). */
export function chartTableHtml(chart: Pick<ChartOutput, 'id' | 'title' | 'table'>, language: Language = 'vi'): string {
	const { columns, rows } = chart.table;
	const head = columns
		.map((c) => `<th scope="col"${NUMERIC.has(c.kind) ? ' class="num"' : ''}>${escapeXml(c.label)}</th>`)
		.join('');
	const body = rows
		.map(
			(row) =>
				`<tr>${columns
					.map((c, i) => {
						const text = escapeXml(formatCell(row[c.key] ?? null, c.kind, language));
						const cls = NUMERIC.has(c.kind) ? ' class="num"' : '';
						return i === 0 ? `<th scope="row"${cls}>${text}</th>` : `<td${cls}>${text}</td>`;
					})
					.join('')}</tr>`
		)
		.join('');
	return `<table class="sk-chart-table" id="${chart.id}-table"><caption>${escapeXml(chart.title)}</caption><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}
