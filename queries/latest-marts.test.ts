// At the latest export, totals, breakdowns, authors, benefit distribution and top initiatives read the latest-export marts: for every unit and viewer of the hand-made warehouse they answer exactly what the scan of the periods answers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSqlFile } from '../pipelines/merge/sql-file.ts';
import { benefitDistributionFrom, topInitiativesFrom } from './benefit.ts';
import { BREAKDOWN_BYS, breakdownFrom, type FigureSource } from './breakdowns.ts';
import { FIXTURE_UNITS, openFixtureWarehouse } from './fixture-warehouse.ts';
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
		for (const table of ['unit_totals_detail', 'unit_breakdown', 'unit_author', 'unit_top_initiative']) {
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
			for (const [id, author] of [['SK-TIE-1', 'Trần Văn Tí'], ['SK-TIE-2', 'Trần Văn Tý']] as const) {
				await extra.database.run(`INSERT INTO initiative BY NAME SELECT '${id}' AS initiative_id, '${author}' AS author, 'T40.01.0001' AS grassroots_code,
					'T40.01' AS upper_code, 'T40' AS level1_code, 'T40:0912000111' AS author_key`);
				await extra.database.run(`INSERT INTO initiative_period BY NAME SELECT '${id}' AS initiative_id, 'T40.01.0001' AS grassroots_code, 'T40.01' AS upper_code,
					'T40' AS level1_code, 'valid' AS status, 900000000 AS benefit, 'T40:0912000111' AS author_key, TIMESTAMP '2022-03-01 10:00' AS submitted_at,
					TIMESTAMP '2022-03-01 10:00' AS from_at, (SELECT no_from FROM unit_span WHERE unit_code = 'T40.01.0001') AS grassroots_no`);
			}
			await runSqlFile(extra.database, 'sql/marts/unit-detail.sql');
			for (const source of ['marts', 'periods'] as const) {
				const top = await topAuthorsFrom(extra.db, { viewer: LEADERSHIP, unit: 'T40', asOf: latest, limit: 1 }, source);
				expect(top.rows.map((r) => [r.name, r.valid]), source).toEqual([['Trần Văn Tý', 2]]);
			}
		} finally {
			await extra.close();
		}
	});

	it('give topAuthors() and authorsByValidCount() the ranking of the scan, for small and large limits', async () => {
		for (const limit of [1, 2, 3, 10, 1000]) {
			const answers = answered(await agree((o, source) => topAuthorsFrom(fixture.db, { ...o, limit }, source)));
			expect(answers.some((a) => (a as { rows: unknown[] }).rows.length > 0), String(limit)).toBe(true);
		}
		answered(await agree((o, source) => authorsByValidCountFrom(fixture.db, o, source)));
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
	});
});
