// Database returns plain JSON-safe values and keeps one-row results whatever their column names.
import { describe, expect, it } from 'vitest';
import { Database } from './database.ts';

describe('Database', () => {
	it('returns plain values for BIGINT, HUGEINT, DECIMAL, DATE and TIMESTAMP', async () => {
		const db = await Database.open(':memory:');
		const rows = await db.all(
			`SELECT 42::BIGINT AS count, sum(x)::HUGEINT AS total, 4.98::DECIMAL(18,2) AS tỷ,
			        DATE '2022-04-20' AS day, TIMESTAMP '2022-04-20 08:00' AS at
			 FROM range(3) t(x)`
		);
		expect(rows).toEqual([{ count: 42, total: 3, tỷ: 4.98, day: '2022-04-20', at: '2022-04-20T08:00:00' }]);
		db.close();
	});

	it('binds parameters instead of splicing them into SQL', async () => {
		const db = await Database.open(':memory:');
		const hostile = "T38'; DROP TABLE x; --";
		expect(await db.one('SELECT $1 AS code', [hostile])).toEqual({ code: hostile });
		db.close();
	});

	it('refuses integers a double cannot hold exactly', async () => {
		const db = await Database.open(':memory:');
		await expect(db.all('SELECT 9007199254740993::BIGINT AS big')).rejects.toThrow(/exactly representable/);
		// The edges: 2^53 - 1 is the largest safe integer either way; 2^53 (exactly a double) is already refused.
		expect(await db.one('SELECT 9007199254740991::BIGINT AS top, -9007199254740991::BIGINT AS bottom')).toEqual({ top: 9007199254740991, bottom: -9007199254740991 });
		await expect(db.all('SELECT 9007199254740992::BIGINT AS big')).rejects.toThrow(/exactly representable/);
		await expect(db.all('SELECT -9007199254740992::BIGINT AS big')).rejects.toThrow(/exactly representable/);
		await expect(db.all('SELECT -170141183460469231731687303715884105727::HUGEINT AS big')).rejects.toThrow(/exactly representable/);
		db.close();
	});
});
