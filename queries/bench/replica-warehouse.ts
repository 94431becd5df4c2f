// Builds a synthetic ×N replica of a published warehouse for the scale-10 query benchmark: initiatives copied N times under new ids over the same unit tree, marts recomputed.
import { existsSync } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { runSqlFile } from '../../pipelines/merge/sql-file.ts';
import { Database } from '../../warehouse/duckdb/database.ts';
import { createSchema } from '../../warehouse/schema/create-schema.ts';
import { readCurrent, versionPath } from '../../warehouse/versions/version-files.ts';

/**
 * What the replica is, for the benchmark description: copy k (0 … N−1) of every initiative, its periods, withdrawals and
 * quarantined rows gets the id "<id>" (k = 0) or "<id>~k", author key "<key>~k" and key number + k × 100,000,000 (distinct authors
 * scale too); units, targets,
 * files and reference tables are copied once (the same tree, N times the initiatives per unit); initiative_period keeps
 * its sort by from_at (inserted a month at a time, so the sort fits in memory). The copies are disjoint in ids and authors
 * and identical in times and units, so daily_series and unit_totals are exactly N times the source's counts (participating
 * grassroots unions unchanged, attainment recomputed): they are scaled, not recomputed. Staged rows and initiative_version
 * are left empty (no query reads them). unit_span and initiative_period.grassroots_no are copied as they are (same tree); the
 * latest-export detail marts are rebuilt from the copies by warehouse/sql/marts/unit-detail.sql and unit-author-front.sql, and the search index by
 * warehouse/sql/marts/search-index.sql.
 */
export const REPLICA_DESCRIPTION = 'synthetic ×N replica of a published warehouse (initiatives copied N times under new ids and author keys over the same unit tree; marts scaled exactly)';

/** Tables copied N times (with new ids), in the order built. */
const REPLICATED = ['initiative', 'initiative_withdrawal', 'quarantine', 'initiative_period'] as const;
/** The latest-export detail marts: rebuilt on the copies by their own SQL (authors and top initiatives do not scale by a factor). */
const DETAIL_MARTS = ['unit_totals_detail', 'unit_breakdown', 'unit_author', 'unit_author_front', 'unit_top_initiative'];
/** The search index: rebuilt on the copies by its own SQL (its rows point at initiative ids and periods). */
const SEARCH_INDEX = ['search_text', 'search_period', 'search_text_count', 'search_meta'];
/** Tables left empty or built apart: staging leftovers and history no query reads, the scaled marts, the detail marts and the search index. */
const SKIPPED = new Set(['staged_initiative', 'staged_unit', 'file_presence', 'superseded_row', 'initiative_version', 'daily_series', 'unit_totals', ...DETAIL_MARTS, ...SEARCH_INDEX]);
/** The scaled marts: every count (and distinct authors, disjoint between copies) times N; participating grassroots unions unchanged. */
function scaledMarts(factor: number): string[] {
	return [
		`INSERT INTO daily_series BY NAME SELECT * REPLACE (on_portal * ${factor} AS on_portal, under_review * ${factor} AS under_review,
			valid * ${factor} AS valid, invalid * ${factor} AS invalid, valid_benefit * ${factor} AS valid_benefit) FROM src.daily_series ORDER BY unit_level, unit_code, day`,
		`INSERT INTO unit_totals BY NAME SELECT * REPLACE (on_portal * ${factor} AS on_portal, under_review * ${factor} AS under_review,
			valid * ${factor} AS valid, invalid * ${factor} AS invalid, valid_benefit * ${factor} AS valid_benefit, authors * ${factor} AS authors,
			valid * ${factor} / nullif(target_assigned, 0) AS attainment, valid * ${factor} / nullif(target_registered, 0) AS attainment_registered,
			valid * ${factor} / nullif(target_phase1, 0) AS attainment_phase1) FROM src.unit_totals ORDER BY unit_level, unit_code`
	];
}

/** Copies initiative_period N times a month of from_at at a time, each month sorted (the whole table stays sorted by from_at). */
async function replicatePeriods(database: Database, factor: number, log: (line: string) => void): Promise<void> {
	const months = await database.all<{ month: string }>(`SELECT DISTINCT date_trunc('month', from_at)::DATE::VARCHAR AS month FROM src.initiative_period ORDER BY 1`);
	for (const { month } of months) {
		const started = performance.now();
		const inMonth = `from_at >= DATE '${month}' AND from_at < DATE '${month}' + INTERVAL 1 MONTH`;
		const copies = Array.from({ length: factor }, (_, k) => `SELECT ${copyColumns('initiative_period', k)} FROM src.initiative_period WHERE ${inMonth}`).join(' UNION ALL ');
		await database.run(`INSERT INTO initiative_period BY NAME SELECT * FROM (${copies}) ORDER BY from_at, initiative_id`);
		log(`replica ×${factor}: initiative_period ${month.slice(0, 7)} in ${((performance.now() - started) / 1000).toFixed(0)} s`);
	}
}

/** Fills an open replica database (schema created, source attached as src) with the copies and the scaled marts. */
export async function fillReplica(database: Database, factor: number, log: (line: string) => void, from: (typeof REPLICATED)[number] = 'initiative'): Promise<void> {
	for (const table of REPLICATED.slice(REPLICATED.indexOf(from))) {
		const started = performance.now();
		if (table === 'initiative_period') await replicatePeriods(database, factor, log);
		else for (let k = 0; k < factor; k++) await database.run(`INSERT INTO ${table} BY NAME SELECT ${copyColumns(table, k)} FROM src.${table}`);
		log(`replica ×${factor}: ${table} in ${((performance.now() - started) / 1000).toFixed(0)} s`);
	}
	for (const statement of scaledMarts(factor)) await database.run(statement);
	const started = performance.now();
	await runSqlFile(database, 'sql/marts/unit-grouping.sql');
	await runSqlFile(database, 'sql/marts/unit-detail.sql');
	await runSqlFile(database, 'sql/marts/unit-author-front.sql');
	log(`replica ×${factor}: detail marts in ${((performance.now() - started) / 1000).toFixed(0)} s`);
	const indexed = performance.now();
	await runSqlFile(database, 'sql/marts/search-index.sql');
	log(`replica ×${factor}: search index in ${((performance.now() - indexed) / 1000).toFixed(0)} s`);
}

const quote = (text: string) => `'${text.replaceAll("'", "''")}'`;

/** The SELECT list of one copy (k given as a literal integer): ids and author keys suffixed, everything else as is. */
function copyColumns(table: (typeof REPLICATED)[number], k: number): string {
	const suffix = (column: string) => (k === 0 ? column : `${column} || '~${k}'`);
	switch (table) {
		case 'initiative':
			return `* REPLACE (${suffix('initiative_id')} AS initiative_id, ${suffix('author_key')} AS author_key)`;
		case 'initiative_period':
			// the author key's number: each copy's keys are distinct, so are their numbers
			return `* REPLACE (${suffix('initiative_id')} AS initiative_id, author_key_no + ${k * 100_000_000} AS author_key_no)`;
		case 'initiative_withdrawal':
			return `* REPLACE (${suffix('initiative_id')} AS initiative_id)`;
		case 'quarantine':
			return `* REPLACE (${suffix('initiative_id')} AS initiative_id, row_number + ${k * 100_000_000} AS row_number)`;
	}
}

/** The replica file of a source version: <dir>/<version>-x<N>.duckdb. */
export function replicaPath(directory: string, version: string, factor: number): string {
	return join(directory, `${version.replace(/\.duckdb$/u, '')}-x${factor}.duckdb`);
}

/** Returns the replica of the source warehouse's current version (building it when absent; a half-built file is never returned). */
export async function ensureReplica(source: string, directory: string, factor: number, log: (line: string) => void = () => {}): Promise<string> {
	const version = await readCurrent(source);
	if (!version) throw new Error(`no published version in ${source}`);
	const target = replicaPath(directory, version, factor);
	if (existsSync(target)) return target;
	await mkdir(directory, { recursive: true });
	const building = `${target}.building`;
	await rm(building, { force: true });
	await rm(`${building}.wal`, { force: true });
	const database = await Database.open(building, { memoryLimit: '10GB' });
	try {
		await database.run(`SET preserve_insertion_order = true; SET temp_directory = ${quote(join(directory, 'tmp'))}`);
		await createSchema(database);
		await database.run(`ATTACH ${quote(versionPath(source, version))} AS src (READ_ONLY)`);
		const tables = await database.all<{ name: string }>(`SELECT table_name AS name FROM duckdb_tables() WHERE database_name = current_database() AND schema_name = 'main' ORDER BY 1`);
		for (const { name } of tables) {
			if (SKIPPED.has(name) || (REPLICATED as readonly string[]).includes(name)) continue;
			await database.run(`INSERT INTO ${name} BY NAME SELECT * FROM src.${name}`);
		}
		await fillReplica(database, factor, log);
		await database.run('DETACH src');
		await database.run('CHECKPOINT');
	} finally {
		database.close();
	}
	await rename(building, target);
	await rm(join(directory, 'tmp'), { recursive: true, force: true });
	return target;
}
