// Benchmarks the simulated portal at scales 0.01 and 1: wall and CPU time, peak RSS of the child process, rows and bytes written, load average and CPU pressure.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Benchmark, BenchResult } from './benchmarks.ts';

const repository = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');

/** Peak RSS in MB from `/usr/bin/time -v` output. */
export function peakRssMb(timeOutput: string): number {
	const match = /Maximum resident set size \(kbytes\): (\d+)/u.exec(timeOutput);
	return match ? Math.round(Number(match[1]) / 1024) : NaN;
}

/** Share of the last 60 s in which some runnable task waited for a CPU (Linux PSI), in %; NaN where unavailable. */
export function cpuPressure(psi: string): number {
	const match = /^some avg10=[\d.]+ avg60=([\d.]+)/mu.exec(psi);
	return match ? Number(match[1]) : NaN;
}

function readCpuPressure(): number {
	try {
		return cpuPressure(readFileSync('/proc/pressure/cpu', 'utf8'));
	} catch {
		return NaN;
	}
}

/** User + system CPU seconds from `/usr/bin/time -v` output (the fair figure on a shared machine). */
export function cpuSeconds(timeOutput: string): number {
	const user = /User time \(seconds\): ([\d.]+)/u.exec(timeOutput);
	const system = /System time \(seconds\): ([\d.]+)/u.exec(timeOutput);
	return user && system ? Number((Number(user[1]) + Number(system[1])).toFixed(1)) : NaN;
}

async function runSimulation(scale: number): Promise<BenchResult> {
	const out = mkdtempSync(join(tmpdir(), `bench-sim-${scale}-`));
	const load = loadavg()[0]!;
	const started = performance.now();
	const child = spawn('/usr/bin/time', ['-v', process.execPath, '--import', 'tsx', join(repository, 'pipelines/simulated-portal/simulate-cli.ts'), '--scale', String(scale), '--out', out], { cwd: repository, stdio: ['ignore', 'pipe', 'pipe'] });
	let stderr = '';
	child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
	const code = await new Promise<number | null>((done) => child.on('close', done));
	const seconds = (performance.now() - started) / 1000;
	if (code !== 0) throw new Error(`simulate --scale ${scale} failed: ${stderr.slice(-1000)}`);
	const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as { files: { rows: number; bytes: number }[] };
	rmSync(out, { recursive: true, force: true });
	return {
		case: `simulate scale ${scale}`,
		values: {
			'wall s': Number(seconds.toFixed(1)),
			'CPU s': cpuSeconds(stderr),
			'peak RSS MB': peakRssMb(stderr),
			'load 1 min': Number(Math.max(load, loadavg()[0]!).toFixed(1)),
			'CPU pressure %': readCpuPressure(),
			files: manifest.files.length,
			rows: manifest.files.reduce((a, f) => a + f.rows, 0),
			'MB written': Math.round(manifest.files.reduce((a, f) => a + f.bytes, 0) / 1e6)
		}
	};
}

export const simulateBenchmarks: Benchmark[] = [
	{ name: 'simulate-small', description: 'simulated portal, scale 0.01 (target < 3 s)', run: async () => [await runSimulation(0.01)] },
	{ name: 'simulate', description: 'simulated portal, scale 0.01 and 1 (targets < 3 s; ≤ 90 s and < 1.5 GB)', run: async () => [await runSimulation(0.01), await runSimulation(1)] }
];
