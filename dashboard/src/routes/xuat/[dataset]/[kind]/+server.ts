// Downloads of every table and chart: the same dataset function as the page (same viewer and as-of), as CSV, XLSX, PNG or SVG with the footer.
import { error } from '@sveltejs/kit';
import { csvBuffer } from '$lib/exports/csv-export.ts';
import { downloadFileName } from '$lib/exports/download-name.ts';
import { downloadResponse, type ExportKind } from '$lib/exports/export-response.ts';
import { pngFile } from '$lib/exports/png-export.server.ts';
import { svgFile } from '$lib/exports/svg-export.ts';
import { xlsxBuffer } from '$lib/exports/xlsx-export.server.ts';
import { footerOf } from '$lib/server/dataset-types.ts';
import { DATASETS, datasetParams } from '$lib/server/datasets.ts';
import { withPage } from '$lib/server/page-data.ts';
import { fromInstant } from '../../../../../../warehouse/time/wall-clock.ts';
import type { RequestHandler } from './$types';

const KINDS: readonly ExportKind[] = ['csv', 'xlsx', 'png', 'svg'];

export const GET: RequestHandler = (event) => {
	const language = event.locals.language;
	const id = event.params.dataset;
	const kind = event.params.kind as ExportKind;
	const run = Object.hasOwn(DATASETS, id) ? DATASETS[id] : undefined;
	if (!run || !KINDS.includes(kind)) error(404, { message: language === 'vi' ? 'Không có bảng hoặc định dạng tải xuống này.' : 'No such table or download format.', code: 'not_found' });
	return withPage(event, async (context) => {
		const dataset = await run(context, datasetParams(event.url.searchParams));
		const footer = footerOf(dataset, language, fromInstant(Date.now()));
		const name = downloadFileName([dataset.title, dataset.stamp.asOf.slice(0, 16)], kind);
		const display = `${dataset.title} – ${dataset.stamp.asOf.slice(0, 16).replace('T', ' ')}.${kind}`;
		if (kind === 'csv') return downloadResponse(csvBuffer(dataset.table, footer), kind, name, display);
		if (kind === 'xlsx') return downloadResponse(await xlsxBuffer(dataset.table, footer), kind, name, display);
		if (!dataset.chart) error(404, { message: language === 'vi' ? 'Bảng này không có biểu đồ.' : 'This table has no chart.', code: 'not_found' });
		if (kind === 'svg') return downloadResponse(svgFile(dataset.chart.svg, footer), kind, name, display);
		return downloadResponse(pngFile(dataset.chart.svg, footer), kind, name, display);
	});
};
