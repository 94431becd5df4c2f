// Turns the values Kysely binds into DuckDB values: Date → TIMESTAMP of its UTC fields (Viet Nam wall-clock), arrays → LIST.
import { blobValue, listValue, timestampValue, type DuckDBValue } from '@duckdb/node-api';

/** One parameter as DuckDB binds it; strings stay strings (data, never SQL). */
export function toDuckDBParameter(value: unknown): DuckDBValue {
	if (value === null || value === undefined) return null;
	switch (typeof value) {
		case 'string':
		case 'number':
		case 'boolean':
		case 'bigint':
			return value;
		case 'object':
			if (value instanceof Date) {
				if (Number.isNaN(value.getTime())) throw new RangeError('cannot bind an invalid Date');
				return timestampValue(BigInt(value.getTime()) * 1000n);
			}
			if (Array.isArray(value)) return listValue(value.map(toDuckDBParameter));
			if (value instanceof Uint8Array) return blobValue(value);
			return JSON.stringify(value);
		default:
			throw new TypeError(`cannot bind a ${typeof value} parameter`);
	}
}

export function toDuckDBParameters(values: readonly unknown[]): DuckDBValue[] {
	return values.map(toDuckDBParameter);
}
