// What a page's table or chart is on the server: a named dataset (title, definition, stamp, filters, table, optional chart) that the page shows and the export endpoint downloads, from the same function.
import type { Language } from '../../../../queries/format/vi-format.ts';
import { SOURCE } from '../../../../queries/definitions.ts';
import type { Stamp, WarehouseDb } from '../../../../queries/query-context.ts';
import type { Viewer } from '../../../../queries/viewer.ts';
import type { ChartOutput } from '../charts/chart-output.ts';
import { chartTableHtml } from '../charts/chart-output.ts';
import type { ExportFilter, ExportFooter, ExportTable } from '../exports/export-table.ts';
import { link } from '../components/links.ts';
import { Markup } from '../markup.ts';

export interface DatasetContext {
	db: WarehouseDb;
	viewer: Viewer;
	language: Language;
	/** The validated as-of (undefined = latest export). */
	asOf?: string;
	/** The published version when its shown datasets may be reused by other pages (the page cache is on). */
	version?: string;
	/** One page render's shared work (several datasets from one query), by key. */
	memo?: Map<string, Promise<unknown>>;
}

export type DatasetParams = Record<string, string | undefined>;

export interface Dataset {
	id: string;
	title: string;
	definition: string;
	stamp: Stamp;
	filters: ExportFilter[];
	table: ExportTable;
	chart?: ChartOutput;
}

export type DatasetFunction = (context: DatasetContext, params: DatasetParams) => Promise<Dataset>;

/** What a page gets of a dataset: plain values, and the SVG and table HTML rendered on the server (Markup). */
export interface ShownDataset {
	id: string;
	/** Unique on the page (the id, plus the grouping when a page shows one dataset several ways). */
	anchor: string;
	title: string;
	definition: string;
	description: string;
	svg: Markup | null;
	tableHtml: Markup;
	rowCount: number;
	/** Rows in tableHtml: at most PAGE_TABLE_ROWS (the CSV/XLSX exports hold every row). */
	rowsShown: number;
	/** Export links by kind (png/svg only with a chart). */
	exports: { kind: 'csv' | 'xlsx' | 'png' | 'svg'; href: string }[];
}

/** Export links of a dataset id with its parameters (charts add PNG and SVG). */
export function exportLinks(id: string, params: DatasetParams, context: Pick<DatasetContext, 'asOf' | 'language'>, withChart: boolean): ShownDataset['exports'] {
	const kinds = withChart ? (['csv', 'xlsx', 'png', 'svg'] as const) : (['csv', 'xlsx'] as const);
	return kinds.map((kind) => ({ kind, href: link(`/xuat/${id}/${kind}`, context, params) }));
}

/** Rows a page's table shows at most: a leaderboard of every grassroots union is a download, not a page. */
export const PAGE_TABLE_ROWS = 1000;

/** The dataset as the page shows it, with export links carrying the same parameters, as-of and language. */
export function shown(dataset: Dataset, params: DatasetParams, context: Pick<DatasetContext, 'asOf' | 'language'>): ShownDataset {
	const rows = dataset.table.rows.length > PAGE_TABLE_ROWS ? dataset.table.rows.slice(0, PAGE_TABLE_ROWS) : dataset.table.rows;
	return {
		id: dataset.id,
		anchor: params.by ? `${dataset.id}-${params.by}` : dataset.id,
		title: dataset.title,
		definition: dataset.definition,
		description: dataset.chart?.description ?? '',
		svg: dataset.chart ? new Markup(dataset.chart.svg) : null,
		tableHtml: new Markup(chartTableHtml({ id: `t-${params.by ? `${dataset.id}-${params.by}` : dataset.id}`, title: dataset.title, table: { ...dataset.table, rows } }, context.language)),
		rowCount: dataset.table.rows.length,
		rowsShown: rows.length,
		exports: exportLinks(dataset.id, params, context, dataset.chart !== undefined)
	};
}

/** The export footer of a dataset (definition, as-of, filters, version, source). */
export function footerOf(dataset: Dataset, language: Language, exportedAt?: string): ExportFooter {
	return {
		language,
		title: dataset.title,
		definition: dataset.definition,
		asOf: dataset.stamp.asOf,
		filters: dataset.filters,
		warehouseVersion: dataset.stamp.version ?? '—',
		source: SOURCE[language],
		...(exportedAt ? { exportedAt } : {})
	};
}
