// Installs the validation macros (warehouse/sql/validate/validate-macros.sql) on the connection, once per Database.
import type { Database } from '../../warehouse/duckdb/database.ts';
import { validationSql } from './sql-template.ts';

const installed = new WeakSet<Database>();

/** Idempotent (CREATE OR REPLACE TEMP MACRO); runs the ~40 statements only on the first call for a Database. */
export async function installValidationMacros(db: Database): Promise<void> {
	if (installed.has(db)) return;
	await db.run(validationSql('validate-macros'));
	installed.add(db);
}
