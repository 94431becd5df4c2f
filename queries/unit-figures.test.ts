// unitFigures at past times (daily series + that day's changes) equals counting initiative_period directly, at every minute that matters in the hand-made warehouse.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openFixtureWarehouse } from './fixture-warehouse.ts';
import { resolveStamp, resolveUnit } from './query-context.ts';
import { unitFigures } from './unit-figures.ts';

let fixture: Awaited<ReturnType<typeof openFixtureWarehouse>>;
beforeAll(async () => {
	fixture = await openFixtureWarehouse();
});
afterAll(async () => fixture.close());

/** The figures of one level at T counted straight from initiative_period (the definition). */
async function direct(level: 1 | 2, asOf: string) {
	const column = level === 1 ? 'level1_code' : 'upper_code';
	const rows = await fixture.database.all<{ code: string; on_portal: number; under_review: number; valid: number; invalid: number; benefit: number }>(
		`SELECT ${column} AS code, count(*) AS on_portal, count(*) FILTER (WHERE status = 'under_review') AS under_review,
			count(*) FILTER (WHERE status = 'valid') AS valid, count(*) FILTER (WHERE status = 'invalid') AS invalid,
			coalesce(sum(benefit) FILTER (WHERE status = 'valid'), 0) AS benefit
		FROM initiative_period WHERE from_at <= $1::TIMESTAMP AND (to_at IS NULL OR to_at > $1::TIMESTAMP) AND ${column} IS NOT NULL GROUP BY 1`,
		[asOf]
	);
	return new Map(rows.map((r) => [r.code, [r.on_portal, r.under_review, r.valid, r.invalid, r.benefit].map(Number)]));
}

describe('unitFigures at a past T', () => {
	it('equals counting the periods at T, at period boundaries, a minute either side, midnights and mid-day', async () => {
		const edges = await fixture.database.all<{ t: string }>(
			`SELECT DISTINCT strftime(t, '%Y-%m-%dT%H:%M:%S') AS t FROM (SELECT from_at AS t FROM initiative_period UNION ALL SELECT to_at FROM initiative_period WHERE to_at IS NOT NULL)`
		);
		const times = new Set<string>(['2022-01-09T00:00:00', '2022-04-20T08:00:00', '2022-06-09T23:59:00']);
		for (const { t } of edges) {
			const ms = Date.parse(`${t}Z`);
			for (const shift of [-60_000, 0, 60_000]) times.add(new Date(ms + shift).toISOString().slice(0, 19));
			times.add(`${t.slice(0, 10)}T00:00:00`);
		}
		const within = await resolveUnit(fixture.db, 'T38');
		let compared = 0;
		for (const asOf of [...times].sort()) {
			const stamp = await resolveStamp(fixture.db, asOf);
			if (stamp.asOf >= stamp.latestExport) continue;
			for (const level of [1, 2] as const) {
				const expected = await direct(level, stamp.asOf);
				const figures = await unitFigures(fixture.db, stamp, { level });
				for (const f of figures) expect([f.onPortal, f.underReview, f.valid, f.invalid, f.benefit], `${f.code} at ${asOf}`).toEqual(expected.get(f.code) ?? [0, 0, 0, 0, 0]);
				const inT38 = await unitFigures(fixture.db, stamp, { level: 2, within });
				expect(inT38.map((f) => f.code)).toEqual(['T38.01', 'T38.02']);
				for (const f of inT38) expect(f.onPortal).toBe((await direct(2, stamp.asOf)).get(f.code)?.[0] ?? 0);
				compared++;
			}
		}
		expect(compared).toBeGreaterThan(40);
	});
});
