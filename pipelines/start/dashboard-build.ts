// Builds the dashboard (`vite build` into build/) when build/ is missing or older than the sources it is made from.
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { RunReporter } from '../run/run-reporter.ts';
import { ChildProcesses, REPOSITORY, exited } from './child-processes.ts';
import { StartError } from './start-errors.ts';

/** What the server bundle is built from: the app, the queries and warehouse code it imports, and the build configuration. */
export const DASHBOARD_SOURCES = ['dashboard', 'queries', 'warehouse', 'svelte.config.js', 'vite.config.ts', 'package-lock.json'];
/** The file adapter-node writes last-ish and `node build` starts from. */
export const BUILD_ENTRY = join('build', 'index.js');

/** A build is needed when there is none or a source changed after it (pure). */
export function buildIsStale(buildMtimeMs: number | undefined, newestSourceMtimeMs: number): boolean {
	return buildMtimeMs === undefined || newestSourceMtimeMs > buildMtimeMs;
}

/** Files that do not go into the build: tests, snapshots, fixtures, benchmarks' data (pure). */
export function isBuildInput(name: string): boolean {
	return !/\.test\.ts$|(^|\/)(__snapshots__|fixtures|node_modules|\.svelte-kit)(\/|$)/u.test(name);
}

async function newestMtime(path: string): Promise<number> {
	const info = await stat(path).catch(() => undefined);
	if (!info) return 0;
	if (!info.isDirectory()) return isBuildInput(path) ? info.mtimeMs : 0;
	let newest = 0;
	for (const entry of await readdir(path, { withFileTypes: true })) {
		const child = join(path, entry.name);
		if (!isBuildInput(child) || entry.name.startsWith('.')) continue;
		newest = Math.max(newest, await newestMtime(child));
	}
	return newest;
}

/** Whether build/ must be (re)built, and why, for the log. */
export async function dashboardBuildState(root = REPOSITORY): Promise<{ exists: boolean; stale: boolean }> {
	const built = (await stat(join(root, BUILD_ENTRY)).catch(() => undefined))?.mtimeMs;
	let newest = 0;
	for (const source of DASHBOARD_SOURCES) newest = Math.max(newest, await newestMtime(join(root, source)));
	return { exists: built !== undefined, stale: buildIsStale(built, newest) };
}

/** Runs `vite build` with its output shown (prefixed), failing with dashboardBuildFailed. */
export async function buildDashboard(children: ChildProcesses, reporter: RunReporter): Promise<number> {
	const started = performance.now();
	const vite = join(REPOSITORY, 'node_modules', 'vite', 'bin', 'vite.js');
	const child = children.spawn(process.execPath, [vite, 'build', '--logLevel', 'warn'], { stdio: ['ignore', 'pipe', 'pipe'] });
	let tail = '';
	const relay = (chunk: string) => {
		tail = (tail + chunk).slice(-4000);
		for (const line of chunk.split('\n').filter((l) => l.trim())) reporter.line(`build: ${line}`);
	};
	child.stdout?.setEncoding('utf8').on('data', relay);
	child.stderr?.setEncoding('utf8').on('data', relay);
	const exit = await exited(child);
	if (children.stopping) throw new StartError('dashboardBuildFailed', 'dashboard build interrupted');
	if (exit.code !== 0) {
		throw new StartError('dashboardBuildFailed', `dashboard build failed (exit ${exit.code ?? exit.signal}): ${tail.trim().split('\n').at(-1) ?? ''}`);
	}
	return (performance.now() - started) / 1000;
}
