// Opens DuckDB files (read-write for a building version, read-only for published ones) and runs SQL with parameters, returning plain rows.
import { DuckDBInstance, type DuckDBConnection, type DuckDBValue } from '@duckdb/node-api';
import { toPlainRow, type PlainRow } from './plain-values.ts';

export type SqlParameter = string | number | boolean | null | bigint;

export interface OpenOptions {
	readOnly?: boolean;
	/** DuckDB threads; defaults to DuckDB's own choice. */
	threads?: number;
	/** e.g. "1.5GB". */
	memoryLimit?: string;
}

/** SANG_KIEN_SQL_TIMING=1 logs each statement batch's wall time and its first line (SQL text only: files, tables; never parameters) to stderr. */
const SQL_TIMING = process.env['SANG_KIEN_SQL_TIMING'] === '1';

function logSqlTiming(sql: string, ms: number): void {
	const label = sql.trim().split('\n', 1)[0]!.slice(0, 120);
	process.stderr.write(`sql ${ms.toFixed(0).padStart(7)} ms  ${label}\n`);
}

/** A DuckDB database and one connection to it. */
export class Database {
	private constructor(
		readonly path: string,
		readonly instance: DuckDBInstance,
		readonly connection: DuckDBConnection
	) {}

	/** Opens (or creates, when not read-only) a DuckDB file; ":memory:" for an in-memory database. */
	static async open(path: string, options: OpenOptions = {}): Promise<Database> {
		const config: Record<string, string> = {};
		if (options.readOnly) config.access_mode = 'READ_ONLY';
		if (options.threads) config.threads = String(options.threads);
		if (options.memoryLimit) config.memory_limit = options.memoryLimit;
		const instance = await DuckDBInstance.create(path, config);
		const connection = await instance.connect();
		return new Database(path, instance, connection);
	}

	/** Runs one or more statements; parameters ($1, $2 …) only with a single statement. */
	async run(sql: string, parameters: SqlParameter[] = []): Promise<void> {
		const started = SQL_TIMING ? performance.now() : 0;
		if (parameters.length === 0) await this.connection.run(sql);
		else await this.connection.run(sql, parameters as DuckDBValue[]);
		if (SQL_TIMING) logSqlTiming(sql, performance.now() - started);
	}

	/** Runs a query and returns its rows as plain JSON-safe objects. */
	async all<Row extends PlainRow = PlainRow>(sql: string, parameters: SqlParameter[] = []): Promise<Row[]> {
		const reader =
			parameters.length === 0
				? await this.connection.runAndReadAll(sql)
				: await this.connection.runAndReadAll(sql, parameters as DuckDBValue[]);
		return reader.getRowObjects().map((row) => toPlainRow(row) as Row);
	}

	/** The first row of a query, or undefined. */
	async one<Row extends PlainRow = PlainRow>(sql: string, parameters: SqlParameter[] = []): Promise<Row | undefined> {
		return (await this.all<Row>(sql, parameters))[0];
	}

	/** Runs fn inside a transaction, rolled back if it throws. */
	async transaction<T>(fn: () => Promise<T>): Promise<T> {
		await this.run('BEGIN TRANSACTION');
		try {
			const result = await fn();
			await this.run('COMMIT');
			return result;
		} catch (error) {
			await this.run('ROLLBACK');
			throw error;
		}
	}

	/** Closes the connection and the database (required before renaming or copying the file). */
	close(): void {
		this.connection.closeSync();
		this.instance.closeSync();
	}
}
