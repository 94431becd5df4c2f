// Encodes plain query rows into an Arrow IPC stream (server side), with explicit column types.
import { makeData, makeVector, RecordBatch, Struct, Table, tableToIPC, vectorFromArray, type Vector } from 'apache-arrow';
import { arrowSchema, arrowType, columnsOf, type ArrowColumn, type ArrowColumnType, type PlainRow, type PlainValue } from './arrow-columns.ts';

function checkValue(column: ArrowColumn, value: PlainValue, row: number): PlainValue {
	if (value === null || value === undefined) return null;
	const ok =
		column.type === 'utf8'
			? typeof value === 'string'
			: column.type === 'bool'
				? typeof value === 'boolean'
				: typeof value === 'number' &&
					(column.type === 'float64' || (Number.isInteger(value) && Math.abs(value) < 2 ** 31));
	if (!ok) throw new Error(`arrow: column ${column.name} (${column.type}) cannot hold ${JSON.stringify(value)} (row ${row + 1})`);
	return value;
}

/** A numeric column straight into a typed array with a validity bitmap (the builder is several times slower). */
function numericVector(column: ArrowColumn, values: readonly PlainValue[]): Vector {
	const length = values.length;
	const data = column.type === 'int32' ? new Int32Array(length) : new Float64Array(length);
	const validity = new Uint8Array(Math.ceil(length / 8));
	let nullCount = 0;
	for (let i = 0; i < length; i++) {
		const value = values[i];
		if (value === null || value === undefined) {
			nullCount++;
		} else {
			data[i] = value as number;
			validity[i >> 3]! |= 1 << (i & 7);
		}
	}
	const type = arrowType(column.type);
	return makeVector(makeData({ type: type as never, length, nullCount, data, nullBitmap: nullCount ? validity : undefined }));
}

/** An Arrow table of the rows; types come from `types` where given, else are inferred (see arrow-columns.ts). */
export function rowsToArrowTable(rows: readonly PlainRow[], types: Partial<Record<string, ArrowColumnType>> = {}): Table {
	const columns = columnsOf(rows, types);
	const schema = arrowSchema(columns);
	if (rows.length === 0) {
		const data = makeData({ type: new Struct(schema.fields), length: 0, nullCount: 0, children: columns.map((c) => makeData({ type: arrowType(c.type), length: 0 })) });
		return new Table(schema, [new RecordBatch(schema, data)]);
	}
	const vectors = Object.fromEntries(
		columns.map((column) => {
			const values = rows.map((row, index) => checkValue(column, row[column.name] ?? null, index));
			const numeric = column.type === 'int32' || column.type === 'float64';
			return [column.name, numeric ? numericVector(column, values) : vectorFromArray(values, arrowType(column.type))];
		})
	);
	return new Table(schema, new Table(vectors).batches);
}

/** The rows as an Arrow IPC stream. */
export function encodeArrowStream(rows: readonly PlainRow[], types: Partial<Record<string, ArrowColumnType>> = {}): Uint8Array {
	return tableToIPC(rowsToArrowTable(rows, types), 'stream');
}
