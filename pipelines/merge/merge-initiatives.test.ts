// mergeInitiatives keeps initiative history by export time: versions, withdrawals by covering snapshots only, reinstatement, and order-independent results.
import { describe, expect, it } from 'vitest';
import { nameKey } from '../../warehouse/text/name-key.ts';
import { mergeInitiatives } from './merge-initiatives.ts';
import { mergeUnits } from './merge-units.ts';
import { loadScenario, openFixtureDatabase, tableContents } from './staged-fixture.ts';

async function merged(order?: number[]) {
	const db = await openFixtureDatabase();
	await loadScenario(db, order);
	await mergeUnits(db);
	await mergeInitiatives(db);
	return db;
}

describe('mergeInitiatives', () => {
	it('keeps one version per distinct consecutive state, bounded by export times', async () => {
		const db = await merged();
		expect(await db.all('SELECT initiative_id, valid_from, valid_to, status, status_at FROM initiative_version ORDER BY ALL')).toEqual([
			{ initiative_id: 'A', valid_from: '2022-03-01T08:00:00', valid_to: '2022-04-01T08:00:00', status: 'under_review', status_at: '2022-02-01T10:00:00' },
			{ initiative_id: 'A', valid_from: '2022-04-01T08:00:00', valid_to: null, status: 'valid', status_at: '2022-03-15T00:00:00' },
			{ initiative_id: 'B', valid_from: '2022-03-01T08:00:00', valid_to: null, status: 'valid', status_at: '2022-02-20T00:00:00' },
			{ initiative_id: 'C', valid_from: '2022-03-01T08:00:00', valid_to: '2022-03-15T08:00:00', status: 'under_review', status_at: '2022-02-15T00:00:00' },
			{ initiative_id: 'C', valid_from: '2022-03-15T08:00:00', valid_to: null, status: 'invalid', status_at: '2022-03-10T00:00:00' },
			{ initiative_id: 'D', valid_from: '2022-03-01T08:00:00', valid_to: null, status: 'under_review', status_at: '2022-02-20T00:00:00' },
			{ initiative_id: 'E', valid_from: '2022-05-01T08:00:00', valid_to: null, status: 'valid', status_at: '2022-01-01T00:00:00' }
		]);
		db.close();
	});

	it("withdraws only at covering snapshots (a unit's export leaves other units alone) and reinstates on reappearance", async () => {
		const db = await merged();
		expect(await db.all('SELECT * FROM initiative_withdrawal ORDER BY ALL')).toEqual([
			{ initiative_id: 'B', withdrawn_at: '2022-04-01T08:00:00', reinstated_at: '2022-05-01T08:00:00' },
			{ initiative_id: 'C', withdrawn_at: '2022-05-01T08:00:00', reinstated_at: null }
		]);
		db.close();
	});

	it('keeps the latest state per initiative with its units, author key, first presence and open withdrawal', async () => {
		const db = await merged();
		expect(
			await db.all(
				`SELECT initiative_id, status, benefit, grassroots_code, upper_code, level1_code, sector, author_key,
				        first_seen_at, withdrawn_at FROM initiative ORDER BY initiative_id`
			)
		).toEqual([
			{ initiative_id: 'A', status: 'valid', benefit: 500, grassroots_code: 'T38.01.0001', upper_code: 'T38.01', level1_code: 'T38', sector: 'Y tế', author_key: 'T38:0912345678', first_seen_at: '2022-03-01T08:00:00', withdrawn_at: null },
			{ initiative_id: 'B', status: 'valid', benefit: 1000, grassroots_code: 'T38.01.0002', upper_code: 'T38.01', level1_code: 'T38', sector: 'Giáo dục', author_key: `T38:T38.01.0002:${nameKey('Đỗ Thị Bình')}`, first_seen_at: '2022-03-01T08:00:00', withdrawn_at: null },
			{ initiative_id: 'C', status: 'invalid', benefit: null, grassroots_code: 'T40.01.0001', upper_code: 'T40.01', level1_code: 'T40', sector: 'Xã, phường, thị trấn', author_key: `T40:T40.01.0001:${nameKey('Tác giả C')}`, first_seen_at: '2022-03-01T08:00:00', withdrawn_at: '2022-05-01T08:00:00' },
			{ initiative_id: 'D', status: 'under_review', benefit: null, grassroots_code: 'N01.0001', upper_code: null, level1_code: 'N01', sector: 'Giáo dục', author_key: 'N01:0987654321', first_seen_at: '2022-03-01T08:00:00', withdrawn_at: null },
			{ initiative_id: 'E', status: 'valid', benefit: 2000, grassroots_code: 'T38.02.0001', upper_code: 'T38.02', level1_code: 'T38', sector: 'Y tế', author_key: `T38:T38.02.0001:${nameKey('Tác giả E')}`, first_seen_at: '2022-05-01T08:00:00', withdrawn_at: null }
		]);
		expect(nameKey('Đỗ Thị Bình')).toBe('dothibinh');
		db.close();
	});

	it('gives the identical warehouse for shuffled, late and duplicate loading', async () => {
		const inOrder = await merged([0, 1, 2, 3]);
		const shuffled = await merged([2, 3, 0, 2, 1]);
		for (const table of ['initiative_version', 'initiative_withdrawal', 'initiative']) {
			expect(await tableContents(shuffled, table)).toEqual(await tableContents(inOrder, table));
		}
		inOrder.close();
		shuffled.close();
	});

	it('ignores files that were rejected', async () => {
		const db = await openFixtureDatabase();
		await loadScenario(db, [0]);
		await db.run(`INSERT INTO source_file SELECT 9, 'sha-x', 'x', 'initiatives', 'toan-quoc', TIMESTAMP '2022-06-01 08:00',
			'csv', false, 1, 'r', 'rejected', 'missing_header', 0, 0, 0, 0`);
		await mergeUnits(db);
		await mergeInitiatives(db);
		expect(await db.one('SELECT count(*) AS n FROM initiative_withdrawal')).toEqual({ n: 0 });
		db.close();
	});
});
