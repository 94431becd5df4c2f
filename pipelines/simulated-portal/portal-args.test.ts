// parsePortalArgs reads the portal's flags and environment, and names the bad option when one is wrong.
import { describe, expect, it } from 'vitest';
import { parsePortalArgs } from './portal-args.ts';
import { parseSpeed } from './portal-clock.ts';

describe('parsePortalArgs', () => {
	it('defaults to the demo folder, every export listed, no faults, token from the environment', () => {
		expect(parsePortalArgs([], { SANG_KIEN_PORTAL_TOKEN: 'env-token' })).toEqual({
			dir: 'var/demo/exports',
			port: 8787,
			host: '127.0.0.1',
			token: 'env-token',
			clock: { kind: 'all' },
			faults: {},
			faultSeed: undefined
		});
	});

	it('prefers --token to the environment and reads clock and fault flags', () => {
		const args = parsePortalArgs(
			[
				'--dir', 'x', '--port', '0', '--token', 'cli', '--clock-start', '20/04/2022 08:00', '--speed', '6h/s',
				'--slow-ms', '200', '--slow-first', '1', '--fail-rate', '0.25', '--drop-first', '2',
				'--wrong-checksum', 'a.csv', '--wrong-checksum', 'b.csv', '--fault-seed', '7'
			],
			{ SANG_KIEN_PORTAL_TOKEN: 'env' }
		);
		expect(args).toMatchObject({
			dir: 'x',
			port: 0,
			token: 'cli',
			clock: { kind: 'replay', start: '2022-04-20T08:00:00', speed: 21_600 },
			faults: { slow: { ms: 200, first: 1 }, fail: { rate: 0.25 }, drop: { first: 2 }, wrongChecksum: ['a.csv', 'b.csv'] },
			faultSeed: 7
		});
	});

	it('replays from the programme start when only --speed is given, and --now fixes the clock', () => {
		expect(parsePortalArgs(['--speed', '1d/s']).clock).toEqual({ kind: 'replay', start: '2022-01-08T00:00:00', speed: 86_400 });
		expect(parsePortalArgs(['--now', '2022-10-03T15:34']).clock).toEqual({ kind: 'fixed', now: '2022-10-03T15:34:00' });
	});

	it.each([
		[['--now', 'yesterday'], /invalid --now "yesterday"/u],
		[['--now', '01/01/2022', '--speed', '1x'], /--now cannot be combined/u],
		[['--speed', 'fast'], /invalid speed "fast"/u],
		[['--fail-rate', '2'], /--fail-rate must be a number between 0 and 1/u],
		[['--port', 'http'], /--port must be an integer/u],
		[['--slow-first', '1'], /need --slow-ms/u],
		[['--colour'], /colour/u]
	])('rejects %j', (argv, message) => {
		expect(() => parsePortalArgs(argv)).toThrow(message);
	});
});

describe('parseSpeed', () => {
	it.each([
		['1x', 1],
		['60x', 60],
		['30m/s', 1_800],
		['6h/s', 21_600],
		['1d/s', 86_400],
		['0.5d/s', 43_200]
	])('%s is %d programme ms per real ms', (text, speed) => {
		expect(parseSpeed(text)).toBe(speed);
	});
});
