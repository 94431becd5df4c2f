// Benchmarks the pipeline: a scale-1 national CSV from landed file to published version beside DuckDB's plain CSV load, its peak RSS, and stage + validate throughput (synthetic CSV, per-unit XLSX).
import { spawn } from 'node:child_process';
import { copyFileSync, linkSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Database } from '../../warehouse/duckdb/database.ts';
import { writeXlsx } from '../simulated-portal/export-writers.ts';
import { ensureSimulatedExports } from '../simulated-portal/simulated-exports-cache.ts';
import { INITIATIVE_HEADERS } from '../stage/export-headers.ts';
import { quoteLiteral } from '../stage/sql-text.ts';
import { stageFile } from '../stage/stage-file.ts';
import { landedFixture, loadFiles, unitTreeFromStaged } from '../validate/fixture-support.ts';
import { writeSyntheticInitiatives, writeSyntheticUnits } from '../validate/synthetic-export.ts';
import { validateInitiativeFile } from '../validate/validate-initiatives.ts';
import { validateUnitFile } from '../validate/validate-units.ts';
import type { Benchmark, BenchResult } from './benchmarks.ts';
import { cpuSeconds, peakRssMb } from './simulate-bench.ts';

const repository = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
/** Steps of a run that come after landing: the "landed file → published version" time. */
const AFTER_LANDING = ['begin', 'stage_units', 'merge_units', 'stage_initiatives', 'merge_initiatives', 'build_marts', 'audit', 'publish'];

const seconds = (since: number) => Number(((performance.now() - since) / 1000).toFixed(2));

/** A fresh scratch directory under var/bench (same file system as var/cache, so hard links work). */
function scratchDir(name: string): string {
	const dir = join(repository, 'var', 'bench', `${name}-${process.pid}`);
	rmSync(dir, { recursive: true, force: true });
	mkdirSync(dir, { recursive: true });
	return dir;
}

function linkOrCopy(from: string, to: string): void {
	try {
		linkSync(from, to);
	} catch {
		copyFileSync(from, to);
	}
}

/** The newest file of a folder whose name starts with `prefix` and ends with `suffix`. */
function newest(dir: string, prefix: string, suffix: string): string {
	const name = readdirSync(dir).filter((n) => n.startsWith(prefix) && n.endsWith(suffix)).sort().at(-1);
	if (!name) throw new Error(`no ${prefix}…${suffix} in ${dir}`);
	return join(dir, name);
}

/** Seconds (wall and CPU) DuckDB alone takes to load the CSV into a table of a file database (the baseline). */
async function rawCsvLoad(csv: string, dir: string): Promise<{ wall: number; cpu: number }> {
	const path = join(dir, 'baseline.duckdb');
	const db = await Database.open(path);
	const started = performance.now();
	const cpu = process.cpuUsage();
	await db.run(`CREATE TABLE t AS SELECT * FROM read_csv(${quoteLiteral(csv)})`);
	const used = process.cpuUsage(cpu);
	const took = seconds(started);
	db.close();
	rmSync(path, { force: true });
	return { wall: took, cpu: Number(((used.user + used.system) / 1e6).toFixed(2)) };
}

async function rawCsvLoadSeconds(csv: string, dir: string): Promise<number> {
	return (await rawCsvLoad(csv, dir)).wall;
}

interface PipelineChild {
	wallSeconds: number;
	cpuSeconds: number;
	peakRssMb: number;
	durationsMs: Record<string, number>;
	status: string;
}

/** Runs `pipeline run` in a child process under /usr/bin/time -v and reads its run record. */
async function runPipelineChild(source: string, warehouse: string): Promise<PipelineChild> {
	const cli = join(repository, 'pipelines', 'run', 'pipeline-cli.ts');
	const started = performance.now();
	const child = spawn('/usr/bin/time', ['-v', process.execPath, '--import', 'tsx', cli, 'run', '--source', source, '--warehouse', warehouse], {
		cwd: repository,
		stdio: ['ignore', 'ignore', 'pipe']
	});
	let stderr = '';
	child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
	const code = await new Promise<number | null>((done) => child.on('close', done));
	const wallSeconds = seconds(started);
	const runs = join(warehouse, 'runs');
	const record = JSON.parse(readFileSync(join(runs, readdirSync(runs).sort().at(-1)!), 'utf8')) as { status: string; durationsMs: Record<string, number> };
	if (code !== 0) throw new Error(`pipeline run failed (exit ${code}, ${record.status}): ${stderr.slice(-1500)}`);
	return { wallSeconds, cpuSeconds: cpuSeconds(stderr), peakRssMb: peakRssMb(stderr), durationsMs: record.durationsMs, status: record.status };
}

/** The closing national CSV and unit tree of the scale-1 simulated portal ("close" schedule), or a synthetic 2.1M-row pair. */
async function nationalSnapshot(dir: string): Promise<{ units: string; initiatives: string; origin: string }> {
	try {
		const exports = ensureSimulatedExports({ scale: 1, schedule: 'close' });
		return { units: newest(exports, 'don-vi_', '.csv'), initiatives: newest(exports, 'sang-kien_toan-quoc_', '.csv'), origin: 'simulated' };
	} catch (error) {
		console.error(`simulated scale-1 exports unavailable (${(error as Error).message.split('\n')[0]}); using a synthetic export`);
		const units = join(dir, 'don-vi_20230901-0800.csv');
		const initiatives = join(dir, 'sang-kien_toan-quoc_20230901-0800.csv');
		await writeSyntheticUnits(units);
		await writeSyntheticInitiatives(initiatives, 2_100_000);
		return { units, initiatives, origin: 'synthetic' };
	}
}

/** Scale-1 national CSV through the real pipeline (child process) beside DuckDB's plain load of the same file. */
async function nationalPipeline(): Promise<BenchResult> {
	const dir = scratchDir('pipeline');
	try {
		const { units, initiatives, origin } = await nationalSnapshot(dir);
		const source = join(dir, 'exports');
		mkdirSync(source);
		for (const file of [units, initiatives]) linkOrCopy(file, join(source, file.split('/').at(-1)!));
		const load = loadavg()[0]!;
		const raw = await rawCsvLoad(initiatives, dir);
		const baseline = raw.wall;
		const run = await runPipelineChild(source, join(dir, 'warehouse'));
		const step = (name: string) => (run.durationsMs[name] ?? 0) / 1000;
		const landedToPublished = AFTER_LANDING.reduce((sum, name) => sum + step(name), 0);
		const stageValidate = step('stage_initiatives');
		const rows = Number((await countCsvRecords(initiatives)).toFixed(0));
		return {
			case: `pipeline national CSV (${origin}, ${(statSync(initiatives).size / 1e6).toFixed(0)} MB)`,
			values: {
				rows,
				'raw load s': baseline,
				'landed→published s': Number(landedToPublished.toFixed(2)),
				ratio: Number((landedToPublished / baseline).toFixed(2)),
				'stage+validate s': Number(stageValidate.toFixed(2)),
				'merge s': Number((step('merge_units') + step('merge_initiatives')).toFixed(2)),
				'build s': Number(step('build_marts').toFixed(2)),
				'audit s': Number(step('audit').toFixed(2)),
				'publish s': Number(step('publish').toFixed(2)),
				'fetch+land s': Number((step('fetch') + step('land')).toFixed(2)),
				'wall s': run.wallSeconds,
				'raw load CPU s': raw.cpu,
				'run CPU s (incl. fetch)': run.cpuSeconds,
				'load avg': `${load.toFixed(1)}→${loadavg()[0]!.toFixed(1)}`,
				'peak RSS MB': run.peakRssMb,
				'rows/s': Math.round(rows / landedToPublished)
			}
		};
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}

/** Records in a CSV as DuckDB reads them (quoted line breaks stay in one record). */
async function countCsvRecords(csv: string): Promise<number> {
	const db = await Database.open(':memory:');
	const row = await db.one<{ n: number }>(`SELECT count(*) AS n FROM read_csv(${quoteLiteral(csv)}, all_varchar = true)`);
	db.close();
	return row?.n ?? 0;
}

/** Stage + validate of a synthetic initiatives CSV in-process, beside DuckDB's plain load. */
async function syntheticStageValidate(rows: number): Promise<BenchResult> {
	const dir = scratchDir('stage-validate');
	try {
		const units = join(dir, 'don-vi_20230901-0800.csv');
		const initiatives = join(dir, 'sang-kien_toan-quoc_20230901-0800.csv');
		await writeSyntheticUnits(units);
		await writeSyntheticInitiatives(initiatives, rows);
		const baseline = await rawCsvLoadSeconds(initiatives, dir);
		const db = await Database.open(':memory:');
		const started = performance.now();
		const [, report] = await loadFiles(db, units, [initiatives]);
		const took = seconds(started);
		db.close();
		if (report?.rowsLoaded !== rows) throw new Error(`synthetic export: ${report?.rowsLoaded} of ${rows} rows loaded`);
		return { case: `stage+validate synthetic CSV`, values: { rows, 'raw load s': baseline, 'stage+validate s': took, ratio: Number((took / baseline).toFixed(2)), 'rows/s': Math.round(rows / took) } };
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}

/** A per-unit XLSX export (one title row) of one level-1 unit's rows of a national CSV, written as the simulated portal writes XLSX. */
async function unitXlsx(national: string, unit: string, dir: string): Promise<string> {
	const db = await Database.open(':memory:');
	const rows = await db.all(
		`SELECT * FROM read_csv(${quoteLiteral(national)}, all_varchar = true) WHERE starts_with("Mã CĐCS", ${quoteLiteral(`${unit}.`)})`
	);
	db.close();
	const stamp = /_(\d{8}-\d{4})\./u.exec(national)![1]!;
	const path = join(dir, `sang-kien_${unit}_${stamp}.xlsx`);
	const values = rows.map((row) => INITIATIVE_HEADERS.map((h, k) => (k === 0 ? Number(row[h]) : String(row[h] ?? ''))));
	await writeXlsx(path, [`DANH SÁCH SÁNG KIẾN - ${unit}`], INITIATIVE_HEADERS, values);
	return path;
}

/** Stage + validate of a per-unit XLSX (Bà Rịa–Vũng Tàu's rows of the national snapshot), in-process. */
async function xlsxStageValidate(): Promise<BenchResult> {
	const dir = scratchDir('xlsx');
	const db = await Database.open(':memory:');
	try {
		const { units, initiatives } = await nationalSnapshot(dir);
		const xlsx = await unitXlsx(initiatives, 'T77', dir);
		await validateUnitFile(db, await stageFile(db, landedFixture(units), 1));
		await unitTreeFromStaged(db, 1);
		const started = performance.now();
		const report = await validateInitiativeFile(db, await stageFile(db, landedFixture(xlsx), 2));
		const took = seconds(started);
		return {
			case: `stage+validate XLSX ${xlsx.split('/').at(-1)} (${(statSync(xlsx).size / 1e6).toFixed(1)} MB)`,
			values: { rows: report.rowsRead, 'stage+validate s': took, 'rows/s': Math.round(report.rowsRead / took) }
		};
	} finally {
		db.close();
		rmSync(dir, { recursive: true, force: true });
	}
}

export const pipelineBenchmarks: Benchmark[] = [
	{
		name: 'pipeline',
		description: 'scale-1 national CSV landed → published vs DuckDB raw CSV load (targets ≤ 3×, peak RSS ≤ 2 GB); stage+validate CSV and XLSX throughput',
		run: async () => [await nationalPipeline(), await syntheticStageValidate(200_000), await xlsxStageValidate()]
	}
];
