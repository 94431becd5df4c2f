// Every query scopes itself by the viewer: regional unions see detail only in their subtree, the press no grassroots figures, admin no figures; on the hand-made warehouse.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { benefitDistribution, topInitiatives } from './benefit.ts';
import { breakdown } from './breakdowns.ts';
import { openFixtureWarehouse } from './fixture-warehouse.ts';
import { milestones } from './milestones.ts';
import { authorsByValidCount, topAuthors } from './people.ts';
import { peerStats } from './peers.ts';
import { rankings } from './rankings.ts';
import { dailySeries } from './series.ts';
import { shares } from './shares.ts';
import { targets } from './targets.ts';
import { totals } from './totals.ts';
import { NotVisibleError, canSeeDetail, canSeeFigures, type Viewer } from './viewer.ts';

const THANH_HOA: Viewer = { role: 'regional', unitCode: 'T38' };
const UPPER: Viewer = { role: 'regional', unitCode: 'T38.01' };
const PRESS: Viewer = { role: 'press' };
const ADMIN: Viewer = { role: 'admin' };

let fixture: Awaited<ReturnType<typeof openFixtureWarehouse>>;
beforeAll(async () => {
	fixture = await openFixtureWarehouse();
});
afterAll(async () => fixture.close());

describe('viewer scope', () => {
	it('canSeeDetail and canSeeFigures: subtree by dotted prefix (T380 is not inside T38), press down to level 2, admin none', () => {
		expect(canSeeDetail(THANH_HOA, 'T38.01.0001')).toBe(true);
		expect(canSeeDetail(THANH_HOA, 'T380.01')).toBe(false);
		expect(canSeeDetail(UPPER, 'T38.02.0001')).toBe(false);
		expect(canSeeDetail({ role: 'regional' }, 'T38')).toBe(false);
		expect([0, 1, 2, 3].map((l) => canSeeFigures(PRESS, l))).toEqual([true, true, true, false]);
		expect([0, 1, 2, 3].map((l) => canSeeFigures(ADMIN, l))).toEqual([false, false, false, false]);
	});

	it('a regional union sees titles and authors of its own subtree and NotVisibleError for another province', async () => {
		const own = await topInitiatives(fixture.db, { viewer: THANH_HOA, unit: 'T38' });
		expect(own.rows.every((r) => r.level1Code === 'T38')).toBe(true);
		expect((await topAuthors(fixture.db, { viewer: UPPER, unit: 'T38.01.0001' })).rows[0]!.name).toBe('Lê Văn An');
		await expect(topInitiatives(fixture.db, { viewer: THANH_HOA, unit: 'T01' })).rejects.toBeInstanceOf(NotVisibleError);
		await expect(topAuthors(fixture.db, { viewer: THANH_HOA })).rejects.toBeInstanceOf(NotVisibleError);
		await expect(topAuthors(fixture.db, { viewer: UPPER, unit: 'T38' })).rejects.toBeInstanceOf(NotVisibleError);
		// Other units as aggregates.
		expect((await totals(fixture.db, { viewer: THANH_HOA, unit: 'T01' })).onPortal).toBe(2);
		expect((await rankings(fixture.db, { viewer: THANH_HOA, level: 3 })).rows.length).toBeGreaterThan(3);
	});

	it('the press: aggregates down to upper-level unions, no grassroots union, no detail, small groups suppressed', async () => {
		expect((await totals(fixture.db, { viewer: PRESS, unit: 'T38.01' })).onPortal).toBeGreaterThan(0);
		for (const call of [
			() => totals(fixture.db, { viewer: PRESS, unit: 'T38.01.0001' }),
			() => dailySeries(fixture.db, { viewer: PRESS, unit: 'T38.01.0001' }),
			() => breakdown(fixture.db, { viewer: PRESS, unit: 'T38.01.0001', by: 'field' }),
			() => rankings(fixture.db, { viewer: PRESS, level: 3 }),
			() => shares(fixture.db, { viewer: PRESS, unit: 'T38.01', by: 'unit' }),
			() => topInitiatives(fixture.db, { viewer: PRESS }),
			() => topAuthors(fixture.db, { viewer: PRESS })
		]) await expect(call()).rejects.toBeInstanceOf(NotVisibleError);
		const t = await targets(fixture.db, { viewer: PRESS, unit: 'T38.01' });
		expect(t.subUnits.rows).toEqual([]);
		expect(t.subUnits.total).toBe(2);
		expect((await targets(fixture.db, { viewer: PRESS, unit: 'T38' })).subUnits.rows.map((r) => r.code)).toEqual(['T38.01', 'T38.02']);
		const b = await breakdown(fixture.db, { viewer: PRESS, by: 'field' });
		expect(b.suppressionThreshold).toBe(5);
		expect(b.rows.every((r) => r.suppressed || (r.onPortal ?? 0) >= 5)).toBe(true);
		expect((await authorsByValidCount(fixture.db, { viewer: PRESS })).rows.every((r) => r.suppressed || (r.authors ?? 0) >= 5)).toBe(true);
	});

	it('admin sees no figures (NotVisibleError on every figure query)', async () => {
		for (const call of [
			() => totals(fixture.db, { viewer: ADMIN }),
			() => targets(fixture.db, { viewer: ADMIN }),
			() => rankings(fixture.db, { viewer: ADMIN }),
			() => dailySeries(fixture.db, { viewer: ADMIN }),
			() => milestones(fixture.db, { viewer: ADMIN }),
			() => benefitDistribution(fixture.db, { viewer: ADMIN }),
			() => peerStats(fixture.db, { viewer: ADMIN, unit: 'T38', by: 'region' }),
			() => shares(fixture.db, { viewer: ADMIN, by: 'region' })
		]) await expect(call()).rejects.toBeInstanceOf(NotVisibleError);
	});
});
