// Makes sure the demo exports folder holds a complete simulated portal (manifest matching scale/seed/dirt): reuses, links the test cache, or generates atomically.
import { existsSync } from 'node:fs';
import { copyFile, link, mkdir, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { exportFiles } from '../simulated-portal/export-schedule.ts';
import { simulatedExportsDir } from '../simulated-portal/simulated-exports-cache.ts';
import type { RunReporter } from '../run/run-reporter.ts';
import { ChildProcesses, exited } from './child-processes.ts';
import { StartError, isDiskFull } from './start-errors.ts';
import type { DemoKey } from './start-settings.ts';

export type DemoExportsOutcome = 'reused' | 'linked' | 'generated';

/** True when a parsed manifest.json was written for this key (pure). */
export function manifestMatches(manifest: unknown, key: DemoKey): boolean {
	if (typeof manifest !== 'object' || manifest === null) return false;
	const m = manifest as Record<string, unknown>;
	return m.scale === key.scale && m.seed === key.seed && m.dirty === key.dirty && (m.schedule ?? 'full') === key.schedule && Array.isArray(m.files);
}

/** The folder's manifest matches the key (a missing or unreadable manifest does not). */
export async function isComplete(dir: string, key: DemoKey): Promise<boolean> {
	try {
		return manifestMatches(JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')), key);
	} catch {
		return false;
	}
}

/** The key a folder's manifest was written for, or null when it has no readable manifest. */
export async function manifestKey(dir: string): Promise<DemoKey | null> {
	try {
		const m = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')) as Partial<DemoKey>;
		return { scale: Number(m.scale), seed: Number(m.seed), dirty: Number(m.dirty), schedule: 'full' };
	} catch {
		return null;
	}
}

/** Files the generator writes for a key, the manifest included (pure). */
export function expectedFileCount(key: DemoKey): number {
	return exportFiles(key.schedule, key.dirty).length + 1;
}

function pidAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}

/** Removes `<dir>.tmp-<pid>` / `<dir>.old-<pid>` left by starts that were killed. */
async function removeAbandoned(dir: string): Promise<void> {
	const prefix = basename(dir);
	const names = await readdir(dirname(dir)).catch(() => [] as string[]);
	for (const name of names) {
		const match = /^(.*)\.(tmp|old)-(\d+)$/u.exec(name);
		if (match?.[1] === prefix && !pidAlive(Number(match[3]))) await rm(join(dirname(dir), name), { recursive: true, force: true });
	}
}

/** Hard-links (else copies) every file of a complete cache folder into `into`. */
async function linkFolder(from: string, into: string): Promise<void> {
	for (const name of await readdir(from)) {
		try {
			await link(join(from, name), join(into, name));
		} catch {
			await copyFile(join(from, name), join(into, name));
		}
	}
}

/** Polls the folder being written and reports files and megabytes so far. */
function watchProgress(dir: string, total: number, reporter: RunReporter): () => void {
	let last = -1;
	const timer = setInterval(() => {
		void (async () => {
			const names = await readdir(dir).catch(() => [] as string[]);
			let bytes = 0;
			for (const name of names) bytes += (await stat(join(dir, name)).catch(() => ({ size: 0 }))).size;
			const mb = Math.round(bytes / 1e6);
			if (names.length === last) return;
			last = names.length;
			reporter.progress(`generate (${mb} MB)`, Math.min(names.length, total - 1), total);
		})();
	}, 1000);
	return () => clearInterval(timer);
}

async function generate(key: DemoKey, into: string, children: ChildProcesses, reporter: RunReporter): Promise<void> {
	const args = ['--scale', String(key.scale), '--seed', String(key.seed), '--dirty', String(key.dirty), '--schedule', key.schedule, '--out', into];
	const child = children.spawnTs('pipelines/simulated-portal/simulate-cli.ts', args, { stdio: ['ignore', 'pipe', 'pipe'] });
	let stderr = '';
	child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
		stderr = (stderr + chunk).slice(-4000);
		for (const line of chunk.split('\n').filter(Boolean)) reporter.line(`generate: ${line}`);
	});
	child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
		for (const line of chunk.split('\n').filter(Boolean)) reporter.line(`generate: ${line}`);
	});
	const stop = watchProgress(into, expectedFileCount(key), reporter);
	const exit = await exited(child).finally(stop);
	if (children.stopping) throw new StartError('generationFailed', 'generation interrupted');
	if (exit.code !== 0) {
		const last = stderr.trim().split('\n').at(-1) ?? '';
		if (isDiskFull(stderr)) throw new StartError('diskFull', `disk full while generating the demo exports into ${into}: ${last}`);
		throw new StartError('generationFailed', `generating the demo exports failed (exit ${exit.code ?? exit.signal}): ${last}`);
	}
	if (!(await isComplete(into, key))) throw new StartError('generationFailed', `the generator finished without a matching manifest.json in ${into}`);
}

/**
 * Ensures `dir` holds the simulated exports of `key`. Works in `<dir>.tmp-<pid>` and renames it into place only when complete,
 * so a start killed at any point leaves either the old folder or the new one, never half of one.
 */
export async function ensureDemoExports(dir: string, key: DemoKey, children: ChildProcesses, reporter: RunReporter): Promise<DemoExportsOutcome> {
	if (await isComplete(dir, key)) return 'reused';
	await mkdir(dirname(dir), { recursive: true });
	await removeAbandoned(dir);
	const temporary = `${dir}.tmp-${process.pid}`;
	await rm(temporary, { recursive: true, force: true });
	await mkdir(temporary, { recursive: true });
	const cache = simulatedExportsDir(key);
	let outcome: DemoExportsOutcome;
	try {
		if (await isComplete(cache, key)) {
			reporter.line(`demo exports: linking the cached simulation ${cache}`);
			await linkFolder(cache, temporary);
			outcome = 'linked';
		} else {
			reporter.line(`demo exports: generating scale ${key.scale}, seed ${key.seed}, dirt ${key.dirty} into ${dir}`);
			await generate(key, temporary, children, reporter);
			outcome = 'generated';
		}
	} catch (error) {
		await rm(temporary, { recursive: true, force: true });
		throw error;
	}
	if (existsSync(dir)) {
		reporter.line(`demo exports: replacing ${dir} (it held another scale, seed or dirt, or no manifest)`);
		const old = `${dir}.old-${process.pid}`;
		await rename(dir, old);
		await rename(temporary, dir);
		await rm(old, { recursive: true, force: true });
	} else {
		await rename(temporary, dir);
	}
	return outcome;
}
