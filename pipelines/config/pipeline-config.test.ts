// Configuration merges defaults < config file < environment < CLI, resolves paths, and names the key and origin of every error.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from './load-config.ts';
import { DEFAULT_CONFIG_FILE, redactConfig, resolveConfig, type ConfigLayers } from './pipeline-config.ts';

const layers = (over: Partial<ConfigLayers> = {}): ConfigLayers => ({
	file: undefined,
	fileLabel: 'sang-kien.config.json',
	fileDir: '/repo',
	env: {},
	cli: {},
	cwd: '/here',
	...over
});

function errorsOf(over: Partial<ConfigLayers>): string[] {
	const result = resolveConfig(layers(over));
	return result.ok ? [] : result.errors;
}

describe('resolveConfig', () => {
	it('uses the demo defaults when there is no file', () => {
		expect(resolveConfig(layers())).toEqual({
			ok: true,
			config: {
				sources: [{ kind: 'folder', path: '/here/var/demo/exports' }],
				warehouse: '/here/var/warehouse',
				schedule: { cron: '*/15 * * * *', timezone: 'Asia/Ho_Chi_Minh' },
				keepVersions: 5,
				retentionDays: null,
				portal: { token: '' },
				http: { timeoutMs: 30_000, retries: 4, backoffMs: 500, maxBackoffMs: 10_000 }
			}
		});
	});

	it('the repository config file holds exactly the built-in defaults', async () => {
		const result = await loadConfig({ configPath: 'sang-kien.config.json', env: {}, cwd: resolve('.') });
		const defaults = resolveConfig(layers({ cwd: resolve('.') }));
		expect(result).toEqual(defaults);
		expect(DEFAULT_CONFIG_FILE.sources).toEqual(['var/demo/exports']);
	});

	it('applies file < environment < CLI, resolving each relative path against where it was given', () => {
		const file = {
			sources: ['exports', 'http://127.0.0.1:8787'],
			warehouse: 'wh',
			keepVersions: 3,
			http: { retries: 2 },
			portal: { token: 'file-token' }
		};
		const fileOnly = resolveConfig(layers({ file }));
		expect(fileOnly.ok && fileOnly.config).toMatchObject({
			sources: [
				{ kind: 'folder', path: '/repo/exports' },
				{ kind: 'portal', url: 'http://127.0.0.1:8787/api/exports' }
			],
			warehouse: '/repo/wh',
			keepVersions: 3,
			portal: { token: 'file-token' },
			http: { timeoutMs: 30_000, retries: 2 }
		});

		const env = {
			SANG_KIEN_WAREHOUSE: 'env-wh',
			SANG_KIEN_SOURCE: 'https://portal.example/api/exports',
			SANG_KIEN_PORTAL_TOKEN: 'env-token',
			SANG_KIEN_SCHEDULE: '0 * * * *',
			SANG_KIEN_KEEP_VERSIONS: '9',
			SANG_KIEN_RETENTION_DAYS: '30'
		};
		const withEnv = resolveConfig(layers({ file, env }));
		expect(withEnv.ok && withEnv.config).toMatchObject({
			sources: [{ kind: 'portal', url: 'https://portal.example/api/exports' }],
			warehouse: '/here/env-wh',
			schedule: { cron: '0 * * * *' },
			keepVersions: 9,
			retentionDays: 30,
			portal: { token: 'env-token' }
		});

		const withCli = resolveConfig(layers({ file, env, cli: { sources: ['/abs/drop', 'rel'], warehouse: '/abs/wh' } }));
		expect(withCli.ok && withCli.config).toMatchObject({
			sources: [
				{ kind: 'folder', path: '/abs/drop' },
				{ kind: 'folder', path: '/here/rel' }
			],
			warehouse: '/abs/wh',
			keepVersions: 9
		});
	});

	it('ignores empty environment variables except an explicitly empty token', () => {
		const result = resolveConfig(
			layers({ file: { portal: { token: 'file' } }, env: { SANG_KIEN_WAREHOUSE: '', SANG_KIEN_PORTAL_TOKEN: '' } })
		);
		expect(result.ok && [result.config.warehouse, result.config.portal.token]).toEqual(['/repo/var/warehouse', '']);
	});

	it('names the key and its origin in every validation error', () => {
		expect(
			errorsOf({
				file: {
					sources: [],
					keepVersions: 0,
					schedule: { cron: 'every day', timezone: 'Mars/Olympus', colour: 'red' },
					http: { timeoutMs: 'slow', backoffMs: 100, maxBackoffMs: 10 },
					extra: true
				}
			})
		).toEqual([
			'sang-kien.config.json: unknown key "schedule.colour"',
			'sang-kien.config.json: unknown key "extra"',
			'sang-kien.config.json: sources must be a non-empty list of folders or URLs',
			'sang-kien.config.json: schedule.cron "every day" is not a valid cron expression',
			'sang-kien.config.json: schedule.timezone "Mars/Olympus" is not a known time zone',
			'sang-kien.config.json: keepVersions must be an integer ≥ 1, got 0',
			'sang-kien.config.json: http.timeoutMs must be an integer ≥ 1, got "slow"',
			'sang-kien.config.json: http.maxBackoffMs must be ≥ http.backoffMs (100)'
		]);
		expect(errorsOf({ env: { SANG_KIEN_KEEP_VERSIONS: 'five', SANG_KIEN_RETENTION_DAYS: '-3', SANG_KIEN_SCHEDULE: '* *' } })).toEqual([
			'SANG_KIEN_SCHEDULE: schedule.cron "* *" is not a valid cron expression',
			'SANG_KIEN_KEEP_VERSIONS: keepVersions must be an integer ≥ 1, got "five"',
			'SANG_KIEN_RETENTION_DAYS: retentionDays must be an integer ≥ 1, got -3'
		]);
		expect(errorsOf({ cli: { warehouse: ' ' } })).toEqual(['--warehouse: warehouse must be a non-empty string, got " "']);
		expect(errorsOf({ file: ['not', 'an', 'object'] })).toEqual(['sang-kien.config.json: must be a JSON object']);
		expect(errorsOf({ file: { portal: 'token' } })).toEqual(['sang-kien.config.json: portal must be an object', expect.stringContaining('portal.token')]);
	});

	it('redacts the token for logging', () => {
		const result = resolveConfig(layers({ env: { SANG_KIEN_PORTAL_TOKEN: 'secret' } }));
		expect(result.ok && JSON.stringify(redactConfig(result.config))).not.toContain('secret');
	});
});

describe('loadConfig', () => {
	it('reports a missing explicit file and invalid JSON by file name', async () => {
		const dir = await mkdtemp(join(tmpdir(), 'sang-kien-config-'));
		try {
			expect(await loadConfig({ configPath: 'nope.json', cwd: dir, env: {} })).toEqual({
				ok: false,
				errors: [`nope.json: config file not found at ${join(dir, 'nope.json')}`]
			});
			await writeFile(join(dir, 'sang-kien.config.json'), '{ "warehouse": ');
			const result = await loadConfig({ cwd: dir, env: {} });
			expect(result.ok ? [] : result.errors).toEqual([expect.stringMatching(/^sang-kien\.config\.json: invalid JSON/u)]);
		} finally {
			await rm(dir, { recursive: true, force: true });
		}
	});
});
