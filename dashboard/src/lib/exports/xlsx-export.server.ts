// XLSX export with exceljs (server only): explicit number formats (Excel renders #,##0 as 1.234.567 in a Vietnamese locale), bold frozen header, column widths, footer rows and a "Thông tin" sheet.
import ExcelJS from 'exceljs';
import type { WallClock } from '../../../../warehouse/time/wall-clock.ts';
import { footerLines, type CellValue, type ColumnKind, type ExportFooter, type ExportTable } from './export-table.ts';

/**
 * Excel number formats by column kind. Format codes are locale-neutral: Excel draws "," as the locale's grouping
 * separator and "." as its decimal mark, so a vi-VN Excel shows 1.234.567, 4,98 and 108,9%.
 */
export const XLSX_NUMBER_FORMATS: Record<ColumnKind, string | undefined> = {
	text: '@',
	integer: '#,##0',
	decimal: '#,##0.00',
	percent: '0.0%',
	vnd: '#,##0',
	date: 'dd/mm/yyyy',
	datetime: 'dd/mm/yyyy hh:mm'
};

const SHEET_NAMES = { vi: { data: 'Số liệu', about: 'Thông tin' }, en: { data: 'Data', about: 'About' } } as const;

/** Excel stores times without a zone: a wall-clock time becomes the Date whose UTC fields are that wall clock. */
function wallClockDate(time: WallClock): Date {
	return new Date(`${time.slice(0, 19)}${time.length <= 10 ? 'T00:00:00' : ''}Z`);
}

/** The cell value exceljs writes for a table value. */
export function xlsxCellValue(value: CellValue, kind: ColumnKind): string | number | boolean | Date | null {
	if (value === null || value === undefined) return null;
	if (typeof value === 'number') return Number.isFinite(value) ? value : null;
	if ((kind === 'date' || kind === 'datetime') && typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/u.test(value)) {
		return wallClockDate(value);
	}
	return value;
}

/** Display width of a cell, in characters, for the column widths. */
function cellWidth(value: CellValue, kind: ColumnKind): number {
	if (value === null) return 0;
	if (typeof value === 'number') return kind === 'percent' ? 7 : Math.ceil(String(Math.round(value)).length * 1.35) + (kind === 'decimal' ? 3 : 0);
	if (kind === 'date') return 10;
	if (kind === 'datetime') return 16;
	return String(value).length;
}

/** Column widths: the longest of header and cells, between 8 and 60 characters. */
export function columnWidths(table: ExportTable): number[] {
	return table.columns.map((column) => {
		const widest = Math.max(column.label.length, ...table.rows.map((row) => cellWidth(row[column.key] ?? null, column.kind)));
		return Math.min(60, Math.max(8, widest + 2));
	});
}

/** The workbook: the data sheet (table, blank row, footer lines) and the about sheet (footer lines). */
export function buildWorkbook(table: ExportTable, footer: ExportFooter): ExcelJS.Workbook {
	const workbook = new ExcelJS.Workbook();
	const names = SHEET_NAMES[footer.language];
	workbook.creator = 'sang-kien';
	workbook.title = footer.title;
	workbook.created = wallClockDate(footer.exportedAt ?? footer.asOf);
	workbook.modified = workbook.created;

	const sheet = workbook.addWorksheet(names.data, { views: [{ state: 'frozen', ySplit: 1, xSplit: 0 }] });
	const widths = columnWidths(table);
	sheet.columns = table.columns.map((column, index) => ({
		key: column.key,
		width: widths[index],
		style: { numFmt: XLSX_NUMBER_FORMATS[column.kind] }
	}));
	const header = sheet.addRow(table.columns.map((column) => column.label));
	header.font = { bold: true };
	header.eachCell((cell) => {
		cell.numFmt = '@';
		cell.alignment = { vertical: 'middle', wrapText: true };
		cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF4' } };
		cell.border = { bottom: { style: 'thin' } };
	});
	for (const row of table.rows) {
		sheet.addRow(table.columns.map((column) => xlsxCellValue(row[column.key] ?? null, column.kind)));
	}
	sheet.addRow([]);
	for (const [label, value] of footerLines(footer)) {
		const row = sheet.addRow([label, value]);
		row.getCell(1).font = { bold: true };
		row.getCell(1).numFmt = '@';
		row.getCell(2).numFmt = '@';
	}

	const about = workbook.addWorksheet(names.about);
	about.columns = [{ width: 24 }, { width: 100 }];
	for (const [label, value] of footerLines(footer)) {
		const row = about.addRow([label, value]);
		row.getCell(1).font = { bold: true };
		row.getCell(2).alignment = { wrapText: true, vertical: 'top' };
	}
	return workbook;
}

/** The XLSX file as bytes. */
export async function xlsxBuffer(table: ExportTable, footer: ExportFooter): Promise<Buffer> {
	return Buffer.from(await buildWorkbook(table, footer).xlsx.writeBuffer());
}
