// Runs the simulated portal: builds the tree and population, writes every export (in worker threads) and the fault manifest.
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { isoMinute } from './calendar.ts';
import { exportFiles, type ExportFile, type Schedule } from './export-schedule.ts';
import { writeExportFiles, writeUnitFiles, type UnitContext, type WriteResult } from './export-files.ts';
import type { WorkerTask } from './export-worker.ts';
import { planInitiatives } from './initiative-plan.ts';
import { generatePopulation, type Population } from './population.ts';
import { submittedBy } from './snapshot-pass.ts';
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
	/** Worker threads writing files beside this one (default: one per further core from scale 0.1, none below). */
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

/** Rows an initiative file will hold, weighted by its format's cost, to balance the workers. */
function estimate(file: ExportFile, p: Population): number {
	const lo = submittedBy(p.submitted, file.at);
	const weight = file.format === 'xlsx' ? 40 : file.format === 'json' || file.gzip ? 4 : 1;
	return file.scope === 'toan-quoc' ? lo : (lo / 60) * weight;
}

/** A worker thread writing files beside this one: sent the tree and unit files first, then the population and its initiative files. */
class ExportWorker {
	private readonly worker: Worker;
	readonly result: Promise<WriteResult>;

	constructor() {
		// Workers load the TypeScript entry through tsx's loader, registered inside the worker; booting overlaps the population's generation.
		const entry = JSON.stringify(new URL('./export-worker.ts', import.meta.url).href);
		const boot = `import('tsx/esm/api').then(({ register }) => { register(); return import(${entry}); })`;
		this.worker = new Worker(boot, { eval: true });
		this.result = new Promise((resolve, reject) => {
			this.worker.once('message', (result: WriteResult) => resolve(result));
			this.worker.once('error', reject);
			this.worker.once('exit', (code) => code !== 0 && reject(new Error(`export worker exited with ${code}`)));
		});
		// Failures are awaited later; do not let an early one go unhandled meanwhile.
		this.result.catch(() => {});
	}

	send(task: WorkerTask): void {
		this.worker.postMessage(task);
	}

	stop(): Promise<number> {
		return this.worker.terminate();
	}
}

/** Splits files over n threads by their estimated work, largest first (a stable order for equal sizes). */
function balance(files: readonly ExportFile[], n: number, population: Population): ExportFile[][] {
	const groups: ExportFile[][] = Array.from({ length: n }, () => []);
	const load = new Array<number>(n).fill(0);
	const sized = files.map((f) => ({ f, size: estimate(f, population) })).sort((a, b) => b.size - a.size || a.f.name.localeCompare(b.f.name));
	for (const { f, size } of sized) {
		const k = load.indexOf(Math.min(...load));
		groups[k]!.push(f);
		load[k]! += size;
	}
	return groups;
}

/** Generates the simulated portal's exports into options.out. */
export async function simulate(options: SimulateOptions): Promise<SimulateReport> {
	const started = performance.now();
	const log = options.log ?? (() => {});
	mkdirSync(options.out, { recursive: true });
	// Worker threads pay off for big populations only (booting one costs about a second).
	const count = Math.max(0, options.workers ?? (options.scale >= 0.1 ? availableParallelism() - 1 : 0));
	const workers = Array.from({ length: count }, () => new ExportWorker());
	try {
		const files = exportFiles(options.schedule, options.dirty);
		const tree = buildUnitTree(options.seed, options.scale);
		const unitContext: UnitContext = { tree, seed: options.seed, dirty: options.dirty, outDir: options.out };
		// The first worker writes the unit-tree exports while this thread generates the population.
		const unitFiles = files.filter((f) => f.dataset === 'units');
		const results: WriteResult[] = [];
		workers.forEach((w, k) => w.send({ kind: 'units', context: unitContext, files: k === 0 ? unitFiles : [] }));
		if (!workers.length) results.push(writeUnitFiles(unitContext, unitFiles));
		const plan = planInitiatives(tree, options.seed, options.scale);
		const population = generatePopulation(tree, plan, options.seed, options.scale);
		log(`population: ${population.count} initiatives, ${tree.grassroots.code.length} grassroots unions (${((performance.now() - started) / 1000).toFixed(1)} s)`);
		const groups = balance(files.filter((f) => f.dataset !== 'units'), workers.length + 1, population);
		workers.forEach((w, k) => w.send({ kind: 'initiatives', population, files: groups[k + 1]! }));
		const seconds = () => ((performance.now() - started) / 1000).toFixed(1);
		workers.forEach((w, k) => void w.result.then(() => log(`worker ${k + 1} done (${seconds()} s)`), () => {}));
		results.push(await writeExportFiles({ ...unitContext, population }, groups[0]!));
		log(`main thread done (${seconds()} s)`);
		results.push(...(await Promise.all(workers.map((w) => w.result))));
		return finish(options, files, results, population.count, started);
	} finally {
		await Promise.all(workers.map((w) => w.stop()));
	}
}

/** Writes the manifest of the files written and sums them up. */
function finish(options: SimulateOptions, files: readonly ExportFile[], results: readonly WriteResult[], initiatives: number, started: number): SimulateReport {
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
		initiatives,
		seconds: (performance.now() - started) / 1000
	};
}
