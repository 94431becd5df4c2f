// The CLI's exit codes: 0 published, 10 nothing new, 2 usage or configuration error; status lists the runs.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main, type CliIo } from './pipeline-cli.ts';

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

	it('exits 2 on an unknown command, a bad trigger or a bad configuration', async () => {
		expect(await main(['bogus'], io)).toBe(2);
		expect(await main(['run', ...args(), '--trigger', 'cron'], io)).toBe(2);
		expect(await main(['run', '--config', join(dir, 'missing.json')], io)).toBe(2);
		expect(output.join('')).toMatch(/config file not found/u);
	});
});
