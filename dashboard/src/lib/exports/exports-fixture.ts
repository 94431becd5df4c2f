// A small table and footer shared by the export tests (Vietnamese names, a formula-looking name, negatives, nulls).
import { DEFINITIONS, SOURCE } from '../../../../queries/definitions.ts';
import type { ExportFooter, ExportTable } from './export-table.ts';

export const sampleTable: ExportTable = {
	columns: [
		{ key: 'code', label: 'Mã', kind: 'text' },
		{ key: 'name', label: 'Đơn vị', kind: 'text' },
		{ key: 'valid', label: 'Sáng kiến hợp lệ', kind: 'integer' },
		{ key: 'attainment', label: 'Tỷ lệ hoàn thành', kind: 'percent' },
		{ key: 'change', label: 'Thay đổi hạng', kind: 'integer' },
		{ key: 'asOf', label: 'Ngày', kind: 'date' }
	],
	rows: [
		{ code: 'T38', name: 'Thanh Hóa', valid: 600175, attainment: 1.234, change: -3, asOf: '2023-08-31T00:00:00' },
		{ code: 'T77', name: 'Bà Rịa – Vũng Tàu, "BR-VT"', valid: 15040, attainment: 1.089, change: 2, asOf: '2023-08-31T00:00:00' },
		{ code: 'X01', name: '=HYPERLINK("http://evil")', valid: null, attainment: null, change: null, asOf: null },
		{ code: 'X02', name: '-1+2', valid: 0, attainment: 0, change: 0, asOf: null }
	]
};

export const sampleFooter: ExportFooter = {
	language: 'vi',
	title: 'Sáng kiến hợp lệ theo đơn vị',
	definition: DEFINITIONS.valid.vi,
	asOf: '2023-08-31T00:00:00',
	filters: [{ label: 'Vùng', value: 'Đông Nam Bộ' }],
	warehouseVersion: 'v000012-r20230831-000000-ab12',
	source: SOURCE.vi
};
