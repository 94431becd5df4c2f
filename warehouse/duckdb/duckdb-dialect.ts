// Our Kysely dialect for DuckDB (@duckdb/node-api): Postgres SQL compiler, our driver, adapter and introspector.
import { PostgresQueryCompiler, type DatabaseIntrospector, type Dialect, type DialectAdapter, type Driver, type Kysely, type QueryCompiler } from 'kysely';
import { DuckDBAdapter } from './duckdb-adapter.ts';
import { DuckDBDriver, type DuckDBDatabaseSource } from './duckdb-driver.ts';
import { DuckDBIntrospector } from './duckdb-introspector.ts';

export type DuckDBDialectConfig = DuckDBDatabaseSource;

/**
 * `new Kysely<WarehouseSchema>({ dialect: new DuckDBDialect({ database }) })` over an open Database (left
 * open by db.destroy()), or `new DuckDBDialect({ path, readOnly: true })` to open and own one.
 */
export class DuckDBDialect implements Dialect {
	readonly #config: DuckDBDialectConfig;

	constructor(config: DuckDBDialectConfig) {
		this.#config = config;
	}

	createDriver(): Driver {
		return new DuckDBDriver(this.#config);
	}

	/** DuckDB speaks the Postgres dialect Kysely compiles: "quoted" identifiers, $n parameters, RETURNING. */
	createQueryCompiler(): QueryCompiler {
		return new PostgresQueryCompiler();
	}

	createAdapter(): DialectAdapter {
		return new DuckDBAdapter();
	}

	createIntrospector(db: Kysely<unknown>): DatabaseIntrospector {
		return new DuckDBIntrospector(db);
	}
}
