// Download names are ASCII slugs without path separators; Content-Disposition keeps the Vietnamese name in filename*.
import { describe, expect, it } from 'vitest';
import { contentDisposition, downloadFileName, slugify } from './download-name.ts';
import { downloadResponse } from './export-response.ts';

describe('download names', () => {
	it('folds Vietnamese diacritics and đ to ASCII slugs', () => {
		expect(slugify('Thanh Hóa – Đợt 1/2022')).toBe('thanh-hoa-dot-1-2022');
		expect(slugify('Bà Rịa – Vũng Tàu')).toBe('ba-ria-vung-tau');
		expect(slugify('../../etc/passwd')).toBe('etc-passwd');
	});

	it('joins parts with underscores, bounded in length, never empty', () => {
		expect(downloadFileName(['Sáng kiến', 'Thanh Hóa', '20/04/2022 08:00'], 'csv')).toBe('sang-kien_thanh-hoa_20-04-2022-08-00.csv');
		expect(downloadFileName(['///', ''], 'x/lsx')).toBe('sang-kien.xlsx');
		const long = downloadFileName(Array.from({ length: 10 }, () => 'Công đoàn Dệt May Việt Nam'), 'png');
		expect(long.length).toBeLessThanOrEqual(124);
		expect(long).toMatch(/^[a-z0-9_-]+\.png$/u);
	});

	it('writes an ASCII filename and an RFC 5987 filename* with the Vietnamese name', () => {
		expect(contentDisposition('thanh-hoa.csv', 'Thanh Hóa (2022).csv')).toBe(
			`attachment; filename="thanh-hoa.csv"; filename*=UTF-8''Thanh%20Ho%CC%81a%20%282022%29.csv`.replace('Ho%CC%81a', 'H%C3%B3a')
		);
		expect(contentDisposition('a"b\\c.csv', '../x/"y".csv')).toBe(`attachment; filename="a_b_c.csv"; filename*=UTF-8''.._x__y_.csv`);
	});

	it('builds a download Response with type, length and disposition', async () => {
		const response = downloadResponse('\uFEFFa,b\r\n', 'csv', 'bang.csv', 'Bảng.csv');
		expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
		expect(response.headers.get('content-length')).toBe('8');
		expect(response.headers.get('content-disposition')).toBe(`attachment; filename="bang.csv"; filename*=UTF-8''B%E1%BA%A3ng.csv`);
		expect(new Uint8Array(await response.arrayBuffer()).slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
	});
});
