// Initiative search through the search index (warehouse/sql/marts/search-index.sql): the folded needle found among the distinct titles and authors (in the version's in-memory word index, or by pattern in SQL), then the narrow period rows.
import { sql, type RawBuilder } from 'kysely';
import { foldDiacritics } from '../warehouse/text/name-key.ts';
import { hasTables, n, schemaHandleOf, type WarehouseDb } from './query-context.ts';
import { matchTextPositions, TextMatchIndexBuilder, type TextMatchIndex } from './text-match-index.ts';

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
export function numberRuns(numbers: ArrayLike<number>): [number, number][] {
	const runs: [number, number][] = [];
	if (numbers.length === 0) return runs;
	let from = numbers[0]!;
	let to = from;
	for (let k = 1; k < numbers.length; k++) {
		const value = numbers[k]!;
		if (value === to + 1) to = value;
		else {
			runs.push([from, to]);
			from = to = value;
		}
	}
	runs.push([from, to]);
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
}

/** The layout of the search index these queries read (search_meta.layout, written by warehouse/sql/marts/search-index.sql). */
const SEARCH_LAYOUT = 7;

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
			const { rows: built } = await sql<{ has_space: boolean; as_of: string }>`SELECT has_space, as_of FROM search_meta`.execute(db);
			return { hasSpace: built[0]!.has_space === true, asOf: built[0]!.as_of };
		})();
		stat.catch(() => indexOf.delete(key));
		indexOf.set(key, stat);
	}
	return stat;
}

/**
 * The texts of these search_text numbers (any order, repeats and nulls allowed), read by the unique index on text_no that
 * search-index.sql builds: a page's ~100 scattered numbers are fetched row by row instead of reading every row group they fall
 * in (a join read the whole table's texts when the planner built its hash table on search_text).
 */
export async function textsByNumber(db: WarehouseDb, numbers: readonly (number | null)[]): Promise<Map<number, string>> {
	const wanted = [...new Set(numbers.filter((value): value is number => value !== null).map(Number))];
	if (wanted.some((value) => !Number.isSafeInteger(value))) throw new Error('text numbers must be integers');
	if (wanted.length === 0) return new Map();
	// Literal integers (checked above): a parameter list is not turned into an index lookup.
	const { rows } = await sql<{ text_no: number; text: string }>`
		SELECT text_no, text FROM search_text WHERE text_no IN (${sql.join(wanted.map((value) => sql.lit(value)))})`.execute(db);
	return new Map(rows.map((row) => [n(row.text_no), row.text]));
}

/** The condition on search_period rows (alias p) matching the needle: title or author among the matched texts, or the id containing it. */
export interface SearchMatch {
	/** Nothing can match (no text holds the needle and no id can). */
	readonly none: boolean;
	/** null when nothing can match (built when first read). */
	readonly condition: RawBuilder<boolean> | null;
	/**
	 * When only titles or only authors can match (no id can), the condition on search_text_count picking exactly those texts:
	 * the nation's count at the latest export is then the sum of their counts.
	 */
	readonly textsOnly: RawBuilder<boolean> | null;
	/** The search_period column holding those texts' numbers (with textsOnly). */
	readonly textsColumn: 'title_no' | 'author_no' | null;
	/** With textsOnly, when the texts were matched in the in-memory index: what search_text_count says of exactly those texts. */
	readonly textCounts: TextCounts | null;
}

/** search_text_count (the nation's periods on the portal at the latest export) over a set of texts, from the in-memory index. */
export interface TextCounts {
	/** The sum of their on_portal counts. */
	onPortal(): number;
	/**
	 * The k-th newest of their newest submissions (texts on the portal only) in microseconds since the epoch, or null when fewer
	 * than k of them are on the portal: as `SELECT min(newest_submitted_at) FROM (… ORDER BY 1 DESC LIMIT k)` when it has k rows.
	 */
	newestBound(k: number): number | null;
	/** The texts whose newest submission is at least `micros` (ascending), or null when there are more than `most`. */
	textsAtLeast(micros: number, most: number): number[] | null;
}

function column(kind: 'title' | 'author' | 'text'): RawBuilder<number> {
	return kind === 'title' ? sql<number>`p.title_no` : kind === 'author' ? sql<number>`p.author_no` : sql<number>`c.text_no`;
}

/**
 * The condition on search_period (alias p) that its `column` is among these text numbers (ascending), or null when there are
 * none: up to MAX_RUNS runs of consecutive numbers become ranges, more a semi-join on the list.
 */
export function periodTextCondition(column: 'title_no' | 'author_no', numbers: ArrayLike<number>): RawBuilder<boolean> | null {
	return textCondition(column === 'title_no' ? 'title' : 'author', numbers);
}

function textCondition(kind: 'title' | 'author' | 'text', numbers: ArrayLike<number>): RawBuilder<boolean> | null {
	if (numbers.length === 0) return null;
	const runs = numberRuns(numbers);
	if (runs.length > MAX_RUNS) return sql<boolean>`${column(kind)} IN (SELECT unnest(${Array.from(numbers)}::INTEGER[]))`;
	return sql<boolean>`(${sql.join(
		runs.map(([from, to]) => (from === to ? sql`${column(kind)} = ${from}` : sql`${column(kind)} BETWEEN ${from} AND ${to}`)),
		sql` OR `
	)})`;
}

/** A version's in-memory word index over its search_text titles and authors (text-match-index.ts), with how its positions map to text numbers. */
interface VersionTextIndex {
	index: TextMatchIndex;
	/** text_no of position 0 (text numbers are contiguous). */
	firstNo: number;
	/** The last title's text_no (titles are numbered first). */
	lastTitleNo: number;
	/** search_text_count by position: on_portal (0 when the text has no row there) and newest_submitted_at in microseconds (NaN then). */
	onPortal: Int32Array;
	newestMicros: Float64Array;
	/** The authors' stored texts (NFC, as search_text holds them), by text_no − lastTitleNo − 1. */
	authorTexts: readonly string[];
}

/**
 * The texts of these search_text numbers (any order, repeats and nulls allowed): those in `known`, authors from the version's
 * built text index (never started here), the rest read by textsByNumber (no statement when none is left).
 */
export async function pageTexts(db: WarehouseDb, numbers: readonly (number | null)[], known: ReadonlyMap<number, string> = new Map()): Promise<Map<number, string>> {
	const memory = textIndexOf.get(schemaHandleOf(db))?.built ?? null;
	const texts = new Map<number, string>();
	const unread: number[] = [];
	for (const value of numbers) {
		if (value === null) continue;
		const number = Number(value);
		const text = known.get(number) ?? (memory && number > memory.lastTitleNo ? memory.authorTexts[number - memory.lastTitleNo - 1] : undefined);
		if (text !== undefined) texts.set(number, text);
		else unread.push(number);
	}
	for (const [number, text] of await textsByNumber(db, unread)) texts.set(number, text);
	return texts;
}

/** Texts read per statement while the index is built: the event loop runs between them (~15 ms of folding and splitting each). */
const TEXT_INDEX_CHUNK = 5_000;

const textIndexOf = new WeakMap<object, { built: VersionTextIndex | null; building: Promise<VersionTextIndex | null> }>();

/**
 * Reads every title and author of the version in text_no order and builds the word index (which folds them); null when the numbers are not one
 * contiguous run with the titles first (searches then keep to SQL).
 */
async function loadTextIndex(db: WarehouseDb): Promise<VersionTextIndex | null> {
	const { rows: shape } = await sql<{ texts: number; first_no: number | null; last_no: number | null; titles: number; last_title_no: number | null; first_author_no: number | null }>`
		SELECT count(*) AS texts, min(text_no) AS first_no, max(text_no) AS last_no, count(*) FILTER (WHERE is_title) AS titles,
			max(text_no) FILTER (WHERE is_title) AS last_title_no, min(text_no) FILTER (WHERE NOT is_title) AS first_author_no
		FROM search_text`.execute(db);
	const row = shape[0]!;
	const texts = n(row.texts);
	const firstNo = n(row.first_no ?? 1);
	const lastTitleNo = row.last_title_no === null ? firstNo - 1 : n(row.last_title_no);
	const contiguous = texts === 0 || n(row.last_no) - firstNo + 1 === texts;
	const titlesFirst = (row.first_author_no === null || n(row.first_author_no) === lastTitleNo + 1) && lastTitleNo - firstNo + 1 === n(row.titles);
	if (!contiguous || !titlesFirst) return null;
	const builder = new TextMatchIndexBuilder();
	const authorTexts: string[] = [];
	for (let from = firstNo; from < firstNo + texts; from += TEXT_INDEX_CHUNK) {
		const { rows } = await sql<{ text: string }>`
			SELECT text FROM search_text WHERE text_no >= ${from} AND text_no < ${from + TEXT_INDEX_CHUNK} ORDER BY text_no`.execute(db);
		const chunk = rows.map((row) => row.text);
		builder.add(chunk);
		// The authors (few and short: 94 k names at scale 1, ~2 MB) are kept as stored, so a page's author names need no read.
		for (let k = Math.max(0, lastTitleNo + 1 - from); k < chunk.length; k++) authorTexts.push(chunk[k]!);
	}
	const onPortal = new Int32Array(texts);
	const newestMicros = new Float64Array(texts).fill(Number.NaN);
	for (let from = firstNo; from < firstNo + texts; from += TEXT_COUNT_CHUNK) {
		const { rows } = await sql<{ text_no: number; on_portal: number; newest: number | null }>`
			SELECT text_no, on_portal, epoch_us(newest_submitted_at) AS newest FROM search_text_count
			WHERE text_no >= ${from} AND text_no < ${from + TEXT_COUNT_CHUNK}`.execute(db);
		for (const row of rows) {
			const position = n(row.text_no) - firstNo;
			onPortal[position] = n(row.on_portal);
			if (row.newest !== null) newestMicros[position] = n(row.newest);
		}
	}
	return { index: builder.finish(), firstNo, lastTitleNo, onPortal, newestMicros, authorTexts };
}

/** search_text_count rows read per statement while the index is built (two numbers each). */
const TEXT_COUNT_CHUNK = 100_000;

/**
 * TextCounts of the texts of these numbers in a built index: their counts and newest submissions are gathered once, in one pass
 * in number order, then the sum, the bound and the texts at the bound are taken from that dense copy.
 */
function textCounts(memory: VersionTextIndex, numbers: Uint32Array): TextCounts {
	const first = memory.firstNo;
	let gathered: { onPortal: number; newest: Float64Array } | undefined;
	const gather = (): { onPortal: number; newest: Float64Array } => {
		if (!gathered) {
			let sum = 0;
			const newest = new Float64Array(numbers.length);
			for (let k = 0; k < numbers.length; k++) {
				const position = numbers[k]! - first;
				sum += memory.onPortal[position]!;
				newest[k] = memory.newestMicros[position]!;
			}
			gathered = { onPortal: sum, newest };
		}
		return gathered;
	};
	return {
		onPortal: () => gather().onPortal,
		newestBound: (k) => (k >= 1 && k <= numbers.length ? kthLargest(gather().newest, k) : null),
		textsAtLeast(micros: number, most: number): number[] | null {
			const { newest } = gather();
			const found: number[] = [];
			for (let k = 0; k < newest.length; k++) {
				if (newest[k]! >= micros) {
					if (found.length === most) return null;
					found.push(numbers[k]!);
				}
			}
			return found;
		}
	};
}

/**
 * The k-th largest of the values (NaN skipped), or null when fewer than k are not NaN: a min-heap of the k largest so far (k is at
 * most the values' count), so a value below its least costs one compare.
 */
export function kthLargest(values: Float64Array, k: number): number | null {
	const heap = new Float64Array(k);
	let size = 0;
	for (let index = 0; index < values.length; index++) {
		const value = values[index]!;
		if (Number.isNaN(value)) continue;
		if (size < k) {
			// Sift up.
			let at = size++;
			while (at > 0) {
				const parent = (at - 1) >>> 1;
				if (heap[parent]! <= value) break;
				heap[at] = heap[parent]!;
				at = parent;
			}
			heap[at] = value;
		} else if (value > heap[0]!) {
			// Replace the least and sift down.
			let at = 0;
			for (;;) {
				const left = 2 * at + 1;
				if (left >= k) break;
				const child = left + 1 < k && heap[left + 1]! < heap[left]! ? left + 1 : left;
				if (heap[child]! >= value) break;
				heap[at] = heap[child]!;
				at = child;
			}
			heap[at] = value;
		}
	}
	return size < k ? null : heap[0]!;
}

/**
 * The version's in-memory text index once built, else null, starting its build (a search meanwhile matches in SQL, with the
 * same result). Built once per version's handle; a published version never changes.
 */
export function builtTextIndex(db: WarehouseDb): VersionTextIndex | null {
	return textIndexState(db).built;
}

/** Resolves when the version's in-memory text index is built (null: it cannot be); the query benchmark and tests wait on it (it also starts the build). */
export function whenTextIndexBuilt(db: WarehouseDb): Promise<VersionTextIndex | null> {
	return textIndexState(db).building;
}

function textIndexState(db: WarehouseDb): { built: VersionTextIndex | null; building: Promise<VersionTextIndex | null> } {
	const key = schemaHandleOf(db);
	let state = textIndexOf.get(key);
	if (!state) {
		const created: { built: VersionTextIndex | null; building: Promise<VersionTextIndex | null> } = { built: null, building: Promise.resolve(null) };
		created.building = loadTextIndex(db).then(
			(built) => (created.built = built),
			() => {
				// A failed read (a closed handle) is retried by the next search.
				textIndexOf.delete(key);
				return null;
			}
		);
		state = created;
		textIndexOf.set(key, state);
	}
	return state;
}

/** The titles' and authors' text numbers holding the needle (ascending): from the in-memory index when built (with it), else by SQL. */
async function matchingTexts(db: WarehouseDb, needle: string, memoryIndex: boolean): Promise<{ titles: Uint32Array; authors: Uint32Array; memory: VersionTextIndex | null }> {
	// The first search of a version starts its in-memory index (pages without a search never pay for it) and is answered in SQL.
	const memory = memoryIndex ? builtTextIndex(db) : null;
	if (memory) {
		// Positions ascend and the titles come first: the titles are a prefix. The fresh positions become text numbers in place.
		const numbers = matchTextPositions(memory.index, needle);
		for (let k = 0; k < numbers.length; k++) numbers[k]! += memory.firstNo;
		const split = firstAtLeast(numbers, memory.lastTitleNo + 1);
		return { titles: numbers.subarray(0, split), authors: numbers.subarray(split), memory };
	}
	const { rows } = await sql<{ text_no: number; is_title: boolean }>`
		SELECT x.text_no, x.is_title FROM search_text x WHERE regexp_matches(x.text, ${searchPattern(needle)}) ORDER BY x.text_no`.execute(db);
	return { titles: Uint32Array.from(rows.filter((r) => r.is_title), (r) => n(r.text_no)), authors: Uint32Array.from(rows.filter((r) => !r.is_title), (r) => n(r.text_no)), memory: null };
}

/** The first index of an ascending array whose value is at least `value` (its length when none is). */
function firstAtLeast(sorted: ArrayLike<number>, value: number): number {
	let low = 0;
	let high = sorted.length;
	while (low < high) {
		const middle = (low + high) >>> 1;
		if (sorted[middle]! < value) low = middle + 1;
		else high = middle;
	}
	return low;
}

/**
 * Finds the titles and authors whose folded form (foldDiacritics) holds the needle (folded, non-empty) and returns the condition
 * on search_period: exactly the rows whose initiative's title or author matches searchPattern(needle) or whose id, lower-cased,
 * contains the needle. The texts are matched in the version's in-memory word index once it is built (text-match-index.ts: a few
 * ms to ~30 ms for 1.7 M texts), and before that (or when `memoryIndex` is false: DuckDB alone, as the query benchmark's raw side
 * does it) with searchPattern in SQL, which matches stored text exactly where its folded form holds the needle
 * (initiatives.test.ts); both give the same numbers (initiative-search.test.ts, text-match-index.test.ts).
 */
export async function searchMatch(db: WarehouseDb, needle: string, stat: SearchIndexStat, memoryIndex = true): Promise<SearchMatch> {
	const { titles, authors, memory } = await matchingTexts(db, needle, memoryIndex);
	// An id can hold the needle only if it holds its spaces: most versions have no id with a space.
	const idsPossible = !needle.includes(' ') || stat.hasSpace;
	const single = idsPossible || (titles.length > 0 && authors.length > 0) ? null : titles.length > 0 ? titles : authors;
	// The conditions are built when read: the nation's bounded page needs neither (a large match's runs cost milliseconds).
	let condition: RawBuilder<boolean> | null | undefined;
	let textsOnly: RawBuilder<boolean> | null | undefined;
	return {
		none: titles.length === 0 && authors.length === 0 && !idsPossible,
		get condition() {
			if (condition === undefined) {
				const parts = [textCondition('title', titles), textCondition('author', authors), idsPossible ? sql<boolean>`contains(lower(p.initiative_id), ${needle})` : null].filter(
					(part): part is RawBuilder<boolean> => part !== null
				);
				condition = parts.length === 0 ? null : sql<boolean>`(${sql.join(parts, sql` OR `)})`;
			}
			return condition;
		},
		get textsOnly() {
			if (textsOnly === undefined) textsOnly = single && textCondition('text', single);
			return textsOnly;
		},
		textsColumn: single === null ? null : single === titles ? 'title_no' : 'author_no',
		textCounts: single && memory && textCounts(memory, single)
	};
}
