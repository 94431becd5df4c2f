// Turns `npm run portal` arguments and environment into portal server options (pure; the CLI only adds the real clock).
import { parseArgs } from 'node:util';
import type { WallClock } from '../../warehouse/time/wall-clock.ts';
import { parseClockTime, parseSpeed } from './portal-clock.ts';
import type { FaultRule, PortalFaults } from './portal-faults.ts';

export const PORTAL_USAGE = `usage: npm run portal -- [--dir <exports>] [--port <p>] [--token <t>]
  [--now <time> | --clock-start <time> [--speed <1x|60x|6h/s|1d/s>]]
  [--slow-ms <ms> [--slow-first <n>] [--slow-rate <0..1>]] [--fail-first <n>] [--fail-rate <0..1>]
  [--drop-first <n>] [--drop-rate <0..1>] [--wrong-checksum <name|*>]… [--fault-seed <n>]
times: ISO (2022-04-20T08:00) or dd/mm/yyyy HH:mm, Viet Nam wall-clock; token also from SANG_KIEN_PORTAL_TOKEN`;

/** The programme's first day on the portal: where a replay starts when only --speed is given. */
export const PROGRAMME_START: WallClock = '2022-01-08T00:00:00';

export interface PortalArgs {
	dir: string;
	port: number;
	host: string;
	token: string;
	clock: { kind: 'all' } | { kind: 'fixed'; now: WallClock } | { kind: 'replay'; start: WallClock; speed: number };
	faults: PortalFaults;
	faultSeed: number | undefined;
}

function integer(value: string | undefined, option: string, min = 0): number | undefined {
	if (value === undefined) return undefined;
	const n = Number(value);
	if (!Number.isInteger(n) || n < min) throw new Error(`--${option} must be an integer ≥ ${min}, got "${value}"`);
	return n;
}

function rate(value: string | undefined, option: string): number | undefined {
	if (value === undefined) return undefined;
	const n = Number(value);
	if (!(n >= 0 && n <= 1) || value.trim() === '') throw new Error(`--${option} must be a number between 0 and 1, got "${value}"`);
	return n;
}

function rule(first: number | undefined, r: number | undefined): FaultRule | undefined {
	if (first === undefined && r === undefined) return undefined;
	return { ...(first !== undefined && { first }), ...(r !== undefined && { rate: r }) };
}

/** Parses CLI arguments; throws an Error whose message names the bad option. */
export function parsePortalArgs(argv: readonly string[], env: Record<string, string | undefined> = {}): PortalArgs {
	const { values: v } = parseArgs({
		args: [...argv],
		strict: true,
		allowPositionals: false,
		options: {
			dir: { type: 'string', default: 'var/demo/exports' },
			port: { type: 'string', default: '8787' },
			host: { type: 'string', default: '127.0.0.1' },
			token: { type: 'string' },
			now: { type: 'string' },
			'clock-start': { type: 'string' },
			speed: { type: 'string' },
			'slow-ms': { type: 'string' },
			'slow-first': { type: 'string' },
			'slow-rate': { type: 'string' },
			'fail-first': { type: 'string' },
			'fail-rate': { type: 'string' },
			'drop-first': { type: 'string' },
			'drop-rate': { type: 'string' },
			'wrong-checksum': { type: 'string', multiple: true },
			'fault-seed': { type: 'string' }
		}
	});
	if (v.now !== undefined && (v['clock-start'] !== undefined || v.speed !== undefined)) {
		throw new Error('--now cannot be combined with --clock-start or --speed');
	}
	let clock: PortalArgs['clock'] = { kind: 'all' };
	if (v.now !== undefined) clock = { kind: 'fixed', now: parseClockTime(v.now, '--now') };
	else if (v['clock-start'] !== undefined || v.speed !== undefined) {
		clock = {
			kind: 'replay',
			start: v['clock-start'] === undefined ? PROGRAMME_START : parseClockTime(v['clock-start'], '--clock-start'),
			speed: parseSpeed(v.speed ?? '1x')
		};
	}
	const slowMs = integer(v['slow-ms'], 'slow-ms', 1);
	const slowRule = rule(integer(v['slow-first'], 'slow-first'), rate(v['slow-rate'], 'slow-rate'));
	if (slowRule && slowMs === undefined) throw new Error('--slow-first/--slow-rate need --slow-ms');
	const faults: PortalFaults = {};
	if (slowMs !== undefined) faults.slow = { ms: slowMs, ...slowRule };
	const fail = rule(integer(v['fail-first'], 'fail-first'), rate(v['fail-rate'], 'fail-rate'));
	if (fail) faults.fail = fail;
	const drop = rule(integer(v['drop-first'], 'drop-first'), rate(v['drop-rate'], 'drop-rate'));
	if (drop) faults.drop = drop;
	if (v['wrong-checksum']?.length) faults.wrongChecksum = v['wrong-checksum'];
	return {
		dir: v.dir ?? 'var/demo/exports',
		port: integer(v.port, 'port') ?? 8787,
		host: v.host ?? '127.0.0.1',
		token: v.token ?? env.SANG_KIEN_PORTAL_TOKEN ?? '',
		clock,
		faults,
		faultSeed: integer(v['fault-seed'], 'fault-seed')
	};
}
