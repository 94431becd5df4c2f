// Generates simulated exports once per (simulator version, scale, seed, dirt, schedule) into var/cache/, atomically, for tests that read them.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { acquirePipelineLock, LockHeldError } from '../../warehouse/versions/pipeline-lock.ts';
import type { Schedule } from './export-schedule.ts';
import { DEFAULT_DIRTY, DEFAULT_SEED, SIMULATOR_VERSION } from './simulate.ts';

const repository = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');

export interface CacheKey {
	scale: number;
	seed?: number;
	dirty?: number;
	schedule?: Schedule;
}

/** The cache directory of a key: var/cache/sim-v<simulator version>-<scale>-<seed>-<dirty>-<schedule>/. */
export function simulatedExportsDir(key: CacheKey): string {
	const { scale, seed = DEFAULT_SEED, dirty = DEFAULT_DIRTY, schedule = 'full' } = key;
	return join(repository, 'var', 'cache', `sim-v${SIMULATOR_VERSION}-${scale}-${seed}-${dirty}-${schedule}`);
}

/**
 * Returns the directory holding the exports of a key, generating them first if absent. Generation runs the CLI in a
 * child process into a temporary directory renamed on success, so a killed run never leaves a half cache.
 */
export function ensureSimulatedExports(key: CacheKey): string {
	const dir = simulatedExportsDir(key);
	if (existsSync(join(dir, 'manifest.json'))) return dir;
	mkdirSync(join(dir, '..'), { recursive: true });
	// Test workers run in parallel: one generates, the others wait for it and reuse its cache.
	return withProcessLock(`${dir}.lock`, () => (existsSync(join(dir, 'manifest.json')) ? dir : generateInto(dir, key)));
}

/** Sleeps the calling thread (test set-up code is synchronous). */
function sleepSync(ms: number): void {
	Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Runs fn while holding a pid lock file, waiting for another live process that holds it; a dead holder's lock is taken over. */
export function withProcessLock<T>(path: string, fn: () => T): T {
	for (;;) {
		let lock;
		try {
			lock = acquirePipelineLock(path);
		} catch (error) {
			if (!(error instanceof LockHeldError)) throw error;
			sleepSync(500);
			continue;
		}
		try {
			return fn();
		} finally {
			lock.release();
		}
	}
}

function generateInto(dir: string, key: CacheKey): string {
	const { scale, seed = DEFAULT_SEED, dirty = DEFAULT_DIRTY, schedule = 'full' } = key;
	const temporary = `${dir}.tmp-${process.pid}`;
	rmSync(temporary, { recursive: true, force: true });
	mkdirSync(temporary, { recursive: true });
	const cli = join(repository, 'pipelines', 'simulated-portal', 'simulate-cli.ts');
	const run = spawnSync(process.execPath, ['--import', 'tsx', cli, '--scale', String(scale), '--seed', String(seed), '--dirty', String(dirty), '--schedule', schedule, '--out', temporary], {
		cwd: repository,
		stdio: ['ignore', 'pipe', 'pipe'],
		encoding: 'utf8'
	});
	if (run.status !== 0) {
		rmSync(temporary, { recursive: true, force: true });
		throw new Error(`simulated portal failed (exit ${run.status}): ${run.stderr.slice(-2000)}`);
	}
	if (existsSync(join(dir, 'manifest.json'))) rmSync(temporary, { recursive: true, force: true });
	else {
		rmSync(dir, { recursive: true, force: true });
		renameSync(temporary, dir);
	}
	return dir;
}
