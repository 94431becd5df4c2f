// A page's view of the published version: a Kysely handle whose identical reads share one execution (within the request, and across requests of the same version when the cache is on), timed for SANG_KIEN_PAGE_TIMING.
import { Kysely, PostgresQueryCompiler, type CompiledQuery, type DatabaseConnection, type Driver, type QueryResult } from 'kysely';
import { SCHEMA_HANDLE, schemaHandleOf, type WarehouseDb } from '../../../../queries/query-context.ts';
import { DuckDBAdapter } from '../../../../warehouse/duckdb/duckdb-adapter.ts';
import { DuckDBIntrospector } from '../../../../warehouse/duckdb/duckdb-introspector.ts';

/** What the reads of one page cost: executions, reads answered by an earlier identical one, milliseconds in DuckDB (queueing excluded). */
export interface QueryStats {
	executed: number;
	shared: number;
	ms: number;
	slowest: { ms: number; sql: string }[];
}

/** Results of reads by (version, SQL, parameters), shared across requests: a published version never changes. */
export class ReadCache {
	readonly #entries = new Map<string, { result: Promise<QueryResult<unknown>>; rows: number }>();
	#rows = 0;

	constructor(readonly maxRows: number) {}

	get(key: string): Promise<QueryResult<unknown>> | undefined {
		const entry = this.#entries.get(key);
		if (!entry) return undefined;
		this.#entries.delete(key);
		this.#entries.set(key, entry);
		return entry.result;
	}

	set(key: string, result: Promise<QueryResult<unknown>>): void {
		const entry = { result, rows: 1 };
		this.#entries.set(key, entry);
		result.then(
			(r) => {
				if (this.#entries.get(key) !== entry) return;
				entry.rows = Math.max(1, r.rows.length);
				this.#rows += entry.rows - 1;
				this.#evict();
			},
			() => this.delete(key)
		);
		this.#rows += 1;
		this.#evict();
	}

	delete(key: string): void {
		const entry = this.#entries.get(key);
		if (!entry) return;
		this.#entries.delete(key);
		this.#rows -= entry.rows;
	}

	#evict(): void {
		while (this.#rows > this.maxRows && this.#entries.size > 1) this.delete(this.#entries.keys().next().value!);
	}
}

/** A read: SELECT or WITH, after any leading SQL comments (a query may open with one saying what it does). */
const isRead = (sql: string) => /^(?:\s|--[^\n]*\n|\/\*[\s\S]*?\*\/)*(select|with)\b/iu.test(sql);
const keyOf = (query: CompiledQuery) => `${query.sql}\u0000${JSON.stringify(query.parameters, (_k, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v))}`;
/** Results of at least this many rows are shared frozen (a copy of 155,000 grassroots rows per page would cost more than it saves). */
const FROZEN_ROWS = 1000;

/** Freezes a large result once, when it arrives: a caller that sorted or assigned to shared rows would fail loudly. */
function settled(result: QueryResult<unknown>): QueryResult<unknown> {
	if (result.rows.length < FROZEN_ROWS) return result;
	for (const row of result.rows) Object.freeze(row);
	return { ...result, rows: Object.freeze(result.rows) as unknown[] };
}

/** Small results are handed out as copies (callers may assign to a row, as totals() does); large ones frozen, shared. */
const handedOut = <R>(result: QueryResult<unknown>): QueryResult<R> =>
	(result.rows.length >= FROZEN_ROWS ? result : { ...result, rows: result.rows.map((row) => ({ ...(row as object) })) }) as QueryResult<R>;

class SharedReadsConnection implements DatabaseConnection {
	readonly #local = new Map<string, Promise<QueryResult<unknown>>>();

	constructor(
		readonly target: WarehouseDb,
		readonly stats: QueryStats,
		readonly shared: { cache: ReadCache; version: string } | undefined
	) {}

	async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
		if (!isRead(query.sql)) return this.#run(query) as Promise<QueryResult<R>>;
		const key = keyOf(query);
		let result = this.#local.get(key) ?? this.shared?.cache.get(`${this.shared.version}\u0000${key}`);
		if (result) this.stats.shared++;
		else {
			result = this.#run(query);
			this.shared?.cache.set(`${this.shared.version}\u0000${key}`, result);
		}
		this.#local.set(key, result);
		return handedOut<R>(await result);
	}

	/**
	 * Runs on the target: its pool of connections (published-warehouse.ts) runs reads of concurrent requests side by side,
	 * so the time measured includes any wait for a free connection.
	 */
	#run(query: CompiledQuery): Promise<QueryResult<unknown>> {
		return this.#timed(query).then(settled);
	}

	async #timed(query: CompiledQuery): Promise<QueryResult<unknown>> {
		const started = performance.now();
		try {
			return await this.target.executeQuery(query);
		} finally {
			const ms = performance.now() - started;
			this.stats.executed++;
			this.stats.ms += ms;
			this.stats.slowest.push({ ms, sql: query.sql.replace(/\s+/gu, ' ').slice(0, 90) });
			this.stats.slowest.sort((a, b) => b.ms - a.ms).splice(5);
		}
	}

	// eslint-disable-next-line require-yield
	async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
		throw new Error('request-db: streaming is not offered to pages');
	}
}

class SharedReadsDriver implements Driver {
	constructor(readonly connection: SharedReadsConnection) {}
	async init(): Promise<void> {}
	async acquireConnection(): Promise<DatabaseConnection> {
		return this.connection;
	}
	async beginTransaction(): Promise<void> {
		throw new Error('request-db: pages only read');
	}
	async commitTransaction(): Promise<void> {}
	async rollbackTransaction(): Promise<void> {}
	async releaseConnection(): Promise<void> {}
	async destroy(): Promise<void> {}
}

/**
 * The handle a page's queries run on: reads identical to one already made in this request (or, with `shared`, made by
 * any request on this version) reuse its rows; the rest run on `target`'s connections.
 */
export function requestDb(target: WarehouseDb, shared?: { cache: ReadCache; version: string }): { db: WarehouseDb; stats: QueryStats } {
	const stats: QueryStats = { executed: 0, shared: 0, ms: 0, slowest: [] };
	const connection = new SharedReadsConnection(target, stats, shared);
	const db = new Kysely({
		dialect: {
			createDriver: () => new SharedReadsDriver(connection),
			createQueryCompiler: () => new PostgresQueryCompiler(),
			createAdapter: () => new DuckDBAdapter(),
			createIntrospector: (k) => new DuckDBIntrospector(k)
		}
	}) as WarehouseDb;
	// The version's table lookups (schema, not figures) are kept by its handle, not made again by every request.
	Object.defineProperty(db, SCHEMA_HANDLE, { value: schemaHandleOf(target) });
	return { db, stats };
}
