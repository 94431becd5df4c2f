// What every query starts from: the db handle type, the as-of time (parsed, defaulting to the latest export), the warehouse version and the unit scope.
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { WarehouseSchema } from '../warehouse/tables.ts';
import { parseWallClock, type WallClock } from '../warehouse/time/wall-clock.ts';
import { assertFigures, type Viewer } from './viewer.ts';

/** The handle every query takes first (PublishedHandle.db of warehouse/versions/published-warehouse.ts). */
export type WarehouseDb = Kysely<WarehouseSchema>;

/** The options every query takes after the handle. */
export interface QueryOptions {
	viewer: Viewer;
	/** "20/04/2022 08:00", ISO, …; default: the latest export time of the version. */
	asOf?: string;
	/** A unit code at any level; default: the nation. */
	unit?: string;
}

/** The nation's pseudo unit code (as in daily_series and unit_totals). */
export const NATION = 'VN';

/** Expected errors carry a code and the CLI exit status. */
export class QueryInputError extends Error {
	readonly exitCode = 2;
	constructor(
		readonly code: 'invalid_as_of' | 'unknown_unit' | 'unknown_metric' | 'invalid_option' | 'empty_warehouse',
		message: string
	) {
		super(message);
	}
}

/** Every figure says when it is true of and which warehouse version computed it. */
export interface Stamp {
	asOf: WallClock;
	/** The latest export time in the version (the default as-of). */
	latestExport: WallClock;
	version: string | null;
}

/**
 * The latest export time of loaded initiative files and the version name from warehouse_meta: read once per version's handle
 * (a published version never changes; every query stamps its figures with it).
 */
export function warehouseStamp(db: WarehouseDb): Promise<{ latestExport: WallClock | null; version: string | null }> {
	return versionFact(db, 'stamp', () => readWarehouseStamp(db));
}

async function readWarehouseStamp(db: WarehouseDb): Promise<{ latestExport: WallClock | null; version: string | null }> {
	const row = await db
		.selectNoFrom((eb) => [
			eb
				.selectFrom('source_file')
				.select((s) => s.fn.max('exported_at').as('t'))
				.where('status', '=', 'loaded')
				.where('dataset', '=', 'initiatives')
				.as('latest_export'),
			eb.selectFrom('warehouse_meta').select('value').where('key', '=', 'version').limit(1).as('version')
		])
		.executeTakeFirst();
	return { latestExport: (row?.latest_export as string | null) ?? null, version: (row?.version as string | null) ?? null };
}

/** Parses an as-of text (undefined = latest export) into a stamp; throws QueryInputError on unparseable text. */
export async function resolveStamp(db: WarehouseDb, asOf?: string): Promise<Stamp> {
	const { latestExport, version } = await warehouseStamp(db);
	if (!latestExport) throw new QueryInputError('empty_warehouse', 'the warehouse version holds no loaded export');
	return { asOf: asOf === undefined ? latestExport : parseAsOf(asOf), latestExport, version };
}

/** An as-of text as a wall-clock time, or QueryInputError naming the text. */
export function parseAsOf(text: string): WallClock {
	const parsed = text.length <= 40 ? parseWallClock(text) : undefined;
	if (!parsed) {
		throw new QueryInputError('invalid_as_of', `invalid as-of time ${JSON.stringify(text.slice(0, 40))} (use "20/04/2022 08:00" or "2022-04-20T08:00")`);
	}
	return parsed;
}

/** The column of initiative_period holding a unit of each level (a closed whitelist: the only identifiers ever interpolated). */
export const LEVEL_COLUMN = { 1: 'level1_code', 2: 'upper_code', 3: 'grassroots_code' } as const;
export type UnitLevel = 0 | 1 | 2 | 3;
export type ScopeColumn = (typeof LEVEL_COLUMN)[1 | 2 | 3];

export interface UnitScope {
	/** 'VN' for the nation. */
	code: string;
	name: string;
	level: UnitLevel;
	level1Code: string | null;
	upperCode: string | null;
	/** initiative_period column to filter on; null for the nation. */
	column: ScopeColumn | null;
	/** The unit's grassroots_no range in initiative_period (unit_span), when the version has one for it. */
	span?: { from: number; to: number };
}

/**
 * Resolves a unit code (undefined or 'VN' = the nation) in the current tree; unknown codes throw QueryInputError. With a
 * viewer, a unit whose figures the viewer may not see (canSeeFigures) throws NotVisibleError: every figure query passes it.
 */
export async function resolveUnit(db: WarehouseDb, code?: string, viewer?: Viewer): Promise<UnitScope> {
	const scope = await findUnit(db, code);
	if (viewer) assertFigures(viewer, scope.level, `figures of ${scope.code}`);
	return scope;
}

/**
 * resolveStamp and resolveUnit at once (two reads that may run on two connections of the version's pool). Errors are
 * reported as when run in turn: an unparseable as-of (or an empty warehouse) before an unknown or hidden unit.
 */
export async function resolveStampAndUnit(db: WarehouseDb, asOf: string | undefined, code: string | undefined, viewer?: Viewer): Promise<[Stamp, UnitScope]> {
	const [stamp, scope] = await Promise.allSettled([resolveStamp(db, asOf), resolveUnit(db, code, viewer)]);
	if (stamp.status === 'rejected') throw stamp.reason;
	if (scope.status === 'rejected') throw scope.reason;
	return [stamp.value, scope.value];
}

/** The most units whose scope a version's handle keeps (the oldest found is dropped first). */
const KEPT_UNITS = 4096;

const unitsFound = new WeakMap<object, Map<string, Promise<Readonly<UnitScope>>>>();

/** A unit of the current tree, looked up once per version's handle and code (unknown codes are not kept). */
function findUnit(db: WarehouseDb, code?: string): Promise<Readonly<UnitScope>> {
	if (code === undefined || code === NATION) {
		return Promise.resolve({ code: NATION, name: 'Tổng Liên đoàn Lao động Việt Nam', level: 0, level1Code: null, upperCode: null, column: null });
	}
	if (code.length > 40) return Promise.reject(new QueryInputError('unknown_unit', `unknown unit ${JSON.stringify(code.slice(0, 40))}`));
	const handle = schemaHandleOf(db);
	const found = unitsFound.get(handle) ?? new Map<string, Promise<Readonly<UnitScope>>>();
	unitsFound.set(handle, found);
	const known = found.get(code);
	if (known) return known;
	const unit = readUnit(db, code).then((scope): Readonly<UnitScope> => Object.freeze(scope));
	unit.catch(() => found.delete(code));
	if (found.size >= KEPT_UNITS) found.delete(found.keys().next().value!);
	found.set(code, unit);
	return unit;
}

async function readUnit(db: WarehouseDb, code: string): Promise<UnitScope> {
	const columns = ['u.unit_code', 'u.name', 'u.level', 'u.level1_code', 'u.upper_code'] as const;
	const row = (await hasUnitSpans(db))
		? await db.selectFrom('unit as u').leftJoin('unit_span as s', 's.unit_code', 'u.unit_code').select([...columns, 's.no_from', 's.no_to']).where('u.unit_code', '=', code).executeTakeFirst()
		: await db.selectFrom('unit as u').select([...columns, sql<number | null>`NULL`.as('no_from'), sql<number | null>`NULL`.as('no_to')]).where('u.unit_code', '=', code).executeTakeFirst();
	if (!row || row.level === null || !(row.level in LEVEL_COLUMN)) {
		throw new QueryInputError('unknown_unit', `unknown unit ${JSON.stringify(code.slice(0, 40))}`);
	}
	const level = row.level as 1 | 2 | 3;
	const span = row.no_from !== null && row.no_to !== null ? { from: n(row.no_from), to: n(row.no_to) } : undefined;
	return {
		code: row.unit_code,
		name: row.name ?? row.unit_code,
		level,
		level1Code: row.level1_code,
		upperCode: row.upper_code,
		column: LEVEL_COLUMN[level],
		...(span ? { span } : {})
	};
}

/**
 * Which tables a version holds is looked up once per handle. A handle made per request over a version's handle (the
 * dashboard's, request-db.ts) names that handle under SCHEMA_HANDLE, so the lookups are made once per version there too.
 */
export const SCHEMA_HANDLE = Symbol('the handle whose version this handle reads');

/** The handle a version's table lookups are kept by. */
export function schemaHandleOf(db: WarehouseDb): object {
	return (db as WarehouseDb & { [SCHEMA_HANDLE]?: object })[SCHEMA_HANDLE] ?? db;
}

const versionFacts = new WeakMap<object, Map<string, Promise<unknown>>>();

/** A fact about the version (its schema, its stamp, a plan's choice), looked up once per version's handle (a failed lookup is tried again). */
export function versionFact<T>(db: WarehouseDb, key: string, lookup: () => Promise<T>): Promise<T> {
	const handle = schemaHandleOf(db);
	const known = versionFacts.get(handle) ?? new Map<string, Promise<unknown>>();
	versionFacts.set(handle, known);
	let fact = known.get(key) as Promise<T> | undefined;
	if (!fact) {
		fact = lookup();
		fact.catch(() => known.delete(key));
		known.set(key, fact);
	}
	return fact;
}


/** Whether the version holds every one of these tables (versions published before a table existed have not); looked up once per version's handle. */
export function hasTables(db: WarehouseDb, tables: readonly string[]): Promise<boolean> {
	return versionFact(db, `tables:${tables.join(',')}`, () =>
		sql<{ n: number }>`SELECT count(DISTINCT table_name) AS n FROM duckdb_tables() WHERE table_name IN (${sql.join(tables)})`
			.execute(db)
			.then((r) => n(r.rows[0]?.n) === new Set(tables).size)
	);
}

/** Whether the version's table has this column (versions published before it was added have not); looked up once per version's handle. */
export function hasColumn(db: WarehouseDb, table: string, column: string): Promise<boolean> {
	return versionFact(db, `column:${table}.${column}`, () =>
		sql<{ n: number }>`SELECT count(*) AS n FROM duckdb_columns() WHERE table_name = ${table} AND column_name = ${column}`
			.execute(db)
			.then((r) => n(r.rows[0]?.n) > 0)
	);
}

/** initiative_period's author column: the key's number (author_key_no, keys numbered in key order: the same groups and order), or the key text. */
export type PeriodAuthorColumn = 'author_key' | 'author_key_no';

/** The author column of this version's initiative_period: author_key_no where it exists (it replaced author_key there in session 9), else author_key. */
export async function periodAuthorColumn(db: WarehouseDb): Promise<PeriodAuthorColumn> {
	return (await hasColumn(db, 'initiative_period', 'author_key_no')) ? 'author_key_no' : 'author_key';
}

/** Whether the version has unit_span (and initiative_period.grassroots_no): versions built before them have not. */
function hasUnitSpans(db: WarehouseDb): Promise<boolean> {
	return hasTables(db, ['unit_span']);
}

/**
 * SQL condition restricting initiative_period or initiative (alias optional) to a unit scope, with the codes bound. Below
 * level 1 the unit's ancestors are added (their unit columns come from the same unit tree, so they always agree): the
 * low-cardinality level1_code is filtered first and the long grassroots codes are compared only inside it.
 */
export function scopeCondition(scope: UnitScope, alias?: string): RawBuilder<boolean> {
	if (!scope.column) return sql<boolean>`TRUE`;
	const ref = (column: ScopeColumn) => (alias ? sql.ref(`${alias}.${column}`) : sql.ref(column));
	const own = sql<boolean>`${ref(scope.column)} = ${scope.code}`;
	if (scope.level === 1 || !scope.level1Code) return own;
	const upper = scope.level === 3 && scope.upperCode ? sql`AND ${ref('upper_code')} = ${scope.upperCode}` : sql``;
	return sql<boolean>`${ref('level1_code')} = ${scope.level1Code} ${upper} AND ${own}`;
}

/**
 * SQL condition restricting initiative_period (alias optional) to a unit scope: the unit's grassroots_no range when the
 * version has it (integer compares; the same rows as scopeCondition, see warehouse/sql/marts/unit-span.sql), else scopeCondition.
 */
export function periodScopeCondition(scope: UnitScope, alias?: string): RawBuilder<boolean> {
	if (!scope.column || !scope.span) return scopeCondition(scope, alias);
	const no = alias ? sql.ref(`${alias}.grassroots_no`) : sql.ref('grassroots_no');
	return sql<boolean>`${no} BETWEEN ${scope.span.from} AND ${scope.span.to}`;
}

/** SQL condition "on the portal with this period's state at T" on initiative_period (alias optional). */
export function asOfCondition(asOf: WallClock, alias?: string): RawBuilder<boolean> {
	const from = alias ? sql.ref(`${alias}.from_at`) : sql.ref('from_at');
	const to = alias ? sql.ref(`${alias}.to_at`) : sql.ref('to_at');
	return sql<boolean>`${from} <= ${asOf}::TIMESTAMP AND (${to} IS NULL OR ${to} > ${asOf}::TIMESTAMP)`;
}

/** Numbers from aggregates may be null on empty input; this makes them 0. */
export function n(value: unknown): number {
	return typeof value === 'number' ? value : value === null || value === undefined ? 0 : Number(value);
}

/** Ratio or null when the denominator is missing or zero. */
export function ratio(numerator: number, denominator: number | null | undefined): number | null {
	return denominator ? numerator / denominator : null;
}
