// CSV exports open correctly in Excel (BOM, CRLF), quote per RFC 4180, neutralise formulas but keep numbers, and carry the footer.
import { describe, expect, it } from 'vitest';
import { csvBuffer, csvCellText, neutraliseFormula, quoteCsvField, toCsv } from './csv-export.ts';
import { sampleFooter, sampleTable } from './exports-fixture.ts';

describe('toCsv', () => {
	it('starts with the UTF-8 BOM and ends every line with CRLF', () => {
		const bytes = csvBuffer(sampleTable, sampleFooter);
		expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		const text = bytes.toString('utf8');
		expect(text.split('\r\n').length - 1).toBe(text.split('\n').length - 1);
		expect(text.endsWith('\r\n')).toBe(true);
	});

	it('writes raw numbers by default, the footer after a blank row', () => {
		expect(toCsv(sampleTable, sampleFooter).slice(1).split('\r\n')).toEqual([
			'Mã,Đơn vị,Sáng kiến hợp lệ,Tỷ lệ hoàn thành,Thay đổi hạng,Ngày',
			'T38,Thanh Hóa,600175,1.234,-3,2023-08-31',
			'T77,"Bà Rịa – Vũng Tàu, ""BR-VT""",15040,1.089,2,2023-08-31',
			`X01,"'=HYPERLINK(""http://evil"")",,,,`,
			"X02,'-1+2,0,0,0,",
			'',
			'Nội dung,Sáng kiến hợp lệ theo đơn vị',
			`Định nghĩa,"${sampleFooter.definition.replace(/"/gu, '""')}"`,
			'Tính đến,ngày 31/8/2023 (00:00 31/08/2023)',
			'Bộ lọc,Vùng: Đông Nam Bộ',
			'Phiên bản kho dữ liệu,v000012-r20230831-000000-ab12',
			'Nguồn,"dữ liệu xuất từ Cổng ""1 triệu sáng kiến"" của Tổng Liên đoàn Lao động Việt Nam"',
			''
		]);
	});

	it('writes numbers as the page shows them in the vi style', () => {
		const lines = toCsv(sampleTable, { ...sampleFooter, filters: [] }, 'vi').split('\r\n');
		expect(lines[1]).toBe('T38,Thanh Hóa,600.175,"123,4%",-3,31/08/2023');
		expect(lines[2]).toBe('T77,"Bà Rịa – Vũng Tàu, ""BR-VT""",15.040,"108,9%",2,31/08/2023');
		expect(lines).toContain('Bộ lọc,không có');
	});

	it('neutralises text starting with = + - @ tab or CR, never numbers', () => {
		expect(['=1+1', '+84 912', '-x', '@SUM(A1)', '\tcmd', '\rcmd', 'a=b'].map(neutraliseFormula)).toEqual([
			"'=1+1",
			"'+84 912",
			"'-x",
			"'@SUM(A1)",
			"'\tcmd",
			"'\rcmd",
			'a=b'
		]);
		expect(csvCellText(-12, 'integer', 'raw')).toBe('-12');
		expect(csvCellText(-1234.5, 'decimal', 'vi')).toBe('-1.234,5');
		expect(csvCellText('-12', 'text', 'raw')).toBe("'-12");
	});

	it('quotes commas, quotes and line breaks only', () => {
		expect(quoteCsvField('a,b')).toBe('"a,b"');
		expect(quoteCsvField('say "hi"')).toBe('"say ""hi"""');
		expect(quoteCsvField('line\nbreak')).toBe('"line\nbreak"');
		expect(quoteCsvField('Hà Nội')).toBe('Hà Nội');
	});
});
