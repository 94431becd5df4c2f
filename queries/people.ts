// Authors (restricted personal data): authors ranked by valid initiatives at T inside the viewer's detail scope, and how many authors have k valid initiatives.
import { sql, type RawBuilder } from 'kysely';
import { readsLatestMarts, suppressSmallGroups, type FigureSource } from './breakdowns.ts';
import type { WallClock } from '../warehouse/time/wall-clock.ts';
import { asOfCondition, n, NATION, periodScopeCondition, QueryInputError, resolveStampAndUnit, scopeCondition, versionFact, hasTables, periodAuthorColumn, type PeriodAuthorColumn, type QueryOptions, type Stamp, type UnitScope, type WarehouseDb } from './query-context.ts';
import { pageTexts, searchIndexStat } from './initiative-search.ts';
import { NotVisibleError, canSeeDetail } from './viewer.ts';

export interface AuthorRow {
	rank: number;
	/** The author's name as last exported (never the phone or the author key). */
	name: string | null;
	grassrootsCode: string | null;
	level1Code: string | null;
	valid: number;
	onPortal: number;
	benefit: number;
}

/**
 * Authors of a unit ranked by valid initiatives at T (then on the portal, then benefit, then name); competition ranks on
 * the valid count. Restricted: NotVisibleError outside the viewer's detail scope.
 */
export async function topAuthors(db: WarehouseDb, options: QueryOptions & { limit?: number }): Promise<Stamp & { unit: string; rows: AuthorRow[] }> {
	return topAuthorsFrom(db, options, 'marts');
}

/**
 * topAuthors() read from the given source (the marts: unit_author, for the nation, level-1 units and upper-level unions);
 * `names` forces where a unit's names come from (tests: both give the same rows), by default chosen by the unit's share.
 */
export async function topAuthorsFrom(
	db: WarehouseDb,
	options: QueryOptions & { limit?: number },
	source: FigureSource,
	names?: 'index' | 'initiative'
): Promise<Stamp & { unit: string; rows: AuthorRow[] }> {
	const [stamp, scope] = await resolveStampAndUnit(db, options.asOf, options.unit, options.viewer);
	if (!canSeeDetail(options.viewer, scope.code)) throw new NotVisibleError(`authors of ${scope.code}`);
	const limit = options.limit ?? 10;
	if (!Number.isSafeInteger(limit) || limit < 1 || limit > 1000) throw new QueryInputError('invalid_option', 'limit must be 1–1000');
	if (scope.level <= 2 && limit <= AUTHOR_FRONT_KEPT && (await readsLatestMarts(db, source, stamp)) && (await hasTables(db, ['unit_author_front']))) {
		// The unit's authors within its first 100, already named: the same rows as the front below and its join.
		const { rows } = await sql<NamedAuthorRow>`
			SELECT name, grassroots_code, level1_code, valid, on_portal, benefit FROM unit_author_front
			WHERE unit_code = ${scope.code} AND as_of = ${stamp.asOf}::TIMESTAMP
			QUALIFY rank() OVER (ORDER BY valid DESC, on_portal DESC, benefit DESC NULLS LAST) <= ${limit}
			ORDER BY valid DESC, on_portal DESC, benefit DESC NULLS LAST, name, author_key
			LIMIT ${limit}`.execute(db);
		return { ...stamp, unit: scope.code, rows: rankedAuthors(rows) };
	}
	const front =
		scope.level <= 2 && (await readsLatestMarts(db, source, stamp))
			? await frontOfMart(db, scope.code, stamp.asOf, limit)
			: frontOfPeriods(stamp.asOf, scope, limit, await periodAuthorColumn(db));
	// Names of a unit's authors: from its row groups of the search index (its period at T carries the initiative's units,
	// its author number the name), not a join reading every initiative's id, unless the unit holds a large share of the
	// periods (a level-1 unit over a tenth of the nation's: its rows cost more to read than every id).
	const level1 = scope.level === 1 ? scope.code : scope.level1Code;
	const fromIndex = names ? names === 'index' : scope.level >= 2 || (scope.level === 1 && (await smallShare(db, scope.code)));
	const index = scope.span && level1 && scope.level >= 1 && fromIndex ? await searchIndexStat(db) : null;
	// With the index, the names are read after the statement by their numbers (authors are numbered in name order, so the
	// number orders them as the name would): a join of search_text read every text between the numbers.
	const named = index
		? sql`SELECT NULL::VARCHAR AS name, s.author_no AS name_no, s.grassroots_code, ${level1}::VARCHAR AS level1_code, a.valid, a.on_portal, a.benefit, a.author_key
			FROM front a JOIN search_period s ON s.initiative_id = a.last_initiative
				AND s.from_at <= ${stamp.asOf}::TIMESTAMP AND s.to_at > ${stamp.asOf}::TIMESTAMP AND ${periodScopeCondition(scope, 's')}`
		: sql`SELECT i.author AS name, NULL::INTEGER AS name_no, i.grassroots_code, i.level1_code, a.valid, a.on_portal, a.benefit, a.author_key
			FROM front a JOIN initiative i ON i.initiative_id = a.last_initiative AND ${scopeCondition(scope, 'i')}`;
	const { rows } = await sql<NamedAuthorRow & { name_no: number | null }>`
		-- Only authors that can reach the first rows (ranked on every key before the name, ties kept) are joined to names.
		WITH front AS (${front})
		SELECT name, name_no, grassroots_code, level1_code, valid, on_portal, benefit FROM (${named})
		ORDER BY valid DESC, on_portal DESC, benefit DESC NULLS LAST, ${index ? sql`name_no` : sql`name`}, author_key
		LIMIT ${limit}`.execute(db);
	if (index) {
		const texts = await pageTexts(db, rows.map((r) => r.name_no));
		for (const r of rows) r.name = r.name_no === null ? null : (texts.get(Number(r.name_no)) ?? null);
	}
	return { ...stamp, unit: scope.code, rows: rankedAuthors(rows) };
}

/** The authors unit_author_front keeps per unit: those ranked within the first 100 (warehouse/sql/marts/unit-author-front.sql). */
const AUTHOR_FRONT_KEPT = 100;

/**
 * Whether a unit holds at most a tenth of the nation's initiatives on the portal at the latest export (unit_totals): only a
 * choice of plan, both give the same rows. On the ×10 replica (CPU per call, load ~6): T01 (5% of the nation) 318 -> 80 ms
 * from the index; T38 (28%) 187 ms by the join, 254 from the index. Looked up once per version's handle and unit.
 */
function smallShare(db: WarehouseDb, unit: string): Promise<boolean> {
	return versionFact(db, `small-share:${unit}`, async () => {
		const { rows } = await sql<{ unit_code: string; on_portal: number }>`
			SELECT unit_code, on_portal FROM unit_totals WHERE unit_code IN (${unit}, ${NATION})`.execute(db);
		const of = (code: string) => n(rows.find((r) => r.unit_code === code)?.on_portal);
		return of(unit) * 10 <= of(NATION);
	});
}

/** A named author row as the query orders them (valid, on the portal, benefit, name, author key). */
export interface NamedAuthorRow {
	name: string | null;
	grassroots_code: string | null;
	level1_code: string | null;
	valid: number;
	on_portal: number;
	benefit: number | null;
}

/** Competition ranks on the valid count of authors in their order (pure). */
export function rankedAuthors(rows: readonly NamedAuthorRow[]): AuthorRow[] {
	let rank = 0;
	return rows.map((r, i) => {
		if (i === 0 || rows[i - 1]!.valid !== r.valid) rank = i + 1;
		return { rank, name: r.name, grassrootsCode: r.grassroots_code, level1Code: r.level1_code, valid: n(r.valid), onPortal: n(r.on_portal), benefit: n(r.benefit) };
	});
}

export type AuthorsByValidCount = Stamp & { unit: string; rows: { validInitiatives: number; authors: number | null; suppressed: boolean }[] };

/** The authors of the scope at T ranked within the first `limit` on every key before the name (ties kept), from the periods. */
function frontOfPeriods(asOf: WallClock, scope: UnitScope, limit: number, author: PeriodAuthorColumn) {
	return authorFrontSql(sql`initiative_period`, sql`${asOfCondition(asOf, 'p')} AND ${periodScopeCondition(scope, 'p')}`, limit, author);
}

/**
 * SQL: the authors of a set of periods (initiative_period, or a relation of its rows, filtered by `where` on alias p) ranked
 * within the first `limit` on every key before the name, ties kept: author_key, valid, on_portal, benefit, last_initiative.
 * The author is `author` of the periods (the key's number orders and groups as the key does), returned as author_key.
 */
export function authorFrontSql(periods: RawBuilder<unknown>, where: RawBuilder<boolean>, limit: number, author: PeriodAuthorColumn = 'author_key') {
	const key = sql.ref(`p.${author}`);
	return sql`
		WITH author AS (
			SELECT ${key} AS author_key, count(*) FILTER (WHERE p.status = 'valid') AS valid, count(*) AS on_portal,
				sum(p.benefit) FILTER (WHERE p.status = 'valid') AS benefit,
				arg_max(p.initiative_id, (p.submitted_at, p.initiative_id)) AS last_initiative
			FROM ${periods} p
			WHERE ${where} AND ${key} IS NOT NULL
			GROUP BY ${key}
		)
		SELECT * FROM author
		QUALIFY rank() OVER (ORDER BY valid DESC, on_portal DESC, benefit DESC NULLS LAST) <= ${limit}`;
}

/**
 * The same authors from unit_author (sorted by unit and valid count): the author at the limit is found by a top-N, then
 * the rows at or above it are read (valid >= its count skips most of the unit's rows).
 */
async function frontOfMart(db: WarehouseDb, unit: string, asOf: WallClock, limit: number) {
	const own = sql`unit_code = ${unit} AND as_of = ${asOf}::TIMESTAMP`;
	const { rows } = await sql<{ valid: number; on_portal: number; benefit: number | null }>`
		SELECT valid, on_portal, benefit FROM unit_author WHERE ${own}
		ORDER BY valid DESC, on_portal DESC, benefit DESC NULLS LAST LIMIT 1 OFFSET ${limit - 1}`.execute(db);
	const cut = rows[0];
	const atOrAbove = cut
		? sql`AND valid >= ${cut.valid} AND (valid > ${cut.valid} OR on_portal > ${cut.on_portal}
			OR (on_portal = ${cut.on_portal} AND ${cut.benefit === null ? sql`TRUE` : sql`benefit >= ${cut.benefit}`}))`
		: sql``;
	return sql`SELECT author_key, valid, on_portal, benefit, last_initiative FROM unit_author WHERE ${own} ${atOrAbove}`;
}

/** How many authors have exactly k valid initiatives at T ("one person with 6"). Aggregates; press: small groups suppressed. */
export async function authorsByValidCount(db: WarehouseDb, options: QueryOptions): Promise<AuthorsByValidCount> {
	return authorsByValidCountFrom(db, options, 'marts');
}

/** authorsByValidCount() read from the given source. */
export async function authorsByValidCountFrom(db: WarehouseDb, options: QueryOptions, source: FigureSource): Promise<AuthorsByValidCount> {
	const [stamp, scope] = await resolveStampAndUnit(db, options.asOf, options.unit, options.viewer);
	const author =
		scope.level <= 2 && (await readsLatestMarts(db, source, stamp))
			? sql`SELECT valid FROM unit_author WHERE unit_code = ${scope.code} AND as_of = ${stamp.asOf}::TIMESTAMP`
			: await periodAuthorColumn(db).then(
					(column) => sql`SELECT count(*) FILTER (WHERE status = 'valid') AS valid
						FROM initiative_period WHERE ${asOfCondition(stamp.asOf)} AND ${periodScopeCondition(scope)} AND ${sql.ref(column)} IS NOT NULL
						GROUP BY ${sql.ref(column)}`
				);
	const { rows } = await sql<{ k: number; authors: number }>`
		SELECT valid AS k, count(*) AS authors FROM (${author})
		GROUP BY valid ORDER BY valid DESC`.execute(db);
	const shown = suppressSmallGroups(rows.map((r) => ({ validInitiatives: r.k, onPortal: n(r.authors), suppressed: false })), options.viewer);
	return { ...stamp, unit: scope.code, rows: shown.map((r) => ({ validInitiatives: r.validInitiatives, authors: r.suppressed ? null : r.onPortal, suppressed: r.suppressed })) };
}
