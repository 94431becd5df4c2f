// The ×N replica the query benchmark reads at scale 10: built from the hand-made warehouse ×3, its latest-export marts (authors and their named front included) answer what its periods answer, and its counts are 3 times the source's.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../../warehouse/duckdb/database.ts';
import { DuckDBDialect } from '../../warehouse/duckdb/duckdb-dialect.ts';
import type { WarehouseSchema } from '../../warehouse/tables.ts';
import { FIXTURE_UNITS, openFixtureWarehouse } from '../fixture-warehouse.ts';
import { topAuthorsFrom } from '../people.ts';
import { totalsFrom } from '../totals.ts';
import { LEADERSHIP } from '../viewer.ts';
import { ensureReplica } from './replica-warehouse.ts';

const VERSION = 'v000001-r20220101-000000-0abc';
let directory: string;
let replica: Database;
let db: Kysely<WarehouseSchema>;

beforeAll(async () => {
	directory = mkdtempSync(join(tmpdir(), 'sk-replica-'));
	const source = join(directory, 'source');
	mkdirSync(join(source, 'versions'), { recursive: true });
	const fixture = await openFixtureWarehouse(join(source, 'versions', `${VERSION}.duckdb`));
	await fixture.close();
	writeFileSync(join(source, 'CURRENT'), `${VERSION}.duckdb\n`);
	const path = await ensureReplica(source, join(directory, 'replica'), 3);
	replica = await Database.open(path, { readOnly: true });
	db = new Kysely<WarehouseSchema>({ dialect: new DuckDBDialect({ database: replica }) });
});

afterAll(async () => {
	await db?.destroy();
	replica?.close();
	rmSync(directory, { recursive: true, force: true });
});

describe('×N replica', () => {
	it('answers from its marts what its periods answer, authors and their named front included', async () => {
		const units = ['VN', ...FIXTURE_UNITS.filter((u) => u.code.split('.').length <= 2).map((u) => u.code)];
		let named = 0;
		for (const unit of units) {
			for (const limit of [1, 3, 100]) {
				const marts = await topAuthorsFrom(db, { viewer: LEADERSHIP, unit, limit }, 'marts');
				expect(marts, `${unit} ${limit}`).toEqual(await topAuthorsFrom(db, { viewer: LEADERSHIP, unit, limit }, 'periods'));
				named += marts.rows.length;
			}
			expect(await totalsFrom(db, { viewer: LEADERSHIP, unit }, 'marts'), unit).toEqual(await totalsFrom(db, { viewer: LEADERSHIP, unit }, 'periods'));
		}
		expect(named).toBeGreaterThan(0);
		// The front was rebuilt on the copies (each author 3 times, under new keys), not copied from the source.
		const definition = `SELECT a.unit_code, a.author_key, a.valid, i.author AS name FROM (
				SELECT *, rank() OVER (PARTITION BY unit_code ORDER BY valid DESC, on_portal DESC, benefit DESC NULLS LAST) AS r FROM unit_author
			) a JOIN initiative i ON i.initiative_id = a.last_initiative WHERE r <= 100`;
		const kept = `SELECT unit_code, author_key, valid, name FROM unit_author_front`;
		for (const [left, right] of [[definition, kept], [kept, definition]]) expect(await replica.all(`${left} EXCEPT ALL ${right}`)).toEqual([]);
		// the third copy's authors: their key numbers offset by 2 × 100,000,000
		const copies = await replica.one<{ n: number }>(`SELECT count(*) AS n FROM unit_author_front WHERE unit_code = 'VN' AND author_key BETWEEN 200000000 AND 299999999`);
		expect(Number(copies!.n)).toBeGreaterThan(0);
	});
});
