// Lists the tables and columns of a DuckDB database for Kysely (information_schema, schema main by default).
import { sql, type DatabaseIntrospector, type DatabaseMetadata, type DatabaseMetadataOptions, type Kysely, type SchemaMetadata, type TableMetadata } from 'kysely';

interface ColumnRow {
	schema: string;
	table: string;
	table_type: string;
	column: string;
	data_type: string;
	is_nullable: string;
	column_default: string | null;
	comment: string | null;
}

export class DuckDBIntrospector implements DatabaseIntrospector {
	readonly #db: Kysely<unknown>;

	constructor(db: Kysely<unknown>) {
		this.#db = db;
	}

	async getSchemas(): Promise<SchemaMetadata[]> {
		const result = await sql<{ name: string }>`
			SELECT DISTINCT schema_name AS name FROM information_schema.schemata
			WHERE catalog_name = current_database() ORDER BY name`.execute(this.#db);
		return result.rows;
	}

	async getTables(options: DatabaseMetadataOptions = { withInternalKyselyTables: false }): Promise<TableMetadata[]> {
		const result = await sql<ColumnRow>`
			SELECT c.table_schema AS schema, c.table_name AS "table", t.table_type, c.column_name AS "column",
			       c.data_type, c.is_nullable, c.column_default, c.COLUMN_COMMENT AS comment
			FROM information_schema.columns c
			JOIN information_schema.tables t
			  ON t.table_catalog = c.table_catalog AND t.table_schema = c.table_schema AND t.table_name = c.table_name
			WHERE c.table_catalog = current_database()
			ORDER BY c.table_schema, c.table_name, c.ordinal_position`.execute(this.#db);
		return parseTableMetadata(result.rows, options.withInternalKyselyTables);
	}

	async getMetadata(options?: DatabaseMetadataOptions): Promise<DatabaseMetadata> {
		return { tables: await this.getTables(options) };
	}
}

const KYSELY_TABLES = new Set(['kysely_migration', 'kysely_migration_lock']);

/** Groups column rows into Kysely's table metadata. */
export function parseTableMetadata(columns: ColumnRow[], withInternalKyselyTables = false): TableMetadata[] {
	const tables = new Map<string, TableMetadata & { columns: TableMetadata['columns'][number][] }>();
	for (const column of columns) {
		if (!withInternalKyselyTables && KYSELY_TABLES.has(column.table)) continue;
		const key = `${column.schema}.${column.table}`;
		let table = tables.get(key);
		if (!table) {
			table = { name: column.table, schema: column.schema, isView: column.table_type === 'VIEW', columns: [] };
			tables.set(key, table);
		}
		table.columns.push({
			name: column.column,
			dataType: column.data_type,
			isNullable: column.is_nullable === 'YES',
			isAutoIncrementing: /^nextval\(/iu.test(column.column_default ?? ''),
			hasDefaultValue: column.column_default !== null,
			comment: column.comment ?? undefined
		});
	}
	return [...tables.values()];
}
