// At the latest export, totals, breakdowns, authors, benefit distribution and top initiatives read the latest-export marts: for every unit and viewer of the hand-made warehouse they answer exactly what the scan of the periods answers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSqlFile } from '../pipelines/merge/sql-file.ts';
import { benefitDistributionFrom, topInitiativesFrom } from './benefit.ts';
import { BREAKDOWN_BYS, breakdownFrom, type FigureSource } from './breakdowns.ts';
import { FIXTURE_UNITS, openFixtureWarehouse, openKeyTextFixtureWarehouse } from './fixture-warehouse.ts';
import { authorsByValidCountFrom, topAuthorsFrom } from './people.ts';
import { resolveStamp } from './query-context.ts';
import { totalsFrom } from './totals.ts';
import { LEADERSHIP, type Viewer } from './viewer.ts';

let fixture: Awaited<ReturnType<typeof openFixtureWarehouse>>;
beforeAll(async () => {
	fixture = await openFixtureWarehouse();
});
afterAll(async () => fixture.close());

const VIEWERS: Viewer[] = [LEADERSHIP, { role: 'press' }, { role: 'regional', unitCode: 'T38' }, { role: 'regional', unitCode: 'T38.01' }, { role: 'admin' }];
const UNITS = ['VN', ...FIXTURE_UNITS.map((u) => u.code)];

/** The answer of one source, or the name of the error it throws (the viewer rules must refuse alike). */
async function answer(run: (source: FigureSource) => Promise<unknown>, source: FigureSource): Promise<unknown> {
	try {
		return await run(source);
	} catch (e) {
		return { error: (e as Error).constructor.name };
	}
}

/** Checks that the marts and the periods agree for every unit and viewer, at the latest export (default and spelt out); returns the answers compared. */
async function agree(run: (options: { viewer: Viewer; unit: string; asOf?: string }, source: FigureSource) => Promise<unknown>): Promise<unknown[]> {
	const latest = (await resolveStamp(fixture.db)).latestExport;
	const answers: unknown[] = [];
	for (const asOf of [undefined, latest]) {
		for (const unit of UNITS) {
			for (const viewer of VIEWERS) {
				const marts = await answer((source) => run({ viewer, unit, asOf }, source), 'marts');
				const periods = await answer((source) => run({ viewer, unit, asOf }, source), 'periods');
				expect(marts, `${unit} ${JSON.stringify(viewer)} ${asOf ?? ''}`).toEqual(periods);
				answers.push(marts);
			}
		}
	}
	return answers;
}

const answered = (answers: unknown[]) => answers.filter((a) => !(a as { error?: string }).error);

describe('latest-export marts', () => {
	it('fill every detail mart on the fixture', async () => {
		for (const table of ['unit_totals_detail', 'unit_breakdown', 'unit_author', 'unit_author_front', 'unit_top_initiative']) {
			const { n } = (await fixture.database.one<{ n: number }>(`SELECT count(*) AS n FROM ${table}`))!;
			expect(n, table).toBeGreaterThan(0);
		}
	});

	it('give totals() the figures of the scan', async () => {
		const answers = answered(await agree((o, source) => totalsFrom(fixture.db, o, source)));
		expect(answers.length).toBeGreaterThan(UNITS.length);
		expect(answers.some((a) => (a as { medianBenefit: number | null }).medianBenefit !== null)).toBe(true);
		expect(answers.some((a) => (a as { withdrawn: number }).withdrawn > 0)).toBe(true);
	});

	it('give breakdown() the rows of the scan, press suppression included', async () => {
		for (const by of BREAKDOWN_BYS) {
			const answers = answered(await agree((o, source) => breakdownFrom(fixture.db, { ...o, by }, source)));
			expect(answers.some((a) => (a as { rows: unknown[] }).rows.length > 1), by).toBe(true);
		}
	});

	it('give benefitDistribution() the quantiles of the scan', async () => {
		const answers = answered(await agree((o, source) => benefitDistributionFrom(fixture.db, o, source)));
		expect(answers.some((a) => (a as { stating: number }).stating > 1)).toBe(true);
	});

	it("name an author by the latest initiative, the larger id when two were submitted in the same minute, in the mart and the scan alike", async () => {
		// Two initiatives of one author (same phone) at the same minute, the name spelt differently: SK-TIE-2 > SK-TIE-1 names the author.
		const extra = await openFixtureWarehouse();
		try {
			const latest = (await resolveStamp(extra.db)).latestExport;
			// their key's number: one past the warehouse's numbers
			const keyNo = (await extra.database.one<{ n: number }>('SELECT max(author_key_no) + 1 AS n FROM initiative_period'))!.n;
			for (const [id, author] of [['SK-TIE-1', 'Trần Văn Tí'], ['SK-TIE-2', 'Trần Văn Tý']] as const) {
				await extra.database.run(`INSERT INTO initiative BY NAME SELECT '${id}' AS initiative_id, '${author}' AS author, 'T40.01.0001' AS grassroots_code,
					'T40.01' AS upper_code, 'T40' AS level1_code, 'T40:0912000111' AS author_key`);
				await extra.database.run(`INSERT INTO initiative_period BY NAME SELECT '${id}' AS initiative_id, 'T40.01.0001' AS grassroots_code, 'T40.01' AS upper_code,
					'T40' AS level1_code, 'valid' AS status, 900000000 AS benefit, ${keyNo} AS author_key_no, TIMESTAMP '2022-03-01 10:00' AS submitted_at,
					TIMESTAMP '2022-03-01 10:00' AS from_at, (SELECT no_from FROM unit_span WHERE unit_code = 'T40.01.0001') AS grassroots_no`);
			}
			for (const mart of ['unit-detail', 'unit-author-front']) await runSqlFile(extra.database, `sql/marts/${mart}.sql`);
			for (const source of ['marts', 'periods'] as const) {
				const top = await topAuthorsFrom(extra.db, { viewer: LEADERSHIP, unit: 'T40', asOf: latest, limit: 1 }, source);
				expect(top.rows.map((r) => [r.name, r.valid]), source).toEqual([['Trần Văn Tý', 2]]);
			}
		} finally {
			await extra.close();
		}
	});

	it('give topAuthors() and authorsByValidCount() the ranking of the scan, for small and large limits', async () => {
		// Up to 100 from unit_author_front, beyond it from unit_author and a join.
		for (const limit of [1, 2, 3, 10, 100, 101, 1000]) {
			const answers = answered(await agree((o, source) => topAuthorsFrom(fixture.db, { ...o, limit }, source)));
			expect(answers.some((a) => (a as { rows: unknown[] }).rows.length > 0), String(limit)).toBe(true);
		}
		answered(await agree((o, source) => authorsByValidCountFrom(fixture.db, o, source)));
	});

	it('rank and count authors from the periods on the key numbers as on the key text of a version built before the numbers', async () => {
		// a version built before the numbers: authors are counted on the key text
		const plain = await openKeyTextFixtureWarehouse();
		try {
			let named = 0;
			for (const asOf of ['2022-03-01 08:00', (await resolveStamp(fixture.db)).latestExport]) {
				for (const unit of UNITS) {
					for (const limit of [1, 3, 100]) {
						const numbered = await topAuthorsFrom(fixture.db, { viewer: LEADERSHIP, unit, asOf, limit }, 'periods');
						expect(numbered, `${unit} ${asOf} ${limit}`).toEqual(await topAuthorsFrom(plain.db, { viewer: LEADERSHIP, unit, asOf, limit }, 'periods'));
						named += numbered.rows.length;
					}
					const counts = await authorsByValidCountFrom(fixture.db, { viewer: LEADERSHIP, unit, asOf }, 'periods');
					expect(counts, `${unit} ${asOf}`).toEqual(await authorsByValidCountFrom(plain.db, { viewer: LEADERSHIP, unit, asOf }, 'periods'));
				}
			}
			expect(named).toBeGreaterThan(20);
		} finally {
			await plain.close();
		}
	});

	it('keep in unit_author_front exactly the authors ranked within their unit\'s first 100, ties at the cut kept, named by their last initiative (and read by rank)', async () => {
		const extra = await openFixtureWarehouse();
		try {
			// 400 more authors of T40, each with an initiative naming them: 95 ahead, then 10 tied at rank 96 across the 100th, then 5
			// with the same counts but no benefit (after them: rank 106), then fewer valid ones with repeated figures and null benefits.
			await extra.database.run(`INSERT INTO initiative BY NAME SELECT 'SK-FRONT-' || i AS initiative_id, 'Tác giả ' || i AS author, 'T40.01.0001' AS grassroots_code,
				'T40.01' AS upper_code, 'T40' AS level1_code, 'T40:front' || i AS author_key FROM range(400) t(i)`);
			await extra.database.run(`INSERT INTO unit_author BY NAME SELECT 'T40' AS unit_code, 1 AS unit_level, (SELECT max(as_of) FROM unit_author) AS as_of,
				900000000 + i AS author_key, CASE WHEN i < 95 THEN 1000 - i WHEN i < 110 THEN 500 ELSE i % 4 END AS valid, 1000 - (i >= 110)::INTEGER * (i % 3) AS on_portal,
				CASE WHEN i < 105 THEN 7000 WHEN i < 110 THEN NULL WHEN i % 5 = 0 THEN NULL ELSE (i % 7) * 1000 END AS benefit,
				'SK-FRONT-' || i AS last_initiative FROM range(400) t(i)`);
			await runSqlFile(extra.database, 'sql/marts/unit-author-front.sql');
			const definition = `SELECT a.unit_code, a.unit_level, a.as_of, a.author_key, a.valid, a.on_portal, a.benefit, i.author AS name, i.grassroots_code, i.level1_code FROM (
					SELECT *, rank() OVER (PARTITION BY unit_code ORDER BY valid DESC, on_portal DESC, benefit DESC NULLS LAST) AS r FROM unit_author
				) a JOIN initiative i ON i.initiative_id = a.last_initiative WHERE r <= 100`;
			const kept = `SELECT unit_code, unit_level, as_of, author_key, valid, on_portal, benefit, name, grassroots_code, level1_code FROM unit_author_front`;
			for (const [left, right] of [[definition, kept], [kept, definition]]) {
				expect(await extra.database.all(`${left} EXCEPT ALL ${right}`)).toEqual([]);
			}
			const t40 = (await extra.database.one<{ n: number }>(`SELECT count(*) AS n FROM unit_author_front WHERE unit_code = 'T40'`))!;
			expect(Number(t40.n)).toBe(105);
			// Read by rank: the first `limit` of the join of unit_author, at the cut (96: ten tied) and past it.
			const latest = (await resolveStamp(extra.db)).latestExport;
			for (const limit of [1, 95, 96, 97, 100]) {
				const expected = await extra.database.all<{ name: string }>(`SELECT i.author AS name FROM unit_author a JOIN initiative i ON i.initiative_id = a.last_initiative
					WHERE a.unit_code = 'T40' ORDER BY a.valid DESC, a.on_portal DESC, a.benefit DESC NULLS LAST, i.author, a.author_key LIMIT ${limit}`);
				const top = await topAuthorsFrom(extra.db, { viewer: LEADERSHIP, unit: 'T40', asOf: latest, limit }, 'marts');
				expect(top.rows.map((r) => r.name), String(limit)).toEqual(expected.map((r) => r.name));
			}
		} finally {
			await extra.close();
		}
	});

	it('give topInitiatives() the initiatives of the scan, within and beyond the rows the mart keeps', async () => {
		for (const limit of [1, 2, 10, 100, 101]) {
			const answers = answered(await agree((o, source) => topInitiativesFrom(fixture.db, { ...o, limit }, source)));
			expect(answers.some((a) => (a as { rows: unknown[] }).rows.length > 0), String(limit)).toBe(true);
		}
	});

	it('are not required: a version published before they existed answers from the periods', async () => {
		const older = await openFixtureWarehouse();
		try {
			for (const table of ['unit_totals_detail', 'unit_breakdown', 'unit_author', 'unit_top_initiative']) await older.database.run(`DROP TABLE ${table}`);
			for (const unit of ['VN', 'T38', 'T38.01']) {
				const o = { viewer: LEADERSHIP, unit };
				expect(await totalsFrom(older.db, o, 'marts')).toEqual(await totalsFrom(fixture.db, o, 'periods'));
				expect(await breakdownFrom(older.db, { ...o, by: 'sector' }, 'marts')).toEqual(await breakdownFrom(fixture.db, { ...o, by: 'sector' }, 'periods'));
				expect(await benefitDistributionFrom(older.db, o, 'marts')).toEqual(await benefitDistributionFrom(fixture.db, o, 'periods'));
				expect(await topAuthorsFrom(older.db, o, 'marts')).toEqual(await topAuthorsFrom(fixture.db, o, 'periods'));
				expect(await authorsByValidCountFrom(older.db, o, 'marts')).toEqual(await authorsByValidCountFrom(fixture.db, o, 'periods'));
				expect(await topInitiativesFrom(older.db, o, 'marts')).toEqual(await topInitiativesFrom(fixture.db, o, 'periods'));
			}
		} finally {
			await older.close();
		}
		// A version with unit_author but not unit_author_front names the front by its join.
		const partial = await openFixtureWarehouse();
		try {
			await partial.database.run('DROP TABLE unit_author_front');
			for (const unit of ['VN', 'T38', 'T38.01']) {
				for (const limit of [1, 3, 100]) expect(await topAuthorsFrom(partial.db, { viewer: LEADERSHIP, unit, limit }, 'marts')).toEqual(await topAuthorsFrom(fixture.db, { viewer: LEADERSHIP, unit, limit }, 'periods'));
			}
		} finally {
			await partial.close();
		}
	});
});
