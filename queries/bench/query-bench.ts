// Benchmarks every dashboard query (p50/p95) at scale 1 and on a synthetic ×10 replica of it, each beside the same SQL statements run directly on DuckDB in the same process.
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Kysely, type CompiledQuery } from 'kysely';
import type { Benchmark, BenchResult } from '../../pipelines/bench/benchmarks.ts';
import { Database } from '../../warehouse/duckdb/database.ts';
import { DuckDBDialect } from '../../warehouse/duckdb/duckdb-dialect.ts';
import { toDuckDBParameters } from '../../warehouse/duckdb/duckdb-parameters.ts';
import type { WarehouseSchema } from '../../warehouse/tables.ts';
import { PREPARED_STATEMENTS, readConnections } from '../../warehouse/versions/published-warehouse.ts';
import { openPublished } from '../../warehouse/versions/version-files.ts';
import { benefitDistribution, topInitiatives } from '../benefit.ts';
import { breakdown } from '../breakdowns.ts';
import { searchIndexStat, whenTextIndexBuilt } from '../initiative-search.ts';
import { initiativeDetail, initiativeList } from '../initiatives.ts';
import { milestones } from '../milestones.ts';
import { topAuthors } from '../people.ts';
import { map2025Figures, peerStats } from '../peers.ts';
import { freshness, quarantineCounts } from '../quality.ts';
import { rankMovement, rankings } from '../rankings.ts';
import { dailySeries, periodChange } from '../series.ts';
import { shares } from '../shares.ts';
import { targets } from '../targets.ts';
import { totals } from '../totals.ts';
import { LEADERSHIP } from '../viewer.ts';
import { REPLICA_DESCRIPTION, ensureReplica } from './replica-warehouse.ts';
import { ensureSimulatedWarehouse, simulatedWarehouseDir } from './simulated-warehouse.ts';

type Db = Kysely<WarehouseSchema>;
const viewer = LEADERSHIP;
const PAST = '2022-04-20T08:00:00';

/** Units and an initiative picked from the warehouse being measured. */
export interface BenchSubjects {
	/** A grassroots union of T38. */
	grassroots: string;
	/** An initiative of T38. */
	initiative: string;
}

/** The queries the dashboard pages call, by name (T38 and a grassroots union and an initiative of it, picked from the warehouse). */
/**
 * A query by name, and optionally the same query answered by DuckDB alone, whose statements the raw side runs: a search then
 * matches the texts in SQL (the product matches them in the version's in-memory word index, which is not SQL).
 */
type BenchQuery = [string, (db: Db) => Promise<unknown>, ((db: Db) => Promise<unknown>)?];

export function dashboardQueries({ grassroots, initiative }: BenchSubjects): BenchQuery[] {
	return [
		['totals VN', (db) => totals(db, { viewer })],
		['totals VN past', (db) => totals(db, { viewer, asOf: PAST })],
		['totals T38', (db) => totals(db, { viewer, unit: 'T38' })],
		['targets VN', (db) => targets(db, { viewer })],
		['targets T38', (db) => targets(db, { viewer, unit: 'T38' })],
		['ranking L1 valid', (db) => rankings(db, { viewer })],
		['ranking L1 attainment past', (db) => rankings(db, { viewer, metric: 'attainment', asOf: PAST })],
		['ranking L3 in T38', (db) => rankings(db, { viewer, unit: 'T38', level: 3 })],
		['rank movement L1', (db) => rankMovement(db, { viewer, from: PAST })],
		['peers T38 region', (db) => peerStats(db, { viewer, unit: 'T38', by: 'region' })],
		['shares region', (db) => shares(db, { viewer, by: 'region' })],
		['map2025', (db) => map2025Figures(db, { viewer })],
		['series VN', (db) => dailySeries(db, { viewer })],
		['series T38', (db) => dailySeries(db, { viewer, unit: 'T38' })],
		['series grassroots', (db) => dailySeries(db, { viewer, unit: grassroots })],
		['milestones VN', (db) => milestones(db, { viewer })],
		['period change month', (db) => periodChange(db, { viewer, period: 'month', asOf: '2022-05-31T23:59:00' })],
		['breakdown field VN', (db) => breakdown(db, { viewer, by: 'field' })],
		['breakdown sector T38', (db) => breakdown(db, { viewer, by: 'sector', unit: 'T38' })],
		['benefit distribution VN', (db) => benefitDistribution(db, { viewer })],
		['top initiatives T38', (db) => topInitiatives(db, { viewer, unit: 'T38' })],
		['top authors T38', (db) => topAuthors(db, { viewer, unit: 'T38' })],
		['quarantine by reason', (db) => quarantineCounts(db, { viewer, by: 'reason' })],
		['freshness', (db) => freshness(db, { viewer })],
		['initiative list T38 page 1', (db) => initiativeList(db, { viewer, unit: 'T38', limit: 50 })],
		['initiative list T38 page 20 benefit', (db) => initiativeList(db, { viewer, unit: 'T38', sort: 'lam-loi', limit: 50, offset: 950 })],
		...(
			[
				['initiative search T38', { viewer, unit: 'T38', search: 'nguyễn văn', sort: 'ten', limit: 50 }],
				['initiative search VN', { viewer, search: 'cải tiến', limit: 50 }]
			] as const
		).map(([name, options]): BenchQuery => [name, (db) => initiativeList(db, options), (db) => initiativeList(db, options, { searchIndex: true, textIndex: false })]),
		['initiative detail', (db) => initiativeDetail(db, { viewer, id: initiative })]
	];
}

function percentile(sorted: number[], q: number): number {
	return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
}

/** At least this many timed runs per query and side, then runs stop once the time budget is spent (QUERY_BENCH_BUDGET_MS, default 8 s). */
const MIN_RUNS = 3;
const BUDGET_MS = Number(process.env.QUERY_BENCH_BUDGET_MS ?? 8000);

interface Timing {
	p50: number;
	p95: number;
	runs: number;
}

function summary(times: number[]): Timing {
	const sorted = [...times].sort((a, b) => a - b);
	return { p50: percentile(sorted, 0.5), p95: percentile(sorted, 0.95), runs: sorted.length };
}

/** Times the product and the raw statements alternately (each run of one beside a run of the other, so both see the same machine load). */
async function timePair(iterations: number, product: () => Promise<unknown>, raw: () => Promise<unknown>): Promise<{ product: Timing; raw: Timing }> {
	await product();
	await raw();
	const times: [number[], number[]] = [[], []];
	const started = performance.now();
	for (let i = 0; i < iterations; i++) {
		if (i >= MIN_RUNS && performance.now() - started > 2 * BUDGET_MS) break;
		for (const [side, fn] of [product, raw].entries()) {
			const start = performance.now();
			await fn();
			times[side]!.push(performance.now() - start);
		}
	}
	return { product: summary(times[0]), raw: summary(times[1]) };
}

/** Measures every dashboard query on an open database: the product's function, and its captured SQL statements run raw. */
export async function benchDatabase(database: Database, label: string, iterations: number, targetP95: number): Promise<BenchResult[]> {
	let capture: CompiledQuery[] | undefined;
	// The product side reads through the dashboard's pool of connections (queries of one call may run at once); raw runs its statements one by one.
	const db = new Kysely<WarehouseSchema>({ dialect: new DuckDBDialect({ database, connections: readConnections(), preparedStatements: PREPARED_STATEMENTS }), log: (event) => void capture?.push(event.query) });
	const grassroots = (await database.one<{ code: string }>(`SELECT unit_code AS code FROM unit WHERE level = 3 AND level1_code = 'T38' ORDER BY unit_code LIMIT 1`))?.code ?? 'T38';
	const initiative = (await database.one<{ id: string }>(`SELECT max(initiative_id) AS id FROM initiative WHERE level1_code = 'T38'`))?.id ?? '?';
	const results: BenchResult[] = [];
	const only = process.env.QUERY_BENCH_ONLY;
	// As a served version: its in-memory text index built (the page warmer starts it) before any search is timed.
	if (await searchIndexStat(db)) await whenTextIndexBuilt(db);
	for (const [name, query, rawQuery] of dashboardQueries({ grassroots, initiative })) {
		if (only && !only.split(',').some((part) => name.includes(part.trim()))) continue;
		capture = [];
		await (rawQuery ?? query)(db);
		const statements = capture;
		capture = undefined;
		const { product, raw } = await timePair(
			iterations,
			() => query(db),
			async () => {
				for (const statement of statements) {
					const reader = await database.connection.runAndReadAll(statement.sql, toDuckDBParameters(statement.parameters));
					reader.getRowObjects();
				}
			}
		);
		results.push({
			case: `${name} (${label})`,
			values: {
				statements: statements.length,
				runs: product.runs,
				'p50 ms': Number(product.p50.toFixed(1)),
				'p95 ms': Number(product.p95.toFixed(1)),
				'raw p50 ms': Number(raw.p50.toFixed(1)),
				'raw p95 ms': Number(raw.p95.toFixed(1)),
				overhead: Number((product.p50 / Math.max(raw.p50, 0.001)).toFixed(2)),
				target: product.p95 <= targetP95 ? `ok ≤ ${targetP95}` : `OVER ${targetP95}`,
				load: Number(loadavg()[0]!.toFixed(1))
			}
		});
	}
	await db.destroy();
	return results;
}

/** Opens a published warehouse directory (or a .duckdb file) read-only and benchmarks it. */
export async function benchWarehouse(warehouse: string, label: string, iterations: number, targetP95: number): Promise<BenchResult[]> {
	const opened = warehouse.endsWith('.duckdb') ? { database: await Database.open(warehouse, { readOnly: true }) } : await openPublished(warehouse);
	if (!opened) throw new Error(`no published version in ${warehouse}`);
	try {
		return await benchDatabase(opened.database, label, iterations, targetP95);
	} finally {
		opened.database.close();
	}
}

const repository = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');

/**
 * The scale-1 warehouse: $QUERY_BENCH_WAREHOUSE (a warehouse directory or .duckdb file) when set, else the cached
 * full-schedule build, else the cached 'close' build (two national snapshots), else the full schedule built now.
 */
export function scaleOneWarehouse(): string {
	const given = process.env.QUERY_BENCH_WAREHOUSE;
	if (given) return given;
	for (const key of [{ scale: 1 }, { scale: 1, schedule: 'close' as const }]) {
		const dir = simulatedWarehouseDir(key);
		if (existsSync(join(dir, 'CURRENT'))) return dir;
	}
	return ensureSimulatedWarehouse({ scale: 1 });
}

/**
 * Scale 10: $QUERY_BENCH_REPLICA (a .duckdb file) when set, else a ×10 replica of the scale-1 warehouse built under
 * var/bench/queries-replica/ and removed after the run (kept for the next run with QUERY_BENCH_KEEP_REPLICA=1).
 */
async function benchReplica(source: string): Promise<BenchResult[]> {
	const given = process.env.QUERY_BENCH_REPLICA;
	if (given) return benchWarehouse(given, 'scale 10 replica', 10, 300);
	if (source.endsWith('.duckdb')) throw new Error('the ×10 replica is built from a warehouse directory; set QUERY_BENCH_REPLICA to measure a replica file');
	const directory = join(repository, 'var', 'bench', 'queries-replica');
	const replica = await ensureReplica(source, directory, 10, (line) => console.error(line));
	try {
		return await benchWarehouse(replica, 'scale 10 replica', 10, 300);
	} finally {
		if (process.env.QUERY_BENCH_KEEP_REPLICA !== '1') await rm(directory, { recursive: true, force: true });
	}
}

export const queryBenchmarks: Benchmark[] = [
	{ name: 'queries-small', description: 'dashboard queries at scale 0.01 beside raw DuckDB (smoke run)', run: async () => benchWarehouse(ensureSimulatedWarehouse({ scale: 0.01 }), 'scale 0.01', 20, 50) },
	{
		name: 'queries',
		description: `dashboard queries p50/p95 at scale 1 ($QUERY_BENCH_WAREHOUSE or the cached simulated build; p95 ≤ 50 ms) and on a ${REPLICA_DESCRIPTION.replace('×N', '×10')} ($QUERY_BENCH_REPLICA; p95 ≤ 300 ms), beside raw DuckDB (overhead ≤ 1.5×); each query runs up to 20 (scale 10: 10) times, stopping after $QUERY_BENCH_BUDGET_MS (default 8000) once it has 3 runs`,
		run: async () => {
			const source = scaleOneWarehouse();
			return [...(await benchWarehouse(source, 'scale 1', 20, 50)), ...(await benchReplica(source))];
		}
	},
	{
		name: 'queries-scale-1',
		description: 'the queries benchmark at scale 1 only ($QUERY_BENCH_WAREHOUSE or the cached simulated build; p95 ≤ 50 ms)',
		run: async () => benchWarehouse(scaleOneWarehouse(), 'scale 1', 20, 50)
	}
];

// `npx tsx queries/bench/query-bench.ts <warehouse dir|file.duckdb> [iterations]` benchmarks any existing warehouse.
if (process.argv[1]?.endsWith('query-bench.ts') && process.argv[2]) {
	const rows = await benchWarehouse(process.argv[2], process.argv[2], Number(process.argv[3] ?? 20), 50);
	console.table(Object.fromEntries(rows.map((r) => [r.case, r.values])));
}
