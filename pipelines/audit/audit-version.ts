// Stage 7: audits a built warehouse version before it may be published; each check names the offending keys, and closed-month revisions are recorded in figure_revision.
import type { Database } from '../../warehouse/duckdb/database.ts';
import { runSqlFile, warehouseSql } from '../merge/sql-file.ts';

export interface AuditCheck {
	name: string;
	passed: boolean;
	detail: string;
}

export interface AuditReport {
	passed: boolean;
	checks: AuditCheck[];
}

export interface AuditContext {
	/** The published version before this one, or null for the first version. */
	previous: Database | null;
	/** source_file ids loaded by this run. */
	newFileIds: number[];
}

/** Checks whose SQL (warehouse/sql/audit/<name>.sql) returns one `key` per offence. */
const KEY_CHECKS = ['unique-keys', 'required-values', 'initiatives-resolve', 'file-accounting', 'marts-agree-core', 'periods-no-overlap'];

const EXAMPLES = 5;

/** A check's result from its offending keys: passed when there are none; otherwise the count and a few examples. */
export function checkFromOffences(name: string, count: number, examples: string[]): AuditCheck {
	if (count === 0) return { name, passed: true, detail: 'no offending rows' };
	const more = count > examples.length ? `, … (${count} in all)` : '';
	return { name, passed: false, detail: `${count} offending: ${examples.join('; ')}${more}` };
}

async function keyCheck(db: Database, name: string): Promise<AuditCheck> {
	const query = warehouseSql(`sql/audit/${name}.sql`);
	const row = await db.one<{ n: number; examples: string[] }>(
		`SELECT count(*) AS n, coalesce(list(key ORDER BY key)[1:${EXAMPLES}], []) AS examples FROM (${query})`
	);
	return checkFromOffences(name, row?.n ?? 0, row?.examples ?? []);
}

interface MonthFigure {
	level1_code: string;
	month: string;
	metric: string;
	month_end: number;
	change: number;
}

const MONTH_FIGURE_TYPE = '[{"level1_code":"VARCHAR","month":"DATE","metric":"VARCHAR","month_end":"BIGINT","change":"BIGINT"}]';

async function hasTable(db: Database, table: string): Promise<boolean> {
	const row = await db.one<{ n: number }>(`SELECT count(*) AS n FROM information_schema.tables WHERE table_name = $1`, [table]);
	return (row?.n ?? 0) > 0;
}

/** Compares closed months per level-1 unit with the previous version and records every revision in figure_revision. */
async function closedMonthsCheck(db: Database, context: AuditContext): Promise<AuditCheck> {
	const name = 'closed-months-unchanged';
	const previous: MonthFigure[] =
		context.previous && (await hasTable(context.previous, 'daily_series'))
			? await context.previous.all<MonthFigure & Record<string, string | number>>(warehouseSql('sql/audit/month-figures.sql'))
			: [];
	await db.run(
		`CREATE OR REPLACE TEMP TABLE previous_month_figure AS
		 SELECT * FROM (SELECT unnest(from_json($1::JSON, '${MONTH_FIGURE_TYPE}'), recursive := true))`,
		[JSON.stringify(previous)]
	);
	await db.run(`CREATE OR REPLACE TEMP TABLE current_month_figure AS ${warehouseSql('sql/audit/month-figures.sql')}`);
	await db.run(
		`CREATE OR REPLACE TEMP TABLE new_file AS
		 SELECT file_id, scope, exported_at FROM source_file
		 WHERE status = 'loaded' AND dataset = 'initiatives' AND list_contains($1::INTEGER[], file_id)`,
		[`[${context.newFileIds.map((id) => Math.trunc(id)).join(',')}]`]
	);
	await runSqlFile(db, 'sql/audit/figure-revision.sql');
	await db.run('DROP TABLE previous_month_figure; DROP TABLE current_month_figure; DROP TABLE new_file');
	const row = await db.one<{ n: number; revised: number; examples: string[] }>(
		`SELECT count(*) FILTER (WHERE NOT explained) AS n, count(*) AS revised,
		        coalesce(list(level1_code || ' ' || strftime(month, '%Y-%m') || ' ' || metric || ' ' || previous_value || ' → ' || new_value
		                      ORDER BY level1_code, month, metric) FILTER (WHERE NOT explained)[1:${EXAMPLES}], []) AS examples
		 FROM figure_revision`
	);
	const check = checkFromOffences(name, row?.n ?? 0, row?.examples ?? []);
	if (!context.previous) return { ...check, detail: 'no previous version to compare' };
	if (check.passed) return { ...check, detail: `${row?.revised ?? 0} closed-month figures revised, each by a newly loaded export` };
	return { ...check, detail: `unexplained revision of a closed month: ${check.detail}` };
}

/** Runs every check; `passed` is false when any check fails. */
export async function auditVersion(db: Database, context: AuditContext): Promise<AuditReport> {
	await runSqlFile(db, 'schema/marts.sql');
	const checks: AuditCheck[] = [];
	for (const name of KEY_CHECKS) checks.push(await keyCheck(db, name));
	checks.push(await closedMonthsCheck(db, context));
	return { passed: checks.every((c) => c.passed), checks };
}
