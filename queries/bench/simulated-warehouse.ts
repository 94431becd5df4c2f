// Builds (once, cached under var/cache/) a published warehouse from the simulated portal's exports by running the real pipeline CLI, for the benchmarks.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureSimulatedExports, simulatedExportsDir, type CacheKey } from '../../pipelines/simulated-portal/simulated-exports-cache.ts';

const repository = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');

/** The warehouse directory of a simulated key: var/cache/warehouse-<sim dir name>/. */
export function simulatedWarehouseDir(key: CacheKey): string {
	const exports = simulatedExportsDir(key);
	return join(dirname(exports), `warehouse-${basename(exports)}`);
}

/** Returns a warehouse directory with a published version of the key's exports, running simulate and the pipeline when absent. */
export function ensureSimulatedWarehouse(key: CacheKey): string {
	const warehouse = simulatedWarehouseDir(key);
	if (existsSync(join(warehouse, 'CURRENT'))) return warehouse;
	runPipelineCli(ensureSimulatedExports(key), warehouse);
	return warehouse;
}

/** Runs `pipeline run --source <source> --warehouse <warehouse>` in a child process; throws with its output's tail unless it published or found nothing new. */
export function runPipelineCli(source: string, warehouse: string): void {
	const cli = join(repository, 'pipelines', 'run', 'pipeline-cli.ts');
	const run = spawnSync(process.execPath, ['--import', 'tsx', cli, 'run', '--source', source, '--warehouse', warehouse], {
		cwd: repository,
		stdio: ['ignore', 'pipe', 'pipe'],
		encoding: 'utf8',
		maxBuffer: 64 * 1024 * 1024
	});
	if (run.status !== 0 && run.status !== 10) {
		throw new Error(`pipeline run on ${source} failed (exit ${run.status}): ${(run.stderr || run.stdout).slice(-2000)}`);
	}
}
