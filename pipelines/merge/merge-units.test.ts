// mergeUnits keeps each unit's history by don-vi export time and derives the current tree with level-1 and upper-level codes.
import { describe, expect, it } from 'vitest';
import { mergeUnits } from './merge-units.ts';
import { TREE, addUnitFile, openFixtureDatabase, tableContents, type UnitRow } from './staged-fixture.ts';

const changed: UnitRow[] = TREE.filter((u) => u.unit_code !== 'T38.01.0002').map((u) =>
	u.unit_code === 'T38.01.0001' ? { ...u, members: 450 } : u
);

async function load(order: number[]) {
	const db = await openFixtureDatabase();
	const files = [
		{ fileId: 0, exportedAt: '2022-01-08 00:00', units: TREE },
		{ fileId: 0, exportedAt: '2022-03-01 00:00', units: changed },
		{ fileId: 0, exportedAt: '2022-04-01 00:00', units: TREE.map((u) => (u.unit_code === 'T38.01.0001' ? { ...u, members: 450 } : u)) }
	];
	for (const [position, index] of order.entries()) await addUnitFile(db, { ...files[index]!, fileId: position + 1 });
	await mergeUnits(db);
	return db;
}

describe('mergeUnits', () => {
	it('starts a version where a row changes and ends one where the unit is missing from the next snapshot', async () => {
		const db = await load([2, 0, 1]);
		const versions = await db.all(
			`SELECT unit_code, valid_from, valid_to, members FROM unit_version
			 WHERE unit_code IN ('T38.01.0001', 'T38.01.0002', 'T38') ORDER BY unit_code, valid_from`
		);
		expect(versions).toEqual([
			{ unit_code: 'T38', valid_from: '2022-01-08T00:00:00', valid_to: null, members: 1000 },
			{ unit_code: 'T38.01.0001', valid_from: '2022-01-08T00:00:00', valid_to: '2022-03-01T00:00:00', members: 400 },
			{ unit_code: 'T38.01.0001', valid_from: '2022-03-01T00:00:00', valid_to: null, members: 450 },
			{ unit_code: 'T38.01.0002', valid_from: '2022-01-08T00:00:00', valid_to: '2022-03-01T00:00:00', members: 200 },
			{ unit_code: 'T38.01.0002', valid_from: '2022-04-01T00:00:00', valid_to: null, members: 200 }
		]);
		expect(await db.one('SELECT count(*) AS n FROM unit_version')).toEqual({ n: 13 });
		db.close();
	});

	it('derives level-1 and upper-level codes, and the level-1 kind from ref_level1', async () => {
		const db = await load([0, 1, 2]);
		const units = await db.all(
			`SELECT unit_code, level1_code, upper_code, kind, members FROM unit
			 WHERE unit_code IN ('T38', 'T38.01', 'T38.01.0001', 'N01', 'N01.0001') ORDER BY unit_code`
		);
		expect(units).toEqual([
			{ unit_code: 'N01', level1_code: 'N01', upper_code: null, kind: 'sectoral', members: 300 },
			{ unit_code: 'N01.0001', level1_code: 'N01', upper_code: null, kind: null, members: 300 },
			{ unit_code: 'T38', level1_code: 'T38', upper_code: null, kind: 'provincial', members: 1000 },
			{ unit_code: 'T38.01', level1_code: 'T38', upper_code: 'T38.01', kind: null, members: 600 },
			{ unit_code: 'T38.01.0001', level1_code: 'T38', upper_code: 'T38.01', kind: null, members: 450 }
		]);
		expect(await db.one('SELECT count(*) AS n FROM unit')).toEqual({ n: 11 });
		db.close();
	});

	it('gives identical tables whatever order the don-vi files were loaded in, and when one is loaded twice', async () => {
		const a = await load([0, 1, 2]);
		const b = await load([2, 1, 0]);
		const c = await openFixtureDatabase();
		await addUnitFile(c, { fileId: 7, exportedAt: '2022-03-01 00:00', units: changed });
		await addUnitFile(c, { fileId: 3, exportedAt: '2022-04-01 00:00', units: TREE.map((u) => (u.unit_code === 'T38.01.0001' ? { ...u, members: 450 } : u)) });
		await addUnitFile(c, { fileId: 5, exportedAt: '2022-01-08 00:00', units: TREE });
		await addUnitFile(c, { fileId: 9, exportedAt: '2022-03-01 00:00', units: changed });
		await mergeUnits(c);
		for (const table of ['unit_version', 'unit']) {
			expect(await tableContents(b, table)).toEqual(await tableContents(a, table));
			expect(await tableContents(c, table)).toEqual(await tableContents(a, table));
		}
		for (const db of [a, b, c]) db.close();
	});
});
