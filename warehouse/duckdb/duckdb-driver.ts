// Kysely driver over one @duckdb/node-api connection: plain rows through plain-values.ts, $n parameters, streaming.
import { ResultReturnType, type DuckDBResult } from '@duckdb/node-api';
import { CompiledQuery, type DatabaseConnection, type Driver, type QueryResult, type TransactionSettings } from 'kysely';
import { Database } from './database.ts';
import { toDuckDBParameters } from './duckdb-parameters.ts';
import { toPlainRow } from './plain-values.ts';

export type DuckDBDatabaseSource =
	| { database: Database | (() => Promise<Database>) }
	| { path: string; readOnly?: boolean };

/** The Kysely driver; a Database it opened itself is closed by destroy(), one handed in is left open. */
export class DuckDBDriver implements Driver {
	readonly #source: DuckDBDatabaseSource;
	readonly #mutex = new ConnectionMutex();
	#database: Database | undefined;
	#ownsDatabase = false;
	#connection: DuckDBKyselyConnection | undefined;

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
		this.#connection = new DuckDBKyselyConnection(this.#database);
	}

	async acquireConnection(): Promise<DatabaseConnection> {
		await this.#mutex.lock();
		return this.#connection!;
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

	async releaseConnection(): Promise<void> {
		this.#mutex.unlock();
	}

	async destroy(): Promise<void> {
		if (this.#ownsDatabase) this.#database?.close();
		this.#database = undefined;
		this.#connection = undefined;
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
		const rows = (await result.getRowObjects()).map((row) => toPlainRow(row) as R);
		return { rows };
	}
	return { rows: [] };
}

class DuckDBKyselyConnection implements DatabaseConnection {
	readonly #database: Database;

	constructor(database: Database) {
		this.#database = database;
	}

	async executeQuery<R>(compiledQuery: CompiledQuery): Promise<QueryResult<R>> {
		const { sql, parameters } = compiledQuery;
		const result =
			parameters.length === 0
				? await this.#database.connection.run(sql)
				: await this.#database.connection.run(sql, toDuckDBParameters(parameters));
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
		const result = await this.#database.connection.stream(sql, toDuckDBParameters(parameters));
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

/** One caller at a time on the single connection (DuckDB transactions belong to a connection). */
class ConnectionMutex {
	#promise: Promise<void> | undefined;
	#resolve: (() => void) | undefined;

	async lock(): Promise<void> {
		while (this.#promise) await this.#promise;
		this.#promise = new Promise((resolve) => {
			this.#resolve = resolve;
		});
	}

	unlock(): void {
		const resolve = this.#resolve;
		this.#promise = undefined;
		this.#resolve = undefined;
		resolve?.();
	}
}
