// SQL injection is impossible by construction: hostile unit codes, as-of strings and options only ever travel as bound parameters or are refused.
import { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DuckDBDialect } from '../warehouse/duckdb/duckdb-dialect.ts';
import type { WarehouseSchema } from '../warehouse/tables.ts';
import { benefitDistribution, topInitiatives } from './benefit.ts';
import { breakdown } from './breakdowns.ts';
import { runFigure, METRIC_NAMES } from './figures.ts';
import { openFixtureWarehouse } from './fixture-warehouse.ts';
import { milestones } from './milestones.ts';
import { topAuthors } from './people.ts';
import { peerStats } from './peers.ts';
import { QueryInputError, type QueryOptions } from './query-context.ts';
import { rankings } from './rankings.ts';
import { dailySeries } from './series.ts';
import { shares } from './shares.ts';
import { targets } from './targets.ts';
import { totals } from './totals.ts';
import { LEADERSHIP } from './viewer.ts';

const HOSTILE = [
	"T38' OR '1'='1",
	"'; DROP TABLE initiative_period; --",
	'T38") UNION SELECT * FROM initiative --',
	'T38; DELETE FROM unit',
	'T38\u0000',
	'$1',
	"T38' || (SELECT title FROM initiative LIMIT 1) || '",
	'x'.repeat(10_000)
];
const HOSTILE_TIMES = ["2022-04-20'; DROP TABLE unit; --", '20/04/2022 08:00 OR 1=1', "now()", '2022-04-20T08:00:00::TIMESTAMP)--', '99/99/9999', ''];

let fixture: Awaited<ReturnType<typeof openFixtureWarehouse>>;
let logged: string[];
let db: Kysely<WarehouseSchema>;
beforeAll(async () => {
	fixture = await openFixtureWarehouse();
	logged = [];
	db = new Kysely<WarehouseSchema>({
		dialect: new DuckDBDialect({ database: fixture.database }),
		log: (event) => {
			logged.push(event.query.sql);
		}
	});
});
afterAll(async () => {
	await db.destroy();
	await fixture.close();
});

const QUERIES: ((options: QueryOptions) => Promise<unknown>)[] = [
	(o) => totals(db, o),
	(o) => targets(db, o),
	(o) => rankings(db, { ...o, level: 2 }),
	(o) => peerStats(db, { ...o, by: 'region' }),
	(o) => shares(db, { ...o, by: 'unit' }),
	(o) => dailySeries(db, o),
	(o) => milestones(db, o),
	(o) => breakdown(db, { ...o, by: 'field' }),
	(o) => benefitDistribution(db, o),
	(o) => topInitiatives(db, o),
	(o) => topAuthors(db, o)
];

async function fingerprint() {
	return fixture.database.all(`SELECT (SELECT count(*) FROM initiative_period) AS periods, (SELECT count(*) FROM unit) AS units,
		(SELECT count(*) FROM initiative) AS initiatives, (SELECT count(*) FROM duckdb_tables()) AS tables`);
}

describe('hostile input', () => {
	it('every query refuses hostile unit codes as unknown units, and no input ever reaches SQL text', async () => {
		const before = await fingerprint();
		for (const query of QUERIES) {
			for (const unit of HOSTILE) {
				const error = await query({ viewer: LEADERSHIP, unit }).catch((e: unknown) => e);
				expect(error).toBeInstanceOf(QueryInputError);
				expect((error as QueryInputError).code).toBe('unknown_unit');
				expect((error as Error).message.length).toBeLessThan(80);
			}
		}
		expect(logged.length).toBeGreaterThan(0);
		// '$1' is left out: the SQL text legitimately holds placeholders of that name.
		for (const text of logged) for (const unit of HOSTILE.filter((u) => u !== '$1')) expect(text).not.toContain(unit);
		expect(await fingerprint()).toEqual(before);
	});

	it('every query refuses unparseable as-of strings before running any SQL on them', async () => {
		const before = await fingerprint();
		for (const query of QUERIES) {
			for (const asOf of HOSTILE_TIMES) {
				const error = await query({ viewer: LEADERSHIP, asOf }).catch((e: unknown) => e);
				expect((error as QueryInputError).code).toBe('invalid_as_of');
			}
		}
		for (const text of logged) for (const asOf of HOSTILE_TIMES.filter(Boolean)) expect(text).not.toContain(asOf);
		expect(await fingerprint()).toEqual(before);
	});

	it('hostile option values (grouping, metric, peer group) are refused by closed whitelists', async () => {
		const bad = "region; DROP TABLE unit";
		await expect(shares(db, { viewer: LEADERSHIP, by: bad as never })).rejects.toMatchObject({ code: 'invalid_option' });
		await expect(breakdown(db, { viewer: LEADERSHIP, by: bad as never })).rejects.toMatchObject({ code: 'invalid_option' });
		await expect(rankings(db, { viewer: LEADERSHIP, metric: bad as never })).rejects.toMatchObject({ code: 'invalid_option' });
		await expect(rankings(db, { viewer: LEADERSHIP, peer: { by: 'region', code: bad } })).rejects.toMatchObject({ code: 'invalid_option' });
		await expect(runFigure(db, bad, { viewer: LEADERSHIP })).rejects.toMatchObject({ code: 'unknown_metric' });
		await expect(runFigure(db, 'valid', { viewer: LEADERSHIP, by: bad as never })).rejects.toMatchObject({ code: 'invalid_option' });
		await expect(runFigure(db, 'constructor', { viewer: LEADERSHIP })).rejects.toMatchObject({ code: 'unknown_metric' });
		expect(METRIC_NAMES).not.toContain('constructor');
		expect((await totals(db, { viewer: LEADERSHIP })).onPortal).toBe(9);
	});
});
