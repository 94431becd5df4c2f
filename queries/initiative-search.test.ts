// The search index gives initiativeList exactly the rows, totals, order and pages of the full scan, on the hand-made warehouse plus seeded Vietnamese titles and authors.
import { Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededRandom } from '../pipelines/simulated-portal/portal-faults.ts';
import { auditVersion, type AuditContext } from '../pipelines/audit/audit-version.ts';
import { buildMarts } from '../pipelines/build/build-marts.ts';
import { mergeInitiatives } from '../pipelines/merge/merge-initiatives.ts';
import { runSqlFile } from '../pipelines/merge/sql-file.ts';
import { DuckDBDialect } from '../warehouse/duckdb/duckdb-dialect.ts';
import type { WarehouseSchema } from '../warehouse/tables.ts';
import { openFixtureWarehouse } from './fixture-warehouse.ts';
import { foldDiacritics } from '../warehouse/text/name-key.ts';
import { builtTextIndex, kthLargest, numberRuns, searchPattern, whenTextIndexBuilt } from './initiative-search.ts';
import { matchTextPositions } from './text-match-index.ts';
import { INITIATIVE_SORTS, initiativeList, searchNeedle, type InitiativeListOptions } from './initiatives.ts';
import { LEADERSHIP, NotVisibleError, type Viewer } from './viewer.ts';

const THANH_HOA: Viewer = { role: 'regional', unitCode: 'T38' };
const GRASSROOTS = ['T38.01.0001', 'T38.01.0002', 'T38.02.0001', 'T40.01.0001', 'T01.01.0001', 'N01.0001'];
const VERBS = ['Cải tiến', 'CẢI TIẾN', 'Giải pháp', 'Đổi mới', 'Ứng dụng', 'Sáng kiến', 'cải cách'];
const OBJECTS = ['quy trình tiếp nhận hồ sơ', 'lò hơi', 'hệ thống băng tải', 'phương pháp dạy Tiếng Anh', 'công tác phụ đạo', 'khuôn ép nhựa', 'đường ống dẫn'];
const SUFFIXES = ['', ' năm 2022', ' (giai đoạn 2022-2023)', ' trong điều kiện bình thường mới', ': 50% nhanh hơn', ' — CNTT', '  hai  khoảng trắng'];
const FAMILY = ['Nguyễn', 'NGUYỄN', 'Trần', 'Lê', 'Phạm', 'Đỗ', 'Đặng', 'Hoàng'];
const MIDDLE = ['Văn', 'Thị', 'Đức', 'Hữu', 'Ngọc'];
const GIVEN = ['An', 'Bình', 'Đức', 'Dũng', 'Yến', 'Ỳ', 'Nhàn', 'Văn'];

let fixture: Awaited<ReturnType<typeof openFixtureWarehouse>>;
let db: Kysely<WarehouseSchema>;
let statements: string[];
beforeAll(async () => {
	// The hand-made warehouse plus 1,500 seeded initiatives in its two national exports (some under review in the first, reviewed in the second).
	fixture = await openFixtureWarehouse();
	const next = seededRandom(2022);
	const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
	const rows: (string | number | boolean | null)[][] = [];
	for (let k = 0; k < 1500; k++) {
		const id = k % 97 === 0 ? `SK DUC ${k}` : k % 89 === 0 ? `SK-Đức-${k}` : `SK-${String(k).padStart(5, '0')}`;
		const title = k % 211 === 0 ? null : `${pick(VERBS)} ${pick(OBJECTS)}${pick(SUFFIXES)}`;
		const author = k % 199 === 0 ? null : `${pick(FAMILY)} ${pick(MIDDLE)} ${pick(GIVEN)}`;
		const unit = pick(GRASSROOTS);
		const day = 1 + Math.floor(next() * 27);
		const submitted = `2022-0${2 + Math.floor(next() * 3)}-${String(day).padStart(2, '0')} ${String(Math.floor(next() * 24)).padStart(2, '0')}:00`;
		const status = pick(['under_review', 'valid', 'invalid'] as const);
		const benefit = status === 'valid' && next() < 0.8 ? Math.floor(next() * 20) * 1000 : null;
		const row = (file: number, state: string, reviewed: string | null, value: number | null) =>
			[file, 1000 + k, id, title, 'Khác', author, null, null, 'Công nhân', false, unit, submitted, null, state, reviewed, value];
		if (submitted < '2022-03-01' && k % 3 === 0) rows.push(row(1, 'under_review', null, null));
		rows.push(row(2, status, status === 'under_review' ? null : '2022-05-20 00:00', benefit));
	}
	for (let i = 0; i < rows.length; i += 100) {
		const chunk = rows.slice(i, i + 100);
		await fixture.database.run(
			`INSERT INTO staged_initiative VALUES ${chunk.map((_, r) => `(${Array.from({ length: 16 }, (_, c) => `$${r * 16 + c + 1}`).join(', ')})`).join(', ')}`,
			chunk.flat()
		);
		await fixture.database.run(`INSERT INTO file_presence VALUES ${chunk.map((_, r) => `($${2 * r + 1}, $${2 * r + 2})`).join(', ')}`, chunk.flatMap((r) => [r[0]!, r[2]!]));
	}
	await mergeInitiatives(fixture.database);
	await buildMarts(fixture.database);
	statements = [];
	db = new Kysely<WarehouseSchema>({ dialect: new DuckDBDialect({ database: fixture.database }), log: (event) => void statements.push(event.query.sql) });
});
afterAll(async () => {
	await db.destroy();
	await fixture.close();
});

/** The list through the index (checking that it was used) and through the full scan. */
async function bothPaths(options: InitiativeListOptions) {
	statements.length = 0;
	const indexed = await initiativeList(db, options);
	const usedIndex = statements.some((s) => s.includes('search_period'));
	const scanned = await initiativeList(db, options, { searchIndex: false });
	return { indexed, scanned, usedIndex };
}

const NEEDLES = [
	'', '%',
	'cải tiến', 'CAI TIEN', 'cải tiến'.normalize('NFD'), 'Cải Tiến Quy', 'đức', 'ĐỨC', 'duc', 'Đ', 'd', 'van duc', 'nguyen van', 'n va', 'guyen van d',
	'ả', 'ai', 'quy trình (giai', '(giai đoạn 2022-2023)', '2022-2023)', ': 50', '50% nhanh', '— cntt', 'cntt', 'hai  khoang', '  hai  ',
	'sk-0001', 'sk duc', 'sk-duc', 'k d', 'i1', 'ỳ', 'y', 'ngoc y', 'thi an', 'zzz', 'cải tiến lò', 'x'.repeat(101)
];

describe('initiative search index', () => {
	it('finds exactly what the scan finds: rows, totals, order and pages, for every unit, sort and as-of, and lists without a search alike', async () => {
		let compared = 0;
		let found = 0;
		for (const search of NEEDLES) {
			for (const unit of [undefined, 'T38', 'T38.01.0002', 'T40']) {
				for (const [sort, limit, offset, asOf] of [
					['moi-nhat', 50, 0, undefined],
					['ten', 7, 3, undefined],
					['lam-loi', undefined, undefined, undefined],
					['cu-nhat', 20, 0, '2022-04-20 08:00'],
					['ten', 0, 100_000, undefined]
				] as const) {
					const options = { viewer: LEADERSHIP, search, unit, sort, limit, offset, asOf };
					const { indexed, scanned, usedIndex } = await bothPaths(options);
					const label = JSON.stringify(options);
					expect(indexed, label).toEqual(scanned);
					// A plain list of 0 rows per page needs only the unit_totals count; a plain list by date of the nation or a level-1 unit
					// reads initiative_period.
					const plain = search.replace('%', '') === '';
					const byDate = plain && (sort === 'moi-nhat' || sort === 'cu-nhat') && (unit === undefined || unit.length === 3);
					expect(usedIndex, label).toBe(!byDate && !(plain && limit === 0));
					compared++;
					if (scanned.total > 0) found++;
				}
			}
		}
		expect(compared).toBe(NEEDLES.length * 4 * 5);
		// Not vacuous: most needles find something somewhere, and the sorts and pages differ.
		expect(found).toBeGreaterThan(compared / 2);
		const all = await initiativeList(db, { viewer: LEADERSHIP, search: 'cai tien', sort: 'ten' });
		expect(all.total).toBeGreaterThan(100);
		expect(new Set(all.rows.map((r) => r.title)).size).toBeGreaterThan(10);
	});

	it('the in-memory word index is built per version and finds the texts SQL finds; a search before it is built matches in SQL alike', async () => {
		const fresh = new Kysely<WarehouseSchema>({ dialect: new DuckDBDialect({ database: fixture.database }) });
		try {
			expect(builtTextIndex(fresh)).toBeNull();
			// The first search starts the build and is answered by SQL; once built, the same search is answered from memory.
			const options = { viewer: LEADERSHIP, search: 'nguyen van', unit: 'T38', sort: 'ten' as const, limit: 20 };
			const bySql = await initiativeList(fresh, options);
			const memory = await whenTextIndexBuilt(fresh);
			expect(memory).not.toBeNull();
			expect(builtTextIndex(fresh)).toBe(memory);
			expect(await initiativeList(fresh, options)).toEqual(bySql);
			expect(bySql.total).toBeGreaterThan(0);
			let found = 0;
			for (const search of NEEDLES) {
				const needle = searchNeedle(search);
				if (!needle) continue;
				const { rows } = await sql<{ text_no: number }>`SELECT text_no FROM search_text WHERE regexp_matches(text, ${searchPattern(needle)}) ORDER BY text_no`.execute(fresh);
				const expected = rows.map((row) => Number(row.text_no));
				expect(Array.from(matchTextPositions(memory!.index, needle), (position) => memory!.firstNo + position), search).toEqual(expected);
				if (expected.length > 0) found++;
			}
			expect(found).toBeGreaterThan(NEEDLES.length / 2);
		} finally {
			await fresh.destroy();
		}
		// The comparisons with the scan above ran on the shared handle, whose index was built by its first search.
		expect(builtTextIndex(db)).not.toBeNull();
	});

	it('matches diacritics, đ, NFD input, words split across tokens and needles inside words, and nothing else', async () => {
		const titles = async (search: string, unit?: string) => (await initiativeList(db, { viewer: LEADERSHIP, search, unit })).rows;
		expect((await titles('cai tien')).every((r) => /cải tiến/iu.test(r.title ?? ''))).toBe(true);
		expect((await titles('cải tiến'.normalize('NFD'))).length).toBeGreaterThan(0);
		expect((await titles('n va')).every((r) => /n v[aă]/iu.test(`${r.title} ${r.author}`))).toBe(true);
		expect((await titles('van duc')).every((r) => /văn đức/iu.test(`${r.title} ${r.author}`))).toBe(true);
		expect((await titles('van duc')).length).toBeGreaterThan(0);
		expect((await titles('sk duc')).map((r) => r.initiativeId).every((id) => id.startsWith('SK DUC'))).toBe(true);
		expect((await titles('sk duc')).length).toBeGreaterThan(0);
		expect((await titles('zzz')).length).toBe(0);
		expect((await initiativeList(db, { viewer: LEADERSHIP, search: 'zzz' })).total).toBe(0);
	});

	it('the nation at the latest export counts title-only and author-only matches from search_text_count (no id holds a space), in SQL and in memory', async () => {
		const plain = await openFixtureWarehouse();
		const logged: string[] = [];
		const plainDb = new Kysely<WarehouseSchema>({ dialect: new DuckDBDialect({ database: plain.database }), log: (event) => void logged.push(event.query.sql) });
		try {
			for (const memory of [false, true]) {
				if (memory) await whenTextIndexBuilt(plainDb);
				for (const [search, fast, total] of [['sang kien', true, 9], ['van an', true, 2], ['sang kien', false, 8], ['an', false, 9]] as const) {
					for (const sort of ['moi-nhat', 'lam-loi'] as const) {
						const options = { viewer: LEADERSHIP, search, sort, limit: 3, ...(fast || search === 'an' ? {} : { asOf: '2022-04-20 08:00' }) };
						logged.length = 0;
						const indexed = await initiativeList(plainDb, options, { searchIndex: true, textIndex: memory });
						// The fast path counts from search_text_count (SQL) or its in-memory copy: no period is counted.
						const countedPeriods = logged.some((s) => /count\(\*\) AS n FROM search_period/u.test(s));
						expect(logged.some((s) => s.includes('search_text_count')), `${search} ${String(memory)}`).toBe(fast && !memory);
						expect(countedPeriods, `${search} ${String(memory)}`).toBe(!fast);
						expect(indexed, search).toEqual(await initiativeList(plainDb, options, { searchIndex: false }));
						expect(indexed.total, search).toBe(total);
					}
				}
			}
		} finally {
			await plainDb.destroy();
			await plain.close();
		}
	});

	it('the nation\'s newest page at the latest export reads only rows at least as new as the page needs, with the scan\'s rows for every page (bound in SQL and in memory)', async () => {
		// This fixture has ids with a space, which rule the texts-only path out; none of these needles is in an id, so the index
		// may say so for this handle (restored below) and must still give the scan's rows.
		await fixture.database.run('UPDATE search_meta SET has_space = false');
		const logged: string[] = [];
		const handle = new Kysely<WarehouseSchema>({ dialect: new DuckDBDialect({ database: fixture.database }), log: (event) => void logged.push(event.query.sql) });
		try {
			await whenTextIndexBuilt(handle);
			const cuts: number[] = [];
			for (const memory of [false, true]) {
				let cut = 0;
				for (const search of ['cải tiến', 'quy trình', 'cải tiến lò', 'khuôn ép nhựa', 'van duc', 'nguyen van', 'thi an']) {
					for (const [limit, offset] of [[1, 0], [5, 0], [5, 5], [20, 40], [50, 0], [7, 300], [3, 100_000]] as const) {
						const options = { viewer: LEADERSHIP, search, sort: 'moi-nhat' as const, limit, offset };
						logged.length = 0;
						const indexed = await initiativeList(handle, options, { searchIndex: true, textIndex: memory });
						if (logged.some((s) => /p\.submitted_at >= /u.test(s))) cut++;
						expect(indexed, JSON.stringify(options)).toEqual(await initiativeList(handle, options, { searchIndex: false }));
					}
				}
				cuts.push(cut);
			}
			// Many of these pages (texts-only needles, pages ending before their last text) are bounded, the same ones either way.
			expect(cuts[0]).toBeGreaterThan(15);
			expect(cuts[1]).toBe(cuts[0]);
		} finally {
			await handle.destroy();
			await fixture.database.run('UPDATE search_meta SET has_space = true');
		}
	});

	it('a regional viewer finds only its own unit\'s initiatives, and is refused the nation', async () => {
		const own = await initiativeList(db, { viewer: THANH_HOA, unit: 'T38', search: 'nguyen' });
		expect(own.total).toBeGreaterThan(0);
		expect(own.rows.every((r) => r.grassrootsCode?.startsWith('T38.'))).toBe(true);
		const nation = await initiativeList(db, { viewer: LEADERSHIP, search: 'nguyen' });
		expect(nation.total).toBeGreaterThan(own.total);
		await expect(initiativeList(db, { viewer: THANH_HOA, search: 'nguyen' })).rejects.toBeInstanceOf(NotVisibleError);
	});

	it('falls back to the scan on a version without the index', async () => {
		const old = await openFixtureWarehouse();
		try {
			await old.database.run('DROP TABLE search_meta');
			const list = await initiativeList(old.db, { viewer: LEADERSHIP, search: 'bình' });
			expect(list.rows.map((r) => r.initiativeId)).toEqual(['I3']);
		} finally {
			await old.close();
		}
	});

	it('the in-memory index holds every title and author as foldDiacritics folds it, in text_no order', async () => {
		const rows = (await fixture.database.all('SELECT text_no, text FROM search_text ORDER BY text_no')) as { text_no: number; text: string }[];
		expect(rows.length).toBeGreaterThan(10);
		const memory = (await whenTextIndexBuilt(db))!;
		expect(memory.index.count).toBe(rows.length);
		rows.forEach((row, position) => {
			expect(Number(row.text_no)).toBe(memory.firstNo + position);
			expect(memory.index.bytes.subarray(memory.index.starts[position]!, memory.index.starts[position + 1]! - 1).toString('utf8')).toBe(foldDiacritics(row.text));
		});
		expect(numberRuns([1, 2, 3, 7, 9, 10])).toEqual([[1, 3], [7, 7], [9, 10]]);
		expect(numberRuns([])).toEqual([]);
		expect(numberRuns([4])).toEqual([[4, 4]]);
		expect(numberRuns([4, 6, 7])).toEqual([[4, 4], [6, 7]]);
	});

	it('kthLargest picks the k-th largest value, as a descending sort does (duplicates included, NaN skipped)', () => {
		const next = seededRandom(7);
		for (let trial = 0; trial < 300; trial++) {
			const length = 1 + Math.floor(next() * 200);
			const spread = 1 + Math.floor(next() * (trial % 3 === 0 ? 5 : 1_000_000));
			const values = Array.from({ length }, () => Math.floor(next() * spread) * 1_000_000 + 1.6e15);
			// Some NaN: texts without a row on the portal.
			const typed = Float64Array.from(values, (value, k) => (k % 7 === 3 ? Number.NaN : value));
			const present = Array.from(typed).filter((value) => !Number.isNaN(value)).sort((a, b) => b - a);
			for (const k of [1, 2, 3, Math.ceil(present.length / 2), present.length, present.length + 1]) {
				if (k >= 1) expect(kthLargest(typed, k), `${trial} heap ${k}`).toBe(present[k - 1] ?? null);
			}
		}
	});


	it('keeps its unique index on text_no through the audit (which runs the marts schema again)', async () => {
		const indexes = async () => (await fixture.database.all(`SELECT index_name FROM duckdb_indexes() WHERE table_name = 'search_text'`)) as { index_name: string }[];
		expect(await indexes()).toEqual([{ index_name: 'search_text_no' }]);
		const context: AuditContext = { previous: null, newFileIds: [] };
		const report = await auditVersion(fixture.database, context);
		expect(report.checks.length).toBeGreaterThan(3);
		expect(await indexes()).toEqual([{ index_name: 'search_text_no' }]);
	});

	it('the index is rebuilt by its SQL file alone (the x10 replica runs it on its copies)', async () => {
		const before = await fixture.database.all('SELECT * REPLACE (to_at::VARCHAR AS to_at) FROM search_period ORDER BY initiative_id, from_at');
		await runSqlFile(fixture.database, 'sql/marts/search-index.sql');
		expect(await fixture.database.all('SELECT * REPLACE (to_at::VARCHAR AS to_at) FROM search_period ORDER BY initiative_id, from_at')).toEqual(before);
		expect(before.length).toBeGreaterThan(1500);
		for (const sort of INITIATIVE_SORTS) expect((await bothPaths({ viewer: LEADERSHIP, search: 'an', sort })).usedIndex).toBe(true);
	});

	it('a page\'s titles and authors are the scan\'s after a rebuild in place and with rows out of text_no order (texts are read by number)', async () => {
		const compare = async () => {
			// A new handle per layout: the index stat is looked up once per handle.
			const handle = new Kysely<WarehouseSchema>({ dialect: new DuckDBDialect({ database: fixture.database }) });
			try {
				let titled = 0;
				for (const search of ['', 'cải tiến', 'nguyen van', 'đức']) {
					for (const unit of [undefined, 'T38', 'T38.01.0002']) {
						for (const sort of INITIATIVE_SORTS) {
							const options = { viewer: LEADERSHIP, search, unit, sort, limit: 30 };
							const indexed = await initiativeList(handle, options);
							expect(indexed, JSON.stringify(options)).toEqual(await initiativeList(handle, options, { searchIndex: false }));
							titled += indexed.rows.filter((r) => r.title !== null && r.author !== null).length;
						}
					}
				}
				expect(titled).toBeGreaterThan(100);
			} finally {
				await handle.destroy();
			}
		};
		await compare();
		// Rebuilt in place (as a new version over a copy of the last), the row ids start after the deleted rows.
		await runSqlFile(fixture.database, 'sql/marts/search-index.sql');
		await compare();
		// Rows out of text_no order.
		await fixture.database.run('CREATE TEMP TABLE shuffled AS SELECT * FROM search_text');
		await fixture.database.run('DELETE FROM search_text');
		await fixture.database.run('INSERT INTO search_text SELECT * FROM shuffled ORDER BY text_no DESC');
		await compare();
	});
});
