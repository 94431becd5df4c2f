// The single-writer lock of a warehouse directory: pipeline.lock holds the running pipeline's pid; a dead pid's lock is taken over.
import { openSync, readFileSync, unlinkSync, writeSync, closeSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

export class LockHeldError extends Error {
	readonly code = 'lock_held';
	constructor(readonly pid: number) {
		super(`another pipeline run (pid ${pid}) is running`);
	}
}

export interface HeldLock {
	path: string;
	pid: number;
	/** True when a stale lock of a dead process was taken over. */
	tookOver: number | null;
	release(): void;
}

/** Whether a process with this pid exists (EPERM means it exists but belongs to someone else). */
export function isProcessAlive(pid: number): boolean {
	if (!Number.isInteger(pid) || pid <= 0) return false;
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}

function readLockPid(path: string): number | undefined {
	try {
		const pid = Number.parseInt(readFileSync(path, 'utf8').trim(), 10);
		return Number.isNaN(pid) ? 0 : pid;
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
		throw error;
	}
}

/** Takes the lock or throws LockHeldError naming the live holder. */
export function acquirePipelineLock(path: string, options: { pid?: number; isAlive?: (pid: number) => boolean } = {}): HeldLock {
	const pid = options.pid ?? process.pid;
	const isAlive = options.isAlive ?? isProcessAlive;
	mkdirSync(dirname(path), { recursive: true });
	let tookOver: number | null = null;
	for (let attempt = 0; attempt < 3; attempt++) {
		try {
			const fd = openSync(path, 'wx');
			writeSync(fd, `${pid}\n`);
			closeSync(fd);
			let released = false;
			return {
				path,
				pid,
				tookOver,
				release() {
					if (released) return;
					released = true;
					if (readLockPid(path) === pid) unlinkSync(path);
				}
			};
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
		}
		const holder = readLockPid(path);
		if (holder === undefined) continue; // released meanwhile
		if (holder > 0 && isAlive(holder)) throw new LockHeldError(holder);
		// Stale: its process is gone (or the file is empty/garbled from a crash while writing it).
		tookOver = holder;
		try {
			unlinkSync(path);
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
		}
	}
	const holder = readLockPid(path);
	throw new LockHeldError(holder ?? 0);
}
