// The column types query rows travel in as Arrow: the one place a JavaScript value kind is mapped to an Arrow type.
import { Bool, Field, Float64, Int32, Schema, Utf8, type DataType } from 'apache-arrow';

/**
 * How a column travels:
 * - `int32`: counts and ranks that fit in 32 bits (|n| < 2^31).
 * - `float64`: any other number: ratios, benefit in VND, counts that may exceed 2^31. Integers up to 2^53
 *   are exact in a double, so no Int64 (which would decode to BigInt in the browser).
 * - `utf8`: text, and Viet Nam wall-clock times ("2022-04-20T08:00:00"), kept as strings: Arrow timestamps are
 *   UTC instants and would invite a 7-hour shift when a browser formats them in its own zone.
 * - `bool`: flags such as "met target".
 * Every column is nullable.
 */
export type ArrowColumnType = 'int32' | 'float64' | 'utf8' | 'bool';

export type PlainValue = string | number | boolean | null;
export type PlainRow = Record<string, PlainValue>;

export interface ArrowColumn {
	name: string;
	type: ArrowColumnType;
}

const INT32_MIN = -(2 ** 31);
const INT32_MAX = 2 ** 31 - 1;

/** The Arrow data type of a column type. */
export function arrowType(type: ArrowColumnType): DataType {
	switch (type) {
		case 'int32':
			return new Int32();
		case 'float64':
			return new Float64();
		case 'utf8':
			return new Utf8();
		case 'bool':
			return new Bool();
	}
}

/** The Arrow schema of explicit columns. */
export function arrowSchema(columns: readonly ArrowColumn[]): Schema {
	return new Schema(columns.map((column) => new Field(column.name, arrowType(column.type), true)));
}

/** The column type that holds every non-null value: int32 for small integers, float64 for other numbers, utf8 for text or no values. */
export function inferColumnType(values: Iterable<PlainValue>): ArrowColumnType {
	let kind: 'none' | 'int32' | 'float64' | 'bool' | 'utf8' = 'none';
	for (const value of values) {
		if (value === null) continue;
		const next =
			typeof value === 'boolean'
				? 'bool'
				: typeof value === 'number'
					? Number.isInteger(value) && value >= INT32_MIN && value <= INT32_MAX
						? 'int32'
						: 'float64'
					: 'utf8';
		if (kind === 'none' || kind === next) kind = next;
		else if ((kind === 'int32' && next === 'float64') || (kind === 'float64' && next === 'int32')) kind = 'float64';
		else throw new Error(`column mixes ${kind} and ${next} values`);
	}
	return kind === 'none' ? 'utf8' : kind;
}

/** Columns of rows in the order of the first row's keys, types inferred unless given. */
export function columnsOf(rows: readonly PlainRow[], given: Partial<Record<string, ArrowColumnType>> = {}): ArrowColumn[] {
	const names = rows[0] ? Object.keys(rows[0]) : Object.keys(given);
	return names.map((name) => ({ name, type: given[name] ?? inferColumnType(rows.map((row) => row[name] ?? null)) }));
}
