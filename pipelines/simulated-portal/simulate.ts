// Runs the simulated portal: builds the tree and population, writes every export (in worker threads) and the fault manifest.
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { isoMinute } from './calendar.ts';
import { exportFiles, type ExportFile, type Schedule } from './export-schedule.ts';
import { writeExportFiles, type ExportContext, type WriteResult } from './export-files.ts';
import { planInitiatives } from './initiative-plan.ts';
import { generatePopulation, type Population } from './population.ts';
import { buildUnitTree } from './unit-tree.ts';

/** THE default seed of the simulated portal (the calibration holds exactly for it at scale 1). */
export const DEFAULT_SEED = 2022;
export const DEFAULT_DIRTY = 0.001;

export interface SimulateOptions {
	scale: number;
	seed: number;
	dirty: number;
	schedule: Schedule;
	out: string;
	/** Worker threads writing files beside this one (default: one per further core for big populations, none below 200,000 initiatives). */
	workers?: number;
	log?: (message: string) => void;
}

export interface SimulateReport {
	files: number;
	rows: number;
	bytes: number;
	faults: number;
	initiatives: number;
	seconds: number;
}

/** Rows a file will hold, to balance the workers. */
function estimate(file: ExportFile, p: Population, units: number): number {
	if (file.dataset === 'units') return units * 3;
	let lo = 0;
	let hi = p.count;
	while (lo < hi) {
		const mid = (lo + hi) >>> 1;
		if (p.submitted[mid]! <= file.at) lo = mid + 1;
		else hi = mid;
	}
	const weight = file.format === 'xlsx' ? 40 : file.format === 'json' || file.gzip ? 4 : 1;
	return file.scope === 'toan-quoc' ? lo : (lo / 60) * weight;
}

function runWorker(context: ExportContext, files: ExportFile[]): Promise<WriteResult> {
	return new Promise((resolve, reject) => {
		// Workers load the TypeScript entry through tsx's loader, registered inside the worker.
		const entry = JSON.stringify(new URL('./export-worker.ts', import.meta.url).href);
		const boot = `import('tsx/esm/api').then(({ register }) => { register(); return import(${entry}); })`;
		const worker = new Worker(boot, { eval: true, workerData: { context, files } });
		worker.once('message', (result: WriteResult) => resolve(result));
		worker.once('error', reject);
		worker.once('exit', (code) => code !== 0 && reject(new Error(`export worker exited with ${code}`)));
	});
}

/** Generates the simulated portal's exports into options.out. */
export async function simulate(options: SimulateOptions): Promise<SimulateReport> {
	const started = performance.now();
	const log = options.log ?? (() => {});
	mkdirSync(options.out, { recursive: true });
	const tree = buildUnitTree(options.seed, options.scale);
	const plan = planInitiatives(tree, options.seed, options.scale);
	const population = generatePopulation(tree, plan, options.seed, options.scale);
	log(`population: ${population.count} initiatives, ${tree.grassroots.code.length} grassroots unions (${((performance.now() - started) / 1000).toFixed(1)} s)`);
	const files = exportFiles(options.schedule, options.dirty);
	const workers = Math.max(0, options.workers ?? (population.count >= 200_000 ? availableParallelism() - 1 : 0));
	const context: ExportContext = { tree, population, seed: options.seed, dirty: options.dirty, outDir: options.out };
	// Balance the files over this thread and the workers (the population lives in shared memory).
	const groups: ExportFile[][] = Array.from({ length: workers + 1 }, () => []);
	const load = new Array<number>(workers + 1).fill(0);
	const units = tree.grassroots.code.length;
	const sized = files.map((f) => ({ f, size: estimate(f, population, units) })).sort((a, b) => b.size - a.size || a.f.name.localeCompare(b.f.name));
	for (const { f, size } of sized) {
		const k = load.indexOf(Math.min(...load));
		groups[k]!.push(f);
		load[k]! += size;
	}
	const running = groups.slice(1).filter((g) => g.length).map((g) => runWorker(context, g));
	const results: WriteResult[] = [await writeExportFiles(context, groups[0]!), ...(await Promise.all(running))];
	const byName = new Map(files.map((f) => [f.name, f]));
	const written = results.flatMap((r) => r.files).sort((a, b) => a.name.localeCompare(b.name));
	const faults = results.flatMap((r) => r.faults).sort((a, b) => a.file.localeCompare(b.file) || a.row - b.row || a.kind.localeCompare(b.kind));
	const manifest = {
		seed: options.seed,
		scale: options.scale,
		dirty: options.dirty,
		schedule: options.schedule,
		generatedBy: 'sang-kien simulated portal (pipelines/simulated-portal)',
		files: written.map((w) => {
			const f = byName.get(w.name)!;
			return { name: w.name, sha256: w.sha256, rows: w.rows, bytes: w.bytes, dataset: f.dataset, scope: f.dataset === 'units' ? 'toan-quoc' : f.scope, exportedAt: isoMinute(f.at) };
		}),
		faults
	};
	writeFileSync(join(options.out, 'manifest.json'), `${JSON.stringify(manifest, null, 1)}\n`);
	return {
		files: written.length,
		rows: written.reduce((a, w) => a + w.rows, 0),
		bytes: written.reduce((a, w) => a + w.bytes, 0),
		faults: faults.length,
		initiatives: population.count,
		seconds: (performance.now() - started) / 1000
	};
}
