// XLSX exports read back with exceljs: number formats, frozen bold header, widths, footer rows and the about sheet.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { sampleFooter, sampleTable } from './exports-fixture.ts';
import { columnWidths, xlsxBuffer } from './xlsx-export.server.ts';

async function readBack(buffer: Buffer): Promise<ExcelJS.Workbook> {
	const workbook = new ExcelJS.Workbook();
	await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
	return workbook;
}

describe('xlsxBuffer', () => {
	it('writes typed cells with explicit number formats under a bold frozen header', async () => {
		const workbook = await readBack(await xlsxBuffer(sampleTable, sampleFooter));
		const sheet = workbook.getWorksheet('Số liệu')!;
		expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
		expect(sheet.getRow(1).values).toEqual([undefined, 'Mã', 'Đơn vị', 'Sáng kiến hợp lệ', 'Tỷ lệ hoàn thành', 'Thay đổi hạng', 'Ngày']);
		expect(sheet.getCell('A1').font?.bold).toBe(true);
		expect(sheet.getCell('C2').value).toBe(600175);
		expect(sheet.getCell('C2').numFmt).toBe('#,##0');
		expect(sheet.getCell('D3').value).toBe(1.089);
		expect(sheet.getCell('D3').numFmt).toBe('0.0%');
		expect(sheet.getCell('E2').value).toBe(-3);
		expect((sheet.getCell('F2').value as Date).toISOString()).toBe('2023-08-31T00:00:00.000Z');
		expect(sheet.getCell('F2').numFmt).toBe('dd/mm/yyyy');
		expect(sheet.getCell('B4').value).toBe('=HYPERLINK("http://evil")');
		expect(sheet.getCell('B4').type).toBe(ExcelJS.ValueType.String);
	});

	it('puts the footer under the table after a blank row and on the "Thông tin" sheet', async () => {
		const workbook = await readBack(await xlsxBuffer(sampleTable, sampleFooter));
		const sheet = workbook.getWorksheet('Số liệu')!;
		expect(sheet.getRow(6).cellCount).toBe(0);
		expect(sheet.getCell('A7').value).toBe('Nội dung');
		expect(sheet.getCell('A9').value).toBe('Tính đến');
		expect(sheet.getCell('B9').value).toBe('ngày 31/8/2023 (00:00 31/08/2023)');
		const about = workbook.getWorksheet('Thông tin')!;
		expect(about.getColumn(1).values.slice(1)).toEqual(['Nội dung', 'Định nghĩa', 'Tính đến', 'Bộ lọc', 'Phiên bản kho dữ liệu', 'Nguồn']);
		expect(about.getCell('B5').value).toBe('v000012-r20230831-000000-ab12');
	});

	it('names the sheets in English for an English export', async () => {
		const workbook = await readBack(await xlsxBuffer(sampleTable, { ...sampleFooter, language: 'en' }));
		expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Data', 'About']);
	});

	it('sizes columns to their longest text between 8 and 60 characters', () => {
		expect(columnWidths(sampleTable)).toEqual([8, 28, 18, 18, 15, 12]);
	});
});
