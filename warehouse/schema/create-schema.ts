// Creates every table of a warehouse version by running warehouse/schema/*.sql in a fixed order (idempotent: CREATE … IF NOT EXISTS).
import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Database } from '../duckdb/database.ts';

/**
 * The order the schema files run in, each after the ones it may reference:
 * ops (run_log, warehouse_meta) → reference (ref_*) → ingest (source_file, staged_*, quarantine; staging
 * engineer) → core (unit, initiative …; merge engineer) → marts (initiative_period, series; merge engineer).
 * A file not yet written is skipped; a *.sql file not in this list is an error, so none is ever ignored.
 */
export const SCHEMA_ORDER = ['ops', 'reference', 'ingest', 'core', 'marts'] as const;

export const SCHEMA_DIRECTORY = fileURLToPath(new URL('.', import.meta.url));

/** The schema files present in a directory, in SCHEMA_ORDER; throws on a file outside the order. */
export async function schemaFiles(directory = SCHEMA_DIRECTORY): Promise<string[]> {
	const present = (await readdir(directory)).filter((name) => name.endsWith('.sql'));
	const known = new Set<string>(SCHEMA_ORDER.map((name) => `${name}.sql`));
	const unknown = present.filter((name) => !known.has(name));
	if (unknown.length > 0) {
		throw new Error(`schema files not in SCHEMA_ORDER (warehouse/schema/create-schema.ts): ${unknown.join(', ')}`);
	}
	return SCHEMA_ORDER.map((name) => `${name}.sql`).filter((name) => present.includes(name));
}

/** Runs every schema file on the database; safe to run again on a version that already has the tables. */
export async function createSchema(db: Database, directory = SCHEMA_DIRECTORY): Promise<string[]> {
	const files = await schemaFiles(directory);
	for (const name of files) {
		const text = await readFile(`${directory}/${name}`, 'utf8');
		try {
			await db.run(text);
		} catch (error) {
			throw new Error(`schema ${name}: ${(error as Error).message}`, { cause: error });
		}
	}
	return files;
}
