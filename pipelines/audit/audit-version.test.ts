// auditVersion passes a sound version and fails each check, naming the offending keys, when the version is broken on purpose.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../warehouse/duckdb/database.ts';
import { buildMarts } from '../build/build-marts.ts';
import { mergeInitiatives } from '../merge/merge-initiatives.ts';
import { mergeUnits } from '../merge/merge-units.ts';
import { loadScenario, openFixtureDatabase } from '../merge/staged-fixture.ts';
import { auditVersion, checkFromOffences } from './audit-version.ts';

async function built(order?: number[]) {
	const db = await openFixtureDatabase();
	await loadScenario(db, order);
	await mergeUnits(db);
	await mergeInitiatives(db);
	await buildMarts(db);
	return db;
}

let sound: Database;
let soundAgain: Database;
let withoutLateExport: Database;

beforeAll(async () => {
	[sound, soundAgain, withoutLateExport] = await Promise.all([built(), built(), built([0, 1, 2])]);
});

afterAll(() => {
	for (const db of [sound, soundAgain, withoutLateExport]) db.close();
});

/** Breaks the sound warehouse inside a transaction, audits it, and rolls everything back. */
async function failing(breakIt: string, previous: Database | null = null, newFileIds: number[] = []) {
	await sound.run('BEGIN TRANSACTION');
	try {
		await sound.run(breakIt);
		const report = await auditVersion(sound, { previous, newFileIds });
		const revisions = await sound.all('SELECT level1_code, month, metric, previous_month_end, new_month_end, explained, file_ids FROM figure_revision ORDER BY level1_code, month');
		return { passed: report.passed, failed: report.checks.filter((c) => !c.passed), revisions };
	} finally {
		await sound.run('ROLLBACK');
	}
}

describe('auditVersion', () => {
	it('passes a sound version, first or not', async () => {
		const report = await auditVersion(sound, { previous: null, newFileIds: [1, 2, 3, 4] });
		expect(report.checks.map((c) => c.name)).toEqual([
			'unique-keys', 'required-values', 'initiatives-resolve', 'file-accounting', 'marts-agree-core', 'periods-no-overlap', 'closed-months-unchanged'
		]);
		expect(report.passed).toBe(true);
		expect((await auditVersion(soundAgain, { previous: sound, newFileIds: [] })).passed).toBe(true);
		expect(await soundAgain.one('SELECT count(*) AS n FROM figure_revision')).toEqual({ n: 0 });
	});

	it('fails on a duplicate key', async () => {
		const { passed, failed } = await failing(`INSERT INTO initiative_withdrawal SELECT * FROM initiative_withdrawal WHERE initiative_id = 'C'`);
		expect(passed).toBe(false);
		expect(failed).toEqual([{ name: 'unique-keys', passed: false, detail: '1 offending: initiative_withdrawal C at 2022-05-01 08:00:00' }]);
	});

	it('fails on a missing required value', async () => {
		expect((await failing(`UPDATE initiative SET author_key = NULL WHERE initiative_id = 'D'`)).failed).toEqual([{ name: 'required-values', passed: false, detail: '1 offending: initiative D author_key' }]);
	});

	it('fails on an initiative outside the unit tree', async () => {
		expect((await failing(`UPDATE initiative SET grassroots_code = 'T99.01.0001' WHERE initiative_id = 'A'`)).failed).toEqual([{ name: 'initiatives-resolve', passed: false, detail: '1 offending: initiative A → T99.01.0001' }]);
	});

	it('fails on a file whose rows do not add up', async () => {
		const { failed } = await failing(`UPDATE source_file SET rows_quarantined = rows_quarantined + 1 WHERE file_id = 2`);
		expect(failed.map((c) => c.name)).toEqual(['file-accounting']);
		expect(failed[0]!.detail).toBe('1 offending: file 2 sang-kien_T38_2022-04-01 08:00.csv: read 1 ≠ 1 + 1 + 0');
	});

	it('fails when the marts disagree with core', async () => {
		const { failed } = await failing(`DELETE FROM initiative_period WHERE initiative_id = 'D'`);
		expect(failed.map((c) => c.name)).toEqual(['marts-agree-core']);
		expect(failed[0]!.detail).toBe('1 offending: national on portal: initiative_period 3 ≠ initiative 4');
	});

	it('fails when a latest-export detail mart disagrees with unit_totals', async () => {
		const { failed } = await failing(`UPDATE unit_breakdown SET on_portal = on_portal + 1 WHERE unit_code = 'VN' AND dimension = 'field'`);
		expect(failed).toEqual([{ name: 'marts-agree-core', passed: false, detail: '1 offending: unit_breakdown VN field ≠ unit_totals' }]);
		const authors = await failing(`DELETE FROM unit_author WHERE unit_code = 'T38'`);
		expect(authors.failed.map((c) => c.name)).toEqual(['marts-agree-core']);
		expect(authors.failed[0]!.detail).toMatch(/^1 offending: unit_author T38 authors 0 ≠ unit_totals [1-9]/u);
		const front = await failing(`DELETE FROM unit_author_front WHERE unit_code = 'T38' AND author_key = (SELECT max(author_key) FROM unit_author_front WHERE unit_code = 'T38')`);
		expect(front.failed.map((c) => c.name)).toEqual(['marts-agree-core']);
		expect(front.failed[0]!.detail).toMatch(/^1 offending: unit_author_front T38 rows \d+ < [1-9]/u);
	});

	it('fails on overlapping periods of one initiative', async () => {
		const { failed } = await failing(`INSERT INTO initiative_period SELECT * REPLACE (TIMESTAMP '2022-03-01 00:00' AS from_at, TIMESTAMP '2022-03-02 00:00' AS to_at)
			FROM initiative_period WHERE initiative_id = 'A' AND status = 'under_review'`);
		expect(failed.find((c) => c.name === 'periods-no-overlap')?.detail).toBe('1 offending: initiative_period A from 2022-03-01 00:00:00');
	});

	it('fails when a closed month changed without a new export, and records the revisions', async () => {
		const { failed, revisions } = await failing(
			`UPDATE daily_series SET on_portal = on_portal + 1 WHERE unit_code = 'T38' AND day = '2022-02-28'`, soundAgain, []
		);
		expect(failed).toEqual([{
			name: 'closed-months-unchanged', passed: false,
			detail: 'unexplained revision of a closed month: 1 offending: T38 2022-02 on_portal 2 → 3'
		}]);
		// March's change moves only because February's end did: recorded, explained by its own unchanged end.
		expect(revisions).toEqual([
			{ level1_code: 'T38', month: '2022-02-01', metric: 'on_portal', previous_month_end: 2, new_month_end: 3, explained: false, file_ids: null },
			{ level1_code: 'T38', month: '2022-03-01', metric: 'on_portal', previous_month_end: 2, new_month_end: 2, explained: true, file_ids: null }
		]);
	});

	it("accepts a late export that revises a month's end, though the next month's change moves with it", async () => {
		// As if file 1 (national, 01/03, T38 rows submitted in February) arrived late and raised T38's March end by one:
		// March is explained by file 1; April's change falls by one with its own end unchanged.
		const { passed, failed, revisions } = await failing(
			`UPDATE daily_series SET on_portal = on_portal + 1 WHERE unit_code = 'T38' AND day = '2022-03-31'`, soundAgain, [1]
		);
		expect([passed, failed]).toEqual([true, []]);
		expect(revisions).toEqual([
			{ level1_code: 'T38', month: '2022-03-01', metric: 'on_portal', previous_month_end: 2, new_month_end: 3, explained: true, file_ids: [1] },
			{ level1_code: 'T38', month: '2022-04-01', metric: 'on_portal', previous_month_end: 2, new_month_end: 2, explained: true, file_ids: [1] }
		]);
	});

	it('accepts a late export revising month ends after its own month (its states hold until a later version shows otherwise)', async () => {
		// File 1's rows hold from February on: an initiative it shows that later snapshots held only as quarantined rows stays in April's end.
		const { passed, revisions } = await failing(
			`UPDATE daily_series SET on_portal = on_portal + 1 WHERE unit_code = 'T38' AND day IN ('2022-03-31', '2022-04-30')`, soundAgain, [1]
		);
		expect(passed).toBe(true);
		expect(revisions.map((r) => [r.month, r.previous_month_end, r.new_month_end, r.explained, r.file_ids])).toEqual([['2022-03-01', 2, 3, true, [1]]]);
		const april = await failing(`UPDATE daily_series SET on_portal = on_portal + 1 WHERE unit_code = 'T38' AND day = '2022-04-30'`, soundAgain, [1]);
		expect([april.passed, april.revisions.map((r) => [r.month, r.explained, r.file_ids])]).toEqual([true, [['2022-04-01', true, [1]]]]);
	});

	it('rejects a revision before the earliest month a new file can revise, or of a unit it does not cover', async () => {
		// File 2 (T38 only, 01/04) holds T38 rows submitted from February: January's end cannot move, and T40 is not covered.
		const { failed, revisions } = await failing(
			`UPDATE daily_series SET on_portal = on_portal + 1 WHERE unit_code = 'T38' AND day = '2022-01-31';
			 UPDATE daily_series SET on_portal = on_portal + 1 WHERE unit_code = 'T40' AND day = '2022-03-31'`, soundAgain, [2]
		);
		expect(failed).toEqual([{
			name: 'closed-months-unchanged', passed: false,
			detail: 'unexplained revision of a closed month: 2 offending: T38 2022-01 on_portal 0 → 1; T40 2022-03 on_portal 0 → 1'
		}]);
		expect(revisions.map((r) => [r.level1_code, r.month, r.explained, r.file_ids])).toEqual([
			['T38', '2022-01-01', false, null], ['T38', '2022-02-01', true, [2]], ['T40', '2022-03-01', false, null], ['T40', '2022-04-01', true, null]
		]);
	});

	it('accepts and records a closed-month revision made by a late export of that unit', async () => {
		const db = soundAgain;
		const report = await auditVersion(db, { previous: withoutLateExport, newFileIds: [4] });
		expect(report.passed).toBe(true);
		expect(report.checks.at(-1)?.detail).toBe('2 closed-month figures revised, each by a newly loaded export');
		expect(await db.all('SELECT level1_code, month, metric, previous_value, new_value, explained, file_ids FROM figure_revision ORDER BY metric')).toEqual([
			{ level1_code: 'T40', month: '2022-03-01', metric: 'invalid', previous_value: 0, new_value: 1, explained: true, file_ids: [4] },
			{ level1_code: 'T40', month: '2022-03-01', metric: 'under_review', previous_value: 0, new_value: -1, explained: true, file_ids: [4] }
		]);
	});
});

describe('checkFromOffences', () => {
	it('names up to the examples given and the total count', () => {
		expect(checkFromOffences('x', 7, ['a', 'b'])).toEqual({ name: 'x', passed: false, detail: '7 offending: a; b, … (7 in all)' });
		expect(checkFromOffences('x', 0, [])).toEqual({ name: 'x', passed: true, detail: 'no offending rows' });
	});
});
