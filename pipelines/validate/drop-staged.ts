// Drops a staged file's temporary view and tables once validation has written its rows.
import type { Database } from '../../warehouse/duckdb/database.ts';
import { rawTableName, rowsViewName } from '../stage/sql-text.ts';

export async function dropStaged(db: Database, fileId: number, scratch: string[]): Promise<void> {
	const raw = rawTableName(fileId);
	await db.run(
		[`DROP VIEW IF EXISTS ${rowsViewName(fileId)}`, `DROP TABLE IF EXISTS ${raw}`, `DROP TABLE IF EXISTS ${raw}_shift`,
			...scratch.map((t) => `DROP TABLE IF EXISTS ${t}`)].join('; ')
	);
}
