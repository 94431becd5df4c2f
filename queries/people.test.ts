// topAuthors() names a unit's authors from the search index or from the initiative join: the same rows either way, on the hand-made warehouse.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_UNITS, openFixtureWarehouse } from './fixture-warehouse.ts';
import { topAuthorsFrom } from './people.ts';
import { LEADERSHIP } from './viewer.ts';

let fixture: Awaited<ReturnType<typeof openFixtureWarehouse>>;
beforeAll(async () => {
	fixture = await openFixtureWarehouse();
});
afterAll(async () => fixture.close());

describe('topAuthors names', () => {
	it('are the same from the search index and from the initiative join, for every unit, time, source and limit', async () => {
		let named = 0;
		for (const unit of FIXTURE_UNITS.map((u) => u.code)) {
			for (const asOf of [undefined, '2022-03-01 08:00', '2022-06-10 07:59']) {
				for (const source of ['marts', 'periods'] as const) {
					for (const limit of [1, 3, 10]) {
						const options = { viewer: LEADERSHIP, unit, asOf, limit };
						const fromIndex = await topAuthorsFrom(fixture.db, options, source, 'index');
						expect(fromIndex, `${unit} ${asOf} ${source} ${limit}`).toEqual(await topAuthorsFrom(fixture.db, options, source, 'initiative'));
						named += fromIndex.rows.filter((r) => r.name !== null).length;
					}
				}
			}
		}
		expect(named).toBeGreaterThan(50);
	});
});
