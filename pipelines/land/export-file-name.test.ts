// parseExportFileName accepts every form of the export naming contract and names what is wrong otherwise.
import { describe, expect, it } from 'vitest';
import { parseExportFileName, requireExportFileName } from './export-file-name.ts';

describe('parseExportFileName', () => {
	it.each([
		['sang-kien_toan-quoc_20220420-0800.csv', 'initiatives', 'toan-quoc', '2022-04-20T08:00:00', 'csv', false],
		['sang-kien_T38_20220326-2359.xlsx', 'initiatives', 'T38', '2022-03-26T23:59:00', 'xlsx', false],
		['sang-kien_N03_20230831-0000.json', 'initiatives', 'N03', '2023-08-31T00:00:00', 'json', false],
		['sang-kien_C01_20221003-1534.csv.gz', 'initiatives', 'C01', '2022-10-03T15:34:00', 'csv', true],
		['sang-kien_toan-quoc_20220531-1700.json.gz', 'initiatives', 'toan-quoc', '2022-05-31T17:00:00', 'json', true],
		['sang-kien_T01_20220229-0800.xlsx.gz', null, null, null, null, null],
		['don-vi_20220108-0000.csv', 'units', null, '2022-01-08T00:00:00', 'csv', false],
		['don-vi_20230901-1200.xlsx', 'units', null, '2023-09-01T12:00:00', 'xlsx', false],
		['don-vi_20220420-0800.json.gz', 'units', null, '2022-04-20T08:00:00', 'json', true]
	])('parses %s', (name, dataset, scope, exportedAt, format, gzip) => {
		const parsed = parseExportFileName(name);
		if (dataset === null) {
			// 2022 is not a leap year: 29/02/2022 does not exist.
			expect(parsed).toEqual({ ok: false, message: expect.stringContaining('invalid export time "20220229-0800"') });
			return;
		}
		expect(parsed).toEqual({ ok: true, file: { dataset, scope, exportedAt, format, gzip } });
	});

	it('accepts gzipped xlsx, which the inner contract allows for every format', () => {
		expect(requireExportFileName('sang-kien_T38_20230831-0800.xlsx.gz')).toMatchObject({ format: 'xlsx', gzip: true });
	});

	it.each([
		['manifest.json', 'not an export file name'],
		['README', 'missing extension'],
		['sang-kien_toan-quoc_20220420-0800.txt', 'unknown format ".txt"'],
		['sang-kien_toan-quoc_20220420-0800.csv.part', 'unknown format ".csv.part"'],
		['sang-kien_toan-quoc_20220420-0800.CSV', 'unknown format ".CSV"'],
		['sang-kien_thanh-hoa_20220420-0800.csv', 'unknown scope "thanh-hoa"'],
		['sang-kien_t38_20220420-0800.csv', 'unknown scope "t38"'],
		['sang-kien_20220420-0800.csv', 'initiatives export needs a scope and a time'],
		['don-vi_toan-quoc_20220420-0800.csv', 'unit export takes a time and no scope'],
		['sang-kien_T38_2022042-0800.csv', 'invalid export time "2022042-0800"'],
		['sang-kien_T38_20221301-0800.csv', 'invalid export time "20221301-0800"'],
		['don-vi_20220420-2460.csv', 'invalid export time "20220420-2460"'],
		['sang-kien_T38_20220420-0800.csv.gz.gz', 'unknown format ".csv.gz.gz"']
	])('rejects %s: %s', (name, why) => {
		const parsed = parseExportFileName(name);
		expect(parsed.ok).toBe(false);
		if (!parsed.ok) {
			expect(parsed.message).toContain(why);
			expect(parsed.message).toContain(`"${name}"`);
		}
	});

	it('requireExportFileName throws the message', () => {
		expect(() => requireExportFileName('notes.txt')).toThrow(/unknown format ".txt" in "notes.txt"/u);
	});
});
