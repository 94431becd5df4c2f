// For long-running servers: serves the published version and moves to a new one when CURRENT changes, never blocking on a run.
import { Kysely } from 'kysely';
import type { Database } from '../duckdb/database.ts';
import { DuckDBDialect } from '../duckdb/duckdb-dialect.ts';
import type { WarehouseSchema } from '../tables.ts';
import { openPublished, readCurrent } from './version-files.ts';

export class NoPublishedVersionError extends Error {
	readonly code = 'no_published_version';
	constructor(root: string) {
		super(`no published warehouse version in ${root} (run \`npm run pipeline -- run\` first)`);
	}
}

export interface PublishedHandle {
	version: string;
	database: Database;
	db: Kysely<WarehouseSchema>;
}

interface Entry extends PublishedHandle {
	refs: number;
	retired: boolean;
	closed?: boolean;
}

export interface PublishedWarehouseOptions {
	/** How often CURRENT is read at most; default 3 s. */
	checkIntervalMs?: number;
	now?: () => number;
	/** Told when opening a new version fails (the old one keeps serving). */
	onError?: (error: Error) => void;
	/** Read connections per version: queries of concurrent requests run at the same time; default 2 (SANG_KIEN_DUCKDB_CONNECTIONS). */
	connections?: number;
}

const DEFAULT_CONNECTIONS = 2;

/** Read statements kept prepared per connection of a published version (its statements repeat with new parameters). */
export const PREPARED_STATEMENTS = 128;

/** The read connections per version the dashboard uses: SANG_KIEN_DUCKDB_CONNECTIONS, default 2. */
export function readConnections(): number {
	return Number(process.env['SANG_KIEN_DUCKDB_CONNECTIONS']) || DEFAULT_CONNECTIONS;
}

/** One reader of a warehouse directory; `use` runs a function on the version current at that moment. */
export class PublishedWarehouse {
	readonly #root: string;
	readonly #checkIntervalMs: number;
	readonly #now: () => number;
	readonly #onError: (error: Error) => void;
	readonly #connections: number;
	#entry: Entry | undefined;
	#lastCheck = Number.NEGATIVE_INFINITY;
	#refreshing: Promise<void> | undefined;
	#closed = false;

	constructor(root: string, options: PublishedWarehouseOptions = {}) {
		this.#root = root;
		this.#checkIntervalMs = options.checkIntervalMs ?? 3000;
		this.#now = options.now ?? Date.now;
		this.#onError = options.onError ?? (() => {});
		this.#connections = options.connections ?? readConnections();
	}

	/** The version being served now (undefined before the first use). */
	get version(): string | undefined {
		return this.#entry?.version;
	}

	/** Runs fn on the current version; the handle stays open until fn settles even if a newer version arrives. */
	async use<T>(fn: (handle: PublishedHandle) => Promise<T>): Promise<T> {
		if (this.#closed) throw new Error('PublishedWarehouse is closed');
		if (!this.#entry) await this.refresh();
		else if (this.#now() - this.#lastCheck >= this.#checkIntervalMs) void this.refresh();
		const entry = this.#entry;
		if (!entry) throw new NoPublishedVersionError(this.#root);
		entry.refs++;
		try {
			return await fn(entry);
		} finally {
			entry.refs--;
			if (entry.retired && entry.refs === 0) await closeEntry(entry);
		}
	}

	/** Reads CURRENT and opens the new version if it changed (one refresh at a time). */
	refresh(): Promise<void> {
		this.#refreshing ??= this.#refresh().finally(() => {
			this.#refreshing = undefined;
		});
		return this.#refreshing;
	}

	async #refresh(): Promise<void> {
		this.#lastCheck = this.#now();
		try {
			const current = await readCurrent(this.#root);
			if (!current || current === this.#entry?.version) return;
			const opened = await openPublished(this.#root);
			if (!opened) return;
			if (this.#closed) {
				opened.database.close();
				return;
			}
			const db = new Kysely<WarehouseSchema>({ dialect: new DuckDBDialect({ database: opened.database, connections: this.#connections, preparedStatements: PREPARED_STATEMENTS }) });
			const previous = this.#entry;
			this.#entry = { version: opened.version, database: opened.database, db, refs: 0, retired: false };
			if (previous) {
				previous.retired = true;
				if (previous.refs === 0) await closeEntry(previous);
			}
		} catch (error) {
			if (!this.#entry) throw error;
			this.#onError(error as Error);
		}
	}

	/** Closes the served version (in-flight uses finish first). */
	async close(): Promise<void> {
		this.#closed = true;
		await this.#refreshing?.catch(() => {});
		const entry = this.#entry;
		this.#entry = undefined;
		if (entry) {
			entry.retired = true;
			if (entry.refs === 0) await closeEntry(entry);
		}
	}
}

async function closeEntry(entry: Entry): Promise<void> {
	if (entry.closed) return;
	entry.closed = true;
	await entry.db.destroy();
	entry.database.close();
}
