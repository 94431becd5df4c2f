// Initiative detail queries: a unit's list as of T (diacritics-insensitive search, sort, pagination) and one initiative with its history; both refuse outside the viewer's detail scope.
import { sql, type RawBuilder } from 'kysely';
import { pageTexts, periodTextCondition, searchIndexStat, searchMatch, searchPattern, textsByNumber, type SearchIndexStat, type SearchMatch } from './initiative-search.ts';
import { asOfCondition, n, NATION, periodScopeCondition, QueryInputError, resolveStamp, resolveStampAndUnit, scopeCondition, type QueryOptions, type Stamp, type WarehouseDb } from './query-context.ts';
import { searchNeedle } from './search-needle.ts';
import { NotVisibleError, canSeeDetail, type Viewer } from './viewer.ts';

export { MAX_SEARCH_LENGTH, searchNeedle } from './search-needle.ts';

export const INITIATIVE_SORTS = ['moi-nhat', 'cu-nhat', 'lam-loi', 'ten'] as const;
export type InitiativeSort = (typeof INITIATIVE_SORTS)[number];

/** The largest page a caller may ask for (the Arrow API asks for 100,000; exports ask for no limit at all). */
export const MAX_PAGE_SIZE = 100_000;

/** Closed whitelist of orders: the only SQL text chosen by an option. */
const ORDER: Record<InitiativeSort, RawBuilder<unknown>> = {
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
	/** Matching initiatives in all (every page). */
	total: number;
	rows: InitiativeListRow[];
}

export interface InitiativeListOptions extends QueryOptions {
	/** Matched in title, author or id, ignoring case and diacritics ("do thi binh" finds "Đỗ Thị Bình"). */
	search?: string;
	sort?: InitiativeSort;
	/** Page size; undefined = every row (exports). */
	limit?: number;
	offset?: number;
}

function pageNumber(value: number | undefined, name: string, max: number): number | undefined {
	if (value === undefined) return undefined;
	if (!Number.isSafeInteger(value) || value < 0 || value > max) throw new QueryInputError('invalid_option', `${name} must be an integer from 0 to ${max}`);
	return value;
}

/**
 * The same orders on the search index's rows (alias p), on integers only: title_no numbers titles in text order and id_no the
 * initiatives in id order, so they order as the title and the id do.
 */
const INDEX_ORDER: Record<InitiativeSort, RawBuilder<unknown>> = {
	'moi-nhat': sql`p.submitted_at DESC, p.id_no`,
	'cu-nhat': sql`p.submitted_at, p.id_no`,
	'lam-loi': sql`p.benefit DESC NULLS LAST, p.id_no`,
	ten: sql`p.title_no, p.id_no`
};

const INDEX_COLUMNS = sql`p.initiative_id, p.field, p.status, p.submitted_at, p.benefit, p.grassroots_code, p.title_no, p.author_no`;

type IndexRow = Omit<ListRow, 'title' | 'author'> & { title_no: number | null; author_no: number | null };

/**
 * A page of search_period rows (alias p) matching `where`, in the sort's order, with their title and author texts (pageTexts: the
 * authors from the built text index, the rest read in a second statement by text number). With `fewRows` (`where` holds few rows, wherever they lie) the rows are read whole
 * and then ordered: DuckDB would otherwise cut a small page by row id first and read the page's rows back in a second scan
 * over every row group between them (late materialisation), which for rows spread over the table costs a scan of it.
 */
async function indexPage(
	db: WarehouseDb,
	where: RawBuilder<unknown>,
	sort: InitiativeSort,
	page: RawBuilder<unknown>,
	fewRows = false,
	/** Texts read while the page is (a superset of some of its titles). */
	known: Promise<ReadonlyMap<number, string>> = Promise.resolve(new Map())
): Promise<ListRow[]> {
	const { rows } = await (fewRows
		? sql<IndexRow>`WITH p AS MATERIALIZED (SELECT ${INDEX_COLUMNS}, p.id_no FROM search_period p WHERE ${where})
			SELECT ${INDEX_COLUMNS} FROM p ORDER BY ${INDEX_ORDER[sort]} ${page}`
		: sql<IndexRow>`SELECT ${INDEX_COLUMNS} FROM search_period p WHERE ${where} ORDER BY ${INDEX_ORDER[sort]} ${page}`
	).execute(db);
	const texts = await pageTexts(db, rows.flatMap((row) => [row.title_no, row.author_no]), await known);
	return rows.map(({ title_no, author_no, ...row }) => ({ ...row, title: title_no === null ? null : (texts.get(Number(title_no)) ?? null), author: author_no === null ? null : (texts.get(Number(author_no)) ?? null) }));
}

/** The most texts at the page bound whose texts are read beside the page (a page of 50 has about 50). */
const BOUND_TEXTS_READ = 1_000;

/**
 * The nation's count at the latest export of a texts-only match (the sum of search_text_count's rows of its texts) and a bound
 * on submitted_at holding its pageEnd newest rows: they are at least as new as the pageEnd-th newest of the texts' newest
 * submissions when there are that many texts (each holds a row that new, so pageEnd rows are). The bound, a plain compare,
 * skips the scan of every older row (null: no bound). From the in-memory index when the texts were matched there, else in SQL
 * (the bound then travels as DuckDB's own text of the timestamp, exact to the microsecond).
 */
async function newestCount(db: WarehouseDb, match: SearchMatch, pageEnd: number): Promise<{ total: number; bound: RawBuilder<boolean> | null; boundTexts?: number[] | null }> {
	if (match.textCounts) {
		const micros = match.textCounts.newestBound(pageEnd);
		if (micros === null) return { total: match.textCounts.onPortal(), bound: null };
		// The texts that new (at least pageEnd; more only on ties), when few, for reading their texts beside the page.
		return { total: match.textCounts.onPortal(), bound: sql<boolean>`p.submitted_at >= make_timestamp(${micros}::BIGINT)`, boundTexts: match.textCounts.textsAtLeast(micros, BOUND_TEXTS_READ) };
	}
	const { rows } = await sql<{ n: number | null; newest: string | null }>`
		SELECT sum(c.on_portal) AS n, (SELECT CASE WHEN count(*) = ${pageEnd} THEN min(newest_submitted_at)::VARCHAR END FROM (
			SELECT c.newest_submitted_at FROM search_text_count c WHERE ${match.textsOnly} ORDER BY 1 DESC LIMIT ${pageEnd})) AS newest
		FROM search_text_count c WHERE ${match.textsOnly}`.execute(db);
	const newest = rows[0]?.newest ?? null;
	return { total: n(rows[0]?.n ?? 0), bound: newest === null ? null : sql<boolean>`p.submitted_at >= ${newest}::TIMESTAMP` };
}

/**
 * The list through the search index: a search (`matched`: the texts holding the needle, looked up while the stamp and unit
 * were read) has its matching rows counted and paged in one statement; a plain list takes its total from unit_totals at the
 * latest export (`latest`), as the scan path does, read beside its page.
 */
async function indexedList(
	db: WarehouseDb,
	index: SearchIndexStat,
	matched: Promise<SearchMatch> | null,
	periods: RawBuilder<unknown>,
	sort: InitiativeSort,
	page: RawBuilder<unknown>,
	/** offset + limit, or null for every row. */
	pageEnd: number | null,
	noRows: boolean,
	latest: string | null,
	unit: string
): Promise<{ total: number; rows: ListRow[] }> {
	if (matched) {
		const match = await matched;
		if (match.none) return { total: 0, rows: [] };
		if (match.textsColumn && unit === NATION && latest !== null && latest === index.asOf) {
			// The nation at the latest export, only titles or only authors matching: the count is the sum of theirs.
			if (sort === 'moi-nhat' && pageEnd !== null && !noRows) {
				const { total, bound, boundTexts } = await newestCount(db, match, pageEnd);
				if (total === 0) return { total, rows: [] };
				// Bounded, the rows read are about the page's (the texts' rows that new); when those texts are titles, theirs are read
				// meanwhile (the page's authors then come from the text index: no statement after the page).
				const known = boundTexts && match.textsColumn === 'title_no' ? textsByNumber(db, boundTexts) : undefined;
				known?.catch(() => undefined);
				// A row that new has a text whose newest row is that new: the texts at the bound stand for all matched (fewer to join).
				const condition = (boundTexts && match.textsColumn && periodTextCondition(match.textsColumn, boundTexts)) || match.condition;
				return { total, rows: await indexPage(db, sql`${condition} AND ${bound ?? sql`TRUE`} AND ${periods}`, sort, page, bound !== null, known) };
			}
			// Past the last row the page is empty, as the count then says.
			const [total, rows] = await Promise.all([
				match.textCounts ? match.textCounts.onPortal() : sql<{ n: number }>`SELECT sum(c.on_portal) AS n FROM search_text_count c WHERE ${match.textsOnly}`.execute(db).then(({ rows: count }) => n(count[0]?.n)),
				noRows ? [] : indexPage(db, sql`${match.condition} AND ${periods}`, sort, page)
			]);
			return { total, rows };
		}
		// The count and the page (a top-N) are read at once, each over the unit's row groups (a join back to the page's rows by
		// row id was planned as a scan of the whole table).
		const [{ rows: count }, rows] = await Promise.all([
			sql<{ n: number }>`SELECT count(*) AS n FROM search_period p WHERE ${match.condition} AND ${periods}`.execute(db),
			noRows ? [] : indexPage(db, sql`${match.condition} AND ${periods}`, sort, page)
		]);
		return { total: n(count[0]?.n), rows };
	}
	// The count and the page are read at once (past the last row the page is empty, as the count then says); a page of 0 rows is not read.
	const [mart, rows] = await Promise.all([
		latest === null ? [] : sql<{ n: number }>`SELECT on_portal AS n FROM unit_totals WHERE unit_code = ${unit} AND as_of = ${latest}::TIMESTAMP`.execute(db).then((r) => r.rows),
		noRows ? [] : indexPage(db, periods, sort, page)
	]);
	const { rows: count } = mart.length > 0 ? { rows: mart } : await sql<{ n: number }>`SELECT count(*) AS n FROM search_period p WHERE ${periods}`.execute(db);
	return { total: n(count[0]?.n), rows };
}

const PERIOD_COLUMNS = sql`p.initiative_id, p.field, p.status, p.submitted_at, p.benefit, p.grassroots_code`;

type ListRow = { initiative_id: string; title: string | null; field: string | null; status: string; submitted_at: string; benefit: number | null; author: string | null; grassroots_code: string | null; total?: number };

/**
 * The initiatives on the portal at T inside a unit (default the nation), matching `search` in title, author or id ignoring
 * diacritics and case, in a chosen order; `limit`/`offset` page it (no limit = all, for exports). Detail scope only:
 * NotVisibleError outside it. When the version has the search index and the unit a grassroots_no span (or is the nation), the
 * list reads search_period (a search first matches the distinct titles and authors: see initiative-search.ts); otherwise
 * without a search (and not by title) the page is cut from initiative_period alone and only its rows are joined to titles and
 * authors, and a search scans every title and author of the unit, then their periods (`use.searchIndex` false forces this
 * path, for comparing the two; `use.textIndex` false matches the texts in SQL rather than in the in-memory word index).
 */
export async function initiativeList(db: WarehouseDb, options: InitiativeListOptions, use: { searchIndex: boolean; textIndex?: boolean } = { searchIndex: true }): Promise<InitiativeList> {
	const sort = options.sort ?? 'moi-nhat';
	if (!INITIATIVE_SORTS.includes(sort)) throw new QueryInputError('invalid_option', `unknown sort "${String(sort).slice(0, 40)}"`);
	const limit = pageNumber(options.limit, 'limit', MAX_PAGE_SIZE);
	const offset = pageNumber(options.offset, 'offset', Number.MAX_SAFE_INTEGER) ?? 0;
	const needle = searchNeedle(options.search);
	// A search's titles and authors depend on the needle alone: they are matched in the index while the stamp and the unit are read.
	const matched = use.searchIndex && needle ? searchIndexStat(db).then((index) => index && searchMatch(db, needle, index, use.textIndex !== false)) : null;
	matched?.catch(() => undefined);
	const [stamp, scope] = await resolveStampAndUnit(db, options.asOf, options.unit);
	if (!canSeeDetail(options.viewer, scope.code)) throw new NotVisibleError(`initiatives of ${scope.code}`);
	const periods = sql`${asOfCondition(stamp.asOf, 'p')} AND ${periodScopeCondition(scope, 'p')}`;
	const page = limit === undefined ? sql`` : sql`LIMIT ${limit} OFFSET ${offset}`;
	const empty = limit === 0;
	let total: number;
	let rows: ListRow[];
	// A plain list by date of the nation or a level-1 unit reads initiative_period, stored by from_at: its newest (or oldest) row
	// groups hold the page, and the top-N skips the rest; the index serves searches, the other sorts and the smaller units.
	const byDate = !needle && (sort === 'moi-nhat' || sort === 'cu-nhat') && scope.level <= 1;
	const index = use.searchIndex && !byDate && (scope.column === null || scope.span) ? await searchIndexStat(db) : null;
	if (index) {
		// The search index: search_period is initiative_period sorted by unit with title and author numbers, so the unit's row
		// groups alone are read and titles and authors come from the small search_text (same rows, order and pages as below); its
		// open periods end at 'infinity', so "as of T" is two plain compares.
		const indexPeriods = sql`p.from_at <= ${stamp.asOf}::TIMESTAMP AND p.to_at > ${stamp.asOf}::TIMESTAMP AND ${periodScopeCondition(scope, 'p')}`;
		({ total, rows } = await indexedList(db, index, matched && matched.then((found) => found!), indexPeriods, sort, page, limit === undefined ? null : Math.min(offset + limit, 2 ** 31 - 1), empty, stamp.asOf === stamp.latestExport ? stamp.asOf : null, scope.code));
	} else if (needle) {
		// The unit columns of initiative_period are the initiative's own, so the scope also narrows the initiatives searched.
		const pattern = searchPattern(needle);
		const hit = sql`SELECT i.initiative_id, i.title, i.author FROM initiative i
			WHERE ${scopeCondition(scope, 'i')} AND (regexp_matches(coalesce(i.title, ''), ${pattern}) OR regexp_matches(coalesce(i.author, ''), ${pattern})
				OR contains(lower(i.initiative_id), ${needle}))`;
		({ rows } = await sql<ListRow>`
			WITH hit AS (${hit})
			SELECT ${PERIOD_COLUMNS}, i.title, i.author, count(*) OVER () AS total
			FROM initiative_period p JOIN hit i USING (initiative_id)
			WHERE ${periods} ORDER BY ${ORDER[sort]} ${empty ? sql`LIMIT 1` : page}`.execute(db));
		total = n(rows[0]?.total);
		if (rows.length === 0 && offset > 0) {
			const { rows: count } = await sql<{ n: number }>`WITH hit AS (${hit}) SELECT count(*) AS n FROM initiative_period p JOIN hit i USING (initiative_id) WHERE ${periods}`.execute(db);
			total = n(count[0]?.n);
		}
		if (empty) rows = [];
	} else {
		// At the latest export the unit's count on the portal is a unit_totals row; at other times (or without the row) the periods are counted.
		const mart =
			stamp.asOf === stamp.latestExport
				? (await sql<{ n: number }>`SELECT on_portal AS n FROM unit_totals WHERE unit_code = ${scope.code} AND as_of = ${stamp.asOf}::TIMESTAMP`.execute(db)).rows
				: [];
		const { rows: count } = mart.length > 0 ? { rows: mart } : await sql<{ n: number }>`SELECT count(*) AS n FROM initiative_period p WHERE ${periods}`.execute(db);
		total = n(count[0]?.n);
		if (total === 0 || empty || (limit !== undefined && offset >= total)) rows = [];
		else if (sort === 'ten') {
			({ rows } = await sql<ListRow>`
				SELECT ${PERIOD_COLUMNS}, i.title, i.author FROM initiative_period p JOIN initiative i USING (initiative_id)
				WHERE ${periods} AND ${scopeCondition(scope, 'i')} ORDER BY ${ORDER.ten} ${page}`.execute(db));
		} else {
			// The page is cut from the periods; the join then reads titles and authors of its rows only.
			({ rows } = await sql<ListRow>`
				WITH page AS (SELECT ${PERIOD_COLUMNS} FROM initiative_period p WHERE ${periods} ORDER BY ${ORDER[sort]} ${page})
				SELECT p.*, i.title, i.author FROM page p JOIN initiative i USING (initiative_id) ORDER BY ${ORDER[sort]}`.execute(db));
		}
	}
	return {
		...stamp,
		unit: scope.code,
		total,
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

/** The longest initiative id looked up (longer input cannot be an id). */
const MAX_ID_LENGTH = 60;

/** One initiative as of T (content and author: detail scope only; unknown and not visible both answer NotVisibleError). */
export async function initiativeDetail(db: WarehouseDb, options: { viewer: Viewer; asOf?: string; id: string }): Promise<InitiativeDetail> {
	const stamp = await resolveStamp(db, options.asOf);
	const id = typeof options.id === 'string' ? options.id : '';
	const row =
		id.length > 0 && id.length <= MAX_ID_LENGTH
			? await db
					.selectFrom('initiative')
					.select(['initiative_id', 'title', 'field', 'author', 'coauthors', 'position', 'is_leader', 'grassroots_code', 'upper_code', 'level1_code', 'sector', 'submitted_at', 'recognized_on', 'withdrawn_at'])
					.where('initiative_id', '=', id)
					.executeTakeFirst()
			: undefined;
	if (!row || !row.grassroots_code || !canSeeDetail(options.viewer, row.grassroots_code)) throw new NotVisibleError(`initiative ${id.slice(0, MAX_ID_LENGTH)}`);
	// Periods start at or after the submission (initiative_period is ordered by from_at: the bound skips earlier row groups).
	const { rows: periods } = await sql<{ from_at: string; to_at: string | null; status: string; benefit: number | null }>`
		SELECT from_at, to_at, status, benefit FROM initiative_period
		WHERE initiative_id = ${id} AND from_at <= ${stamp.asOf}::TIMESTAMP
			${row.submitted_at === null ? sql`` : sql`AND from_at >= ${row.submitted_at as string}::TIMESTAMP`}
		ORDER BY from_at`.execute(db);
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
