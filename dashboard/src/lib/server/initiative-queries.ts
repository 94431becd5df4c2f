// Initiative detail queries the dashboard needs and queries/ does not have yet (a unit's list with diacritics-insensitive search, one initiative, rejected rows): every one takes the viewer and refuses outside its detail scope.
import { sql } from 'kysely';
import { asOfCondition, n, resolveStamp, resolveUnit, scopeCondition, type QueryOptions, type Stamp, type WarehouseDb } from '../../../../queries/query-context.ts';
import { NotVisibleError, canSeeDetail, type Viewer } from '../../../../queries/viewer.ts';
import { foldDiacritics } from '../../../../warehouse/text/name-key.ts';

export const INITIATIVE_SORTS = ['moi-nhat', 'cu-nhat', 'lam-loi', 'ten'] as const;
export type InitiativeSort = (typeof INITIATIVE_SORTS)[number];

const ORDER: Record<InitiativeSort, ReturnType<typeof sql>> = {
	'moi-nhat': sql`p.submitted_at DESC, p.initiative_id`,
	'cu-nhat': sql`p.submitted_at, p.initiative_id`,
	'lam-loi': sql`p.benefit DESC NULLS LAST, p.initiative_id`,
	ten: sql`i.title, p.initiative_id`
};

export interface InitiativeListRow {
	initiativeId: string;
	title: string | null;
	field: string | null;
	status: string;
	submittedAt: string;
	benefit: number | null;
	author: string | null;
	grassrootsCode: string | null;
}

export interface InitiativeList extends Stamp {
	unit: string;
	total: number;
	rows: InitiativeListRow[];
}

/** SQL fold matching foldDiacritics: lower case, accents stripped, đ → d. */
const folded = (column: ReturnType<typeof sql.ref>) => sql`replace(strip_accents(lower(coalesce(${column}, ''))), 'đ', 'd')`;

/**
 * The initiatives on the portal at T inside a unit, matching `search` in title, author or id ignoring diacritics and case,
 * in a chosen order; `limit`/`offset` page it (no limit = all, for exports). Restricted to the viewer's detail scope.
 */
export async function initiativeList(
	db: WarehouseDb,
	options: QueryOptions & { search?: string; sort?: InitiativeSort; limit?: number; offset?: number }
): Promise<InitiativeList> {
	const stamp = await resolveStamp(db, options.asOf);
	const scope = await resolveUnit(db, options.unit);
	if (!canSeeDetail(options.viewer, scope.code)) throw new NotVisibleError(`initiatives of ${scope.code}`);
	const needle = foldDiacritics(options.search ?? '').replace(/[%_\\]/gu, '');
	const match = needle
		? sql`(${folded(sql.ref('i.title'))} LIKE ${`%${needle}%`} OR ${folded(sql.ref('i.author'))} LIKE ${`%${needle}%`} OR lower(p.initiative_id) LIKE ${`%${needle}%`})`
		: sql`TRUE`;
	const where = sql`${asOfCondition(stamp.asOf, 'p')} AND ${scopeCondition(scope, 'p')} AND ${match}`;
	const { rows: count } = await sql<{ n: number }>`
		SELECT count(*) AS n FROM initiative_period p JOIN initiative i USING (initiative_id) WHERE ${where}`.execute(db);
	const page = options.limit === undefined ? sql`` : sql`LIMIT ${options.limit} OFFSET ${options.offset ?? 0}`;
	const { rows } = await sql<{ initiative_id: string; title: string | null; field: string | null; status: string; submitted_at: string; benefit: number | null; author: string | null; grassroots_code: string | null }>`
		SELECT p.initiative_id, i.title, p.field, p.status, p.submitted_at, p.benefit, i.author, p.grassroots_code
		FROM initiative_period p JOIN initiative i USING (initiative_id)
		WHERE ${where} ORDER BY ${ORDER[options.sort ?? 'moi-nhat']} ${page}`.execute(db);
	return {
		...stamp,
		unit: scope.code,
		total: n(count[0]?.n),
		rows: rows.map((r) => ({ initiativeId: r.initiative_id, title: r.title, field: r.field, status: r.status, submittedAt: r.submitted_at, benefit: r.benefit, author: r.author, grassrootsCode: r.grassroots_code }))
	};
}

export interface InitiativeDetail extends Stamp {
	initiativeId: string;
	title: string | null;
	field: string | null;
	author: string | null;
	coauthors: string | null;
	position: string | null;
	isLeader: boolean | null;
	grassrootsCode: string | null;
	upperCode: string | null;
	level1Code: string | null;
	sector: string | null;
	submittedAt: string | null;
	recognizedOn: string | null;
	/** Status at T; null when not on the portal at T. */
	statusAtT: string | null;
	benefitAtT: number | null;
	withdrawnAt: string | null;
	/** The periods of its state, oldest first (up to T). */
	history: { from: string; to: string | null; status: string; benefit: number | null }[];
}

/** One initiative as of T (content and author: detail scope only; unknown and not visible both answer NotVisibleError). */
export async function initiativeDetail(db: WarehouseDb, options: { viewer: Viewer; asOf?: string; id: string }): Promise<InitiativeDetail> {
	const stamp = await resolveStamp(db, options.asOf);
	const row = options.id.length <= 60
		? await db
				.selectFrom('initiative')
				.select(['initiative_id', 'title', 'field', 'author', 'coauthors', 'position', 'is_leader', 'grassroots_code', 'upper_code', 'level1_code', 'sector', 'submitted_at', 'recognized_on', 'withdrawn_at'])
				.where('initiative_id', '=', options.id)
				.executeTakeFirst()
		: undefined;
	if (!row || !row.grassroots_code || !canSeeDetail(options.viewer, row.grassroots_code)) throw new NotVisibleError(`initiative ${options.id.slice(0, 60)}`);
	const { rows: periods } = await sql<{ from_at: string; to_at: string | null; status: string; benefit: number | null }>`
		SELECT from_at, to_at, status, benefit FROM initiative_period
		WHERE initiative_id = ${options.id} AND from_at <= ${stamp.asOf}::TIMESTAMP ORDER BY from_at`.execute(db);
	const current = periods.find((p) => p.from_at <= stamp.asOf && (p.to_at === null || p.to_at > stamp.asOf));
	return {
		...stamp,
		initiativeId: row.initiative_id,
		title: row.title,
		field: row.field,
		author: row.author,
		coauthors: row.coauthors,
		position: row.position,
		isLeader: row.is_leader,
		grassrootsCode: row.grassroots_code,
		upperCode: row.upper_code,
		level1Code: row.level1_code,
		sector: row.sector,
		submittedAt: row.submitted_at as string | null,
		recognizedOn: row.recognized_on as string | null,
		statusAtT: current?.status ?? null,
		benefitAtT: current?.benefit ?? null,
		withdrawnAt: row.withdrawn_at as string | null,
		history: periods.map((p) => ({ from: p.from_at, to: p.to_at !== null && p.to_at > stamp.asOf ? null : p.to_at, status: p.status, benefit: p.benefit }))
	};
}

export interface UnitPathItem {
	code: string;
	name: string;
	level: number;
}

/** The unit and its ancestors, nation first (for breadcrumbs); aggregates, every viewer. */
export async function unitPath(db: WarehouseDb, code: string): Promise<UnitPathItem[]> {
	const nation = { code: 'VN', name: 'Toàn quốc', level: 0 };
	if (code === 'VN') return [nation];
	const scope = await resolveUnit(db, code);
	const codes = [scope.level1Code, scope.upperCode, scope.code].filter((c): c is string => !!c);
	const rows = await db.selectFrom('unit').select(['unit_code', 'name', 'level']).where('unit_code', 'in', [...new Set(codes)]).execute();
	const path = rows
		.map((r) => ({ code: r.unit_code, name: r.name ?? r.unit_code, level: r.level ?? 0 }))
		.sort((a, b) => a.level - b.level);
	return [nation, ...path];
}

export interface RejectedRow {
	fileName: string;
	rowNumber: number | null;
	reason: string;
	field: string | null;
	rawValue: string | null;
	message: string;
	initiativeId: string | null;
	level1Code: string | null;
}

/**
 * Quarantined rows a level-1 unit must fix ('?' = the unit cannot be told; undefined = every unit), newest file first. Press:
 * not visible; a regional union bound to a level-1 unit: its own rows only (bound lower: none). Raw records are not returned (they hold personal data).
 */
export async function rejectedRows(db: WarehouseDb, options: { viewer: Viewer; level1?: string; limit?: number }): Promise<RejectedRow[]> {
	const { viewer } = options;
	if (viewer.role === 'press') throw new NotVisibleError('data quality');
	// Rows name only the level-1 unit that must fix them, so a union bound below level 1 would see its neighbours' rows: none.
	if (viewer.role === 'regional' && (viewer.unitCode ?? '.').includes('.')) throw new NotVisibleError('rejected rows');
	const own = viewer.role === 'regional' ? viewer.unitCode! : undefined;
	if (own !== undefined && options.level1 !== undefined && options.level1 !== own) throw new NotVisibleError(`rows of ${options.level1.slice(0, 40)}`);
	const level1 = own ?? options.level1;
	const unitCondition = level1 === undefined ? sql`TRUE` : level1 === '?' ? sql`q.level1_code IS NULL` : sql`q.level1_code = ${level1}`;
	const { rows } = await sql<{ file_name: string; row_number: number | null; reason_code: string; field: string | null; raw_value: string | null; message: string; initiative_id: string | null; level1_code: string | null }>`
		SELECT f.file_name, q.row_number, q.reason_code, q.field, q.raw_value, q.message, q.initiative_id, q.level1_code
		FROM quarantine q JOIN source_file f USING (file_id)
		WHERE ${unitCondition}
		ORDER BY f.exported_at DESC, f.file_name, q.row_number NULLS FIRST
		LIMIT ${options.limit ?? 100_000}`.execute(db);
	return rows.map((r) => ({ fileName: r.file_name, rowNumber: r.row_number, reason: r.reason_code, field: r.field, rawValue: r.raw_value, message: r.message, initiativeId: r.initiative_id, level1Code: r.level1_code }));
}

export interface RunRow {
	runId: string;
	trigger: string;
	startedAt: string;
	endedAt: string | null;
	status: string;
	version: string | null;
	files: number;
	rowsLoaded: number;
	rowsQuarantined: number;
	durationMs: number | null;
}

/** The pipeline runs recorded in the version (newest first). Press: not visible. */
export async function pipelineRuns(db: WarehouseDb, options: { viewer: Viewer; limit?: number }): Promise<RunRow[]> {
	if (options.viewer.role === 'press') throw new NotVisibleError('pipeline runs');
	const rows = await db.selectFrom('run_log').select(['run_id', 'trigger', 'started_at', 'ended_at', 'status', 'version', 'record']).orderBy('started_at', 'desc').limit(options.limit ?? 50).execute();
	return rows.map((r) => {
		let files = 0;
		let loaded = 0;
		let quarantined = 0;
		try {
			const record = JSON.parse(String(r.record)) as { files?: { rowsLoaded?: number; rowsQuarantined?: number }[] };
			files = record.files?.length ?? 0;
			for (const f of record.files ?? []) {
				loaded += f.rowsLoaded ?? 0;
				quarantined += f.rowsQuarantined ?? 0;
			}
		} catch {
			// a record that is not JSON shows zeros
		}
		const started = r.started_at as string;
		const ended = r.ended_at as string | null;
		return {
			runId: r.run_id, trigger: r.trigger, startedAt: started, endedAt: ended, status: r.status, version: r.version,
			files, rowsLoaded: loaded, rowsQuarantined: quarantined,
			durationMs: ended ? Date.parse(`${ended}Z`) - Date.parse(`${started}Z`) : null
		};
	});
}
