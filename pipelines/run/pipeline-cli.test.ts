// The CLI's exit codes: 0 published, 10 nothing new, 1 failed, 2 usage or configuration error; status lists the runs; rebuild and prune.
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fileSize, main, type CliIo } from './pipeline-cli.ts';

let dir: string;
let output: string[];
let io: CliIo;

beforeEach(() => {
	dir = mkdtempSync(join(tmpdir(), 'cli-'));
	cpSync(join(import.meta.dirname, 'fixtures/exports-1'), join(dir, 'exports'), { recursive: true });
	output = [];
	const capture = { write: (text: string) => output.push(text) };
	io = { stdout: capture, stderr: capture, env: {} };
});

afterEach(() => {
	rmSync(dir, { recursive: true, force: true });
});

const args = () => ['--source', join(dir, 'exports'), '--warehouse', join(dir, 'warehouse')];

describe('pipeline CLI', () => {
	it('exits 0 when it publishes, 10 when nothing is new, and status shows both runs', async () => {
		expect(await main(['run', ...args()], io)).toBe(0);
		expect(output.join('')).toMatch(/published → v000001-/u);
		expect(await main(['run', ...args(), '--trigger', 'schedule'], io)).toBe(10);
		output = [];
		expect(await main(['status', ...args()], io)).toBe(0);
		const status = output.join('');
		expect(status).toMatch(/^published: v000001-/mu);
		expect(status).toMatch(/schedule +nothing_new/u);
		expect(status).toMatch(/manual +published/u);
	});

	it('rebuilds from every landed file, prunes (after a dry run) what the published version loaded, and then refuses a rebuild', async () => {
		expect(await main(['run', ...args()], io)).toBe(0);
		output = [];
		expect(await main(['run', ...args(), '--rebuild'], io)).toBe(0);
		expect(output.join('')).toMatch(/rebuild from scratch: 2 landed file\(s\)/u);
		expect(output.join('')).toMatch(/^run r\S+ \(rebuild\): published → v000002-/mu);
		expect(output.join('')).toMatch(/files: 2 staged again; rows read 11, loaded 10, quarantined 1/u);
		output = [];
		expect(await main(['status', ...args()], io)).toBe(0);
		expect(output.join('')).toMatch(/manual, rebuild +published/u);

		output = [];
		expect(await main(['prune', ...args(), '--older-than-days', '0', '--dry-run'], io)).toBe(0);
		expect(output.join('')).toMatch(/^ {2}would remove don-vi_20220110-0800\.csv \(\d+(\.\d)? kB, sha256 [0-9a-f]{12}…\)\n {2}would remove sang-kien_toan-quoc_20220420-0800\.csv /mu);
		expect(output.join('')).toMatch(/prune: would remove 2 landed file\(s\) older than 0 day\(s\) loaded into v000002-\S+ \(\d+(\.\d)? kB\); kept 0/u);
		output = [];
		expect(await main(['prune', ...args(), '--older-than-days', '0'], io)).toBe(0);
		expect(output.join('')).toMatch(/prune: removed 2 landed file\(s\)/u);
		rmSync(join(dir, 'exports'), { recursive: true });
		mkdirSync(join(dir, 'exports'));
		output = [];
		expect(await main(['run', ...args(), '--rebuild'], io)).toBe(1);
		expect(output.join('')).toMatch(/ {2}error: cannot rebuild: 2 file\(s\) loaded into v000002-\S+ are no longer landed \(removed by prune\?\): don-vi_20220110-0800\.csv, sang-kien_toan-quoc_20220420-0800\.csv\n/u);
	});

	it('gives file sizes in kB below a megabyte, else MB', () => {
		expect([fileSize(0), fileSize(1_234), fileSize(999_949), fileSize(4_753_600_000)]).toEqual(['0 kB', '1.2 kB', '999.9 kB', '4,753.6 MB']);
	});

	it('exits 2 on prune without a retention age and on an option of another command', async () => {
		expect(await main(['prune', ...args()], io)).toBe(2);
		expect(output.join('')).toMatch(/no retention age: pass --older-than-days <n> or set retentionDays/u);
		output = [];
		expect(await main(['prune', ...args(), '--older-than-days', '-1'], io)).toBe(2);
		expect(await main(['status', ...args(), '--rebuild'], io)).toBe(2);
		expect(await main(['prune', ...args(), '--older-than-days', '3', '--trigger', 'manual'], io)).toBe(2);
		expect(output.join('')).toMatch(/--rebuild does not apply to "status"/u);
		expect(output.join('')).toMatch(/--trigger does not apply to "prune"/u);
	});

	it('exits 2 on an unknown command, a bad trigger or a bad configuration', async () => {
		expect(await main(['bogus'], io)).toBe(2);
		expect(await main(['run', ...args(), '--trigger', 'cron'], io)).toBe(2);
		expect(await main(['run', '--config', join(dir, 'missing.json')], io)).toBe(2);
		expect(output.join('')).toMatch(/config file not found/u);
	});
});
