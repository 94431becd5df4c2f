// Tests of the bounded largest-remainder apportionment the plan relies on.
import { describe, expect, it } from 'vitest';
import { apportion } from './apportion.ts';

describe('apportion', () => {
	it('splits a total in proportion to weights', () => {
		expect(apportion(10, [1, 1, 3], [0, 0, 0], [99, 99, 99])).toEqual([2, 2, 6]);
	});
	it('keeps every value within its bounds and still meets the total', () => {
		const x = apportion(100, [1, 1, 1, 1], [0, 30, 0, 0], [5, 99, 99, 99]);
		expect(x.reduce((a, b) => a + b, 0)).toBe(100);
		expect(x[0]).toBeLessThanOrEqual(5);
		expect(x[1]).toBeGreaterThanOrEqual(30);
	});
	it('pins values whose bounds are equal', () => {
		expect(apportion(50, [5, 1], [7, 0], [7, 99])).toEqual([7, 43]);
	});
});
