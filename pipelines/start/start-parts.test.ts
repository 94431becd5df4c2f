// The pure parts of `npm start`: settings from the environment, manifest matching, build staleness, exit statuses, download progress.
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG_FILE, resolveConfig } from '../config/pipeline-config.ts';
import type { RunReporter } from '../run/run-reporter.ts';
import { buildIsStale, isBuildInput } from './dashboard-build.ts';
import { dashboardUrl } from './dashboard-server.ts';
import { expectedFileCount, manifestMatches } from './demo-exports.ts';
import { fetchWithProgress } from './fetch-progress.ts';
import { statusOfExit } from './pipeline-runs.ts';
import { START_EXIT, StartError, asStartError } from './start-errors.ts';
import { diskNeeded, resolveStartSettings } from './start-settings.ts';

function config(env: Record<string, string> = {}) {
	const result = resolveConfig({ file: DEFAULT_CONFIG_FILE, fileLabel: 'test', fileDir: '/repo', env, cli: {}, cwd: '/repo' });
	if (!result.ok) throw new Error(result.errors.join('; '));
	return result.config;
}

describe('resolveStartSettings', () => {
	it('defaults to scale 1, the default seed, var/demo/exports, the token beside it and 127.0.0.1:3000', () => {
		const result = resolveStartSettings(config(), {}, '/repo');
		expect(result).toEqual({
			ok: true,
			settings: {
				demo: { scale: 1, seed: 2022, dirty: 0.001, schedule: 'full' },
				exportsDir: '/repo/var/demo/exports',
				tokenFile: '/repo/var/demo/portal-token',
				warehouse: '/repo/var/warehouse',
				dashboard: { host: '127.0.0.1', port: 3000 },
				skipDashboardBuild: false
			}
		});
	});

	it('takes the scale, port, host and the exports folder from the environment', () => {
		const result = resolveStartSettings(config({ SANG_KIEN_SOURCE: '/tmp/x/exports' }), { SANG_KIEN_DEMO_SCALE: '0.005', PORT: '4000', HOST: '::1', SANG_KIEN_SKIP_DASHBOARD_BUILD: '1' }, '/repo');
		expect(result.ok && result.settings).toMatchObject({
			demo: { scale: 0.005 },
			exportsDir: '/tmp/x/exports',
			tokenFile: '/tmp/x/portal-token',
			dashboard: { host: '::1', port: 4000 },
			skipDashboardBuild: true
		});
	});

	it('names the variable of a bad scale or port', () => {
		expect(resolveStartSettings(config(), { SANG_KIEN_DEMO_SCALE: 'big', PORT: '70000' }, '/repo')).toEqual({
			ok: false,
			errors: ['SANG_KIEN_DEMO_SCALE: must be a number > 0, got "big"', 'PORT: must be an integer 1–65535, got "70000"']
		});
	});

	it('needs disk for generation and the first run only', () => {
		expect(diskNeeded(1, { generate: false, firstRun: false })).toBe(0);
		expect(diskNeeded(1, { generate: true, firstRun: true })).toBeGreaterThan(20e9);
	});
});

describe('demo exports', () => {
	const key = { scale: 0.005, seed: 2022, dirty: 0.001, schedule: 'full' as const };
	it('a manifest matches only its own scale, seed, dirt and schedule', () => {
		expect(manifestMatches({ ...key, files: [] }, key)).toBe(true);
		expect(manifestMatches({ ...key, scale: 1, files: [] }, key)).toBe(false);
		expect(manifestMatches({ ...key, schedule: 'close', files: [] }, key)).toBe(false);
		expect(manifestMatches({ ...key }, key)).toBe(false);
		expect(manifestMatches(null, key)).toBe(false);
	});
	it('expects every scheduled export plus the manifest', () => {
		expect(expectedFileCount(key)).toBe(48);
	});
});

describe('dashboard build', () => {
	it('is stale when missing or older than the newest source', () => {
		expect(buildIsStale(undefined, 0)).toBe(true);
		expect(buildIsStale(2000, 1000)).toBe(false);
		expect(buildIsStale(1000, 2000)).toBe(true);
	});
	it('ignores tests and fixtures', () => {
		expect(isBuildInput('/r/dashboard/src/routes/+page.svelte')).toBe(true);
		expect(isBuildInput('/r/queries/totals.test.ts')).toBe(false);
		expect(isBuildInput('/r/warehouse/versions/fixtures/a.duckdb')).toBe(false);
	});
	it('prints a URL people can open', () => {
		expect(dashboardUrl('127.0.0.1', 3000)).toBe('http://127.0.0.1:3000/');
		expect(dashboardUrl('0.0.0.0', 80)).toBe('http://127.0.0.1:80/');
		expect(dashboardUrl('::1', 3000)).toBe('http://[::1]:3000/');
	});
});

describe('exit statuses', () => {
	it('maps pipeline exit codes to run statuses', () => {
		expect([0, 10, 20, 1, null, 137].map(statusOfExit)).toEqual(['published', 'nothing_new', 'rejected_by_audit', 'failed', 'killed', 'killed']);
	});
	it('gives a full disk its own exit code, whatever reported it', () => {
		expect(asStartError(Object.assign(new Error('write failed'), { code: 'ENOSPC' })).exitCode).toBe(START_EXIT.diskFull);
		expect(asStartError(new Error('IO Error: No space left on device')).code).toBe('diskFull');
		expect(asStartError(new StartError('portInUse', 'x')).exitCode).toBe(START_EXIT.portInUse);
		expect(asStartError(new Error('boom')).exitCode).toBe(START_EXIT.unexpected);
	});
	it('keeps the exit codes distinct', () => {
		expect(new Set(Object.values(START_EXIT)).size).toBe(Object.keys(START_EXIT).length);
	});
});

describe('fetchWithProgress', () => {
	it('counts downloads against the length of the last listing', async () => {
		const events: string[] = [];
		const reporter: RunReporter = { line: () => {}, progress: (step, done, total) => events.push(`${step} ${done}/${total}`) };
		const base = (async (input: string | URL | Request) =>
			String(input).endsWith('/api/exports') ? Response.json([{ name: 'a' }, { name: 'b' }]) : new Response('x')) as typeof fetch;
		const wrapped = fetchWithProgress(reporter, base);
		const listing = await wrapped('http://p/api/exports');
		expect(await listing.json()).toHaveLength(2);
		await wrapped('http://p/api/exports/a');
		await wrapped('http://p/api/exports/b');
		expect(events).toEqual(['fetch 1/2', 'fetch 2/2']);
	});
});
