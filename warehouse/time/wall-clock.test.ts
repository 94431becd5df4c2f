// parseWallClock reads every form users and exports write, independent of the process time zone.
import { describe, expect, it } from 'vitest';
import { addMinutes, fromFileStamp, fromInstant, parseWallClock, toFileStamp, toInstant } from './wall-clock.ts';

describe('parseWallClock', () => {
	it('reads Vietnamese day-first forms', () => {
		expect(parseWallClock('20/04/2022 08:00')).toBe('2022-04-20T08:00:00');
		expect(parseWallClock('20/4/2022')).toBe('2022-04-20T00:00:00');
		expect(parseWallClock('8h00 20/4/2022')).toBe('2022-04-20T08:00:00');
		expect(parseWallClock('15:34 03/10/2022')).toBe('2022-10-03T15:34:00');
	});

	it('reads ISO forms and converts zoned times to Viet Nam time', () => {
		expect(parseWallClock('2022-04-20T08:00')).toBe('2022-04-20T08:00:00');
		expect(parseWallClock('2022-04-20')).toBe('2022-04-20T00:00:00');
		expect(parseWallClock('2022-04-20T01:00:00Z')).toBe('2022-04-20T08:00:00');
		expect(parseWallClock('2022-04-20T08:00:00+07:00')).toBe('2022-04-20T08:00:00');
	});

	it('rejects impossible or hostile times', () => {
		for (const bad of ['31/02/2022', '20/04/2022 25:00', "2022-04-20'; DROP TABLE x", '', 'hôm qua']) {
			expect(parseWallClock(bad)).toBeUndefined();
		}
	});

	it('converts between wall-clock times, instants and file stamps', () => {
		const time = '2022-10-03T15:34:00';
		expect(fromInstant(toInstant(time))).toBe(time);
		expect(toInstant(time)).toBe(Date.UTC(2022, 9, 3, 8, 34));
		expect(toFileStamp(time)).toBe('20221003-1534');
		expect(fromFileStamp('20221003-1534')).toBe(time);
		expect(addMinutes(time, -1)).toBe('2022-10-03T15:33:00');
	});
});
