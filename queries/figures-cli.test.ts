// The figures command, spawned as a process against a small real warehouse directory: definitions, as-of, version, formats and clear errors.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_VERSION, openFixtureWarehouse } from './fixture-warehouse.ts';

const repository = resolve(fileURLToPath(new URL('.', import.meta.url)), '..');
let dir: string;

beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'figures-cli-'));
	mkdirSync(join(dir, 'versions'));
	const fixture = await openFixtureWarehouse(join(dir, 'versions', `${FIXTURE_VERSION}.duckdb`));
	await fixture.close();
	writeFileSync(join(dir, 'CURRENT'), `${FIXTURE_VERSION}.duckdb\n`);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function figures(...args: string[]) {
	const run = spawnSync(process.execPath, ['--import', 'tsx', join(repository, 'queries', 'figures-cli.ts'), ...args, '--warehouse', dir], { cwd: repository, encoding: 'utf8', env: { ...process.env, TZ: 'UTC' } });
	return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('npm run figures', () => {
	it('prints a figure with its definition (vi and en), as-of time and warehouse version', () => {
		const r = figures('on-portal', '--as-of', '01/03/2022 08:00');
		expect(r.status).toBe(0);
		expect(r.stdout).toContain('Sáng kiến đã cập nhật trên hệ thống / Initiatives on the portal');
		expect(r.stdout).toContain('Definition: Initiatives whose update time is at or before T');
		expect(r.stdout).toContain('8 giờ ngày 1/3/2022 (2022-03-01T08:00:00)');
		expect(r.stdout).toContain(FIXTURE_VERSION);
		expect(r.stdout).toMatch(/Tổng Liên đoàn Lao động Việt Nam\s+8\n/u);
	});

	it('prints json and csv, by region and by level, with the default as-of the latest export', () => {
		const json = JSON.parse(figures('valid', '--by', 'region', '--format', 'json').stdout);
		expect(json).toMatchObject({ metric: 'valid', asOf: '2022-06-10T08:00:00', version: FIXTURE_VERSION, by: 'region', definition: { key: 'valid' } });
		expect(json.rows.slice(0, 3)).toEqual([
			{ code: 'BTB', name: 'Bắc Trung Bộ và duyên hải miền Trung', value: 3, share: 0.5 },
			{ code: 'DBSH', name: 'Đồng bằng sông Hồng', value: 2, share: 2 / 6 },
			{ code: 'TW', name: 'Công đoàn ngành Trung ương, Tập đoàn, Tổng công ty', value: 1, share: 1 / 6 }
		]);
		const csv = figures('attainment', '--unit', 'T38', '--by', 'level', '--format', 'csv').stdout.split('\n').filter((l) => !l.startsWith('#'));
		expect(csv.slice(0, 3)).toEqual(['code,name,valid,targetAssigned,attainment,attainmentRegistered,meets,gap', `T38.01,Đơn vị T38.01,2,60,${2 / 60},,false,58`, 'T38.02,Đơn vị T38.02,1,,,,,']);
		expect(figures('milestones', '--format', 'json').stdout).toContain('"threshold": 300000');
	});

	it('exits 2 with the known metrics for an unknown metric, and clear messages for unknown units and times', () => {
		const metric = figures('nonsense');
		expect(metric.status).toBe(2);
		expect(metric.stderr).toMatch(/unknown metric "nonsense"; known metrics: on-portal, valid,/u);
		const unit = figures('valid', '--unit', "T38' OR 1=1 --");
		expect([unit.status, unit.stderr.trim()]).toEqual([2, `figures: unknown unit "T38' OR 1=1 --"`]);
		const time = figures('valid', '--as-of', '31/02/2022 08:00');
		expect(time.status).toBe(2);
		expect(time.stderr).toContain('invalid as-of time "31/02/2022 08:00"');
		expect(figures('valid', '--by', 'province').status).toBe(2);
	});

	it('refuses restricted figures to the press (exit 3) and suppresses small groups', () => {
		const r = figures('top-authors', '--press');
		expect(r.status).toBe(3);
		expect(r.stdout).toBe('');
		expect(figures('breakdown-leadership', '--press').stdout).not.toMatch(/\s[0-9]+\s+[0-9]+\s/u);
	});
});
