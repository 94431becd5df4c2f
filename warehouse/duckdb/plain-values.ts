// The one place DuckDB values become plain JSON-safe values: BIGINT/HUGEINT → number, DECIMAL → number, DATE → "YYYY-MM-DD", TIMESTAMP → "YYYY-MM-DDTHH:mm:ss" (Viet Nam wall-clock, no zone).
import {
	DuckDBDateValue,
	DuckDBDecimalValue,
	DuckDBTimestampValue,
	DuckDBTimestampTZValue,
	DuckDBListValue,
	DuckDBStructValue,
	DuckDBBlobValue,
	type DuckDBValue
} from '@duckdb/node-api';

export type PlainValue = null | boolean | number | string | PlainValue[] | { [key: string]: PlainValue };
export type PlainRow = Record<string, PlainValue>;

/** Converts a bigint to a number, refusing values a double cannot hold exactly. */
export function bigintToNumber(value: bigint): number {
	// Any integer of magnitude 2^53 or more rounds to a double of magnitude 2^53 or more, which is not a safe integer: one
	// conversion and one check, without building bigints to compare with (every count of every result passes here).
	const number = Number(value);
	if (!Number.isSafeInteger(number)) throw new RangeError(`integer ${value} is outside the exactly representable range`);
	return number;
}

const MICROS_PER_DAY = 86_400_000_000n;

/** ISO wall-clock text of microseconds since the epoch, read as UTC fields: "2022-04-20T08:00:00". */
export function microsToIso(micros: bigint): string {
	const millis = Number(micros / 1000n);
	return new Date(millis).toISOString().slice(0, 19);
}

/** "YYYY-MM-DD" of days since the epoch. */
export function daysToIso(days: number): string {
	return new Date(days * 86_400_000).toISOString().slice(0, 10);
}

/** Converts one DuckDB value into a plain value. */
export function toPlainValue(value: DuckDBValue): PlainValue {
	if (value === null || value === undefined) return null;
	if (typeof value === 'bigint') return bigintToNumber(value);
	if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
	if (value instanceof DuckDBDecimalValue) return value.toDouble();
	if (value instanceof DuckDBDateValue) return daysToIso(value.days);
	if (value instanceof DuckDBTimestampValue) return microsToIso(value.micros);
	if (value instanceof DuckDBTimestampTZValue) return microsToIso(value.micros);
	if (value instanceof DuckDBListValue) return value.items.map(toPlainValue);
	if (value instanceof DuckDBStructValue) {
		return Object.fromEntries(Object.entries(value.entries).map(([k, v]) => [k, toPlainValue(v)]));
	}
	if (value instanceof DuckDBBlobValue) return value.toString();
	return String(value);
}

/** Converts a row of DuckDB values into a plain row. */
export function toPlainRow(row: Record<string, DuckDBValue>): PlainRow {
	const plain: PlainRow = {};
	for (const key in row) plain[key] = toPlainValue(row[key]!);
	return plain;
}

export { MICROS_PER_DAY };
