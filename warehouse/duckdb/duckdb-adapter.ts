// Tells Kysely what DuckDB can do: Postgres-like SQL with RETURNING and transactional DDL, one writer per file.
import { DialectAdapterBase, type Kysely, type MigrationLockOptions } from 'kysely';

export class DuckDBAdapter extends DialectAdapterBase {
	override get supportsCreateIfNotExists(): boolean {
		return true;
	}

	override get supportsTransactionalDdl(): boolean {
		return true;
	}

	override get supportsReturning(): boolean {
		return true;
	}

	/**
	 * No lock is needed: a DuckDB file has at most one read-write process, and the driver hands out
	 * its single connection to one caller at a time.
	 */
	async acquireMigrationLock(_db: Kysely<unknown>, _options: MigrationLockOptions): Promise<void> {}

	async releaseMigrationLock(_db: Kysely<unknown>, _options: MigrationLockOptions): Promise<void> {}
}
