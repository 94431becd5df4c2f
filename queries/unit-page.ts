// What the unit page asks in fewer reads: its national rank by valid initiatives and by attainment and its rank among its peers (level-1 peer group, else the siblings under its parent) from one read of its level's figures, its peers' daily series in one read, and its breakdowns (field, sector, leadership) from one scan.
import { sql, type RawBuilder } from 'kysely';
import { rankedInitiatives, topOfPeriodsSql, type TopInitiative, type TopInitiativeRow } from './benefit.ts';
import { BREAKDOWN_BYS, BREAKDOWN_KEY, breakdownOfCounts, readsLatestMarts, type Breakdown, type BreakdownBy, type BreakdownCount } from './breakdowns.ts';
import { rankedAuthors, type AuthorRow, type NamedAuthorRow } from './people.ts';
import { asOfCondition, hasColumn, hasTables, n, periodAuthorColumn, periodScopeCondition, QueryInputError, resolveStampAndUnit, scopeCondition, type QueryOptions, type Stamp, type UnitScope, type WarehouseDb } from './query-context.ts';
import { metricValue, peerGroupOf, type PeerBy, type RankMetric } from './peers.ts';
import { pageTexts, searchIndexStat } from './initiative-search.ts';
import { FIRST_DAY } from './programme.ts';
import { cumulativeSeriesSql, toPoint, type PointRow, type SeriesPoint } from './series.ts';
import { periodTotalsSql, totalsOf, type Totals, type TotalsRow } from './totals.ts';
import { unitFigures, type UnitFigure } from './unit-figures.ts';
import { assertFigures, canSeeDetail, type Viewer } from './viewer.ts';

export interface Place {
	/** Competition rank by the tie rule of rankings.ts; null when the unit has no value (no target). */
	rank: number | null;
	/** Units in the ranking (ranked or not). */
	of: number;
}

export interface UnitStanding {
	national: Place;
	metricRank: Place;
	peer: (Place & { name: string; by: PeerBy | 'parent' }) | null;
}

/**
 * The place of `code` among `figures` by the tie rule of rankings.ts without sorting: one plus the units strictly ahead
 * (a larger value, or the same value and more valid initiatives). Units equal on both share the rank, as rankFigures gives.
 */
export function placeOf(figures: readonly UnitFigure[], code: string, metric: RankMetric): Place {
	const own = figures.find((f) => f.code === code);
	const value = own ? metricValue(own, metric) : null;
	if (!own || value === null) return { rank: null, of: figures.length };
	let ahead = 0;
	for (const f of figures) {
		const v = metricValue(f, metric);
		if (v !== null && (v > value || (v === value && f.valid > own.valid))) ahead++;
	}
	return { rank: ahead + 1, of: figures.length };
}

/**
 * The unit page's standing of a level 1–3 unit as of T: the same ranks as rankings() (level, metric 'valid' and
 * 'attainment'; peers by the level-1 unit's natural grouping, else within its parent) from one read of the level's
 * figures instead of three sorted leaderboards. Aggregates: every viewer that may see figures of the level.
 */
export async function unitStanding(db: WarehouseDb, options: QueryOptions & { parent?: { code: string; name: string; level: number } }): Promise<UnitStanding> {
	const [stamp, scope] = await resolveStampAndUnit(db, options.asOf, options.unit, options.viewer);
	if (scope.level === 0) throw new Error('unitStanding: the nation has no standing');
	assertFigures(options.viewer, scope.level, `rankings of level ${scope.level}`);
	if (scope.level > 1) {
		const counted = await standingAtLatest(db, stamp, scope.code, scope.level as 2 | 3, options.parent);
		if (counted) return counted;
	}
	const figures = await unitFigures(db, stamp, { level: scope.level });
	const national = placeOf(figures, scope.code, 'valid');
	const metricRank = placeOf(figures, scope.code, 'attainment');
	let peer: UnitStanding['peer'] = null;
	if (scope.level === 1) {
		// The natural grouping the page compares with: the region of a provincial federation, else the kind of unit.
		const group = (await peerGroupOf(db, scope.code, 'region')) ?? (await peerGroupOf(db, scope.code, 'kind'));
		if (group) {
			const members = new Set(group.members);
			peer = { ...placeOf(figures.filter((f) => members.has(f.code)), scope.code, 'attainment'), name: group.name, by: group.by };
		}
	} else if (options.parent) {
		const parent = options.parent;
		const siblings = figures.filter((f) => (parent.level === 1 ? f.level1Code === parent.code : f.parentCode === parent.code));
		peer = { ...placeOf(siblings, scope.code, 'attainment'), name: parent.name, by: 'parent' };
	}
	return { national, metricRank, peer };
}

interface CountRow {
	units: number;
	mart_rows: number;
	found: number;
	has_attainment: boolean | null;
	valid_ahead: number;
	attainment_ahead: number;
	siblings: number;
	siblings_ahead: number;
}

/**
 * The standing of an upper-level or grassroots union at the latest export counted in DuckDB, not in JavaScript: the
 * figures unitFigures reads there (unit_totals, targets of the unit version valid at T) for the whole level, and the
 * units ahead by the tie rule of placeOf. Undefined when T is not the latest export, the mart has no rows of the level
 * at T or the unit is not found (the caller then ranks unitFigures' rows).
 */
export async function standingAtLatest(db: WarehouseDb, stamp: Stamp, code: string, level: 2 | 3, parent: { code: string; name: string; level: number } | undefined): Promise<UnitStanding | undefined> {
	if (stamp.asOf !== stamp.latestExport) return undefined;
	const row = (await standingCounts(db, stamp, code, level, parent, 'mart')) ?? (await standingCounts(db, stamp, code, level, parent, 'tree'));
	if (!row || n(row.mart_rows) === 0 || n(row.found) === 0) return undefined;
	const units = n(row.units);
	const rated = row.has_attainment === true;
	return {
		national: { rank: n(row.valid_ahead) + 1, of: units },
		metricRank: { rank: rated ? n(row.attainment_ahead) + 1 : null, of: units },
		peer: parent ? { rank: rated ? n(row.siblings_ahead) + 1 : null, of: n(row.siblings), name: parent.name, by: 'parent' } : null
	};
}

/**
 * The counts of standingAtLatest. 'tree': the level's units of the unit tree with their unit_totals figures (none = 0).
 * 'mart': the level's unit_totals rows alone (they carry the tree's parent, level-1 unit and assigned target), one join
 * fewer; the same units when the mart holds as many of the level as the tree (it is built from the tree), else undefined.
 */
export async function standingCounts(db: WarehouseDb, stamp: Stamp, code: string, level: 2 | 3, parent: { code: string; level: number } | undefined, from: 'mart' | 'tree'): Promise<CountRow | undefined> {
	const sibling = !parent ? sql`FALSE` : parent.level === 1 ? sql`a.level1_code = ${parent.code}` : sql`a.parent_code = ${parent.code}`;
	const ahead = sql`(a.attainment > me.attainment OR (a.attainment = me.attainment AND a.valid > me.valid))`;
	// The unit's version at T when it is not its current one: the tree and the mart carry the current version's target
	// (unit is unit_version's open rows), so only versions closed after T can change it, a handful beside 155,000 units.
	const version = (alias: string) => sql`LEFT JOIN (
			SELECT unit_code, target_assigned FROM unit_version
			WHERE valid_to IS NOT NULL AND valid_from <= ${stamp.asOf}::TIMESTAMP AND valid_to > ${stamp.asOf}::TIMESTAMP
		) v ON v.unit_code = ${sql.ref(`${alias}.unit_code`)}`;
	const level1 = sql`CASE WHEN u.level = 1 THEN u.unit_code ELSE u.level1_code END`;
	const martUnits = (only: RawBuilder<boolean>) => sql`
				SELECT t.unit_code, t.level1_code, t.parent_code, t.valid, true AS in_mart,
					CASE WHEN t.target IS NOT NULL AND t.target <> 0 THEN t.valid::DOUBLE / t.target END AS attainment
				FROM (
					SELECT t.unit_code, t.level1_code, t.parent_code, t.valid,
						CASE WHEN v.unit_code IS NULL THEN t.target_assigned ELSE v.target_assigned END AS target
					FROM t ${version('t')} WHERE ${only}
				) t`;
	const units = from === 'mart'
		? sql`
			a AS NOT MATERIALIZED (${martUnits(sql`TRUE`)})`
		: sql`
			u AS (
				SELECT u.unit_code, ${level1} AS level1_code, u.parent_code,
					CASE WHEN v.unit_code IS NULL THEN u.target_assigned ELSE v.target_assigned END AS target
				FROM unit u ${version('u')}
				WHERE u.level = ${level}
			),
			a AS (
				SELECT u.unit_code, u.level1_code, u.parent_code, coalesce(t.valid, 0) AS valid, t.unit_code IS NOT NULL AS in_mart,
					CASE WHEN u.target IS NOT NULL AND u.target <> 0 THEN coalesce(t.valid, 0)::DOUBLE / u.target END AS attainment
				FROM u LEFT JOIN t USING (unit_code)
			)`;
	// The mart's rows are read once as they stream into the counts (a is t's rows one for one: at most one version of a unit
	// is valid at T), not held as a materialized CTE first (grassroots at scale 1: CPU ~26 -> ~15 ms); the unit's own row is
	// looked up apart, by its code (the level's rows are not scanned twice: ~16-18 -> ~12-15 ms).
	const { rows } = await sql<CountRow & { tree_units: number }>`
		WITH t AS ${from === 'mart' ? sql`NOT MATERIALIZED ` : sql``}(
			SELECT unit_code, level1_code, parent_code, valid, target_assigned FROM unit_totals
			WHERE unit_level = ${level} AND as_of = ${stamp.asOf}::TIMESTAMP
		),
		${units},
		me AS MATERIALIZED (SELECT * FROM (${from === 'mart' ? martUnits(sql`t.unit_code = ${code}`) : sql`SELECT * FROM a WHERE unit_code = ${code}`}) LIMIT 1)
		SELECT count(*) AS units, ${from === 'mart' ? sql`count(*)` : sql`(SELECT count(*) FROM t)`} AS mart_rows, count(me.unit_code) AS found,
			${from === 'mart' ? sql`(SELECT count(*) FROM unit WHERE level = ${level})` : sql`NULL`} AS tree_units,
			any_value(me.attainment IS NOT NULL) AS has_attainment,
			count(*) FILTER (WHERE a.valid > me.valid) AS valid_ahead,
			count(*) FILTER (WHERE ${ahead}) AS attainment_ahead,
			count(*) FILTER (WHERE ${sibling}) AS siblings,
			count(*) FILTER (WHERE ${sibling} AND ${ahead}) AS siblings_ahead
		FROM a LEFT JOIN me ON TRUE`.execute(db);
	const row = rows[0];
	if (from === 'mart' && (!row || n(row.tree_units) !== n(row.units))) return undefined;
	return row;
}

/**
 * The daily series of several level-1 or upper-level units between two days (inclusive) in one read of daily_series:
 * what seriesRows gives each of them, by unit code (a unit without rows gets an empty list); with `level`, the codes are
 * all of that level (a code of another level gets an empty list).
 */
export async function seriesOfUnits(db: WarehouseDb, codes: readonly string[], fromDay: string, toDay: string, level?: 1 | 2): Promise<Map<string, SeriesPoint[]>> {
	const result = new Map<string, SeriesPoint[]>(codes.map((code) => [code, []]));
	if (codes.length === 0) return result;
	// The series is stored by level, unit and day: the level (when the caller knows it) narrows the row groups read.
	const rows = await db
		.selectFrom('daily_series')
		.select(['unit_code', 'day', 'on_portal', 'under_review', 'valid', 'invalid', 'valid_benefit as benefit'])
		.$if(level !== undefined, (q) => q.where('unit_level', '=', level!))
		.where('unit_code', 'in', [...codes])
		.where('day', '>=', fromDay)
		.where('day', '<=', toDay)
		.orderBy('unit_code')
		.orderBy('day')
		.execute();
	for (const r of rows) result.get(r.unit_code)?.push({ day: r.day, onPortal: r.on_portal, underReview: r.under_review, valid: r.valid, invalid: r.invalid, benefit: r.benefit });
	return result;
}

/**
 * The median (quantile_cont 0.5: linear interpolation, as quantile() of peers.ts) of several units' on-portal counts at
 * the end of each day between two days (inclusive), over the units with a row that day: the peer-median curve, computed
 * where the series are stored (one row a day reaches the page, not one a unit and day).
 */
export async function medianOnPortalOfUnits(db: WarehouseDb, codes: readonly string[], fromDay: string, toDay: string, level: 1 | 2): Promise<{ day: string; median: number }[]> {
	if (codes.length === 0) return [];
	const { rows } = await sql<{ day: string; median: number }>`
		SELECT day, quantile_cont(on_portal, 0.5) AS median FROM daily_series
		WHERE unit_level = ${level} AND unit_code IN (${sql.join([...codes])}) AND day >= ${fromDay}::DATE AND day <= ${toDay}::DATE
		GROUP BY day ORDER BY day`.execute(db);
	return rows;
}

/**
 * Several breakdowns of one unit as of T from one scan of initiative_period (GROUPING SETS): for each `by`, what
 * breakdown() answers (same rows, order, shares and press suppression). Aggregates: every viewer.
 */
export async function breakdownsOf(db: WarehouseDb, options: QueryOptions & { bys: readonly BreakdownBy[] }): Promise<Map<BreakdownBy, Breakdown>> {
	const bys = [...new Set(options.bys)];
	if (bys.length === 0 || bys.some((by) => !BREAKDOWN_BYS.includes(by))) throw new QueryInputError('invalid_option', 'unknown breakdown');
	const [stamp, scope] = await resolveStampAndUnit(db, options.asOf, options.unit, options.viewer);
	// At the latest export breakdown() reads a few unit_breakdown rows per by for the nation and levels 1–2: no scan at
	// all, and one read for every by.
	if (scope.level <= 2 && (await readsLatestMarts(db, 'marts', stamp))) {
		const { rows } = await sql<BreakdownCount & { dimension: string }>`
			SELECT dimension, key, on_portal, valid, benefit FROM unit_breakdown
			WHERE unit_code = ${scope.code} AND dimension IN (${sql.join(bys)}) AND as_of = ${stamp.asOf}::TIMESTAMP
			ORDER BY dimension, on_portal DESC, key`.execute(db);
		return new Map(bys.map((by) => [by, breakdownOfCounts(rows.filter((r) => r.dimension === by), { stamp, by, unit: scope.code, viewer: options.viewer })]));
	}
	const { rows } = await groupedBreakdownsSql(bys, sql`initiative_period`, sql`${asOfCondition(stamp.asOf)} AND ${periodScopeCondition(scope)}`).execute(db);
	return breakdownsOfGroups(rows, bys, { stamp, unit: scope.code, viewer: options.viewer });
}

interface GroupRow {
	g: number;
	key: string | null;
	on_portal: number;
	valid: number;
	benefit: number | null;
}

/** Each by's breakdown from the grouped rows (g = the by's index), in their order (pure). */
function breakdownsOfGroups(rows: readonly GroupRow[], bys: readonly BreakdownBy[], context: { stamp: Stamp; unit: string; viewer: Viewer }): Map<BreakdownBy, Breakdown> {
	const result = new Map<BreakdownBy, Breakdown>();
	for (const [i, by] of bys.entries()) result.set(by, breakdownOfCounts(rows.filter((r) => n(r.g) === i), { ...context, by }));
	return result;
}

/**
 * SQL: several breakdowns of a set of periods (initiative_period, or a relation of its rows, filtered by `where`) from one
 * pass (GROUPING SETS): g = the index of the by in `bys`, key, on_portal, valid, benefit, ordered by g, on_portal DESC, key.
 */
function groupedBreakdownsSql(bys: readonly BreakdownBy[], periods: RawBuilder<unknown>, where: RawBuilder<boolean>) {
	const keys = bys.map((_, i) => sql.ref(`k${i}`));
	const set = sql.join(keys.map((k, i) => sql`WHEN GROUPING(${k}) = 0 THEN ${sql.lit(i)}`), sql` `);
	const keyOfSet = sql.join(keys.map((k) => sql`WHEN GROUPING(${k}) = 0 THEN ${k}`), sql` `);
	return sql<GroupRow>`
		SELECT CASE ${set} END AS g, CASE ${keyOfSet} END AS key,
			count(*) AS on_portal, count(*) FILTER (WHERE status = 'valid') AS valid, sum(benefit) FILTER (WHERE status = 'valid') AS benefit
		FROM (
			SELECT ${sql.join(bys.map((by, i) => sql`${BREAKDOWN_KEY[by]} AS ${keys[i]!}`), sql`, `)}, status, benefit
			FROM ${periods} WHERE ${where}
		)
		GROUP BY GROUPING SETS (${sql.join(keys.map((k) => sql`(${k})`), sql`, `)})
		ORDER BY g, on_portal DESC, key`;
}

/** What a unit page reads from its periods when no mart answers, from one scan (unitScan). */
export interface UnitScan {
	stamp: Stamp;
	scope: UnitScope;
	/** dailySeries()'s points from the first day to T's day; only for a grassroots union (daily_series holds the others). */
	series: SeriesPoint[] | null;
	/** breakdown() of each by asked for. */
	breakdowns: Map<BreakdownBy, Breakdown>;
	/** topAuthors() rows at the limit asked for; null when not asked or outside the viewer's detail scope. */
	authors: AuthorRow[] | null;
	/** topInitiatives() rows at the limit asked for; null outside the viewer's detail scope. */
	top: TopInitiative[] | null;
	/** totals() when asked for and T is not the latest export; else null. */
	totals: Totals | null;
}

export interface UnitScanOptions extends QueryOptions {
	bys: readonly BreakdownBy[];
	/** Also totals() at a past T (at the latest export they are a mart row). */
	totals?: boolean;
	/** Authors to rank (topAuthors' limit); null = none. */
	authorLimit: number | null;
	topLimit: number;
}

/** One row of unitScan's statement: part 0 = series, 1 = breakdown groups, 2 = authors, 3 = top initiatives, 4 = totals, each in its order. */
interface ScanRow extends PointRow {
	part: number;
	totals: TotalsRow | null;
	g: number | null;
	key: string | null;
	name: string | null;
	/** With the index: the search_text number of the name (name then null), read after the statement. */
	name_no: number | null;
	initiative_id: string;
	title: string | null;
	/** With the index: the search_text number of the title (title then null). */
	title_no: number | null;
	field: string | null;
	grassroots_code: string | null;
	level1_code: string | null;
}

/**
 * The join of an initiative's row at T within the unit carrying its text numbers (alias s: its search_period row, or its
 * current period when the periods were read from search_period) to the id given. The texts the numbers name are read after
 * the statement by the search_text index (pageTexts): a join of search_text read every row between the page's numbers.
 */
type IndexedJoin = (id: RawBuilder<unknown>) => RawBuilder<unknown>;

/**
 * SQL: the named authors of unitScan (front ranked, limit rows) with the name, grassroots union and level-1 unit of their
 * last initiative as its initiative row has them: its period at T carries the initiative's units (initiative_period takes
 * them from the initiative row), and with `indexed` its search_period row the number of its author's name in search_text.
 */
function authorRowsSql(indexed: IndexedJoin | null, limit: number, inScope: RawBuilder<boolean>) {
	// Authors are numbered in name order (search-index.sql), so ordering by the number orders by the name.
	const named = indexed
		? sql`SELECT a.*, NULL::VARCHAR AS name, s.author_no AS name_no, p.grassroots_code, p.level1_code
			FROM front a JOIN current_period p ON p.initiative_id = a.last_initiative
			${indexed(sql.ref('a.last_initiative'))}`
		: // the front's ids are the hash table probed by the unit's initiatives (a join of front and initiative hashed every one of those)
			sql`SELECT a.*, i.author AS name, NULL::INTEGER AS name_no, i.grassroots_code, i.level1_code
			FROM front a JOIN (SELECT initiative_id, author, grassroots_code, level1_code FROM initiative i
				WHERE ${inScope} AND i.initiative_id IN (SELECT last_initiative FROM front)) i ON i.initiative_id = a.last_initiative`;
	return sql`
		SELECT name, name_no, grassroots_code, level1_code, valid, on_portal, benefit,
			row_number() OVER (ORDER BY valid DESC, on_portal DESC, benefit DESC NULLS LAST, ${indexed ? sql`name_no` : sql`name`}, author_key) AS ord
		FROM (${named})
		QUALIFY ord <= ${limit}`;
}

/** SQL: unitScan's top initiatives with their titles (from the unit's search_period rows with `indexed`, else initiative). */
function topRowsSql(indexed: IndexedJoin | null, inScope: RawBuilder<boolean>) {
	const titled = indexed
		? sql`SELECT x.*, NULL::VARCHAR AS title, s.title_no FROM top x ${indexed(sql.ref('x.initiative_id'))}`
		: sql`SELECT x.*, i.title, NULL::INTEGER AS title_no FROM top x JOIN initiative i ON i.initiative_id = x.initiative_id AND ${inScope}`;
	return sql`
		SELECT initiative_id, title, title_no, field, grassroots_code, level1_code, benefit,
			row_number() OVER (ORDER BY benefit DESC, initiative_id) AS ord
		FROM (${titled})`;
}

/**
 * SQL: the authors of current_period ranked within the first `limit` on every key before the name, ties kept: authorFrontSql's
 * rows, found without ranking every author: the author at the limit is a top-N, and the front is every author not after
 * it in the order (T38 as of 20/04/2022 at scale 1, 22,500 authors: the scan's CPU ~100 -> ~92 ms).
 */
function authorFrontOfCurrentSql(limit: number) {
	// The last initiative (arg_max on a text id) is found for the front's authors only, in a second pass over their periods,
	// not for each of the unit's authors.
	return sql`
		WITH author AS (
			SELECT p.author_key, count(*) FILTER (WHERE p.status = 'valid') AS valid, count(*) AS on_portal,
				sum(p.benefit) FILTER (WHERE p.status = 'valid') AS benefit
			FROM current_period p
			WHERE p.author_key IS NOT NULL
			GROUP BY p.author_key
		),
		cut AS (SELECT valid, on_portal, benefit FROM author ORDER BY valid DESC, on_portal DESC, benefit DESC NULLS LAST LIMIT 1 OFFSET ${limit - 1}),
		front_author AS MATERIALIZED (
			SELECT a.* FROM author a LEFT JOIN cut c ON TRUE
			WHERE c.valid IS NULL OR a.valid > c.valid OR (a.valid = c.valid AND (a.on_portal > c.on_portal
				OR (a.on_portal = c.on_portal AND (c.benefit IS NULL OR a.benefit >= c.benefit))))
		),
		last AS (
			SELECT p.author_key, arg_max(p.initiative_id, (p.submitted_at, p.initiative_id)) AS last_initiative
			FROM current_period p SEMI JOIN front_author f ON f.author_key = p.author_key
			GROUP BY p.author_key
		)
		SELECT f.*, l.last_initiative FROM front_author f JOIN last l ON l.author_key = f.author_key`;
}

/** initiative_period's columns unitScan reads; with `authorNo`, author_key_no stands for author_key (numbered in key order: the same groups and order). */
const periodColumnsSql = (authorNo: boolean) =>
	sql`initiative_id, status, benefit, field, sector, is_leader, ${authorNo ? sql`author_key_no AS author_key` : sql`author_key`}, submitted_at, from_at, to_at, grassroots_code, level1_code`;

/**
 * A unit page's figures that only the periods answer, in one statement: the unit's periods are read once (a grassroots
 * union's whole history for its series, else its periods at T) and every figure is cut from them, instead of a scan of
 * initiative_period per figure; only the few listed authors and initiatives are joined to their names and titles. What
 * dailySeries(), breakdownsOf(), topAuthors(), topInitiatives() and (at a past T) totals() answer for the unit at T, same
 * rows and order; undefined where they read marts (levels 0–2 at the latest export). Viewer rules as theirs:
 * NotVisibleError without figures of the unit; no lists outside its detail scope.
 */
export async function unitScan(db: WarehouseDb, options: UnitScanOptions): Promise<UnitScan | undefined> {
	const bys = [...new Set(options.bys)];
	if (bys.some((by) => !BREAKDOWN_BYS.includes(by))) throw new QueryInputError('invalid_option', 'unknown breakdown');
	for (const limit of [options.authorLimit ?? 1, options.topLimit]) {
		if (!Number.isSafeInteger(limit) || limit < 1 || limit > 1000) throw new QueryInputError('invalid_option', 'limit must be 1–1000');
	}
	const [stamp, scope] = await resolveStampAndUnit(db, options.asOf, options.unit, options.viewer);
	if (scope.level <= 2 && (await readsLatestMarts(db, 'marts', stamp))) return undefined;
	const withSeries = scope.level === 3;
	const lastDay = (stamp.asOf < stamp.latestExport ? stamp.asOf : stamp.latestExport).slice(0, 10);
	const detail = canSeeDetail(options.viewer, scope.code);
	const withAuthors = detail && options.authorLimit !== null;
	const withTotals = options.totals === true && stamp.asOf !== stamp.latestExport;
	// Every part names every column (the first part present names the result's columns).
	const row = (part: number, ord: string, columns: Partial<Record<'g' | 'day' | 'key' | 'on_portal' | 'under_review' | 'valid' | 'invalid' | 'benefit' | 'name' | 'name_no' | 'initiative_id' | 'title' | 'title_no' | 'field' | 'grassroots_code' | 'level1_code' | 'totals', string>>) =>
		sql.raw(`SELECT ${part} AS part, ${ord} AS ord, ${(['g', 'day', 'key', 'on_portal', 'under_review', 'valid', 'invalid', 'benefit', 'name', 'name_no', 'initiative_id', 'title', 'title_no', 'field', 'grassroots_code', 'level1_code', 'totals'] as const)
			.map((c) => `${columns[c] ?? 'NULL'} AS ${c}`).join(', ')}`);
	const parts = [
		...(withSeries ? [sql`${row(0, 'row_number() OVER (ORDER BY day)', { day: 'day', on_portal: 'on_portal', under_review: 'under_review', valid: 'valid', invalid: 'invalid', benefit: 'benefit' })} FROM series`] : []),
		...(bys.length > 0 ? [sql`${row(1, 'row_number() OVER (ORDER BY g, on_portal DESC, key)', { g: 'g', key: 'key', on_portal: 'on_portal', valid: 'valid', benefit: 'benefit' })} FROM grouped`] : []),
		...(withAuthors ? [sql`${row(2, 'ord', { on_portal: 'on_portal', valid: 'valid', benefit: 'benefit', name: 'name', name_no: 'name_no', grassroots_code: 'grassroots_code', level1_code: 'level1_code' })} FROM author_row`] : []),
		...(detail ? [sql`${row(3, 'ord', { benefit: 'benefit', initiative_id: 'initiative_id', title: 'title', title_no: 'title_no', field: 'field', grassroots_code: 'grassroots_code', level1_code: 'level1_code' })} FROM top_row`] : []),
		// the totals row travels whole, as a struct
		...(withTotals ? [sql`${row(4, '1', { totals: 'totals_row' })} FROM totals_row`] : [])
	];
	if (parts.length === 0) return { stamp, scope, series: null, breakdowns: new Map(), authors: null, top: null, totals: null };
	const current = sql`current_period`;
	// A grassroots union's periods (its whole history, for its series) come from its search_period rows when the version has
	// the index: stored by grassroots_no, they are a few row groups, where initiative_period (stored by from_at) spreads them
	// over every row group; only the columns search_period lacks are read there (T38.01.0040 at scale 1: CPU ~120 -> ~70 ms).
	const index = scope.level >= 2 && scope.span !== undefined && (detail || withSeries) ? await searchIndexStat(db) : null;
	// With author_key_no (numbered in key order: the same groups and order as author_key) the union's rows of search_period
	// are all the scan reads of its periods but for sector and is_leader: the breakdowns read those in initiative_period
	// (its rows at T alone: a read of 4 columns instead of a join on initiative_id of every period; T38.01.0040 at scale 1:
	// the statement 0.173 -> 0.090 s in EXPLAIN ANALYZE at load ~5), or in search_period where the version carries them.
	const [keyed, attributed] = withSeries && index !== null && scope.level1Code
		? await Promise.all([hasColumn(db, 'search_period', 'author_key_no'), hasColumn(db, 'search_period', 'sector').then(async (has) => has && (await hasColumn(db, 'search_period', 'is_leader')))])
		: [false, false];
	const fromIndex = withSeries && index !== null;
	// The few names and titles listed come from an upper-level or grassroots union's rows of the search index when the
	// version has it (a few row groups; a grassroots union's periods carry their text numbers), else from a join of initiative
	// (a read of every initiative's id): for a level-1 unit, whose rows span many row groups, the join costs less (T38 as of
	// 20/04/2022 at scale 1: CPU ~100 vs ~160 ms).
	// An initiative's unit columns are its periods' (initiative_period takes them from the initiative row), so the initiatives
	// listed are the scope's: the join reads only the scope's initiatives past the cheap unit columns (T38 at scale 1: ~4 ms CPU less a join).
	const initiativeInScope = scopeCondition(scope, 'i');
	const indexed: IndexedJoin | null = !index || !detail
		? null
		: fromIndex
			? (id) => sql`JOIN current_period s ON s.initiative_id = ${id}`
			: (id) => sql`JOIN search_period s ON s.initiative_id = ${id} AND s.from_at <= ${stamp.asOf}::TIMESTAMP AND s.to_at > ${stamp.asOf}::TIMESTAMP
				AND ${periodScopeCondition(scope, 's')}`;
	// Participating grassroots unions are counted on grassroots_no (one integer per union) where the version numbers them, as
	// totals() counts them (T38 as of 20/04/2022 at scale 1: the scan's CPU ~112 -> ~101 ms).
	const numbered = withTotals && (scope.span !== undefined || (scope.column === null && (await hasTables(db, ['unit_span']))));
	// Authors are grouped and counted on author_key_no where the version has it, an integer instead of a text key (with the
	// front's last initiatives found apart: T38 as of 20/04/2022 at scale 1, 35,000 periods of 22,500 authors, A/B in turn at
	// load ~6: the scan's CPU 95/104/107 -> 82/91/95 ms; the nation then 246 -> 171 ms).
	const authorNo = !fromIndex && (await periodAuthorColumn(db)) === 'author_key_no';
	const periodColumns = numbered ? sql`${periodColumnsSql(authorNo)}, grassroots_no` : periodColumnsSql(authorNo);
	const scopePeriods = fromIndex && keyed
		? sql`SELECT s.initiative_id, s.status, s.benefit, s.field, ${attributed ? sql`s.sector, s.is_leader, ` : sql``}s.author_key_no AS author_key, s.submitted_at, s.from_at,
				nullif(s.to_at, 'infinity'::TIMESTAMP) AS to_at, s.grassroots_code, ${scope.level1Code}::VARCHAR AS level1_code, s.grassroots_no, s.author_no, s.title_no
			FROM search_period s WHERE ${periodScopeCondition(scope, 's')}`
		: fromIndex
		? sql`SELECT s.initiative_id, s.status, s.benefit, s.field, x.sector, x.is_leader, x.author_key, s.submitted_at, s.from_at,
				nullif(s.to_at, 'infinity'::TIMESTAMP) AS to_at, s.grassroots_code, x.level1_code, s.grassroots_no, s.author_no, s.title_no
			FROM search_period s JOIN (
				SELECT initiative_id, from_at, sector, is_leader, author_key, level1_code FROM initiative_period WHERE ${periodScopeCondition(scope)}
			) x ON x.initiative_id = s.initiative_id AND x.from_at = s.from_at
			WHERE ${periodScopeCondition(scope, 's')}`
		: sql`SELECT ${periodColumns} FROM initiative_period WHERE ${periodScopeCondition(scope)}`;
	const ctes = [
		...(withSeries
			? [sql`scope_period AS MATERIALIZED (${scopePeriods})`,
				sql`current_period AS MATERIALIZED (SELECT * FROM scope_period p WHERE ${asOfCondition(stamp.asOf, 'p')})`,
				sql`series AS (${cumulativeSeriesSql(sql`scope_period`, sql`TRUE`, FIRST_DAY, lastDay)})`]
			: [sql`current_period AS MATERIALIZED (SELECT ${periodColumns} FROM initiative_period p
				WHERE ${asOfCondition(stamp.asOf, 'p')} AND ${periodScopeCondition(scope, 'p')})`]),
		...(bys.length > 0
			? [sql`grouped AS (${fromIndex && keyed && !attributed
				? groupedBreakdownsSql(bys, sql`initiative_period`, sql`${asOfCondition(stamp.asOf)} AND ${periodScopeCondition(scope)}`)
				: groupedBreakdownsSql(bys, current, sql`TRUE`)})`]
			: []),
		...(withTotals ? [sql`totals_row AS (${periodTotalsSql(current, sql`TRUE`, scope, stamp.asOf, false, numbered ? 'grassroots_no' : 'grassroots_code')})`] : []),
		...(detail
			? [
					...(withAuthors ? [sql`front AS (${authorFrontOfCurrentSql(options.authorLimit!)})`] : []),
					sql`top AS (${topOfPeriodsSql(current, sql`TRUE`, options.topLimit)})`,
					...(withAuthors ? [sql`author_row AS (${authorRowsSql(indexed, options.authorLimit!, initiativeInScope)})`] : []),
					sql`top_row AS (${topRowsSql(indexed, initiativeInScope)})`
				]
			: [])
	];
	const { rows } = await sql<ScanRow>`
		WITH ${sql.join(ctes, sql`, `)}
		${sql.join(parts, sql` UNION ALL `)}
		ORDER BY part, ord`.execute(db);
	// The listed names and titles the index numbered, read by their numbers (one statement of ~30 point reads, none without).
	const textNumbers = rows.flatMap((r) => [r.name_no, r.title_no]).filter((no) => no !== null);
	if (textNumbers.length > 0) {
		const texts = await pageTexts(db, textNumbers);
		for (const r of rows) {
			if (r.name_no !== null) r.name = texts.get(Number(r.name_no)) ?? null;
			if (r.title_no !== null) r.title = texts.get(Number(r.title_no)) ?? null;
		}
	}
	const part = (i: number) => rows.filter((r) => r.part === i);
	return {
		stamp,
		scope,
		series: withSeries ? part(0).map(toPoint) : null,
		breakdowns: breakdownsOfGroups(part(1) as GroupRow[], bys, { stamp, unit: scope.code, viewer: options.viewer }),
		authors: withAuthors ? rankedAuthors(part(2) as NamedAuthorRow[]) : null,
		top: detail ? rankedInitiatives(part(3) as TopInitiativeRow[]) : null,
		totals: withTotals ? totalsOf(stamp, scope, part(4)[0]!.totals!) : null
	};
}
