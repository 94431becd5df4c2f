// What every export takes: a table of typed columns and the footer that makes a figure traceable (definition, as-of, filters, version, source).
import { formatAsOfPhrase, formatDateTime, type Language } from '../../../../queries/format/vi-format.ts';
import type { WallClock } from '../../../../warehouse/time/wall-clock.ts';

/** How a column's values are shown: text, a count, a decimal, a ratio shown as a percentage, VND, a wall-clock date or time. */
export type ColumnKind = 'text' | 'integer' | 'decimal' | 'percent' | 'vnd' | 'date' | 'datetime';

export type CellValue = string | number | boolean | null;

export interface ExportColumn {
	key: string;
	/** Header text in the export's language. */
	label: string;
	kind: ColumnKind;
}

export interface ExportTable {
	columns: ExportColumn[];
	rows: Record<string, CellValue>[];
}

export interface ExportFilter {
	label: string;
	value: string;
}

export interface ExportFooter {
	language: Language;
	/** What the table or chart shows, e.g. "Sáng kiến hợp lệ theo đơn vị". */
	title: string;
	/** The written definition (queries/definitions.ts). */
	definition: string;
	asOf: WallClock;
	filters: ExportFilter[];
	warehouseVersion: string;
	/** SOURCE from queries/definitions.ts, or a more specific source line. */
	source: string;
	/** When the file was made; omitted in tests so outputs are byte-stable. */
	exportedAt?: WallClock;
}

const LABELS = {
	vi: { title: 'Nội dung', definition: 'Định nghĩa', asOf: 'Tính đến', filters: 'Bộ lọc', none: 'không có', version: 'Phiên bản kho dữ liệu', source: 'Nguồn', exportedAt: 'Thời điểm xuất' },
	en: { title: 'Contents', definition: 'Definition', asOf: 'As of', filters: 'Filters', none: 'none', version: 'Warehouse version', source: 'Source', exportedAt: 'Exported at' }
} as const;

/** The footer as [label, value] lines, in the export's language; the source loses a leading "Nguồn:"/"Source:". */
export function footerLines(footer: ExportFooter): [string, string][] {
	const labels = LABELS[footer.language];
	const filters = footer.filters.length
		? footer.filters.map((filter) => `${filter.label}: ${filter.value}`).join('; ')
		: labels.none;
	const lines: [string, string][] = [
		[labels.title, footer.title],
		[labels.definition, footer.definition],
		[labels.asOf, `${formatAsOfPhrase(footer.asOf, footer.language)} (${formatDateTime(footer.asOf)})`],
		[labels.filters, filters],
		[labels.version, footer.warehouseVersion],
		[labels.source, footer.source.replace(/^(Nguồn|Source):\s*/u, '')]
	];
	if (footer.exportedAt) lines.push([labels.exportedAt, formatDateTime(footer.exportedAt)]);
	return lines;
}
