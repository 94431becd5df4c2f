// Initiative search through the search index (warehouse/sql/marts/search-index.sql): the folded needle found in the distinct titles' and authors' folded form, then the narrow period rows.
import { sql, type RawBuilder } from 'kysely';
import { foldDiacritics } from '../warehouse/text/name-key.ts';
import { hasTables, n, schemaHandleOf, type WarehouseDb } from './query-context.ts';

/** Every precomposed Latin letter (Latin-1 to Latin Extended-B and Latin Extended Additional, all of Vietnamese) by the ASCII letter it folds to. */
const LETTER_VARIANTS: ReadonlyMap<string, string> = (() => {
	const variants = new Map<string, string>();
	for (const [first, last] of [[0x41, 0x5a], [0x61, 0x7a], [0xc0, 0x24f], [0x1e00, 0x1eff]] as const) {
		for (let code = first; code <= last; code++) {
			const letter = String.fromCharCode(code);
			const base = foldDiacritics(letter);
			if (/^[a-z]$/u.test(base)) variants.set(base, (variants.get(base) ?? '') + letter);
		}
	}
	return variants;
})();

/** The pattern of searchPattern without its case-insensitivity flag: one class or literal per character of the needle. */
function patternBody(needle: string): string {
	let pattern = '';
	for (const char of needle) {
		const variants = LETTER_VARIANTS.get(char);
		pattern += variants ? `[${variants}]` : /[\p{L}\p{N} ]/u.test(char) ? char : `\\x{${char.codePointAt(0)!.toString(16)}}`;
	}
	return pattern;
}

/**
 * A case-insensitive RE2 pattern matching, in stored (NFC) text, exactly the places whose folded form contains the
 * needle: each letter becomes the class of its accented forms, everything else an escaped literal. Matching the stored
 * text this way is an order of magnitude faster than folding every title in SQL (strip_accents).
 */
export function searchPattern(needle: string): string {
	return `(?i)${patternBody(needle)}`;
}

/** Consecutive numbers as [from, to] runs (input sorted ascending). */
export function numberRuns(numbers: readonly number[]): [number, number][] {
	const runs: [number, number][] = [];
	for (const value of numbers) {
		const last = runs.at(-1);
		if (last && value === last[1] + 1) last[1] = value;
		else runs.push([value, value]);
	}
	return runs;
}

/** Up to this many runs of matched text numbers become range conditions (which skip row groups); more become a semi-join. */
const MAX_RUNS = 32;

/** What a built search index says of the version's ids. */
export interface SearchIndexStat {
	/** Some initiative id holds a space. */
	hasSpace: boolean;
	/** The latest export time, at which search_text_count counts the periods on the portal. */
	asOf: string;
	/**
	 * rowid − text_no when it is the same for every row of search_text (inserted in text_no order; a version rebuilt over an
	 * earlier one starts its row ids after the deleted rows), else null. A page's titles and authors are then fetched by row id:
	 * a join on text_no reads the text of every row group the page's numbers fall in (~1 s with ~2 M distinct titles).
	 */
	textRowOffset: number | null;
}

/** The layout of the search index these queries read (search_meta.layout, written by warehouse/sql/marts/search-index.sql). */
const SEARCH_LAYOUT = 4;

const indexOf = new WeakMap<object, Promise<SearchIndexStat | null>>();

/**
 * The version's search index stat row, or null when it has no built index of this layout (versions built before it fall back
 * to the full scan). Looked up once per version's handle (schemaHandleOf; a published version never changes).
 */
export function searchIndexStat(db: WarehouseDb): Promise<SearchIndexStat | null> {
	const key = schemaHandleOf(db);
	let stat = indexOf.get(key);
	if (!stat) {
		stat = (async () => {
			if (!(await hasTables(db, ['search_meta']))) return null;
			// A version of another layout lacks columns read here: the layout is checked first.
			const { rows: layout } = await sql<{ n: number }>`SELECT count(*) AS n FROM search_meta WHERE layout = ${SEARCH_LAYOUT}`.execute(db);
			if (n(layout[0]?.n) !== 1) return null;
			const { rows: built } = await sql<{ has_space: boolean; as_of: string; text_row_offset: number | null }>`
				SELECT has_space, as_of,
					(SELECT CASE WHEN min(rowid - text_no) = max(rowid - text_no) THEN min(rowid - text_no) END FROM search_text) AS text_row_offset
				FROM search_meta`.execute(db);
			const offset = built[0]!.text_row_offset;
			return { hasSpace: built[0]!.has_space === true, asOf: built[0]!.as_of, textRowOffset: offset === null ? null : Number(offset) };
		})();
		stat.catch(() => indexOf.delete(key));
		indexOf.set(key, stat);
	}
	return stat;
}

/**
 * A left join of search_text (as `as`) on the text numbered by `column` (`p.title_no`, `s.author_no`, …): by row id when the
 * version's row ids follow text_no (a fetch of the few rows joined), the text number still checked.
 */
export function textJoin(index: SearchIndexStat, as: 't' | 'a', column: `${'p' | 's'}.${'title_no' | 'author_no'}`): RawBuilder<unknown> {
	const number = sql`${sql.ref(as)}.text_no = ${sql.ref(column)}`;
	const offset = index.textRowOffset;
	return sql`LEFT JOIN search_text ${sql.ref(as)} ON ${offset === null ? number : sql`${sql.ref(as)}.rowid = ${sql.ref(column)} + ${sql.lit(offset)} AND ${number}`}`;
}

/** Joins of the title and author texts (aliases t and a) to rows of search_period (alias `alias`) from search_text. */
export function pageTexts(index: SearchIndexStat, alias: 'p' | 's'): RawBuilder<unknown> {
	return sql`${textJoin(index, 't', `${alias}.title_no`)} ${textJoin(index, 'a', `${alias}.author_no`)}`;
}

/** The condition on search_period rows (alias p) matching the needle: title or author among the matched texts, or the id containing it. */
export interface SearchMatch {
	/** null when nothing can match. */
	condition: RawBuilder<boolean> | null;
	/**
	 * When only titles or only authors can match (no id can), the condition on search_text_count picking exactly those texts:
	 * the nation's count at the latest export is then the sum of their counts.
	 */
	textsOnly: RawBuilder<boolean> | null;
}

function column(kind: 'title' | 'author' | 'text'): RawBuilder<number> {
	return kind === 'title' ? sql<number>`p.title_no` : kind === 'author' ? sql<number>`p.author_no` : sql<number>`c.text_no`;
}

function textCondition(kind: 'title' | 'author' | 'text', numbers: number[]): RawBuilder<boolean> | null {
	if (numbers.length === 0) return null;
	const runs = numberRuns(numbers);
	if (runs.length > MAX_RUNS) return sql<boolean>`${column(kind)} IN (SELECT unnest(${numbers}::INTEGER[]))`;
	return sql<boolean>`(${sql.join(
		runs.map(([from, to]) => (from === to ? sql`${column(kind)} = ${from}` : sql`${column(kind)} BETWEEN ${from} AND ${to}`)),
		sql` OR `
	)})`;
}

/**
 * Finds the titles and authors holding the needle (folded, non-empty) in their folded form and returns the condition on
 * search_period: exactly the rows whose initiative's title or author matches searchPattern(needle) or whose id, lower-cased,
 * contains the needle. search_text.folded is foldDiacritics of the text, so it contains the folded needle exactly where the
 * pattern matches the text (queries/initiative-search.test.ts checks both ways on hand-picked and NFD texts).
 */
export async function searchMatch(db: WarehouseDb, needle: string, stat: SearchIndexStat): Promise<SearchMatch> {
	const { rows } = await sql<{ text_no: number; is_title: boolean }>`
		SELECT x.text_no, x.is_title FROM search_text x WHERE contains(x.folded, ${needle}) ORDER BY x.text_no`.execute(db);
	const titles = rows.filter((r) => r.is_title).map((r) => n(r.text_no));
	const authors = rows.filter((r) => !r.is_title).map((r) => n(r.text_no));
	// An id can hold the needle only if it holds its spaces: most versions have no id with a space.
	const idsPossible = !needle.includes(' ') || stat.hasSpace;
	const parts = [textCondition('title', titles), textCondition('author', authors), idsPossible ? sql<boolean>`contains(lower(p.initiative_id), ${needle})` : null].filter(
		(part): part is RawBuilder<boolean> => part !== null
	);
	const single = idsPossible || (titles.length > 0 && authors.length > 0) ? null : titles.length > 0 ? titles : authors;
	return { condition: parts.length === 0 ? null : sql<boolean>`(${sql.join(parts, sql` OR `)})`, textsOnly: single && textCondition('text', single) };
}
