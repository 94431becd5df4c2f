// A run SIGKILLed at any stage boundary or mid-stage leaves the published version untouched and readable, and the next run publishes what an uninterrupted run would.
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../../warehouse/duckdb/database.ts';
import { openPublished, readCurrent } from '../../warehouse/versions/version-files.ts';
import { resolveConfig, type PipelineConfig } from '../config/pipeline-config.ts';
import { defaultStages } from './default-stages.ts';
import { runPipeline, STEPS } from './run-pipeline.ts';

const FIXTURES = join(import.meta.dirname, 'fixtures');
const CLI = join(import.meta.dirname, 'pipeline-cli.ts');

let root: string;
let baseWarehouse: string;
let baseVersion: string;
let expected: unknown;

function configFor(dir: string): PipelineConfig {
	const resolved = resolveConfig({
		file: undefined,
		fileLabel: 'test',
		fileDir: dir,
		env: {},
		cwd: dir,
		cli: { sources: [join(dir, 'exports')], warehouse: join(dir, 'warehouse') }
	});
	if (!resolved.ok) throw new Error(resolved.errors.join('; '));
	return resolved.config;
}

/** What a version says, without run ids or times of the run: the rows every figure is computed from. */
async function fingerprint(db: Database): Promise<unknown> {
	const queries = {
		files: `SELECT file_id, sha256, file_name, status, rows_read, rows_loaded, rows_quarantined, rows_superseded FROM source_file ORDER BY file_id`,
		quarantine: `SELECT file_id, row_number, reason_code FROM quarantine ORDER BY ALL`,
		initiatives: `SELECT * FROM initiative ORDER BY initiative_id`,
		periods: `SELECT * FROM initiative_period ORDER BY ALL`,
		totals: `SELECT * FROM unit_totals ORDER BY ALL`,
		series: `SELECT unit_code, count(*) AS days, sum(valid) AS valid, sum(on_portal) AS on_portal FROM daily_series GROUP BY ALL ORDER BY ALL`
	};
	const result: Record<string, unknown> = {};
	for (const [name, sql] of Object.entries(queries)) result[name] = await db.all(sql);
	return result;
}

async function publishedFingerprint(warehouse: string): Promise<unknown> {
	const published = (await openPublished(warehouse))!;
	try {
		return await fingerprint(published.database);
	} finally {
		published.database.close();
	}
}

/** Starts the CLI, waits for `waitFor` on its stdout (then `delayMs`), SIGKILLs it; resolves with the lines it printed. */
function killRunAt(dir: string, env: Record<string, string>, waitFor: string, delayMs = 0): Promise<string[]> {
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, ['--import', 'tsx', CLI, 'run', '--source', join(dir, 'exports'), '--warehouse', join(dir, 'warehouse')], {
			env: { ...process.env, SANG_KIEN_TRACE_STAGES: '1', ...env },
			stdio: ['ignore', 'pipe', 'pipe']
		});
		let output = '';
		let killing = false;
		child.stdout.on('data', (chunk: Buffer) => {
			output += chunk.toString();
			if (!killing && output.split('\n').includes(waitFor)) {
				killing = true;
				setTimeout(() => child.kill('SIGKILL'), delayMs);
			}
		});
		child.on('exit', (code, signal) => {
			if (signal === 'SIGKILL') resolve(output.split('\n'));
			else reject(new Error(`run ended (${code}) before being killed at "${waitFor}":\n${output}`));
		});
	});
}

beforeAll(async () => {
	root = mkdtempSync(join(tmpdir(), 'crash-'));
	// The base: exports-1 published; exports-2 waiting in the source folder.
	const base = join(root, 'base');
	cpSync(join(FIXTURES, 'exports-1'), join(base, 'exports'), { recursive: true });
	const first = await runPipeline(configFor(base), { stages: defaultStages });
	if (first.status !== 'published') throw new Error(`base run ${first.status}: ${first.error?.message}`);
	cpSync(join(FIXTURES, 'exports-2'), join(base, 'exports'), { recursive: true });
	baseWarehouse = join(base, 'warehouse');
	baseVersion = (await readCurrent(baseWarehouse))!;
	// The uninterrupted run's result.
	const clean = join(root, 'clean');
	cpSync(base, clean, { recursive: true });
	const second = await runPipeline(configFor(clean), { stages: defaultStages });
	if (second.status !== 'published') throw new Error(`clean run ${second.status}: ${second.error?.message}`);
	expected = await publishedFingerprint(join(clean, 'warehouse'));
}, 600_000);

afterAll(() => rmSync(root, { recursive: true, force: true }));

async function expectRecovery(dir: string): Promise<void> {
	const warehouse = join(dir, 'warehouse');
	expect(await readCurrent(warehouse)).toBe(baseVersion);
	const published = (await openPublished(warehouse))!;
	expect(published.version).toBe(baseVersion);
	expect(await published.database.one(`SELECT count(*) AS n FROM source_file`)).toEqual({ n: 2 });
	published.database.close();

	const next = await runPipeline(configFor(dir), { stages: defaultStages });
	expect(next.error).toBeNull();
	expect(next.status).toBe('published');
	expect(readdirSync(join(warehouse, 'building'))).toEqual([]);
	expect(await publishedFingerprint(warehouse)).toEqual(expected);
}

/**
 * Every stage:start boundary when SANG_KIEN_CRASH_SWEEP=1 (a stage:end boundary is the next step's start with
 * only bookkeeping between); by default the boundaries that leave distinct states behind: nothing built yet
 * (land), a half-built version (merge_initiatives), a built but unpublished version (publish).
 */
const SWEEP = process.env.SANG_KIEN_CRASH_SWEEP === '1';
const BOUNDARIES = STEPS.filter((step) => SWEEP || ['land', 'merge_initiatives', 'publish'].includes(step)).map(
	(step) => `stage:start ${step}`
);
const MID_STAGE = SWEEP ? ['stage_initiatives', 'build_marts', 'publish'] : ['build_marts'];

describe.concurrent('a pipeline run killed with SIGKILL', () => {
	let case_ = 0;
	const freshCopy = () => {
		const dir = join(root, `case-${case_++}`);
		cpSync(join(root, 'base'), dir, { recursive: true });
		return dir;
	};

	it.each(BOUNDARIES)('at "%s" leaves CURRENT untouched, and the next run publishes the uninterrupted result', async (boundary) => {
		const dir = freshCopy();
		const lines = await killRunAt(dir, { SANG_KIEN_STOP_AT: boundary }, boundary);
		expect(lines).toContain(boundary);
		await expectRecovery(dir);
	});

	it.each(MID_STAGE)('in the middle of %s leaves CURRENT untouched too (or, inside publish, already switched to the whole new version)', async (step) => {
		const dir = freshCopy();
		await killRunAt(dir, {}, `stage:start ${step}`, step === 'publish' ? 5 : 30);
		const current = await readCurrent(join(dir, 'warehouse'));
		if (step === 'publish' && current !== baseVersion) {
			// The kill came after the CURRENT switch: the new version must be complete, never half of one.
			expect(await publishedFingerprint(join(dir, 'warehouse'))).toEqual(expected);
			return;
		}
		await expectRecovery(dir);
	});

	it('after publish has switched CURRENT, leaves the new version published', async () => {
		const dir = freshCopy();
		await killRunAt(dir, { SANG_KIEN_STOP_AT: 'stage:end publish' }, 'stage:end publish');
		const warehouse = join(dir, 'warehouse');
		expect(await readCurrent(warehouse)).not.toBe(baseVersion);
		expect(await publishedFingerprint(warehouse)).toEqual(expected);
	});
});
