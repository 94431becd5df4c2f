// Installs the validation macros (warehouse/sql/validate/validate-macros.sql) on the connection.
import type { Database } from '../../warehouse/duckdb/database.ts';
import { validationSql } from './sql-template.ts';

/** Idempotent (CREATE OR REPLACE TEMP MACRO). */
export async function installValidationMacros(db: Database): Promise<void> {
	await db.run(validationSql('validate-macros'));
}
