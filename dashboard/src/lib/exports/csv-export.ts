// CSV export: UTF-8 with BOM (Excel opens Vietnamese correctly), CRLF, RFC 4180 quoting, formula cells neutralised, footer rows after a blank row.
import { formatDate, formatDateTime, formatDecimal, formatInteger, formatPercent } from '../../../../queries/format/vi-format.ts';
import { footerLines, type CellValue, type ColumnKind, type ExportFooter, type ExportTable } from './export-table.ts';

/**
 * How numbers are written:
 * - `raw` (default): as JavaScript writes them (1234567, 1.089 for 108,9%, "." decimal, no grouping), for
 *   scripts and any locale; ratios stay ratios. Excel in a vi-VN locale reads decimals wrongly: use the XLSX.
 * - `vi`: as the page shows them (1.234.567; 108,9%; 4,98), for pasting into a Vietnamese text.
 * Dates are always dd/mm/yyyy (and HH:mm) wall-clock in `vi`, ISO in `raw`.
 */
export type CsvNumberStyle = 'raw' | 'vi';

const BOM = '\uFEFF';
const CRLF = '\r\n';
const FORMULA_START = /^[=+\-@\t\r]/u;

/**
 * A text cell that a spreadsheet would run as a formula (= + - @, tab, CR first) gets a leading apostrophe.
 * Only text is neutralised: a cell whose value is a number (-12, -0,5) is written as a number, never prefixed,
 * because the decision is made on the value's type, not on how the text looks.
 */
export function neutraliseFormula(text: string): string {
	return FORMULA_START.test(text) ? `'${text}` : text;
}

/** RFC 4180: a field with a comma, quote, CR or LF is quoted, inner quotes doubled. */
export function quoteCsvField(text: string): string {
	return /[",\r\n]/u.test(text) ? `"${text.replace(/"/gu, '""')}"` : text;
}

/** The text of one cell before quoting. */
export function csvCellText(value: CellValue, kind: ColumnKind, style: CsvNumberStyle): string {
	if (value === null || value === undefined) return '';
	if (typeof value === 'boolean') return style === 'vi' ? (value ? 'có' : 'không') : String(value);
	if (typeof value === 'number') {
		if (!Number.isFinite(value)) return '';
		if (style === 'raw') return String(value);
		if (kind === 'percent') return formatPercent(value);
		if (kind === 'decimal') return formatDecimal(value);
		return formatInteger(value);
	}
	if (kind === 'date' && /^\d{4}-\d{2}-\d{2}/u.test(value)) return style === 'vi' ? formatDate(value) : value.slice(0, 10);
	if (kind === 'datetime' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/u.test(value)) return style === 'vi' ? formatDateTime(value) : value;
	return neutraliseFormula(value);
}

function csvLine(fields: readonly string[]): string {
	return fields.map(quoteCsvField).join(',');
}

/** The whole CSV file as a string (starting with the BOM): header, rows, a blank row, footer rows "label,value". */
export function toCsv(table: ExportTable, footer: ExportFooter, style: CsvNumberStyle = 'raw'): string {
	const lines = [csvLine(table.columns.map((column) => neutraliseFormula(column.label)))];
	for (const row of table.rows) {
		lines.push(csvLine(table.columns.map((column) => csvCellText(row[column.key] ?? null, column.kind, style))));
	}
	lines.push('');
	for (const [label, value] of footerLines(footer)) lines.push(csvLine([neutraliseFormula(label), neutraliseFormula(value)]));
	return `${BOM}${lines.join(CRLF)}${CRLF}`;
}

/** The CSV file as UTF-8 bytes. */
export function csvBuffer(table: ExportTable, footer: ExportFooter, style: CsvNumberStyle = 'raw'): Buffer {
	return Buffer.from(toCsv(table, footer, style), 'utf8');
}
