// Decodes an Arrow IPC stream back into plain rows (browser and server): numbers, strings, booleans, null.
import { tableFromIPC, type Table } from 'apache-arrow';
import type { PlainRow, PlainValue } from './arrow-columns.ts';

/** Plain rows of an Arrow table, in column order. */
export function arrowTableToRows(table: Table): PlainRow[] {
	const names = table.schema.fields.map((field) => field.name);
	const columns = names.map((name) => table.getChild(name)!);
	const rows: PlainRow[] = new Array(table.numRows);
	for (let i = 0; i < table.numRows; i++) {
		const row: PlainRow = {};
		for (let c = 0; c < names.length; c++) {
			const value = columns[c]!.get(i) as PlainValue | bigint | undefined;
			row[names[c]!] = value === undefined ? null : typeof value === 'bigint' ? Number(value) : value;
		}
		rows[i] = row;
	}
	return rows;
}

/** Plain rows of an Arrow IPC stream (or file). */
export function decodeArrowStream(bytes: Uint8Array | ArrayBuffer): PlainRow[] {
	return arrowTableToRows(tableFromIPC(bytes instanceof ArrayBuffer ? new Uint8Array(bytes) : bytes));
}

/** Fetches an Arrow endpoint and decodes its rows; throws with the status on an HTTP error. */
export async function fetchArrowRows(url: string, fetcher: typeof fetch = fetch): Promise<PlainRow[]> {
	const response = await fetcher(url, { headers: { accept: 'application/vnd.apache.arrow.stream' } });
	if (!response.ok) throw new Error(`arrow: ${url} answered ${response.status}`);
	return decodeArrowStream(await response.arrayBuffer());
}
