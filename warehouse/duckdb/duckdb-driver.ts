// Kysely driver over one @duckdb/node-api connection: plain rows through plain-values.ts, $n parameters, streaming.
import { ResultReturnType, type DuckDBConnection, type DuckDBPreparedStatement, type DuckDBResult } from '@duckdb/node-api';
import { CompiledQuery, type DatabaseConnection, type Driver, type QueryResult, type TransactionSettings } from 'kysely';
import { Database } from './database.ts';
import { toDuckDBParameters } from './duckdb-parameters.ts';
import { toPlainRow, toPlainValue } from './plain-values.ts';

export type DuckDBDatabaseSource = (
	| { database: Database | (() => Promise<Database>) }
	| { path: string; readOnly?: boolean }
) & {
	/**
	 * Connections to the database (default 1: the Database's own). With more, queries of concurrent callers run at the same
	 * time (a slow query no longer holds up every other page); each query or transaction still has one connection to itself.
	 */
	connections?: number;
	/**
	 * Read statements (SELECT or WITH) kept prepared per connection, the least recently used dropped first (default 0: each
	 * statement is prepared, planned and dropped). For a read-only version whose statements repeat with new parameters (the
	 * dashboard's): a repeated statement skips its parsing and planning, 1–7 ms of the unit pages' statements at scale 1.
	 */
	preparedStatements?: number;
};

/** The Kysely driver; a Database it opened itself is closed by destroy(), one handed in is left open (the extra connections are closed). */
export class DuckDBDriver implements Driver {
	readonly #source: DuckDBDatabaseSource;
	readonly #pool = new ConnectionPool();
	#database: Database | undefined;
	#ownsDatabase = false;
	readonly #extraConnections: DuckDBConnection[] = [];
	readonly #kyselyConnections: DuckDBKyselyConnection[] = [];

	constructor(source: DuckDBDatabaseSource) {
		this.#source = source;
	}

	async init(): Promise<void> {
		if ('path' in this.#source) {
			this.#database = await Database.open(this.#source.path, { readOnly: this.#source.readOnly ?? false });
			this.#ownsDatabase = true;
		} else {
			const { database } = this.#source;
			this.#database = typeof database === 'function' ? await database() : database;
		}
		const count = Math.max(1, Math.floor(this.#source.connections ?? 1));
		const kept = Math.max(0, Math.floor(this.#source.preparedStatements ?? 0));
		const connections = [this.#database.connection];
		for (let i = 1; i < count; i++) {
			const connection = await this.#database.instance.connect();
			this.#extraConnections.push(connection);
			connections.push(connection);
		}
		for (const connection of connections) {
			const kysely = new DuckDBKyselyConnection(connection, kept);
			this.#kyselyConnections.push(kysely);
			this.#pool.add(kysely);
		}
	}

	acquireConnection(): Promise<DatabaseConnection> {
		return this.#pool.acquire();
	}

	async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
		// DuckDB transactions are always snapshot-isolated; read-only is enforced when asked.
		if (settings.isolationLevel && settings.isolationLevel !== 'snapshot' && settings.isolationLevel !== 'serializable') {
			throw new Error(`DuckDB has no "${settings.isolationLevel}" isolation level (it uses snapshot isolation)`);
		}
		const mode = settings.accessMode === 'read only' ? ' READ ONLY' : '';
		await connection.executeQuery(CompiledQuery.raw(`BEGIN TRANSACTION${mode}`));
	}

	async commitTransaction(connection: DatabaseConnection): Promise<void> {
		await connection.executeQuery(CompiledQuery.raw('COMMIT'));
	}

	async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
		await connection.executeQuery(CompiledQuery.raw('ROLLBACK'));
	}

	async releaseConnection(connection: DatabaseConnection): Promise<void> {
		this.#pool.release(connection as DuckDBKyselyConnection);
	}

	async destroy(): Promise<void> {
		for (const connection of this.#kyselyConnections.splice(0)) connection.dropPrepared();
		for (const connection of this.#extraConnections.splice(0)) connection.closeSync();
		if (this.#ownsDatabase) this.#database?.close();
		this.#database = undefined;
	}
}

/** Rows of a finished DuckDB result: query rows as plain rows, changed-row counts as numAffectedRows. */
export async function toQueryResult<R>(result: DuckDBResult): Promise<QueryResult<R>> {
	// Decided by the result's return type, never by column names: a SELECT whose one column is
	// named "count" is a query result like any other.
	if (result.returnType === ResultReturnType.CHANGED_ROWS) {
		return { numAffectedRows: BigInt(result.rowsChanged), rows: [] };
	}
	if (result.returnType === ResultReturnType.QUERY_RESULT) {
		// Each value is made plain as its row object is built (one object per row, not a DuckDB row and then a plain copy).
		const rows = (await result.convertRowObjects(toPlainValue)) as R[];
		return { rows };
	}
	return { rows: [] };
}

/** A read statement: SELECT or WITH, after any leading comment lines. */
const READ_STATEMENT = /^\s*(?:--[^\n]*\n\s*)*(?:select|with)\b/iu;

class DuckDBKyselyConnection implements DatabaseConnection {
	readonly #connection: DuckDBConnection;
	readonly #kept: number;
	/** Prepared read statements by SQL text, least recently used first. */
	readonly #prepared = new Map<string, DuckDBPreparedStatement>();

	constructor(connection: DuckDBConnection, kept = 0) {
		this.#connection = connection;
		this.#kept = kept;
	}

	/** The kept prepared statement of a read statement (prepared now if new), or undefined when none are kept. */
	async #preparedFor(sql: string): Promise<DuckDBPreparedStatement | undefined> {
		if (this.#kept === 0 || !READ_STATEMENT.test(sql)) return undefined;
		const known = this.#prepared.get(sql);
		if (known) {
			this.#prepared.delete(sql);
			this.#prepared.set(sql, known);
			return known;
		}
		// Several statements in one text cannot be prepared as one: they run as before.
		const statements = await this.#connection.extractStatements(sql);
		if (statements.count !== 1) return undefined;
		const prepared = await statements.prepare(0);
		if (this.#prepared.size >= this.#kept) {
			const [oldest, dropped] = this.#prepared.entries().next().value!;
			this.#prepared.delete(oldest);
			dropped.destroySync();
		}
		this.#prepared.set(sql, prepared);
		return prepared;
	}

	/** Drops the kept prepared statements (before the connection closes). */
	dropPrepared(): void {
		for (const prepared of this.#prepared.values()) prepared.destroySync();
		this.#prepared.clear();
	}

	async #run(sql: string, parameters: readonly unknown[]): Promise<DuckDBResult> {
		const prepared = await this.#preparedFor(sql);
		if (prepared) {
			prepared.clearBindings();
			if (parameters.length > 0) prepared.bind(toDuckDBParameters(parameters));
			return prepared.run();
		}
		return parameters.length === 0 ? this.#connection.run(sql) : this.#connection.run(sql, toDuckDBParameters(parameters));
	}

	async executeQuery<R>(compiledQuery: CompiledQuery): Promise<QueryResult<R>> {
		const { sql, parameters } = compiledQuery;
		const result = await this.#run(sql, parameters);
		const queryResult = await toQueryResult<R>(result);
		// INSERT/UPDATE/DELETE … RETURNING report rows, not a count: the affected rows are the returned ones.
		if (queryResult.numAffectedRows === undefined && isDataChange(compiledQuery)) {
			return { ...queryResult, numAffectedRows: BigInt(queryResult.rows.length) };
		}
		return queryResult;
	}

	async *streamQuery<R>(compiledQuery: CompiledQuery, chunkSize = 2048): AsyncIterableIterator<QueryResult<R>> {
		if (!Number.isInteger(chunkSize) || chunkSize <= 0) throw new Error('chunkSize must be a positive integer');
		const { sql, parameters } = compiledQuery;
		const result = await this.#connection.stream(sql, toDuckDBParameters(parameters));
		let pending: R[] = [];
		for await (const rows of result.yieldRowObjects()) {
			for (const row of rows) {
				pending.push(toPlainRow(row) as R);
				if (pending.length === chunkSize) {
					yield { rows: pending };
					pending = [];
				}
			}
		}
		if (pending.length > 0) yield { rows: pending };
	}
}

function isDataChange(compiledQuery: CompiledQuery): boolean {
	const kind = compiledQuery.query.kind;
	return kind === 'InsertQueryNode' || kind === 'UpdateQueryNode' || kind === 'DeleteQueryNode' || kind === 'MergeQueryNode';
}

/** Idle connections handed out one caller at a time each (DuckDB transactions belong to a connection); callers wait in order when all are busy. */
class ConnectionPool {
	readonly #idle: DuckDBKyselyConnection[] = [];
	readonly #waiting: ((connection: DuckDBKyselyConnection) => void)[] = [];

	add(connection: DuckDBKyselyConnection): void {
		this.release(connection);
	}

	acquire(): Promise<DuckDBKyselyConnection> {
		const idle = this.#idle.pop();
		if (idle) return Promise.resolve(idle);
		return new Promise((resolve) => this.#waiting.push(resolve));
	}

	release(connection: DuckDBKyselyConnection): void {
		const next = this.#waiting.shift();
		if (next) next(connection);
		else this.#idle.push(connection);
	}
}
