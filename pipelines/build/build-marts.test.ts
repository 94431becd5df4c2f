// buildMarts turns core into periods on the portal by status, daily cumulative series and current totals, with exact as-of figures.
import { describe, expect, it } from 'vitest';
import type { Database } from '../../warehouse/duckdb/database.ts';
import { mergeInitiatives } from '../merge/merge-initiatives.ts';
import { mergeUnits } from '../merge/merge-units.ts';
import { TREE, addInitiativeFile, addUnitFile, loadScenario, openFixtureDatabase, tableContents } from '../merge/staged-fixture.ts';
import { buildMarts } from './build-marts.ts';

async function built(order?: number[]) {
	const db = await openFixtureDatabase();
	await loadScenario(db, order);
	await mergeUnits(db);
	await mergeInitiatives(db);
	await buildMarts(db);
	return db;
}

async function asOf(db: Database, t: string, where = 'TRUE') {
	return db.one(
		`SELECT count(*) AS on_portal, count(*) FILTER (WHERE status = 'valid') AS valid,
		        coalesce(sum(benefit) FILTER (WHERE status = 'valid'), 0) AS benefit
		 FROM initiative_period WHERE from_at <= $1::TIMESTAMP AND (to_at IS NULL OR to_at > $1::TIMESTAMP) AND ${where}`,
		[t]
	);
}

describe('buildMarts', () => {
	it('splits periods at status times, clamps a review before submission, ends at withdrawal and restarts at reinstatement', async () => {
		const db = await built();
		expect(await db.all('SELECT initiative_id, status, benefit, from_at, to_at FROM initiative_period ORDER BY initiative_id, from_at')).toEqual([
			{ initiative_id: 'A', status: 'under_review', benefit: null, from_at: '2022-02-01T10:00:00', to_at: '2022-03-15T00:00:00' },
			{ initiative_id: 'A', status: 'valid', benefit: 500, from_at: '2022-03-15T00:00:00', to_at: null },
			{ initiative_id: 'B', status: 'under_review', benefit: null, from_at: '2022-02-10T09:00:00', to_at: '2022-02-20T00:00:00' },
			{ initiative_id: 'B', status: 'valid', benefit: 1000, from_at: '2022-02-20T00:00:00', to_at: '2022-04-01T08:00:00' },
			{ initiative_id: 'B', status: 'valid', benefit: 1000, from_at: '2022-05-01T08:00:00', to_at: null },
			{ initiative_id: 'C', status: 'under_review', benefit: null, from_at: '2022-02-15T00:00:00', to_at: '2022-03-10T00:00:00' },
			{ initiative_id: 'C', status: 'invalid', benefit: null, from_at: '2022-03-10T00:00:00', to_at: '2022-05-01T08:00:00' },
			{ initiative_id: 'D', status: 'under_review', benefit: null, from_at: '2022-02-20T00:00:00', to_at: null },
			{ initiative_id: 'E', status: 'valid', benefit: 2000, from_at: '2022-04-20T00:00:00', to_at: null }
		]);
		const order = await db.all<{ from_at: string }>('SELECT from_at FROM initiative_period');
		expect(order.map((r) => r.from_at)).toEqual(order.map((r) => r.from_at).sort());
		db.close();
	});

	it('answers as-of questions with inclusive boundaries', async () => {
		const db = await built();
		expect(await asOf(db, '2022-02-20 00:00')).toEqual({ on_portal: 4, valid: 1, benefit: 1000 });
		expect(await asOf(db, '2022-02-19 23:59')).toEqual({ on_portal: 3, valid: 0, benefit: 0 });
		expect(await asOf(db, '2022-04-01 07:59')).toEqual({ on_portal: 4, valid: 2, benefit: 1500 });
		expect(await asOf(db, '2022-04-01 08:00')).toEqual({ on_portal: 3, valid: 1, benefit: 500 });
		expect(await asOf(db, '2022-05-01 08:00')).toEqual({ on_portal: 4, valid: 3, benefit: 3500 });
		expect(await asOf(db, '2022-05-01 08:00', "level1_code = 'T40'")).toEqual({ on_portal: 0, valid: 0, benefit: 0 });
		expect(await asOf(db, '2022-05-01 07:59', "level1_code = 'T40'")).toEqual({ on_portal: 1, valid: 0, benefit: 0 });
		db.close();
	});

	it('clamps a status time after the export that first showed it to that export time', async () => {
		const db = await openFixtureDatabase();
		await addUnitFile(db, { fileId: 1, exportedAt: '2022-01-08 00:00', units: TREE });
		await addInitiativeFile(db, {
			fileId: 2, scope: 'toan-quoc', exportedAt: '2022-03-01 08:00',
			rows: [{ id: 'X', unit: 'T40.01.0001', submitted: '2022-02-01 00:00', status: 'valid', reviewed: '2022-03-05 00:00', benefit: 7 }]
		});
		await mergeUnits(db);
		await mergeInitiatives(db);
		await buildMarts(db);
		expect(await db.all('SELECT status, from_at, to_at FROM initiative_period ORDER BY from_at')).toEqual([
			{ status: 'under_review', from_at: '2022-02-01T00:00:00', to_at: '2022-03-01T08:00:00' },
			{ status: 'valid', from_at: '2022-03-01T08:00:00', to_at: null }
		]);
		db.close();
	});

	it('writes daily cumulative series for the nation, level-1 units and upper-level unions', async () => {
		const db = await built();
		expect(await db.one('SELECT count(*) AS n, min(day) AS first, max(day) AS last FROM daily_series')).toEqual({ n: 7 * 114, first: '2022-01-08', last: '2022-05-01' });
		const t38 = await db.all(
			`SELECT day, on_portal, under_review, valid, invalid, valid_benefit FROM daily_series
			 WHERE unit_code = 'T38' AND day IN ('2022-01-31', '2022-02-01', '2022-02-20', '2022-03-15', '2022-04-01', '2022-04-20', '2022-05-01') ORDER BY day`
		);
		expect(t38).toEqual([
			{ day: '2022-01-31', on_portal: 0, under_review: 0, valid: 0, invalid: 0, valid_benefit: 0 },
			{ day: '2022-02-01', on_portal: 1, under_review: 1, valid: 0, invalid: 0, valid_benefit: 0 },
			{ day: '2022-02-20', on_portal: 2, under_review: 1, valid: 1, invalid: 0, valid_benefit: 1000 },
			{ day: '2022-03-15', on_portal: 2, under_review: 0, valid: 2, invalid: 0, valid_benefit: 1500 },
			{ day: '2022-04-01', on_portal: 1, under_review: 0, valid: 1, invalid: 0, valid_benefit: 500 },
			{ day: '2022-04-20', on_portal: 2, under_review: 0, valid: 2, invalid: 0, valid_benefit: 2500 },
			{ day: '2022-05-01', on_portal: 3, under_review: 0, valid: 3, invalid: 0, valid_benefit: 3500 }
		]);
		expect(await db.all(`SELECT unit_code, day, on_portal, under_review, valid, invalid, valid_benefit FROM daily_series WHERE unit_code = 'VN' AND day >= '2022-04-30' ORDER BY day`)).toEqual([
			{ unit_code: 'VN', day: '2022-04-30', on_portal: 4, under_review: 1, valid: 2, invalid: 1, valid_benefit: 2500 },
			{ unit_code: 'VN', day: '2022-05-01', on_portal: 4, under_review: 1, valid: 3, invalid: 0, valid_benefit: 3500 }
		]);
		expect(await db.one(`SELECT on_portal FROM daily_series WHERE unit_code = 'T38.01' AND day = '2022-04-01'`)).toEqual({ on_portal: 1 });
		db.close();
	});

	it('writes current totals at every level with targets, attainment, participating unions and authors', async () => {
		const db = await built();
		expect(await db.one('SELECT count(*) AS n FROM unit_totals')).toEqual({ n: 12 });
		const rows = await db.all(
			`SELECT unit_code, unit_level, as_of, on_portal, under_review, valid, invalid, valid_benefit, participating_grassroots, authors, target_assigned, attainment
			 FROM unit_totals WHERE unit_code IN ('VN', 'T38', 'T40', 'T38.01', 'T38.01.0001', 'N01') ORDER BY unit_level, unit_code`
		);
		const at = '2022-05-01T08:00:00';
		expect(rows).toEqual([
			{ unit_code: 'VN', unit_level: 0, as_of: at, on_portal: 4, under_review: 1, valid: 3, invalid: 0, valid_benefit: 3500, participating_grassroots: 4, authors: 4, target_assigned: 180, attainment: 3 / 180 },
			{ unit_code: 'N01', unit_level: 1, as_of: at, on_portal: 1, under_review: 1, valid: 0, invalid: 0, valid_benefit: 0, participating_grassroots: 1, authors: 1, target_assigned: 30, attainment: 0 },
			{ unit_code: 'T38', unit_level: 1, as_of: at, on_portal: 3, under_review: 0, valid: 3, invalid: 0, valid_benefit: 3500, participating_grassroots: 3, authors: 3, target_assigned: 100, attainment: 0.03 },
			{ unit_code: 'T40', unit_level: 1, as_of: at, on_portal: 0, under_review: 0, valid: 0, invalid: 0, valid_benefit: 0, participating_grassroots: 0, authors: 0, target_assigned: 50, attainment: 0 },
			{ unit_code: 'T38.01', unit_level: 2, as_of: at, on_portal: 2, under_review: 0, valid: 2, invalid: 0, valid_benefit: 1500, participating_grassroots: 2, authors: 2, target_assigned: 60, attainment: 2 / 60 },
			{ unit_code: 'T38.01.0001', unit_level: 3, as_of: at, on_portal: 1, under_review: 0, valid: 1, invalid: 0, valid_benefit: 500, participating_grassroots: 1, authors: 1, target_assigned: 40, attainment: 1 / 40 }
		]);
		db.close();
	});

	it('builds identical marts from shuffled and duplicate loading', async () => {
		const a = await built([0, 1, 2, 3]);
		const b = await built([3, 2, 1, 2, 0]);
		for (const table of ['initiative_period', 'daily_series', 'unit_totals']) {
			expect(await tableContents(b, table)).toEqual(await tableContents(a, table));
		}
		a.close();
		b.close();
	});
	it('stores status and field as enums and authors as key numbers, also on a version whose marts hold texts there', async () => {
		const types = (db: Database) =>
			db.all(`SELECT table_name, column_name, data_type FROM duckdb_columns()
			        WHERE table_name IN ('initiative_period', 'search_period') AND column_name IN ('status', 'field') ORDER BY 1, 2`);
		const field = "ENUM('Sản xuất, kinh doanh', 'Giáo dục, đào tạo', 'Y tế', 'Hành chính, sự nghiệp', 'Khoa học, công nghệ', 'Phòng, chống dịch Covid-19', 'Hoạt động công đoàn', 'Khác')";
		const status = "ENUM('under_review', 'valid', 'invalid')";
		const enums = [
			{ table_name: 'initiative_period', column_name: 'field', data_type: field },
			{ table_name: 'initiative_period', column_name: 'status', data_type: status },
			{ table_name: 'search_period', column_name: 'field', data_type: field },
			{ table_name: 'search_period', column_name: 'status', data_type: status }
		];
		const fresh = await built();
		expect(await types(fresh)).toEqual(enums);
		const authorColumns = (db: Database) =>
			db.all(`SELECT table_name, column_name, data_type FROM duckdb_columns()
			        WHERE table_name IN ('initiative_period', 'unit_author', 'unit_author_front') AND column_name LIKE 'author_key%' ORDER BY 1, 2`);
		const numbered = [
			{ table_name: 'initiative_period', column_name: 'author_key_no', data_type: 'INTEGER' },
			{ table_name: 'unit_author', column_name: 'author_key', data_type: 'INTEGER' },
			{ table_name: 'unit_author_front', column_name: 'author_key', data_type: 'INTEGER' }
		];
		expect(await authorColumns(fresh)).toEqual(numbered);
		const authors = await fresh.all('SELECT * FROM unit_author ORDER BY unit_code, author_key');
		expect(authors.length).toBeGreaterThan(0);
		const periods = await fresh.all('SELECT * FROM initiative_period ORDER BY initiative_id, from_at');
		const indexed = await fresh.all(`SELECT * REPLACE (nullif(to_at, 'infinity'::TIMESTAMP) AS to_at) FROM search_period ORDER BY initiative_id, from_at`);
		fresh.close();

		// a version built before the enums: both tables as they were, VARCHAR status and field, with rows
		const old = await openFixtureDatabase();
		await loadScenario(old);
		await mergeUnits(old);
		await mergeInitiatives(old);
		await buildMarts(old);
		for (const table of ['search_period', 'initiative_period']) {
			await old.run(`CREATE TABLE ${table}_v AS SELECT * REPLACE (status::VARCHAR AS status, field::VARCHAR AS field) FROM ${table};
			               DROP TABLE ${table}; ALTER TABLE ${table}_v RENAME TO ${table}`);
		}
		// and, as before numbered authors, the key text in the periods and in the author marts
		await old.run(`ALTER TABLE initiative_period ADD COLUMN author_key VARCHAR;
		               UPDATE initiative_period p SET author_key = i.author_key FROM initiative i WHERE i.initiative_id = p.initiative_id`);
		for (const table of ['unit_author_front', 'unit_author']) {
			await old.run(`CREATE TABLE ${table}_v AS SELECT * REPLACE ('key ' || author_key AS author_key) FROM ${table};
			               DROP TABLE ${table}; ALTER TABLE ${table}_v RENAME TO ${table}`);
		}
		expect((await types(old)).map((c) => c.data_type)).toEqual(['VARCHAR', 'VARCHAR', 'VARCHAR', 'VARCHAR']);
		expect((await authorColumns(old)).map((c) => c.data_type)).toEqual(['VARCHAR', 'INTEGER', 'VARCHAR', 'VARCHAR']);
		await buildMarts(old);
		expect(await types(old)).toEqual(enums);
		expect(await authorColumns(old)).toEqual(numbered);
		expect(await old.all('SELECT * FROM unit_author ORDER BY unit_code, author_key')).toEqual(authors);
		expect(await old.all('SELECT * FROM initiative_period ORDER BY initiative_id, from_at')).toEqual(periods);
		expect(await old.all(`SELECT * REPLACE (nullif(to_at, 'infinity'::TIMESTAMP) AS to_at) FROM search_period ORDER BY initiative_id, from_at`)).toEqual(indexed);
		// read back as the texts, and compared with texts
		expect(await old.all(`SELECT DISTINCT status FROM initiative_period WHERE status IN ('valid', 'invalid') ORDER BY 1`)).toEqual([
			{ status: 'valid' },
			{ status: 'invalid' }
		]);
		old.close();
	});
});
