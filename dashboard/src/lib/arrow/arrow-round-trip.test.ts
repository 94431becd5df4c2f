// Arrow IPC round trips: query rows encoded on the server come back as the same plain rows in the browser.
import { describe, expect, it } from 'vitest';
import { columnsOf, inferColumnType } from './arrow-columns.ts';
import { decodeArrowStream, fetchArrowRows } from './arrow-decode.ts';
import { encodeArrowStream, rowsToArrowTable } from './arrow-encode.ts';
import { ARROW_STREAM_TYPE, arrowResponse } from './arrow-response.ts';

const rows = [
	{ code: 'T38', name: 'Thanh Hóa', valid: 600175, benefit: 584_000_000_000, attainment: 1.089, met: true, asOf: '2023-08-31T00:00:00' },
	{ code: 'T77', name: 'Bà Rịa – Vũng Tàu “BR-VT”', valid: 15040, benefit: null, attainment: null, met: false, asOf: '2023-08-31T00:00:00' },
	{ code: 'N03', name: null, valid: null, benefit: 2 ** 53, attainment: 0, met: null, asOf: null }
];

describe('arrow round trip', () => {
	it('returns the same rows: Vietnamese text, nulls, booleans, integers up to 2^53', () => {
		expect(decodeArrowStream(encodeArrowStream(rows))).toEqual(rows);
	});

	it('infers int32 for small integers, float64 for larger or fractional numbers, utf8 for text and times', () => {
		expect(columnsOf(rows)).toEqual([
			{ name: 'code', type: 'utf8' },
			{ name: 'name', type: 'utf8' },
			{ name: 'valid', type: 'int32' },
			{ name: 'benefit', type: 'float64' },
			{ name: 'attainment', type: 'float64' },
			{ name: 'met', type: 'bool' },
			{ name: 'asOf', type: 'utf8' }
		]);
		expect(String(rowsToArrowTable(rows).schema.fields.map((f) => f.type))).toBe('Utf8,Utf8,Int32,Float64,Float64,Bool,Utf8');
	});

	it('keeps explicit types and rejects values they cannot hold', () => {
		const table = rowsToArrowTable([{ n: 1 }], { n: 'float64' });
		expect(String(table.schema.fields[0]!.type)).toBe('Float64');
		expect(() => encodeArrowStream([{ n: 2 ** 40 }], { n: 'int32' })).toThrow('column n (int32) cannot hold 1099511627776 (row 1)');
		expect(() => inferColumnType([1, 'a'])).toThrow('column mixes int32 and utf8 values');
	});

	it('encodes no rows as an empty stream with the given columns', () => {
		const bytes = encodeArrowStream([], { code: 'utf8', valid: 'int32' });
		expect(decodeArrowStream(bytes)).toEqual([]);
	});

	it('answers with the Arrow stream media type and decodes through fetch', async () => {
		const response = arrowResponse(rows, { version: 'v000003-r20230831' });
		expect(response.headers.get('content-type')).toBe(ARROW_STREAM_TYPE);
		expect(response.headers.get('x-warehouse-version')).toBe('v000003-r20230831');
		const fetcher = (async () => response) as unknown as typeof fetch;
		expect(await fetchArrowRows('/api/units.arrow', fetcher)).toEqual(rows);
	});

	it('encodes and decodes 20,000 rows quickly', () => {
		const many = Array.from({ length: 20_000 }, (_, i) => ({ code: `T${i}`, valid: i, share: i / 7 }));
		const started = performance.now();
		const bytes = encodeArrowStream(many);
		const back = decodeArrowStream(bytes);
		expect(back[19_999]).toEqual(many[19_999]);
		expect(performance.now() - started).toBeLessThan(2000);
	});
});
