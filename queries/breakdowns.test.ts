// breakdowns, benefit, people and data quality on the hand-made warehouse, including the viewer's scoping and the press's suppression.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { benefitDistribution, topInitiatives } from './benefit.ts';
import { breakdown, suppressSmallGroups } from './breakdowns.ts';
import { openFixtureWarehouse } from './fixture-warehouse.ts';
import { authorsByValidCount, topAuthors } from './people.ts';
import { freshness, quarantineCounts } from './quality.ts';
import { LEADERSHIP, NotVisibleError, type Viewer } from './viewer.ts';

let fixture: Awaited<ReturnType<typeof openFixtureWarehouse>>;
beforeAll(async () => {
	fixture = await openFixtureWarehouse();
});
afterAll(async () => fixture.close());
const viewer = LEADERSHIP;
const press: Viewer = { role: 'press' };
const thanhHoa: Viewer = { role: 'regional', unitCode: 'T38' };

describe('breakdown', () => {
	it('breakdown(db, {by: field}) splits initiatives on the portal with valid counts and benefit', async () => {
		const b = await breakdown(fixture.db, { viewer, by: 'field' });
		expect(b.total).toBe(9);
		expect(b.rows.map((r) => [r.key, r.onPortal, r.valid, r.benefit])).toEqual([
			['Sản xuất, kinh doanh', 4, 3, 600], ['Giáo dục, đào tạo', 2, 2, 1400], ['Khác', 2, 0, 0], ['Y tế', 1, 1, 200]
		]);
	});

	it('breakdown(db, {by}) by enterprise vs public sector and by leadership post', async () => {
		expect((await breakdown(fixture.db, { viewer, by: 'enterprise' })).rows.map((r) => [r.key, r.onPortal])).toEqual([['public', 5], ['enterprise', 4]]);
		expect((await breakdown(fixture.db, { viewer, by: 'leadership', unit: 'T38' })).rows.map((r) => [r.key, r.onPortal])).toEqual([['no_leader', 3], ['leader', 1]]);
		expect((await breakdown(fixture.db, { viewer, by: 'sector', unit: 'T38.01' })).rows.map((r) => [r.key, r.onPortal])).toEqual([['Doanh nghiệp nhà nước', 2], ['Giáo dục', 1]]);
	});

	it('breakdown(db, {viewer: press}) hides groups under the threshold and the next smallest when only one is hidden', async () => {
		const b = await breakdown(fixture.db, { viewer: press, by: 'leadership' });
		expect(b.suppressionThreshold).toBe(5);
		expect(b.rows.map((r) => [r.key, r.onPortal, r.suppressed])).toEqual([['no_leader', null, true], ['leader', null, true]]);
		const enterprise = await breakdown(fixture.db, { viewer: press, by: 'enterprise' });
		expect(enterprise.rows.map((r) => [r.key, r.onPortal, r.suppressed])).toEqual([['public', null, true], ['enterprise', null, true]]);
		const rows = (sizes: number[]) => suppressSmallGroups(sizes.map((onPortal) => ({ onPortal, suppressed: false })), press).map((r) => r.suppressed);
		expect(rows([10, 8, 3])).toEqual([false, true, true]);
		expect(rows([10, 8, 3, 2])).toEqual([false, false, true, true]);
		expect(rows([10, 0])).toEqual([false, false]);
	});
});

describe('benefit and people', () => {
	it('benefitDistribution(db, {}) gives quantiles of the stated benefits of valid initiatives', async () => {
		const d = await benefitDistribution(fixture.db, { viewer: press });
		expect(d).toMatchObject({ valid: 6, stating: 5, total: 2200, max: 1000 });
		expect(d.quantiles).toMatchObject({ p10: 100, p50: 400, p99: 1000 });
	});

	it('topInitiatives(db, {unit}) shows titles inside the viewer\'s own subtree only', async () => {
		const own = await topInitiatives(fixture.db, { viewer: thanhHoa, unit: 'T38', limit: 2 });
		expect(own.rows.map((r) => [r.rank, r.initiativeId, r.title, r.benefit])).toEqual([[1, 'I3', 'Sáng kiến I3', 400], [2, 'I8', 'Sáng kiến I8', 200]]);
		expect((await topInitiatives(fixture.db, { viewer, limit: 1 })).rows[0]).toMatchObject({ initiativeId: 'I7', benefit: 1000 });
		await expect(topInitiatives(fixture.db, { viewer: thanhHoa, unit: 'T40' })).rejects.toBeInstanceOf(NotVisibleError);
		await expect(topInitiatives(fixture.db, { viewer: thanhHoa })).rejects.toBeInstanceOf(NotVisibleError);
		await expect(topInitiatives(fixture.db, { viewer: press, unit: 'T38' })).rejects.toBeInstanceOf(NotVisibleError);
	});

	it('topAuthors(db, {}) ranks authors by valid initiatives, one author across two phone spellings', async () => {
		const a = await topAuthors(fixture.db, { viewer });
		expect(a.rows.map((r) => [r.rank, r.name, r.valid, r.onPortal])).toEqual([
			[1, 'Phạm Dung', 2, 2], [2, 'Lê Văn An', 1, 2], [2, 'Vũ Em', 1, 1], [2, 'Đỗ Thị Bình', 1, 1], [2, 'Hà Giang', 1, 1], [6, 'Ngô Hải', 0, 1], [6, 'Trần Cường', 0, 1]
		]);
		expect(JSON.stringify(a)).not.toMatch(/0911/u);
		await expect(topAuthors(fixture.db, { viewer: press, unit: 'T38' })).rejects.toBeInstanceOf(NotVisibleError);
		expect((await topAuthors(fixture.db, { viewer: thanhHoa, unit: 'T38.01' })).rows.map((r) => r.name)).toEqual(['Lê Văn An', 'Đỗ Thị Bình']);
	});

	it('authorsByValidCount(db, {}) counts authors per number of valid initiatives, suppressed for the press', async () => {
		expect((await authorsByValidCount(fixture.db, { viewer })).rows).toEqual([
			{ validInitiatives: 2, authors: 1, suppressed: false }, { validInitiatives: 1, authors: 4, suppressed: false }, { validInitiatives: 0, authors: 2, suppressed: false }
		]);
		expect((await authorsByValidCount(fixture.db, { viewer: press })).rows.every((r) => r.suppressed && r.authors === null)).toBe(true);
	});
});

describe('quality', () => {
	it('quarantineCounts(db, {by}) counts rows by reason and unit; regional unions see their own', async () => {
		expect((await quarantineCounts(fixture.db, { viewer, by: 'reason' })).rows).toEqual([{ key: 'bad_date', rows: 2 }, { key: 'bad_benefit', rows: 1 }]);
		expect((await quarantineCounts(fixture.db, { viewer: { role: 'regional', unitCode: 'T40.01' }, by: 'unit' })).rows).toEqual([{ key: 'T40', rows: 1 }]);
		expect((await quarantineCounts(fixture.db, { viewer, by: 'file' })).total).toBe(3);
		await expect(quarantineCounts(fixture.db, { viewer: press, by: 'reason' })).rejects.toBeInstanceOf(NotVisibleError);
	});

	it('freshness(db) gives the newest export of every source, a level-1 scope with its unit name', async () => {
		const f = await freshness(fixture.db, { viewer: press });
		const T38_NAME = (await fixture.db.selectFrom('unit').select('name').where('unit_code', '=', 'T38').executeTakeFirstOrThrow()).name;
		expect(T38_NAME).toBe('Đơn vị T38');
		expect(f.sources).toEqual([
			{ dataset: 'initiatives', scope: 'T38', scopeName: T38_NAME, newestExport: '2022-04-01T08:00:00', filesLoaded: 1, filesRejected: 0 },
			{ dataset: 'initiatives', scope: 'toan-quoc', scopeName: null, newestExport: '2022-06-10T08:00:00', filesLoaded: 2, filesRejected: 0 },
			{ dataset: 'units', scope: 'don-vi', scopeName: null, newestExport: '2022-05-01T00:00:00', filesLoaded: 2, filesRejected: 0 }
		]);
		expect(f.latestExport).toBe('2022-06-10T08:00:00');
	});
});
