// The child processes `npm start` runs (generator, pipeline runs, vite build, the dashboard), tracked so a shutdown can stop them all.
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (children run there). */
export const REPOSITORY = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');

export interface ChildExit {
	code: number | null;
	signal: NodeJS.Signals | null;
}

export class ChildProcesses {
	readonly #running = new Set<ChildProcess>();
	#stopping = false;

	get stopping(): boolean {
		return this.#stopping;
	}

	/** Starts a child in the repository; it is forgotten once it exits. */
	spawn(command: string, args: readonly string[], options: SpawnOptions = {}): ChildProcess {
		if (this.#stopping) throw new Error('shutting down');
		const child = spawn(command, args, { cwd: REPOSITORY, ...options });
		this.#running.add(child);
		child.once('exit', () => this.#running.delete(child));
		child.once('error', () => this.#running.delete(child));
		return child;
	}

	/** A TypeScript entry run by this Node with tsx's loader. */
	spawnTs(entry: string, args: readonly string[], options: SpawnOptions = {}): ChildProcess {
		return this.spawn(process.execPath, ['--import', 'tsx', resolve(REPOSITORY, entry), ...args], options);
	}

	/** Sends SIGTERM to every running child and waits (SIGKILL after graceMs). */
	async stopAll(graceMs = 10_000): Promise<void> {
		this.#stopping = true;
		await Promise.all([...this.#running].map((child) => stopChild(child, graceMs)));
	}
}

/** Resolves when the child exits (an 'error' such as ENOENT counts as exit code null). */
export function exited(child: ChildProcess): Promise<ChildExit> {
	if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve({ code: child.exitCode, signal: child.signalCode });
	return new Promise((resolve) => {
		child.once('exit', (code, signal) => resolve({ code, signal }));
		child.once('error', () => resolve({ code: null, signal: null }));
	});
}

/** SIGTERM, then SIGKILL if it has not exited after graceMs. */
export async function stopChild(child: ChildProcess, graceMs = 10_000): Promise<void> {
	if (child.exitCode !== null || child.signalCode !== null) return;
	const done = exited(child);
	child.kill('SIGTERM');
	const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
	await done;
	clearTimeout(timer);
}
