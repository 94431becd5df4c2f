// Fault rules fire for the first N requests and/or at a seeded rate, reproducibly; wrong checksums are wrong only where asked.
import { describe, expect, it } from 'vitest';
import { advertisedChecksum, faultCounter, fires, seededRandom } from './portal-faults.ts';

describe('portal faults', () => {
	it('a rule fires for the first N requests, at a rate, or always when neither is given', () => {
		const never = () => 0.99;
		expect([1, 2, 3].map((n) => fires({ first: 2 }, n, never))).toEqual([true, true, false]);
		expect([1, 2].map((n) => fires({}, n, never))).toEqual([true, true]);
		expect(fires(undefined, 1, never)).toBe(false);
		expect(fires({ rate: 0.5 }, 9, () => 0.1)).toBe(true);
	});

	it('a seeded rate is reproducible and close to the rate asked', () => {
		const run = () => {
			const counter = faultCounter({ fail: { rate: 0.25 } }, seededRandom(42));
			return Array.from({ length: 1_000 }, () => counter.onApiRequest().fail);
		};
		const first = run();
		expect(run()).toEqual(first);
		expect(first.filter(Boolean).length).toBeGreaterThan(200);
		expect(first.filter(Boolean).length).toBeLessThan(300);
	});

	it('advertises a different valid checksum only for the named files', () => {
		const sha = 'f'.repeat(64);
		expect(advertisedChecksum('a.csv', sha, { wrongChecksum: ['b.csv'] })).toBe(sha);
		expect(advertisedChecksum('a.csv', sha, { wrongChecksum: ['*'] })).toBe('0'.repeat(64));
	});
});
