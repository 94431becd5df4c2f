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
