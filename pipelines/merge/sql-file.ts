// Reads the project's SQL model files (warehouse/sql/<stage>/<name>.sql, warehouse/schema/<name>.sql) and runs them on a database.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Database } from '../../warehouse/duckdb/database.ts';

const warehouseDirectory = fileURLToPath(new URL('../../warehouse/', import.meta.url));
const cache = new Map<string, string>();

/** The text of a file under warehouse/, e.g. "sql/merge/unit.sql" (read once per process). */
export function warehouseSql(relativePath: string): string {
	let text = cache.get(relativePath);
	if (text === undefined) {
		text = readFileSync(`${warehouseDirectory}${relativePath}`, 'utf8');
		cache.set(relativePath, text);
	}
	return text;
}

/** Runs every statement of a file under warehouse/. */
export async function runSqlFile(db: Database, relativePath: string): Promise<void> {
	await db.run(warehouseSql(relativePath));
}

/**
 * Runs fn with DuckDB's preserve_insertion_order off, then restores the setting: large INSERT … SELECTs with joins then
 * stream without keeping row order (less memory, more parallelism); tables that must be stored sorted say ORDER BY.
 */
export async function withoutInsertionOrder<T>(db: Database, fn: () => Promise<T>): Promise<T> {
	const setting = await db.one<{ on: boolean }>(`SELECT current_setting('preserve_insertion_order') AS on`);
	await db.run('SET preserve_insertion_order = false');
	try {
		return await fn();
	} finally {
		await db.run(`SET preserve_insertion_order = ${setting?.on === false ? 'false' : 'true'}`);
	}
}
